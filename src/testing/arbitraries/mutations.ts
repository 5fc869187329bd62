/**
 * Random damage to a valid document (including nesting far deeper than any manifest), for robustness properties: the loader must report, never
 * throw, and every diagnostic must point into the document it is about.
 *
 * A `Mutation` is data (printable, shrinkable): which node to hit is `target`, taken modulo the
 * number of nodes of the document at the time the mutation applies.
 */
import fc from 'fast-check';
import type { Json, JsonObject } from './primitives.js';

export type Mutation =
  | { op: 'delete'; target: number }
  | { op: 'replace'; target: number; value: Json }
  | { op: 'insert'; target: number; key: string; value: Json }
  | { op: 'numberOutOfRange'; target: number; value: number }
  | { op: 'truncateString'; target: number; length: number }
  | { op: 'swapContainer'; target: number }
  | { op: 'wrapInArray'; target: number }
  | { op: 'nest'; target: number; depth: number; inArrays: boolean };

/** Keys worth inserting: typos of real fields, pointer-hostile characters, prototype names. */
const HOSTILE_KEYS = ['prefx', 'matchh', 'weight', 'spec', 'a/b', '~0', '~1', '', ' ', '__proto__', 'constructor', 'toString', '0', 'x.y'] as const;

/** Numbers that break ranges, integers and precision. */
const BAD_NUMBERS = [-1, 0, 1.5, 65536, 1001, 101, -2147483649, 2 ** 53 + 2, 1e21, -0, Number.MAX_VALUE] as const;

/** Any JSON value (bounded depth), including the awkward ones. */
export function jsonValueArbitrary(): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
    { weight: 1, arbitrary: fc.constantFrom<Json>(null, '', [], {}, true, 0, -1, '/', 'ENABLED', 'http', 'арр', '\u0000', 'a'.repeat(300)) },
  );
}

/** One mutation (the node it hits is picked when it applies). */
export function mutationArbitrary(): fc.Arbitrary<Mutation> {
  const target = fc.nat();
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), target }),
    fc.record({ op: fc.constant('replace' as const), target, value: jsonValueArbitrary() }),
    fc.record({ op: fc.constant('insert' as const), target, key: fc.oneof(fc.constantFrom(...HOSTILE_KEYS), fc.string({ maxLength: 6 })), value: jsonValueArbitrary() }),
    fc.record({ op: fc.constant('numberOutOfRange' as const), target, value: fc.oneof(fc.constantFrom(...BAD_NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()) }),
    fc.record({ op: fc.constant('truncateString' as const), target, length: fc.nat({ max: 3 }) }),
    fc.record({ op: fc.constant('swapContainer' as const), target }),
    fc.record({ op: fc.constant('wrapInArray' as const), target }),
    fc.record({ op: fc.constant('nest' as const), target, depth: fc.constantFrom(5, 40, 300), inArrays: fc.boolean() }),
  );
}

/** 1..`max` mutations. */
export function mutationsArbitrary(max = 3): fc.Arbitrary<Mutation[]> {
  return fc.array(mutationArbitrary(), { minLength: 1, maxLength: max });
}

/** Every JSON pointer of a value, parents before children ('' is the root). */
export function documentPointers(value: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: string) => {
    out.push(p);
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}/${i}`));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${p}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  walk(value, '');
  return out;
}

/** Applies mutations to a deep copy; returns the copy (the root itself may be replaced). */
export function applyMutations(doc: Json, mutations: readonly Mutation[]): Json {
  let root: Json = structuredClone(doc);
  for (const m of mutations) root = applyOne(root, m);
  return root;
}

function applyOne(root: Json, m: Mutation): Json {
  const pointers = documentPointers(root);
  const pointer = pointers[m.target % pointers.length]!;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const current = get(root, segments);
  const set = (value: Json | undefined): Json => {
    if (segments.length === 0) return value === undefined ? null : value;
    const parent = get(root, segments.slice(0, -1));
    const key = segments[segments.length - 1]!;
    if (Array.isArray(parent)) {
      if (value === undefined) parent.splice(Number(key), 1);
      else parent[Number(key)] = value;
    } else if (parent !== null && typeof parent === 'object') {
      if (value === undefined) delete parent[key];
      else Object.defineProperty(parent, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return root;
  };
  switch (m.op) {
    case 'delete':
      return set(undefined);
    case 'replace':
      return set(m.value);
    case 'insert':
      if (current !== null && typeof current === 'object' && !Array.isArray(current)) {
        // defineProperty: a key named __proto__ becomes an own property, as JSON.parse makes it.
        Object.defineProperty(current, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
        return root;
      }
      if (Array.isArray(current)) {
        current.push(m.value);
        return root;
      }
      return set({ [m.key]: m.value } as JsonObject);
    case 'numberOutOfRange':
      return set(m.value);
    case 'truncateString':
      // Not String(): an object given an own `toString: null` by an earlier insert has no primitive value.
      return set((typeof current === 'string' ? current : (JSON.stringify(current) ?? '')).slice(0, m.length));
    case 'swapContainer':
      if (Array.isArray(current)) return set(Object.fromEntries(current.map((v, i) => [String(i), v])) as JsonObject);
      if (current !== null && typeof current === 'object') return set(Object.values(current));
      return set({} as JsonObject);
    case 'wrapInArray':
      return set(current === undefined ? [] : [current]);
    case 'nest': {
      // Deeper than any manifest: the loader must refuse it, not overflow its stack.
      let v: Json = current === undefined ? null : current;
      for (let i = 0; i < m.depth; i++) v = m.inArrays ? [v] : { x: v };
      return set(v);
    }
  }
}

function get(root: Json, segments: string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const s of segments) {
    if (Array.isArray(node)) node = node[Number(s)];
    else if (node !== null && typeof node === 'object') node = Object.prototype.hasOwnProperty.call(node, s) ? node[s] : undefined;
    else return undefined;
  }
  return node;
}

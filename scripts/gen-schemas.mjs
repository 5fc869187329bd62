// Serializes the TypeBox schemas of src/model/schema into src/model/schema/compiled-data.ts, so that
// validation (src/model/schema/validate.ts) needs no TypeBox at run time: the Type builders alone are
// 75 KB minified; this module is ~21 KB minified, 3.1 KB gzipped. TypeBox stays the definition language.
//
// The output is the JSON Schema TypeBox produces (annotations included), written as calls of five
// small constructors (S string, I integer, E enum, A array, O strict object; anything else as an
// object literal), with subtrees that occur more than once and print longer than HOIST_MIN characters
// hoisted into constants. HOIST_MIN = 200 measured best: 3,205 B gzipped with no hoisting, 3,117 at
// 100, 3,062 at 200, 3,079 at 500 (hoisting small subtrees trades gzip's cheap repeats for names).
// test/model/schema/compiled.test.ts fails when the file is stale, or when a schema uses a keyword
// validate.ts does not interpret.
// Usage: node --import tsx scripts/gen-schemas.mjs [--check]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = resolve(root, 'src/model/schema/compiled-data.ts');
const HOIST_MIN = 200;

const HELPERS = `type N = number | undefined;
type Schema = Record<string, unknown>;
const S = (minLength: N, maxLength?: N, pattern?: string): Schema => ({ type: 'string', ...bounds({ minLength, maxLength, pattern }) });
const I = (minimum: N, maximum?: N): Schema => ({ type: 'integer', ...bounds({ minimum, maximum }) });
const E = (values: string): Schema => ({ enum: values.split(' ') });
const A = (items: Schema, minItems?: N, maxItems?: N): Schema => ({ type: 'array', items, ...bounds({ minItems, maxItems }) });
const O = (properties: Record<string, Schema>, required: string, extra?: Schema): Schema => ({
  type: 'object',
  properties,
  additionalProperties: false,
  ...(required ? { required: required.split(' ') } : {}),
  ...extra,
});
function bounds(o: Record<string, unknown>): Schema {
  for (const k of Object.keys(o)) if (o[k] === undefined) delete o[k];
  return o;
}
`;

const J = JSON.stringify;
const key = (k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : J(k));
const args = (...vs) => {
  while (vs.length > 0 && vs[vs.length - 1] === undefined) vs.pop();
  return vs.map((v) => (v === undefined ? 'undefined' : J(v))).join(', ');
};
const only = (s, ...allowed) => Object.keys(s).every((k) => allowed.includes(k));
const isWords = (a) => Array.isArray(a) && a.length > 0 && a.every((x) => typeof x === 'string' && x !== '' && !/\s/.test(x));

/** One schema node as a TS expression; `sub` prints its children. */
function print(s, sub) {
  if (typeof s !== 'object') return J(s);
  if (s.type === 'string' && only(s, 'type', 'minLength', 'maxLength', 'pattern') && Object.keys(s).length > 1) return `S(${args(s.minLength, s.maxLength, s.pattern)})`;
  if (s.type === 'integer' && only(s, 'type', 'minimum', 'maximum') && Object.keys(s).length > 1) return `I(${args(s.minimum, s.maximum)})`;
  if (only(s, 'enum') && isWords(s.enum)) return `E(${J(s.enum.join(' '))})`;
  if (s.type === 'array' && only(s, 'type', 'items', 'minItems', 'maxItems') && typeof s.items === 'object') {
    return `A(${[sub(s.items), args(s.minItems, s.maxItems)].filter(Boolean).join(', ')})`;
  }
  if (s.type === 'object' && s.additionalProperties === false && s.properties && !s.patternProperties && (s.required === undefined || isWords(s.required))) {
    const props = `{ ${Object.entries(s.properties).map(([k, v]) => `${key(k)}: ${sub(v)}`).join(', ')} }`;
    const extra = Object.fromEntries(Object.entries(s).filter(([k]) => !['type', 'properties', 'additionalProperties', 'required'].includes(k)));
    return `O(${props}, ${J((s.required ?? []).join(' '))}${Object.keys(extra).length > 0 ? `, ${J(extra)}` : ''})`;
  }
  return `{ ${Object.entries(s)
    .map(([k, v]) => {
      if (k === 'properties' || k === 'patternProperties') return `${key(k)}: { ${Object.entries(v).map(([p, x]) => `${J(p)}: ${sub(x)}`).join(', ')} }`;
      if (k === 'items' || k === 'additionalProperties') return `${key(k)}: ${sub(v)}`;
      return `${key(k)}: ${J(v)}`;
    })
    .join(', ')} }`;
}

function children(s) {
  if (typeof s !== 'object') return [];
  return [...Object.values(s.properties ?? {}), ...Object.values(s.patternProperties ?? {}), s.items, s.additionalProperties].filter((x) => typeof x === 'object');
}

export async function generate() {
  const { k8sSchemas, awsDescribeSchemas, awsInputSchemas, k8sV1beta1Schemas } = await import(resolve(root, 'src/model/schema/registry.ts'));
  const tables = { k8s: k8sSchemas, describe: awsDescribeSchemas, input: awsInputSchemas, v1beta1: k8sV1beta1Schemas };
  const plain = (v) => JSON.parse(J(v));
  const counts = new Map();
  const count = (s) => {
    const k = J(s);
    counts.set(k, (counts.get(k) ?? 0) + 1);
    if (counts.get(k) === 1) children(s).forEach(count);
  };
  for (const t of Object.values(tables)) for (const s of Object.values(t)) count(plain(s));
  const names = new Map();
  const consts = [];
  const expr = (s) => {
    const k = J(s);
    if (names.has(k)) return names.get(k);
    const e = print(s, expr);
    if (typeof s === 'object' && counts.get(k) > 1 && e.length > HOIST_MIN) {
      const name = `$${names.size.toString(36)}`;
      names.set(k, name);
      consts.push(`const ${name} = ${e};`);
      return name;
    }
    return e;
  };
  const body = Object.entries(tables)
    .map(([t, m]) => `  ${t}: {\n${Object.entries(m).map(([kind, s]) => `    ${kind}: ${expr(plain(s))},`).join('\n')}\n  },`)
    .join('\n');
  return [
    '// Generated by scripts/gen-schemas.mjs from the TypeBox schemas in this folder. Do not edit;',
    '// regenerate with `node --import tsx scripts/gen-schemas.mjs` (test/model/schema/compiled.test.ts',
    '// fails when this file is stale). Re-exported, typed, by ./compiled.ts.',
    '/* eslint-disable */',
    HELPERS,
    ...consts,
    '',
    `export const ROOTS = {\n${body}\n};`,
    '',
  ].join('\n');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const text = await generate();
  if (process.argv.includes('--check')) {
    if (readFileSync(target, 'utf8') !== text) {
      console.error('src/model/schema/compiled-data.ts is stale: run node --import tsx scripts/gen-schemas.mjs');
      process.exit(1);
    }
  } else {
    writeFileSync(target, text);
    console.log(`wrote ${target} (${text.length} bytes)`);
  }
}

/**
 * js-yaml reading scalars the way kubectl does (./kube-scalars.ts): a schema with one implicit type
 * for plain scalars, explicit `!!int` / `!!float` / `!!bool` / `!!null`, merge keys (`<<`, which
 * go-yaml v2 applies), and any other tag kept as the string written (go-yaml keeps the text of a tag
 * it does not know). Shared by the Node fast path and the browser reader.
 */
import jsyaml from 'js-yaml';
import { goFormatFloat32, isFloatScalar, resolvePlainScalar, resolveTaggedScalar, type KubeScalar } from './kube-scalars.js';

/**
 * A float while js-yaml composes: js-yaml turns a non-string key into `String(key)`, and
 * sigs.k8s.io/yaml writes a float key with Go's FormatFloat (`1e+06`, not `1000000`). Values are
 * unboxed after loading (unboxFloats), only when a float was seen.
 */
class KubeFloat extends Number {
  // A Number object (not a plain one): js-yaml stringifies it as a key with this toString.
  override toString(): string {
    return goFormatFloat32(this.valueOf());
  }
}

let floatsSeen = false;

// js-yaml calls resolve, then construct with the same text: resolve once.
let resolvedText: string | null = null;
let resolvedValue: KubeScalar = null;

const plainScalar = new jsyaml.Type('tag:yaml.org,2002:kubectl-plain', {
  kind: 'scalar',
  resolve: (data: string | null) => {
    if (data === null) return false;
    resolvedText = data;
    resolvedValue = resolvePlainScalar(data);
    return resolvedValue !== data;
  },
  construct: (data: string): KubeScalar | KubeFloat => box(data, data === resolvedText ? resolvedValue : resolvePlainScalar(data)),
});

function box(text: string, v: KubeScalar): KubeScalar | KubeFloat {
  if (typeof v !== 'number' || !isFloatScalar(text)) return v;
  floatsSeen = true;
  return new KubeFloat(v);
}

const tagged = (['int', 'float', 'bool', 'null'] as const).map((tag) => new jsyaml.Type(`tag:yaml.org,2002:${tag}`, {
  kind: 'scalar',
  resolve: (data: string | null) => {
    try {
      resolveTaggedScalar(tag, data ?? '');
      return true;
    } catch {
      return false;
    }
  },
  construct: (data: string | null) => box(data ?? '', resolveTaggedScalar(tag, data ?? '')),
}));

/** Tags go-yaml does not resolve (local `!foo`, `!!binary`, `!!timestamp`, …): the text as written. */
const otherTags = ['!', 'tag:yaml.org,2002:'].map((prefix) => new jsyaml.Type(prefix, { kind: 'scalar', multi: true, construct: (data: string | null) => data ?? '' }));

/** js-yaml's own merge-key type (exported at runtime, missing from @types/js-yaml). */
const mergeKey = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types.merge;

export const KUBE_SCHEMA = jsyaml.FAILSAFE_SCHEMA.extend({ implicit: [plainScalar, mergeKey], explicit: [...tagged, ...otherTags] });

/** jsyaml.loadAll with KUBE_SCHEMA; every value a plain JSON value (floats unboxed). */
export function loadAllKube(text: string, options: jsyaml.LoadOptions = {}): unknown[] {
  const values: unknown[] = [];
  floatsSeen = false;
  jsyaml.loadAll(text, (doc) => values.push(doc), { ...options, schema: KUBE_SCHEMA });
  if (floatsSeen) for (let i = 0; i < values.length; i++) values[i] = unboxFloats(values[i], new Set());
  return values;
}

/** Replaces KubeFloat boxes by their numbers, in place; `seen` keeps aliased nodes to one visit. */
function unboxFloats(v: unknown, seen: Set<object>): unknown {
  if (v instanceof KubeFloat) return v.valueOf();
  if (v === null || typeof v !== 'object' || seen.has(v)) return v;
  seen.add(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) v[i] = unboxFloats(v[i], seen);
  else for (const k of Object.keys(v)) (v as Record<string, unknown>)[k] = unboxFloats((v as Record<string, unknown>)[k], seen);
  return v;
}

/**
 * The document schemas the loader validates against, decoded from the serialized copy of the TypeBox
 * definitions (./compiled-data.ts, written by scripts/gen-schemas.mjs). Loading them needs no TypeBox:
 * the browser bundle carries ~4 KB of gzipped tables instead of the Type builders (75 KB minified).
 * Equal to `k8sSchemas` / `awsDescribeSchemas` / `awsInputSchemas` of ./registry.ts as JSON
 * (test/model/schema/compiled.test.ts).
 */
import type { AwsKind, K8sKind } from './registry.js';
import { NODES, ROOTS } from './compiled-data.js';

type Node = Record<string, unknown>;

const decoded: Node[] = [];
for (const node of NODES as Node[]) {
  const out: Node = { ...node };
  for (const k of ['properties', 'patternProperties']) {
    const map = node[k] as Record<string, number> | undefined;
    if (map) out[k] = Object.fromEntries(Object.entries(map).map(([p, i]) => [p, decoded[i]]));
  }
  for (const k of ['items', 'additionalProperties']) if (typeof node[k] === 'number') out[k] = decoded[node[k] as number];
  decoded.push(out);
}

const table = <K extends string>(roots: Record<K, number>): Record<K, object> =>
  Object.fromEntries(Object.entries(roots).map(([kind, i]) => [kind, decoded[i as number]])) as Record<K, object>;

/** Whole K8s documents (as `k8sSchemas`). */
export const k8sDocumentSchemas: Record<K8sKind, object> = table(ROOTS.k8s);
/** `describe-*` output documents (as `awsDescribeSchemas`). */
export const awsDescribeDocumentSchemas: Record<AwsKind, object> = table(ROOTS.describe);
/** `create-*` / `update-*` input documents (as `awsInputSchemas`). */
export const awsInputDocumentSchemas: Record<AwsKind, object> = table(ROOTS.input);

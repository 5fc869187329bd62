/**
 * The document schemas the loader validates against: the serialized copy of the TypeBox definitions
 * (./compiled-data.ts, written by scripts/gen-schemas.mjs). Loading them needs no TypeBox: the browser
 * bundle carries ~3 KB of gzipped constructors instead of the Type builders (75 KB minified). Equal
 * to `k8sSchemas` / `awsDescribeSchemas` / `awsInputSchemas` of ./registry.ts as JSON
 * (test/model/schema/compiled.test.ts).
 */
import type { AwsKind, K8sKind, LegacyKind } from './registry.js';
import { ROOTS } from './compiled-data.js';

/** Whole K8s documents (as `k8sSchemas`). */
export const k8sDocumentSchemas: Record<K8sKind, object> = ROOTS.k8s;
/** `describe-*` output documents (as `awsDescribeSchemas`). */
export const awsDescribeDocumentSchemas: Record<AwsKind, object> = ROOTS.describe;
/** `create-*` / `update-*` input documents (as `awsInputSchemas`). */
export const awsInputDocumentSchemas: Record<AwsKind, object> = ROOTS.input;
/** Legacy `appmesh.k8s.aws/v1beta1` documents (as `k8sV1beta1Schemas`). */
export const k8sV1beta1DocumentSchemas: Record<LegacyKind, object> = ROOTS.v1beta1;

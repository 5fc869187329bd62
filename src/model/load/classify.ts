/**
 * Recognises what each parsed document is: a Kubernetes App Mesh object, an AWS API document
 * (`describe-*` output or `create-*`/`update-*` input), a Kubernetes Namespace (its labels drive
 * selectors), a container (`List`, JSON array) to open, or something else to skip and count.
 */

import type { ResourceKind } from '../types.js';
import type { ParsedDocument } from './parse-documents.js';
import { joinPointer } from './pointer.js';

export const APPMESH_API_GROUP = 'appmesh.k8s.aws';
export const K8S_KINDS: readonly ResourceKind[] = ['Mesh', 'VirtualGateway', 'GatewayRoute', 'VirtualService', 'VirtualRouter', 'VirtualNode'];
/**
 * The legacy dialect of controller v0.x (`v1alpha1` is the same schema under another name) and its
 * three kinds: the router and its routes sit inside the VirtualService (docs/dialects.md).
 */
export const LEGACY_API_VERSIONS: readonly string[] = ['appmesh.k8s.aws/v1beta1', 'appmesh.k8s.aws/v1alpha1'];
export const LEGACY_KINDS: readonly ResourceKind[] = ['Mesh', 'VirtualService', 'VirtualNode'];

export function isLegacyApiVersion(apiVersion: string): boolean {
  return LEGACY_API_VERSIONS.includes(apiVersion);
}

/** Top-level spec fields only v1beta2 has: a v1beta1-labelled object carrying one is a v1beta2 object with the wrong label. */
const V1BETA2_ONLY_SPEC = ['awsName', 'meshRef', 'provider', 'podSelector', 'namespaceSelector', 'meshServiceDiscovery', 'backendGroups', 'gatewayRouteSelector'];

/**
 * Whether a v1beta1/v1alpha1-labelled object is read as the legacy dialect. Articles label v1beta2
 * shapes `v1beta1` (reference seed-shapes.md): kinds v1beta1 never had, and objects with a
 * v1beta2-only spec field (or a Mesh `spec.meshName`, the article form of `awsName`), stay v1beta2
 * objects with a SEED_API_VERSION warning.
 */
export function readsAsLegacy(apiVersion: string, kind: string, value: Record<string, unknown>): boolean {
  if (!isLegacyApiVersion(apiVersion) || !(LEGACY_KINDS as readonly string[]).includes(kind)) return false;
  const spec = isRecord(value.spec) ? value.spec : {};
  if (V1BETA2_ONLY_SPEC.some((k) => k in spec)) return false;
  return !(kind === 'Mesh' && 'meshName' in spec);
}

/** App Mesh CRD kinds that exist but play no part in routing. */
const K8S_KINDS_IGNORED = ['BackendGroup'];

/** One App Mesh object (or other recognised thing) found in the input, with where it lives. */
export interface Unit {
  doc: ParsedDocument;
  /** JSON pointer of this object inside its document ('' unless it sits in a List or array). */
  base: string;
  value: Record<string, unknown>;
}

/** What a document is (an enum, inlined as numbers by esbuild). */
export enum UnitType {
  K8s,
  Aws,
  Namespace,
  Skipped,
  UnknownAppMesh,
  AwsWithoutMesh,
  /** `{"spec": …}` alone: `--cli-input-json` / `--spec file://…` input whose names come from CLI flags. */
  SpecOnly,
}

export type Classified =
  | (Unit & { type: UnitType.K8s; kind: ResourceKind; apiVersion: string; /** Read as appmesh.k8s.aws/v1beta1 (docs/dialects.md). */ legacy: boolean })
  | (Unit & { type: UnitType.Aws; kind: ResourceKind; form: 'describe' | 'create'; body: Record<string, unknown>; bodyPointer: string })
  | (Unit & { type: UnitType.Namespace })
  | (Unit & { type: UnitType.Skipped; reason: string })
  | (Unit & { type: UnitType.UnknownAppMesh; apiVersion: string; kindName: string })
  | (Unit & { type: UnitType.AwsWithoutMesh; kind: ResourceKind; pointer: string })
  | (Unit & { type: UnitType.SpecOnly });

/** describe-* output wraps the resource in one key named after its kind. */
const DESCRIBE_KEYS: Record<string, ResourceKind> = {
  mesh: 'Mesh',
  virtualGateway: 'VirtualGateway',
  gatewayRoute: 'GatewayRoute',
  virtualService: 'VirtualService',
  virtualRouter: 'VirtualRouter',
  route: 'Route',
  virtualNode: 'VirtualNode',
};

export function classifyDocument(doc: ParsedDocument): Classified[] {
  return classifyValue(doc, '', doc.value);
}

/** Classifies one object again (after names were supplied for it: ./spec-names.ts). */
export function classifyObject(doc: ParsedDocument, base: string, value: Record<string, unknown>): Classified[] {
  return classifyValue(doc, base, value);
}

function classifyValue(doc: ParsedDocument, base: string, value: unknown): Classified[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => classifyValue(doc, joinPointer(base, i), item));
  if (!isRecord(value)) return [{ type: UnitType.Skipped, doc, base, value: {}, reason: 'not an object' }];

  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : null;
  const kind = typeof value.kind === 'string' ? value.kind : null;
  if (apiVersion !== null && kind !== null) {
    if (kind === 'List' || /List$/.test(kind)) {
      const items = value.items;
      return Array.isArray(items) ? items.flatMap((item, i) => classifyValue(doc, joinPointer(base, 'items', i), item)) : [];
    }
    if (apiVersion === APPMESH_API_GROUP || apiVersion.startsWith(APPMESH_API_GROUP + '/')) {
      if ((K8S_KINDS as readonly string[]).includes(kind)) return [{ type: UnitType.K8s, doc, base, value, kind: kind as ResourceKind, apiVersion, legacy: readsAsLegacy(apiVersion, kind, value) }];
      if (K8S_KINDS_IGNORED.includes(kind)) return [{ type: UnitType.Skipped, doc, base, value, reason: `${kind} is not used for routing` }];
      return [{ type: UnitType.UnknownAppMesh, doc, base, value, apiVersion, kindName: kind }];
    }
    if (apiVersion === 'v1' && kind === 'Namespace') return [{ type: UnitType.Namespace, doc, base, value }];
    return [{ type: UnitType.Skipped, doc, base, value, reason: `${apiVersion} ${kind}` }];
  }

  const describe = describeKind(value);
  if (describe) {
    const body = value[describe.key] as Record<string, unknown>;
    return [{ type: UnitType.Aws, doc, base, value, kind: describe.kind, form: 'describe', body, bodyPointer: joinPointer(base, describe.key) }];
  }
  const created = createKind(value);
  if (created) return [{ type: UnitType.Aws, doc, base, value, kind: created, form: 'create', body: value, bodyPointer: base }];
  const meshless = awsKindWithoutMesh(value);
  if (meshless) return [{ type: UnitType.AwsWithoutMesh, doc, base, value, kind: meshless.kind, pointer: meshless.pointer }];
  if (isSpecOnly(value)) return [{ type: UnitType.SpecOnly, doc, base, value }];
  return [{ type: UnitType.Skipped, doc, base, value, reason: 'not an App Mesh resource' }];
}

/** Input keys an API `create-*` document may carry besides its names. */
const INPUT_EXTRAS = ['spec', 'tags', 'clientToken', 'meshOwner', 'meshName'];

/** A spec object with nothing else an API input could not hold, and no resource name. */
function isSpecOnly(value: Record<string, unknown>): boolean {
  return isRecord(value.spec) && Object.keys(value).every((k) => INPUT_EXTRAS.includes(k));
}

/**
 * An object with a `spec` and an App Mesh name key (or a describe wrapper) but no `meshName` is an
 * AWS document with its mesh missing or misspelled — reported, not skipped as foreign.
 */
function awsKindWithoutMesh(value: Record<string, unknown>): { kind: ResourceKind; pointer: string } | null {
  const keys = Object.keys(value);
  if (keys.length === 1 && DESCRIBE_KEYS[keys[0]!] && isRecord(value[keys[0]!]) && 'spec' in (value[keys[0]!] as Record<string, unknown>)) {
    return { kind: DESCRIBE_KEYS[keys[0]!]!, pointer: joinPointer('', keys[0]!) };
  }
  if (!('spec' in value)) return null;
  const withMesh = { ...value, meshName: '' };
  const kind = createKind(withMesh);
  return kind && kind !== 'Mesh' ? { kind, pointer: '' } : null;
}

function describeKind(value: Record<string, unknown>): { key: string; kind: ResourceKind } | null {
  const keys = Object.keys(value);
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  const kind = DESCRIBE_KEYS[key];
  const body = value[key];
  if (!kind || !isRecord(body) || typeof body.meshName !== 'string') return null;
  return { key, kind };
}

/** `create-*` and `update-*` input is recognised from its name keys, most specific first. */
function createKind(value: Record<string, unknown>): ResourceKind | null {
  if (typeof value.meshName !== 'string') return null;
  const has = (k: string) => typeof value[k] === 'string';
  if (has('gatewayRouteName')) return 'GatewayRoute';
  if (has('routeName')) return 'Route';
  if (has('virtualGatewayName')) return 'VirtualGateway';
  if (has('virtualRouterName')) return 'VirtualRouter';
  if (has('virtualNodeName')) return 'VirtualNode';
  if (has('virtualServiceName')) return 'VirtualService';
  if ('spec' in value || Object.keys(value).every((k) => ['meshName', 'spec', 'tags', 'clientToken', 'meshOwner'].includes(k))) return 'Mesh';
  return null;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

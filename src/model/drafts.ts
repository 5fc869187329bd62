/**
 * First pass over the classified input: one Draft per App Mesh resource, with its identity (names,
 * namespace, labels), its canonical spec, the explicit bindings it carries, and its schema findings.
 * References are not resolved here (that needs every draft: see resolve.ts).
 *
 * A K8s VirtualRouter yields one Draft for itself and one per `spec.routes[]` entry, because App Mesh
 * (and the controller) treat each route as its own resource.
 */

import type { Diagnostic, Severity } from './diagnostics.js';
import type { Classified } from './load/classify.js';
import { isRecord, UnitType } from './load/classify.js';
import { legacyPointer } from './convert/v1beta1.js';
import type { Dialect, LabelSelector, ResourceKind, SourceLocation } from './types.js';
import { canonicalizeAwsGatewayRouteSpec, canonicalizeK8s, type WeightedTargetDraft } from './convert/seed-shapes.js';
import { list, rec, str } from './convert/spec.js';
import { deepestExistingPointer, joinPointer } from './load/pointer.js';
import { awsDescribeDocumentSchemas, awsInputDocumentSchemas, k8sDocumentSchemas } from './schema/compiled.js';
import { schemaErrors } from './schema/errors.js';

export interface Draft {
  kind: ResourceKind;
  dialect: Dialect;
  unit: Extract<Classified, { type: UnitType.K8s } | { type: UnitType.Aws }>;
  /** Pointer of the resource object inside its file document (K8s object, or the AWS body). */
  pointer: string;
  /** Pointer of the spec inside its file document. */
  specPointer: string;
  displayName: string;
  namespace: string | null;
  name: string;
  labels: Record<string, string>;
  /** AWS `meshName`, or a K8s seed-shape binding. */
  explicitMesh: string | null;
  /** AWS `virtualGatewayName` / `virtualRouterName`, or a K8s gateway binding / owning router. */
  parent: { name: string; namespace: string | null } | null;
  spec: Record<string, unknown>;
  /** False when the document failed its schema: it keeps its identity (so references to it resolve) but is not routed. */
  valid: boolean;
  weightedTargets: WeightedTargetDraft[] | null;
  namespaceSelector: LabelSelector | null;
  gatewayRouteSelector: LabelSelector | null;
}

export interface DraftContext {
  strict: boolean;
  diagnostics: Diagnostic[];
}

/** Kubernetes objects without `metadata.namespace` land in the current namespace; kubectl's default is `default`. */
export const DEFAULT_NAMESPACE = 'default';

export const SCHEMA_CODES: Record<string, string> = {
  'unknown-field': 'SCHEMA_UNKNOWN_FIELD',
  required: 'SCHEMA_REQUIRED',
  type: 'SCHEMA_TYPE',
  enum: 'SCHEMA_ENUM',
  const: 'SCHEMA_ENUM',
  minimum: 'SCHEMA_RANGE',
  maximum: 'SCHEMA_RANGE',
  exclusiveMinimum: 'SCHEMA_RANGE',
  exclusiveMaximum: 'SCHEMA_RANGE',
  minLength: 'SCHEMA_LENGTH',
  maxLength: 'SCHEMA_LENGTH',
  minItems: 'SCHEMA_ITEMS',
  maxItems: 'SCHEMA_ITEMS',
  union: 'SCHEMA_UNION',
  pattern: 'SCHEMA_PATTERN',
};


// ---------------------------------------------------------------------------------------------

export function k8sDrafts(unit: Extract<Classified, { type: UnitType.K8s }>, ctx: DraftContext): Draft[] {
  const seed = canonicalizeK8s(unit.kind, unit.value);
  for (const f of seed.findings) {
    report(ctx, unit, ctx.strict ? 'error' : 'warning', f.code, joinPointer(unit.base) + f.path, f.message, identityOf(unit));
  }
  const doc = seed.doc;
  pruneNullMembers(doc);
  const errors = schemaErrors(k8sDocumentSchemas[unit.kind as keyof typeof k8sDocumentSchemas], doc);
  for (const e of errors) report(ctx, unit, 'error', SCHEMA_CODES[e.keyword] ?? 'SCHEMA_INVALID', unit.base + e.path, e.message, identityOf(unit));

  const metadata = rec(doc.metadata) ?? {};
  const spec = rec(doc.spec) ?? {};
  const displayName = str(metadata.name) ?? '';
  const namespace = unit.kind === 'Mesh' ? null : (str(metadata.namespace) || DEFAULT_NAMESPACE);
  const base: Draft = {
    kind: unit.kind,
    dialect: 'k8s',
    unit,
    pointer: unit.base,
    specPointer: joinPointer(unit.base, 'spec'),
    displayName,
    namespace,
    name: str(spec.awsName) ?? defaultAwsName(unit.kind, displayName, namespace),
    labels: stringRecord(metadata.labels),
    explicitMesh: seed.meshBinding,
    parent: seed.gatewayBinding,
    spec,
    valid: errors.length === 0 && displayName !== '',
    weightedTargets: seed.weightedTargets,
    namespaceSelector: labelSelector(spec.namespaceSelector),
    gatewayRouteSelector: labelSelector(spec.gatewayRouteSelector),
  };
  if (unit.kind !== 'VirtualRouter') return [base];

  // App Mesh routes are their own resources; the K8s routes array order has no routing effect.
  const routes = list(spec.routes).map((r, i): Draft => {
    const route = rec(r) ?? {};
    const routeName = str(route.name) ?? '';
    const { name: _name, ...routeSpec } = route;
    return {
      ...base,
      kind: 'Route',
      pointer: joinPointer(unit.base, 'spec', 'routes', i),
      specPointer: joinPointer(unit.base, 'spec', 'routes', i),
      displayName: routeName,
      name: routeName,
      labels: {},
      parent: { name: displayName, namespace },
      spec: routeSpec,
      weightedTargets: null,
      namespaceSelector: null,
      gatewayRouteSelector: null,
    };
  });
  return [base, ...routes];
}

/**
 * The Kubernetes API server prunes object members whose value is null before validating a CRD
 * object (apiextensions.k8s.io/v1 structural schemas, "Defaulting and Nullable"): `priority:` or
 * `rewrite:` left empty in YAML means "absent", not a type error. Array items are not pruned.
 * Works in place on the canonical copy, iteratively (documents can be deep).
 */
function pruneNullMembers(root: Record<string, unknown>): void {
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
    } else if (isRecord(node)) {
      for (const [k, v] of Object.entries(node)) {
        if (v === null) delete node[k];
        else if (typeof v === 'object') stack.push(v);
      }
    }
  }
}

/** The App Mesh controller's `awsName` defaults (webhook mutators): VirtualService `name.namespace`, others `name_namespace`, Mesh its name. */
export function defaultAwsName(kind: ResourceKind, name: string, namespace: string | null): string {
  if (kind === 'Mesh' || namespace === null) return name;
  return kind === 'VirtualService' ? `${name}.${namespace}` : `${name}_${namespace}`;
}

// ---------------------------------------------------------------------------------------------

export const AWS_NAME_KEYS: Record<ResourceKind, string> = {
  Mesh: 'meshName',
  VirtualGateway: 'virtualGatewayName',
  GatewayRoute: 'gatewayRouteName',
  VirtualService: 'virtualServiceName',
  VirtualRouter: 'virtualRouterName',
  Route: 'routeName',
  VirtualNode: 'virtualNodeName',
};

export function awsDrafts(unit: Extract<Classified, { type: UnitType.Aws }>, ctx: DraftContext): Draft[] {
  let value = unit.value;
  let body = unit.body;
  let weightedTargets: WeightedTargetDraft[] | null = null;
  const specPointer = joinPointer(unit.bodyPointer, 'spec');
  if (unit.kind === 'GatewayRoute' && isRecord(body.spec)) {
    const c = canonicalizeAwsGatewayRouteSpec(body.spec, specPointer);
    if (c.weightedTargets) {
      weightedTargets = c.weightedTargets;
      for (const f of c.findings) report(ctx, unit, ctx.strict ? 'error' : 'warning', f.code, f.path, f.message, awsIdentity(unit));
      body = { ...body, spec: c.spec };
      value = unit.form === 'describe' ? { ...value, gatewayRoute: body } : body;
    }
  }
  const schemas = unit.form === 'describe' ? awsDescribeDocumentSchemas : awsInputDocumentSchemas;
  const findings = schemaErrors(schemas[unit.kind], value);
  // describe-* `metadata` and `status` are output: App Mesh never reads them back, and READMEs
  // shorten them (`meshOwner: 1234…`). A finding there is worth a warning, never an error.
  const outputOnly = unit.form === 'describe' ? new RegExp(`^/[^/]+/(metadata|status)(/|$)`) : null;
  const errors = findings.filter((e) => !outputOnly?.test(e.path));
  for (const e of findings) {
    if (errors.includes(e)) report(ctx, unit, 'error', SCHEMA_CODES[e.keyword] ?? 'SCHEMA_INVALID', unit.base + e.path, e.message, awsIdentity(unit));
    else report(ctx, unit, 'warning', 'OUTPUT_ONLY_FIELD', unit.base + e.path, `${e.message} (describe output that App Mesh never reads back; not checked further)`, awsIdentity(unit));
  }

  const name = str(body[AWS_NAME_KEYS[unit.kind]]) ?? '';
  const parentKey = unit.kind === 'GatewayRoute' ? 'virtualGatewayName' : unit.kind === 'Route' ? 'virtualRouterName' : null;
  const parentName = parentKey ? str(body[parentKey]) : null;
  return [
    {
      kind: unit.kind,
      dialect: 'aws',
      unit,
      pointer: unit.bodyPointer,
      specPointer,
      displayName: name,
      namespace: null,
      name,
      labels: {},
      explicitMesh: str(body.meshName),
      parent: parentName !== null ? { name: parentName, namespace: null } : null,
      spec: rec(body.spec) ?? {},
      valid: errors.length === 0 && name !== '',
      weightedTargets,
      namespaceSelector: null,
      gatewayRouteSelector: null,
    },
  ];
}

// ---------------------------------------------------------------------------------------------

export interface Identity {
  kind: ResourceKind | 'Namespace' | null;
  namespace: string | null;
  name: string | null;
}

export function identityOf(unit: Extract<Classified, { type: UnitType.K8s }>): Identity {
  const md = rec(unit.value.metadata) ?? {};
  return { kind: unit.kind, namespace: unit.kind === 'Mesh' ? null : (str(md.namespace) || DEFAULT_NAMESPACE), name: str(md.name) };
}

function awsIdentity(unit: Extract<Classified, { type: UnitType.Aws }>): Identity {
  return { kind: unit.kind, namespace: null, name: str(unit.body[AWS_NAME_KEYS[unit.kind]]) };
}

export function report(
  ctx: DraftContext,
  unit: Classified,
  severity: Severity,
  code: string,
  path: string,
  message: string,
  who: Identity,
): void {
  ctx.diagnostics.push(diagnosticAt(unit, severity, code, path, message, who));
}

export function diagnosticAt(unit: Classified, severity: Severity, code: string, path: string, message: string, who: Identity): Diagnostic {
  // Every diagnostic points at something the user wrote: a rule about a missing member (a `match`
  // the schema already reports as required, a field only the canonical form of a seed shape has)
  // points at the deepest ancestor that exists in the document.
  // Findings about a legacy object's converted spec name API members: point at the v1beta1 ones
  // (paths that exist as written are v1beta1 paths already).
  let at = deepestExistingPointer(unit.doc.value, path);
  if (at !== path && unit.type === UnitType.K8s && unit.legacy) at = deepestExistingPointer(unit.doc.value, legacyPointer(path));
  const pos = unit.doc.locate(at);
  return {
    severity,
    code,
    message,
    kind: who.kind,
    namespace: who.namespace,
    name: who.name,
    path: at,
    file: unit.doc.file,
    line: pos ? pos.line : null,
    column: pos ? pos.column : null,
  };
}

/**
 * Where a resource was written. `line` and `column` are computed on first read: finding them means
 * building the YAML syntax tree, which loading otherwise skips (docs: parse-documents.ts).
 * 0 means unknown (objects given in memory).
 */
export function sourceOf(draft: Draft): SourceLocation {
  return lazySource(draft.unit.doc, draft.pointer);
}

export function lazySource(doc: Classified['doc'], pointer: string): SourceLocation {
  let pos: { line: number; column: number } | undefined;
  const position = () => (pos ??= doc.locate(pointer) ?? { line: 0, column: 0 });
  const source = { file: doc.file, pointer } as SourceLocation;
  Object.defineProperty(source, 'line', { enumerable: true, get: () => position().line });
  Object.defineProperty(source, 'column', { enumerable: true, get: () => position().column });
  return source;
}

export function stringRecord(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(v)) return out;
  for (const [k, val] of Object.entries(v)) if (typeof val === 'string') out[k] = val;
  return out;
}

export function labelSelector(v: unknown): LabelSelector | null {
  if (!isRecord(v)) return null;
  const matchExpressions = list(v.matchExpressions).map((e) => {
    const r = rec(e);
    const key = r && str(r.key);
    const operator = r && str(r.operator);
    // A requirement Kubernetes cannot parse (reported by the schema) must not widen the selector by
    // disappearing: it becomes one that nothing satisfies (`In` with no values).
    if (!r || key === null || !operator || !['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(operator)) return { key: key ?? '', operator: 'In' as const, values: [] };
    return { key, operator: operator as 'In' | 'NotIn' | 'Exists' | 'DoesNotExist', values: list(r.values).filter((x): x is string => typeof x === 'string') };
  });
  return { matchLabels: stringRecord(v.matchLabels), matchExpressions };
}

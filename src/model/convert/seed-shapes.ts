/**
 * Popular App Mesh articles show manifest shapes the real v1beta2 CRDs do not have
 * (`../shared/reference/seed-shapes.md`). Users arrive with such files, so meshroute accepts them:
 * each is rewritten to its canonical form on a copy of the document, and reported with a warning
 * (`SEED_*` codes) that shows the canonical form. `--strict` turns these warnings into errors.
 *
 * Shapes that carry a binding rather than a field (`spec.meshRef`, `spec.virtualGatewayRef`,
 * v1beta1 `meshName` / `gatewayName`) are removed from the spec and returned as explicit bindings.
 */

import type { ResourceKind } from '../types.js';
import { isRecord } from '../load/classify.js';
import { GATEWAY_ROUTE_TYPES } from './spec.js';

export interface SeedFinding {
  code: string;
  /** Pointer (relative to the K8s document) of the non-canonical field as written. */
  path: string;
  message: string;
}

/** A gateway-route target of the `weightedTargets` extension, with the pointer it was written at. */
export interface WeightedTargetDraft {
  ref: { name: string; namespace: string | null } | null;
  arn: string | null;
  /** AWS dialect: the virtual service's App Mesh name. */
  virtualServiceName: string | null;
  weight: unknown;
  port: unknown;
  path: string;
}

export interface SeedResult {
  /** Canonical copy of the document (the input is never mutated). */
  doc: Record<string, unknown>;
  findings: SeedFinding[];
  meshBinding: string | null;
  gatewayBinding: { name: string; namespace: string | null } | null;
  /** Present when a gateway route used the edge-canary `weightedTargets` extension. */
  weightedTargets: WeightedTargetDraft[] | null;
}

export function canonicalizeK8s(kind: ResourceKind, original: Record<string, unknown>): SeedResult {
  // Canonical documents (the common case) are returned as they are: copying every document of a
  // 5,000-resource repository was a third of the load time.
  if (!hasSeedShape(kind, original)) return { doc: original, findings: [], meshBinding: null, gatewayBinding: null, weightedTargets: null };
  const doc = structuredClone(original);
  const result: SeedResult = { doc, findings: [], meshBinding: null, gatewayBinding: null, weightedTargets: null };
  const spec = isRecord(doc.spec) ? doc.spec : null;

  if (typeof doc.apiVersion === 'string' && doc.apiVersion !== 'appmesh.k8s.aws/v1beta2') {
    result.findings.push({
      code: 'SEED_API_VERSION',
      path: '/apiVersion',
      message: `apiVersion ${doc.apiVersion} is read as appmesh.k8s.aws/v1beta2 (canonical: apiVersion: appmesh.k8s.aws/v1beta2)`,
    });
    doc.apiVersion = 'appmesh.k8s.aws/v1beta2';
  }
  if (!spec) return result;

  takeMeshBinding(kind, spec, result);
  if (kind === 'Mesh' && typeof spec.meshName === 'string') {
    result.findings.push({
      code: 'SEED_MESH_NAME',
      path: '/spec/meshName',
      message: `Mesh spec.meshName is v1beta1; read as spec.awsName (canonical: spec: { awsName: ${spec.meshName} })`,
    });
    if (spec.awsName === undefined) spec.awsName = spec.meshName;
    delete spec.meshName;
  }
  if (kind === 'GatewayRoute') canonicalizeGatewayRoute(spec, result);
  if (kind === 'VirtualService') canonicalizeVirtualService(spec, result);
  return result;
}

/** Cheap check for every shape canonicalizeK8s rewrites (keep the two in step). */
function hasSeedShape(kind: ResourceKind, doc: Record<string, unknown>): boolean {
  if (typeof doc.apiVersion === 'string' && doc.apiVersion !== 'appmesh.k8s.aws/v1beta2') return true;
  const spec = doc.spec;
  if (!isRecord(spec)) return false;
  if ((kind !== 'Mesh' && spec.meshRef !== undefined) || spec.meshName !== undefined) return true;
  if (kind === 'GatewayRoute') {
    if (spec.virtualGatewayRef !== undefined || spec.gatewayName !== undefined) return true;
    for (const type of GATEWAY_ROUTE_TYPES) {
      const action = isRecord(spec[type]) ? (spec[type] as Record<string, unknown>).action : undefined;
      if (!isRecord(action)) continue;
      if (action.weightedTargets !== undefined) return true;
      if (isRecord(action.target) && (action.target.virtualServiceRef !== undefined || action.target.rewrite !== undefined)) return true;
    }
  }
  if (kind === 'VirtualService' && isRecord(spec.provider)) {
    return spec.provider.virtualNodeRef !== undefined || spec.provider.virtualRouterRef !== undefined;
  }
  return false;
}

function takeMeshBinding(kind: ResourceKind, spec: Record<string, unknown>, result: SeedResult): void {
  if (kind === 'Mesh') return;
  const ref = spec.meshRef;
  if (isRecord(ref) && typeof ref.name === 'string') {
    result.meshBinding = ref.name;
    result.findings.push({
      code: 'SEED_MESH_REF',
      path: '/spec/meshRef',
      message: `spec.meshRef is set by the App Mesh controller from the namespace's mesh; read as an explicit binding to mesh ${ref.name} (canonical: label the namespace so the Mesh's namespaceSelector selects it)`,
    });
    delete spec.meshRef;
  }
  if (typeof spec.meshName === 'string') {
    result.meshBinding = spec.meshName;
    result.findings.push({
      code: 'SEED_MESH_NAME',
      path: '/spec/meshName',
      message: `spec.meshName is v1beta1 style; read as an explicit binding to mesh ${spec.meshName} (canonical: mesh membership from the namespace's labels)`,
    });
    delete spec.meshName;
  }
}

function canonicalizeGatewayRoute(spec: Record<string, unknown>, result: SeedResult): void {
  const vgRef = spec.virtualGatewayRef;
  if (isRecord(vgRef) && typeof vgRef.name === 'string') {
    result.gatewayBinding = { name: vgRef.name, namespace: typeof vgRef.namespace === 'string' ? vgRef.namespace : null };
    result.findings.push({
      code: 'SEED_GATEWAY_REF',
      path: '/spec/virtualGatewayRef',
      message: `spec.virtualGatewayRef is set by the App Mesh controller from the gateway's selectors; read as an explicit binding to ${vgRef.name} (canonical: a VirtualGateway namespaceSelector / gatewayRouteSelector that selects this route)`,
    });
    delete spec.virtualGatewayRef;
  }
  if (typeof spec.gatewayName === 'string') {
    result.gatewayBinding = { name: spec.gatewayName, namespace: null };
    result.findings.push({
      code: 'SEED_GATEWAY_NAME',
      path: '/spec/gatewayName',
      message: `spec.gatewayName is v1beta1 style; read as an explicit binding to gateway ${spec.gatewayName} (canonical: VirtualGateway selectors)`,
    });
    delete spec.gatewayName;
  }
  for (const type of GATEWAY_ROUTE_TYPES) {
    const route = spec[type];
    if (!isRecord(route) || !isRecord(route.action)) continue;
    canonicalizeGatewayAction(`/spec/${type}/action`, route.action, result);
  }
}

function canonicalizeGatewayAction(base: string, action: Record<string, unknown>, result: SeedResult): void {
  const target = action.target;
  if (isRecord(target)) {
    if (isRecord(target.virtualServiceRef) && target.virtualService === undefined) {
      result.findings.push({
        code: 'SEED_TARGET_REF',
        path: `${base}/target/virtualServiceRef`,
        message: 'action.target.virtualServiceRef is read as action.target.virtualService.virtualServiceRef (canonical: target: { virtualService: { virtualServiceRef: { name: … } } })',
      });
      target.virtualService = { virtualServiceRef: target.virtualServiceRef };
      delete target.virtualServiceRef;
    }
    if (isRecord(target.rewrite) && action.rewrite === undefined) {
      result.findings.push({
        code: 'SEED_TARGET_REWRITE',
        path: `${base}/target/rewrite`,
        message: 'action.target.rewrite is read as action.rewrite (canonical: rewrite sits beside target, not inside it)',
      });
      action.rewrite = target.rewrite;
      delete target.rewrite;
    }
  }
  if (Array.isArray(action.weightedTargets)) {
    result.findings.push({
      code: 'EXT_GATEWAY_WEIGHTED_TARGETS',
      path: `${base}/weightedTargets`,
      message: 'weightedTargets on a gateway route is a meshroute extension (edge canary), beyond App Mesh, which takes one target per gateway route and weights only on VirtualRouter routes',
    });
    result.weightedTargets = action.weightedTargets.map((t, i) => weightedTargetDraft(t, `${base}/weightedTargets/${i}`));
    // The canonical schema requires `target`; the first weighted target stands in for it there,
    // and the extension's own fields are checked by the gateway-route rules.
    const first = action.weightedTargets[0];
    if (action.target === undefined && isRecord(first)) action.target = canonicalTargetOf(first);
    delete action.weightedTargets;
  }
}

function weightedTargetDraft(raw: unknown, path: string): WeightedTargetDraft {
  const t = isRecord(raw) ? raw : {};
  const vs = isRecord(t.virtualService) ? t.virtualService : isRecord(t.targetRef) ? t.targetRef : {};
  const ref = isRecord(vs.virtualServiceRef) ? vs.virtualServiceRef : isRecord(t.virtualServiceRef) ? t.virtualServiceRef : null;
  return {
    ref: ref && typeof ref.name === 'string' ? { name: ref.name, namespace: typeof ref.namespace === 'string' ? ref.namespace : null } : null,
    arn: typeof vs.virtualServiceARN === 'string' ? vs.virtualServiceARN : null,
    virtualServiceName: typeof vs.virtualServiceName === 'string' ? vs.virtualServiceName : typeof t.virtualServiceName === 'string' ? t.virtualServiceName : null,
    weight: t.weight,
    port: t.port,
    path,
  };
}

function canonicalTargetOf(t: Record<string, unknown>): Record<string, unknown> {
  const draft = weightedTargetDraft(t, '');
  const virtualService: Record<string, unknown> = draft.ref
    ? { virtualServiceRef: { name: draft.ref.name, ...(draft.ref.namespace ? { namespace: draft.ref.namespace } : {}) } }
    : draft.arn
      ? { virtualServiceARN: draft.arn }
      : { virtualServiceName: draft.virtualServiceName ?? '' };
  return typeof t.port === 'number' ? { virtualService, port: t.port } : { virtualService };
}

function canonicalizeVirtualService(spec: Record<string, unknown>, result: SeedResult): void {
  const provider = spec.provider;
  if (!isRecord(provider)) return;
  for (const [short, long, refKey] of [
    ['virtualNodeRef', 'virtualNode', 'virtualNodeRef'],
    ['virtualRouterRef', 'virtualRouter', 'virtualRouterRef'],
  ] as const) {
    if (isRecord(provider[short]) && provider[long] === undefined) {
      result.findings.push({
        code: 'SEED_PROVIDER_REF',
        path: `/spec/provider/${short}`,
        message: `provider.${short} is read as provider.${long}.${refKey} (canonical: provider: { ${long}: { ${refKey}: { name: … } } })`,
      });
      provider[long] = { [refKey]: provider[short] };
      delete provider[short];
    }
  }
}

/**
 * The same extension in the AWS dialect: `action.weightedTargets: [{ virtualService: { virtualServiceName }, weight, port? }]`.
 * Rewrites a copy of the API spec the same way (first target stands in for `action.target`).
 */
export function canonicalizeAwsGatewayRouteSpec(spec: Record<string, unknown>, specPointer: string): {
  spec: Record<string, unknown>;
  findings: SeedFinding[];
  weightedTargets: WeightedTargetDraft[] | null;
} {
  const copy = structuredClone(spec);
  const result: SeedResult = { doc: copy, findings: [], meshBinding: null, gatewayBinding: null, weightedTargets: null };
  for (const type of GATEWAY_ROUTE_TYPES) {
    const route = copy[type];
    if (isRecord(route) && isRecord(route.action) && Array.isArray(route.action.weightedTargets)) {
      canonicalizeGatewayAction(`${specPointer}/${type}/action`, route.action, result);
    }
  }
  return { spec: copy, findings: result.findings, weightedTargets: result.weightedTargets };
}

/**
 * backendRefs → weighted backends with validity ([HR] HTTPRouteRule.BackendRefs, HTTPBackendRef):
 * an invalid ref keeps its weight share, and that share answers 500 (GRPCRoute: UNAVAILABLE).
 * Invalid: a kind other than core Service, a Service ref without port, a cross-namespace ref no
 * ReferenceGrant permits (Gateway-bound routes; GAMMA routes need none, GEP-1294), and — with
 * `checkBackendsExist` — a Service or port missing from the objects.
 */
import { GATEWAY_API_GROUP, type BackendRef, type ReferenceGrant, type Service } from '../objects.js';
import type { CompiledRoute } from './compiled.js';
import type { BackendInvalidReason, GatewayBackend } from './types.js';

export interface BackendContext {
  grants: readonly ReferenceGrant[];
  /** `namespace/name` → Service. */
  services: ReadonlyMap<string, Service>;
  checkBackendsExist: boolean;
  /** GAMMA routes skip the ReferenceGrant check. */
  mesh: boolean;
}

export function resolveBackends(route: CompiledRoute, refs: readonly BackendRef[], ctx: BackendContext): GatewayBackend[] {
  const weights = refs.map((r) => r.weight ?? 1);
  const total = weights.reduce((s, w) => s + w, 0);
  return refs.map((r, i) => {
    const group = r.group ?? '';
    const kind = r.kind ?? 'Service';
    const namespace = r.namespace ?? route.ref.namespace;
    const reason = invalidReason(route, { group, kind, namespace, name: r.name, port: r.port }, ctx);
    return {
      group,
      kind,
      namespace,
      name: r.name,
      port: r.port ?? null,
      weight: weights[i]!,
      probability: total === 0 ? 0 : weights[i]! / total,
      valid: reason === null,
      invalidReason: reason,
    };
  });
}

function invalidReason(
  route: CompiledRoute,
  ref: { group: string; kind: string; namespace: string; name: string; port: number | undefined },
  ctx: BackendContext,
): BackendInvalidReason | null {
  if (ref.group !== '' || ref.kind !== 'Service') return 'INVALID_KIND';
  if (ref.port === undefined) return 'MISSING_PORT';
  if (!ctx.mesh && ref.namespace !== route.ref.namespace && !granted(route, ref, ctx.grants)) return 'REF_NOT_PERMITTED';
  if (ctx.checkBackendsExist) {
    const svc = ctx.services.get(`${ref.namespace}/${ref.name}`);
    if (svc === undefined || !(svc.spec.ports ?? []).some((p) => p.port === ref.port)) return 'BACKEND_NOT_FOUND';
  }
  return null;
}

/** A ReferenceGrant in the target namespace whose `from` names the route and whose `to` names the Service. */
function granted(route: CompiledRoute, ref: { namespace: string; name: string }, grants: readonly ReferenceGrant[]): boolean {
  return grants.some(
    (g) =>
      (g.metadata.namespace ?? 'default') === ref.namespace &&
      g.spec.from.some((f) => f.group === GATEWAY_API_GROUP && f.kind === route.ref.kind && f.namespace === route.ref.namespace) &&
      g.spec.to.some((t) => t.group === '' && t.kind === 'Service' && (t.name === undefined || t.name === ref.name)),
  );
}

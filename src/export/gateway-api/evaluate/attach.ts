/**
 * Which routes attach where. Gateway parents: parentRef (sectionName / port) picks listeners; the
 * listener's allowedRoutes (namespaces From Same/All/Selector, kinds) must admit the route; the
 * route's hostnames are intersected with the listener's ([HR] Hostnames). Service parents (GAMMA,
 * GEP-1294): the route attaches to the Service, to one port when parentRef.port is set.
 */
import { GATEWAY_API_GROUP, type Gateway, type LabelSelector, type Listener, type Namespace, type ParentReference } from '../objects.js';
import type { Attachment, CompiledRoute } from './compiled.js';
import { effectiveHostnames } from './hostnames.js';
import type { GatewayApiObjectProblem } from './types.js';

export interface AttachedListener {
  listener: Listener;
  attachments: Attachment[];
}

export interface AttachedGateway {
  gateway: Gateway;
  namespace: string;
  listeners: AttachedListener[];
}

export interface ServiceAttachment {
  route: CompiledRoute;
  /** null: every port of the Service. */
  port: number | null;
}

export interface Attachments {
  gateways: Map<string, AttachedGateway>;
  /** `namespace/name` of a Service → routes with that Service as parent. */
  services: Map<string, ServiceAttachment[]>;
}

export function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

export function attachRoutes(
  gateways: readonly Gateway[],
  namespaces: readonly Namespace[],
  routes: readonly CompiledRoute[],
  problems: GatewayApiObjectProblem[],
): Attachments {
  const labels = new Map(namespaces.map((n) => [n.metadata.name, n.metadata.labels ?? {}]));
  const out: Attachments = { gateways: new Map(), services: new Map() };
  for (const g of gateways) {
    const namespace = g.metadata.namespace ?? 'default';
    out.gateways.set(key(namespace, g.metadata.name), { gateway: g, namespace, listeners: g.spec.listeners.map((listener) => ({ listener, attachments: [] })) });
  }
  for (const route of routes) {
    route.parentRefs.forEach((p, i) => {
      const where = `${route.ref.kind}/${route.ref.namespace}/${route.ref.name} parentRefs[${i}]`;
      const ns = p.namespace ?? route.ref.namespace;
      if (isServiceParent(p)) {
        const list = out.services.get(key(ns, p.name)) ?? [];
        list.push({ route, port: p.port ?? null });
        out.services.set(key(ns, p.name), list);
        return;
      }
      const g = out.gateways.get(key(ns, p.name));
      if (g === undefined || (p.kind ?? 'Gateway') !== 'Gateway' || (p.group ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP) {
        const what = p.kind === 'Service' ? `a Service parent needs group "" (got ${JSON.stringify(p.group ?? GATEWAY_API_GROUP)})` : `no Gateway ${key(ns, p.name)} among the objects`;
        problems.push({ code: 'PARENT_NOT_FOUND', where, message: what });
        return;
      }
      attachToGateway(route, p, g, labels, where, problems);
    });
  }
  return out;
}

/** A GAMMA parent: kind Service in the core group. An omitted group is gateway.networking.k8s.io, so `group: ""` must be written. */
function isServiceParent(p: ParentReference): boolean {
  return p.kind === 'Service' && p.group === '';
}

function attachToGateway(
  route: CompiledRoute,
  p: ParentReference,
  g: AttachedGateway,
  labels: Map<string, Record<string, string>>,
  where: string,
  problems: GatewayApiObjectProblem[],
): void {
  const selected = g.listeners.filter((l) => (p.sectionName === undefined || l.listener.name === p.sectionName) && (p.port === undefined || l.listener.port === p.port));
  if (selected.length === 0) {
    problems.push({ code: 'PARENT_NOT_FOUND', where, message: `no listener of ${key(g.namespace, g.gateway.metadata.name)} has sectionName/port ${p.sectionName ?? '*'}/${p.port ?? '*'}` });
    return;
  }
  let attached = 0;
  for (const l of selected) {
    if (!allowsRoute(l.listener, g.namespace, route, labels)) continue;
    const hostnames = effectiveHostnames(l.listener.hostname, route.hostnames);
    if (hostnames !== null && hostnames.length === 0) continue;
    l.attachments.push({ route, hostnames });
    attached++;
  }
  if (attached === 0) {
    const hostnameMiss = selected.some((l) => allowsRoute(l.listener, g.namespace, route, labels));
    problems.push(
      hostnameMiss
        ? { code: 'NO_HOSTNAME_INTERSECTION', where, message: 'no route hostname intersects the selected listeners\' hostnames (Accepted=False)' }
        : { code: 'NOT_ALLOWED_BY_LISTENER', where, message: 'the selected listeners\' allowedRoutes do not admit this route (namespace or kind)' },
    );
  }
}

/** Listener.allowedRoutes: namespaces (default Same) and kinds (default: HTTPRoute and GRPCRoute on HTTP/HTTPS). */
function allowsRoute(l: Listener, gatewayNamespace: string, route: CompiledRoute, labels: Map<string, Record<string, string>>): boolean {
  if (l.protocol !== 'HTTP' && l.protocol !== 'HTTPS') return false;
  if (l.protocol === 'HTTPS' && l.tls?.mode === 'Passthrough') return false;
  const kinds = l.allowedRoutes?.kinds;
  if (kinds !== undefined && kinds.length > 0 && !kinds.some((k) => k.kind === route.ref.kind && (k.group ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP)) return false;
  const from = l.allowedRoutes?.namespaces?.from ?? 'Same';
  if (from === 'All') return true;
  if (from === 'Same') return route.ref.namespace === gatewayNamespace;
  return selectorMatches(l.allowedRoutes?.namespaces?.selector ?? {}, labels.get(route.ref.namespace) ?? {});
}

/** Kubernetes label selector semantics (matchLabels ∧ matchExpressions). */
export function selectorMatches(sel: LabelSelector, labels: Record<string, string>): boolean {
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    const inValues = has && (e.values ?? []).includes(labels[e.key]!);
    if (e.operator === 'In' && !inValues) return false;
    if (e.operator === 'NotIn' && inValues) return false;
    if (e.operator === 'Exists' && !has) return false;
    if (e.operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

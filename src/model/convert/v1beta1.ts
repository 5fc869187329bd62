/**
 * The legacy `appmesh.k8s.aws/v1beta1` dialect (App Mesh controller v0.x) converted into the API
 * shapes the rest of the model reads, the way that controller called the App Mesh API
 * (docs/dialects.md; sources there). Pure functions over schema-checked objects that still read
 * defensively (a wrong type becomes "absent", never an exception).
 *
 * Citations are `aws/aws-app-mesh-controller-for-k8s@08c2d4b0` (branch legacy-controller = v0.5.0).
 */

import { list, rec, str, int, type Raw } from './spec.js';

/** The v1beta1 route types, in the order the controller tries them (pkg/aws/appmesh.go:1326-1382). */
export const LEGACY_ROUTE_TYPES = ['http', 'tcp', 'http2', 'grpc'] as const;
export type LegacyRouteType = (typeof LEGACY_ROUTE_TYPES)[number];

/** v1beta1 route type → the API RouteSpec member it became. */
export const API_ROUTE_KEY: Record<LegacyRouteType, string> = { http: 'httpRoute', tcp: 'tcpRoute', http2: 'http2Route', grpc: 'grpcRoute' };

/**
 * The controller's naming function (pkg/controller/controller_util.go:53-69): a name with a dot has
 * every dot replaced by `-` and no namespace added; any other name gets `-<namespace>` appended.
 * Applied to virtual node names, router names and http/tcp route targets.
 */
export function legacyAwsName(name: string, namespace: string): string {
  return name.includes('.') ? name.replaceAll('.', '-') : `${name}-${namespace}`;
}

/** The route types a v1beta1 route sets, in the controller's order; the first is the one it used. */
export function legacyRouteTypes(route: Raw): LegacyRouteType[] {
  return LEGACY_ROUTE_TYPES.filter((k) => rec(route[k]) !== null);
}

/**
 * A v1beta1 route → an API RouteSpec. Targets of http and tcp routes go through `legacyAwsName`;
 * http2 and grpc targets were sent verbatim (pkg/controller/virtualservice.go:56-64 renames only
 * Http and Tcp targets), so manifests wrote them as App Mesh names. `priority` is the route-level
 * one (types.go:139-140); v1beta1 has no timeouts.
 */
export function legacyRouteSpec(route: Raw, namespace: string): Raw {
  const type = legacyRouteTypes(route)[0];
  const spec: Raw = {};
  const priority = int(route.priority);
  if (priority !== null) spec.priority = priority;
  if (type === undefined) return spec;
  const body = rec(route[type]) ?? {};
  const targets = list(rec(body.action)?.weightedTargets).map((t) => {
    const r = rec(t) ?? {};
    const name = str(r.virtualNodeName) ?? '';
    const out: Raw = { virtualNode: type === 'http' || type === 'tcp' ? legacyAwsName(name, namespace) : name };
    if (r.weight !== undefined) out.weight = r.weight;
    return out;
  });
  const converted: Raw = { action: { weightedTargets: targets } };
  if (type !== 'tcp') {
    const match = rec(body.match);
    if (match) converted.match = { ...match };
    const retry = legacyRetryPolicy(rec(body.retryPolicy));
    if (retry) converted.retryPolicy = retry;
  }
  spec[API_ROUTE_KEY[type]] = converted;
  return spec;
}

/** `perRetryTimeoutMillis` → `perRetryTimeout {unit: ms}` (pkg/aws/appmesh.go:1437-1462); other fields as written. */
function legacyRetryPolicy(retry: Raw | null): Raw | null {
  if (!retry) return null;
  const { perRetryTimeoutMillis, ...rest } = retry;
  const out: Raw = { ...rest };
  if (typeof perRetryTimeoutMillis === 'number') out.perRetryTimeout = { unit: 'ms', value: perRetryTimeoutMillis };
  return out;
}

/** Health-check defaults the controller filled in (pkg/controller/virtualnode.go:22-30,499-512). */
const HEALTH_DEFAULTS = { healthyThreshold: 10, intervalMillis: 30000, timeoutMillis: 5000, unhealthyThreshold: 2 };

/**
 * A v1beta1 VirtualNode spec → an API VirtualNodeSpec:
 * - health checks get the controller's defaults, port and protocol from their listener;
 * - `dns.hostName` → `dns.hostname`; `cloudMap` (ignored when `dns` is set) → `awsCloudMap`, its
 *   attribute map → `[{key, value}]` plus the two attributes the controller added so that only this
 *   node's registered pods are endpoints (virtualnode.go:491-497);
 * - client-policy TLS `enforce` defaults to true and `ports` to [] (virtualnode.go:514-545);
 * - backends keep their `virtualServiceName` verbatim (pkg/aws/appmesh.go:391).
 */
export function legacyNodeSpec(spec: Raw, meshName: string, awsName: string): Raw {
  const out: Raw = {};
  const listeners = list(spec.listeners).map((l) => {
    const r = rec(l) ?? {};
    const listener: Raw = { ...r };
    const hc = rec(r.healthCheck);
    if (hc) {
      const pm = rec(r.portMapping) ?? {};
      listener.healthCheck = { ...HEALTH_DEFAULTS, port: pm.port, protocol: pm.protocol, ...hc };
    }
    return listener;
  });
  if (spec.listeners !== undefined) out.listeners = listeners;
  const sd = rec(spec.serviceDiscovery);
  const dns = rec(sd?.dns);
  const cloudMap = rec(sd?.cloudMap);
  if (dns) out.serviceDiscovery = { dns: { hostname: dns.hostName } };
  else if (cloudMap) {
    const attributes = Object.entries(rec(cloudMap.attributes) ?? {}).map(([key, value]) => ({ key, value }));
    attributes.push({ key: 'appmesh.k8s.aws/mesh', value: meshName }, { key: 'appmesh.k8s.aws/virtualNode', value: awsName });
    out.serviceDiscovery = { awsCloudMap: { namespaceName: cloudMap.namespaceName, serviceName: cloudMap.serviceName, attributes } };
  }
  if (spec.backends !== undefined) {
    out.backends = list(spec.backends).map((b) => {
      const vs = rec(rec(b)?.virtualService) ?? {};
      const converted: Raw = { virtualServiceName: vs.virtualServiceName };
      const policy = legacyClientPolicy(rec(vs.clientPolicy));
      if (policy) converted.clientPolicy = policy;
      return { virtualService: converted };
    });
  }
  const defaults = legacyClientPolicy(rec(rec(spec.backendDefaults)?.clientPolicy));
  if (defaults) out.backendDefaults = { clientPolicy: defaults };
  if (spec.logging !== undefined) out.logging = spec.logging;
  return out;
}

function legacyClientPolicy(policy: Raw | null): Raw | null {
  if (!policy) return null;
  const tls = rec(policy.tls);
  if (!tls) return { ...policy };
  return { ...policy, tls: { enforce: true, ports: [], ...tls } };
}

/**
 * The router a v1beta1 VirtualService always gets (the VS provider is always a router;
 * pkg/aws/appmesh.go:663-672): named `legacyAwsName(virtualRouter.name or metadata.name)`; a blank
 * name counts as absent (virtualservice.go:379-388).
 */
export function legacyRouterName(vsSpec: Raw, vsName: string, namespace: string): { k8sName: string; awsName: string } {
  const written = str(rec(vsSpec.virtualRouter)?.name)?.trim();
  const k8sName = written ? written : vsName;
  return { k8sName, awsName: legacyAwsName(k8sName, namespace) };
}

/**
 * The virtual node whose listener the controller copied into a router written without one
 * (virtualservice.go:290-377): `routes[0]` → its first route type → `weightedTargets[0].virtualNodeName`
 * as written → that VirtualNode object in the VS namespace → its first listener. Null when the
 * chain has no first target.
 */
export function legacyListenerSource(vsSpec: Raw): string | null {
  const first = rec(list(vsSpec.routes)[0]);
  if (!first) return null;
  const type = legacyRouteTypes(first)[0];
  if (!type) return null;
  return str(rec(list(rec(rec(first[type])?.action)?.weightedTargets)[0])?.virtualNodeName);
}

/**
 * Where a finding about the converted (API-shaped) spec lives in the v1beta1 document: API member
 * names back to the v1beta1 ones. Segments that have no counterpart resolve to their nearest
 * existing ancestor later (diagnosticAt), so a path is never invented.
 */
export function legacyPointer(pointer: string): string {
  return pointer
    .replace(/\/(http|http2|grpc|tcp)Route(?=\/|$)/, '/$1')
    .replace(/(\/weightedTargets\/\d+)\/virtualNode(?=\/|$)/, '$1/virtualNodeName')
    .replace(/\/perRetryTimeout(?=\/|$)/, '/perRetryTimeoutMillis')
    .replace(/\/dns\/hostname$/, '/dns/hostName')
    .replace(/\/awsCloudMap(?=\/|$)/, '/cloudMap')
    .replace(/\/spec\/provider\/virtualRouter(?:\/virtualRouterName)?$/, '/spec/virtualRouter');
}

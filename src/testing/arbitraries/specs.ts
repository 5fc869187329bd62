/**
 * Gateway-route and route specs in the App Mesh API shape (model 2019-01-25), valid under the
 * API and under the K8s webhook alike. `toK8sGatewayRouteSpec` / `toK8sRoute` turn them into the
 * CRD shape (references instead of names).
 */
import fc from 'fast-check';
import {
  compact,
  durationArbitrary,
  exactPathArbitrary,
  headersArbitrary,
  hostnameMatchArbitrary,
  HTTP_METHOD_VALUES,
  pathPrefixArbitrary,
  pathSegmentArbitrary,
  queryParametersArbitrary,
  SAFE_PATH_REGEXES,
  dnsLabelArbitrary,
  pascalNameArbitrary,
  type Json,
  type JsonObject,
} from './primitives.js';

export type GatewayProtocol = 'http' | 'http2' | 'grpc';
export type RouterProtocol = GatewayProtocol | 'tcp';

export interface GatewayRouteSpecOptions {
  /** Protocol of the listener the route is for: http → httpRoute, http2 → http2Route, grpc → grpcRoute. Default: any. */
  protocol?: GatewayProtocol;
  /** `match.port`: a number sets it, `'optional'` sometimes sets `listenerPort`, null never. Default null. */
  port?: number | 'optional' | null;
  /** Port used when `port` is `'optional'`. */
  listenerPort?: number;
  /** App Mesh names of the virtual services a target may name. Default `['svc.local']`. */
  targets?: readonly string[];
  /** `target.port` per target service (set sometimes when known). */
  targetPorts?: Readonly<Record<string, number>>;
}

const opt = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | undefined> => fc.option(a, { nil: undefined });

function portArb(port: number | 'optional' | null | undefined, listenerPort: number | undefined): fc.Arbitrary<number | undefined> {
  if (typeof port === 'number') return fc.constant(port);
  if (port === 'optional' && listenerPort !== undefined) return opt(fc.constant(listenerPort));
  return fc.constant(undefined);
}

function targetArb(options: GatewayRouteSpecOptions): fc.Arbitrary<JsonObject> {
  const names = options.targets && options.targets.length > 0 ? options.targets : ['svc.local'];
  return fc.constantFrom(...names).chain((name) => {
    const known = options.targetPorts?.[name];
    return (known === undefined ? fc.constant(undefined) : opt(fc.constant(known))).map((port) =>
      compact({ virtualService: { virtualServiceName: name }, port }),
    );
  });
}

/** A `GatewayRouteSpec` (API shape): one of httpRoute / http2Route / grpcRoute, optional priority. */
export function gatewayRouteSpecArbitrary(options: GatewayRouteSpecOptions = {}): fc.Arbitrary<JsonObject> {
  const protocol = options.protocol ? fc.constant(options.protocol) : fc.constantFrom<GatewayProtocol>('http', 'http2', 'grpc');
  return fc
    .record({
      protocol,
      priority: opt(fc.integer({ min: 0, max: 1000 })),
      port: portArb(options.port, options.listenerPort),
      target: targetArb(options),
      http: httpGatewayRouteArbitrary(),
      grpc: grpcGatewayRouteArbitrary(),
    })
    .map(({ protocol, priority, port, target, http, grpc }) => {
      const body = protocol === 'grpc' ? grpc : http;
      const match = compact({ ...body.match, port });
      const action = compact({ target, rewrite: body.rewrite });
      const key = protocol === 'grpc' ? 'grpcRoute' : protocol === 'http2' ? 'http2Route' : 'httpRoute';
      return compact({ priority, [key]: { match, action } });
    });
}

/** An HTTP gateway route's `match` (without port) and a consistent `rewrite`. */
export function httpGatewayRouteArbitrary(): fc.Arbitrary<{ match: JsonObject; rewrite: JsonObject | undefined }> {
  const common = fc.record({
    method: opt(fc.constantFrom(...HTTP_METHOD_VALUES)),
    headers: opt(headersArbitrary()),
    queryParameters: opt(queryParametersArbitrary()),
  });
  const hostRewrite = opt(fc.constantFrom('ENABLED', 'DISABLED').map((v): JsonObject => ({ defaultTargetHostname: v })));
  const byPrefix = fc
    .record({
      prefix: pathPrefixArbitrary(),
      hostname: opt(hostnameMatchArbitrary()),
      prefixRewrite: opt(fc.oneof(fc.constantFrom('ENABLED', 'DISABLED').map((v): JsonObject => ({ defaultPrefix: v })), fc.array(pathSegmentArbitrary(), { maxLength: 2 }).map((s): JsonObject => ({ value: s.length ? `/${s.join('/')}/` : '/' })))),
      hostRewrite,
    })
    .map(({ prefix, hostname, prefixRewrite, hostRewrite }) => {
      // A custom value needs a match prefix ending in '/' (otherwise: a warning, undocumented behaviour).
      const pr = prefixRewrite && 'value' in prefixRewrite && !prefix.endsWith('/') ? undefined : prefixRewrite;
      return { match: compact({ prefix, hostname }), rewrite: nonEmpty({ prefix: pr, hostname: hostRewrite }) };
    });
  const byPath = fc
    .record({
      path: fc.oneof(exactPathArbitrary().map((exact): JsonObject => ({ exact })), fc.constantFrom(...SAFE_PATH_REGEXES).map((regex): JsonObject => ({ regex }))),
      hostname: opt(hostnameMatchArbitrary()),
      pathRewrite: opt(exactPathArbitrary().map((exact): JsonObject => ({ exact }))),
      hostRewrite,
    })
    .map(({ path, hostname, pathRewrite, hostRewrite }) => ({ match: compact({ path, hostname }), rewrite: nonEmpty({ path: pathRewrite, hostname: hostRewrite }) }));
  const byHostname = fc
    .record({ hostname: hostnameMatchArbitrary(), hostRewrite })
    .map(({ hostname, hostRewrite }) => ({ match: { hostname } as JsonObject, rewrite: nonEmpty({ hostname: hostRewrite }) }));
  return fc.tuple(fc.oneof(byPrefix, byPath, byHostname), common).map(([m, c]) => ({ match: compact({ ...m.match, ...c }), rewrite: m.rewrite }));
}

/** A gRPC gateway route's `match` (serviceName and/or hostname; the webhook needs one) and `rewrite`. */
export function grpcGatewayRouteArbitrary(): fc.Arbitrary<{ match: JsonObject; rewrite: JsonObject | undefined }> {
  return fc
    .record({
      serviceName: opt(grpcServiceNameArbitrary()),
      hostname: opt(hostnameMatchArbitrary()),
      fallbackService: grpcServiceNameArbitrary(),
      metadata: opt(headersArbitrary()),
      hostRewrite: opt(fc.constantFrom('ENABLED', 'DISABLED').map((v): JsonObject => ({ defaultTargetHostname: v }))),
    })
    .map(({ serviceName, hostname, fallbackService, metadata, hostRewrite }) => ({
      match: compact({ serviceName: serviceName ?? (hostname ? undefined : fallbackService), hostname, metadata }),
      rewrite: nonEmpty({ hostname: hostRewrite }),
    }));
}

/** `package.Service` (never the reserved `aws.app-mesh*` / `aws.appmesh`). */
export function grpcServiceNameArbitrary(): fc.Arbitrary<string> {
  return fc.tuple(dnsLabelArbitrary(), pascalNameArbitrary(9)).map(([p, s]) => `${p}.${s}`);
}

// ---------------------------------------------------------------------------------------------

export interface RouteSpecOptions {
  /** Protocol of the router listener: picks httpRoute / http2Route / grpcRoute / tcpRoute. Default: any. */
  protocol?: RouterProtocol;
  /** Router listener port (`match.port` is sometimes set to it). */
  listenerPort?: number;
  /** Candidate target nodes: App Mesh name → its single listener port (sometimes written as target port). Default `{node: 9080}`. */
  nodes?: Readonly<Record<string, number>>;
}

/** A `RouteSpec` (API shape, targets by App Mesh node name): 1..3 weighted targets summing to 1..100, optional retry policy and timeout. */
export function routeSpecArbitrary(options: RouteSpecOptions = {}): fc.Arbitrary<JsonObject> {
  const protocol = options.protocol ? fc.constant(options.protocol) : fc.constantFrom<RouterProtocol>('http', 'http2', 'grpc', 'tcp');
  const nodes = options.nodes && Object.keys(options.nodes).length > 0 ? options.nodes : { node: 9080 };
  const names = Object.keys(nodes);
  const targets = fc
    .shuffledSubarray(names, { minLength: 1, maxLength: Math.min(3, names.length) })
    .chain((chosen) =>
      fc.tuple(...chosen.map((name, i) => fc.record({ weight: fc.integer({ min: i === 0 ? 1 : 0, max: 33 }), port: opt(fc.constant(nodes[name]!)) }).map(({ weight, port }) => compact({ virtualNode: name, weight, port })))),
    );
  const port = options.listenerPort === undefined ? fc.constant(undefined) : opt(fc.constant(options.listenerPort));
  return fc
    .record({
      protocol,
      priority: opt(fc.integer({ min: 0, max: 1000 })),
      targets,
      port,
      httpMatch: httpRouteMatchArbitrary(),
      scheme: opt(fc.constantFrom('http', 'https')),
      grpcMatch: grpcRouteMatchArbitrary(),
      retry: opt(retryPolicyArbitrary()),
      grpcEvents: opt(fc.subarray(['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable'], { minLength: 1 })),
      timeout: opt(fc.record({ perRequest: opt(durationArbitrary()), idle: opt(durationArbitrary()) }).map((t) => compact(t))),
      tcpIdle: opt(durationArbitrary()),
    })
    .map((g) => {
      const action: JsonObject = { weightedTargets: g.targets as Json[] };
      let key: string;
      let body: JsonObject;
      switch (g.protocol) {
        case 'tcp':
          key = 'tcpRoute';
          body = compact({ action, match: g.port === undefined ? undefined : { port: g.port }, timeout: g.tcpIdle ? { idle: g.tcpIdle } : undefined });
          break;
        case 'grpc':
          key = 'grpcRoute';
          body = compact({ match: compact({ ...g.grpcMatch, port: g.port }), action, retryPolicy: g.retry ? compact({ ...g.retry, grpcRetryEvents: g.grpcEvents }) : undefined, timeout: g.timeout });
          break;
        default:
          key = g.protocol === 'http2' ? 'http2Route' : 'httpRoute';
          // scheme applies to http2Route only (a warning on httpRoute).
          body = compact({ match: compact({ ...g.httpMatch, port: g.port, scheme: g.protocol === 'http2' ? g.scheme : undefined }), action, retryPolicy: g.retry, timeout: g.timeout });
      }
      return compact({ priority: g.priority, [key]: body });
    });
}

/** An HTTP route match: exactly one of prefix / path (the webhook's rule), plus optional method, headers, query parameters. */
export function httpRouteMatchArbitrary(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      where: fc.oneof(
        pathPrefixArbitrary().map((prefix): JsonObject => ({ prefix })),
        exactPathArbitrary().map((exact): JsonObject => ({ path: { exact } })),
        fc.constantFrom(...SAFE_PATH_REGEXES).map((regex): JsonObject => ({ path: { regex } })),
      ),
      method: opt(fc.constantFrom(...HTTP_METHOD_VALUES)),
      headers: opt(headersArbitrary()),
      queryParameters: opt(queryParametersArbitrary()),
    })
    .map(({ where, ...rest }) => compact({ ...where, ...rest }));
}

/** A gRPC route match: optional serviceName, methodName only with a serviceName, optional metadata. */
export function grpcRouteMatchArbitrary(): fc.Arbitrary<JsonObject> {
  return fc
    .record({ serviceName: opt(grpcServiceNameArbitrary()), methodName: opt(pascalNameArbitrary(19)), metadata: opt(headersArbitrary()) })
    .map((m) => compact({ ...m, methodName: m.serviceName === undefined ? undefined : m.methodName }));
}

/** An HTTP retry policy (events from the CRD's enum; they are valid API strings too). */
export function retryPolicyArbitrary(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      maxRetries: fc.integer({ min: 0, max: 10 }),
      perRetryTimeout: durationArbitrary(),
      httpRetryEvents: opt(fc.subarray(['server-error', 'gateway-error', 'client-error', 'stream-error'], { minLength: 1 })),
      tcpRetryEvents: opt(fc.constant(['connection-error'])),
    })
    .map((r) => compact(r));
}

// ---------------------------------------------------------------------------------------------

/**
 * The CRD form of an API gateway-route spec: `target.virtualService.virtualServiceName` becomes a
 * `virtualServiceRef` to the K8s object `k8sNameOf(name)`.
 */
export function toK8sGatewayRouteSpec(spec: JsonObject, k8sNameOf: (virtualServiceName: string) => { name: string; namespace?: string }): JsonObject {
  const out = structuredClone(spec);
  for (const key of ['httpRoute', 'http2Route', 'grpcRoute']) {
    const target = ((out[key] as JsonObject | undefined)?.action as JsonObject | undefined)?.target as JsonObject | undefined;
    const vs = target?.virtualService as JsonObject | undefined;
    if (target && vs && typeof vs.virtualServiceName === 'string') target.virtualService = { virtualServiceRef: compact(k8sNameOf(vs.virtualServiceName)) };
  }
  return out;
}

/** The CRD form of an API route spec (an entry of `VirtualRouter.spec.routes`): targets become `virtualNodeRef`s. */
export function toK8sRoute(name: string, spec: JsonObject, k8sNameOf: (virtualNodeName: string) => { name: string; namespace?: string }): JsonObject {
  const out: JsonObject = { name, ...structuredClone(spec) };
  for (const key of ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute']) {
    const action = (out[key] as JsonObject | undefined)?.action as JsonObject | undefined;
    if (!action || !Array.isArray(action.weightedTargets)) continue;
    action.weightedTargets = action.weightedTargets.map((t) => {
      const { virtualNode, ...rest } = t as JsonObject;
      return { virtualNodeRef: compact(k8sNameOf(String(virtualNode))), ...rest };
    });
  }
  return out;
}

function nonEmpty(o: Record<string, unknown>): JsonObject | undefined {
  const c = compact(o);
  return Object.keys(c).length > 0 ? c : undefined;
}

/**
 * Generated meshes for the two-stage property tests: a generated gateway (gatewayResourcesArb) whose
 * target services get random providers — a virtual router (http / http2 / grpc / tcp routes with
 * weighted targets), a virtual node, or none — and nodes with DNS, Cloud Map or no discovery.
 */
import fc from 'fast-check';
import { grpcMatchArb, httpMatchArb } from './arbitraries.js';
import type { RouteRequest } from '../../src/evaluate/index.js';
import type { ApiGatewayRoute, ApiResources, ApiRoute, ApiVirtualNode, ApiVirtualRouter, ApiVirtualService } from './vector-model.js';

const SERVICES = ['svc-a', 'svc-b', 'svc-c', 'w-1', 'w-2', 'w-3'];
const NODES = ['n-1', 'n-2', 'n-3', 'n-4'];
const PROTOCOLS = ['http', 'http', 'http2', 'grpc', 'tcp'] as const;

type Json = Record<string, unknown>;

const weightedTargetsArb = fc.array(
  fc.record({ node: fc.constantFrom(...NODES), weight: fc.constantFrom(0, 1, 10, 90), port: fc.option(fc.constantFrom(8080, 8443), { nil: undefined, freq: 3 }) }),
  { minLength: 1, maxLength: 3 },
).map((ts) => ts.map((t) => ({ virtualNode: t.node, weight: t.weight, ...(t.port ? { port: t.port } : {}) })));

const durationArb = fc.record({ unit: fc.constantFrom('s', 'ms'), value: fc.nat({ max: 30 }) });
const timeoutArb = fc.option(fc.record({ perRequest: durationArb, idle: durationArb }, { requiredKeys: [] }), { nil: undefined });
const retryArb = fc.option(
  fc.record({
    maxRetries: fc.nat({ max: 5 }),
    perRetryTimeout: durationArb,
    httpRetryEvents: fc.subarray(['server-error', 'gateway-error', 'client-error', 'stream-error'], { minLength: 1 }),
    tcpRetryEvents: fc.constant(['connection-error']),
  }, { requiredKeys: ['maxRetries', 'perRetryTimeout'] }),
  { nil: undefined },
);

/** One router route spec of the given type. */
function routeSpecArb(type: (typeof PROTOCOLS)[number]): fc.Arbitrary<Json> {
  const common = { priority: fc.option(fc.constantFrom(0, 1, 5, 1000), { nil: undefined, freq: 2 }), targets: weightedTargetsArb, timeout: timeoutArb, retry: retryArb };
  if (type === 'tcp') {
    return fc.record({ ...common, port: fc.option(fc.constantFrom(8080, 8443), { nil: undefined }) }).map((r) => spec(r.priority, 'tcpRoute', { match: r.port ? { port: r.port } : {}, action: { weightedTargets: r.targets }, ...(r.timeout ? { timeout: r.timeout } : {}) }));
  }
  if (type === 'grpc') {
    return fc.record({ ...common, m: grpcMatchArb, method: fc.option(fc.constantFrom('Say', 'M'), { nil: undefined }) }).map((r) => {
      const { hostname: _h, ...match } = r.m as Json;
      if (r.method && match.serviceName) match.methodName = r.method;
      return spec(r.priority, 'grpcRoute', { match, action: { weightedTargets: r.targets }, ...(r.timeout ? { timeout: r.timeout } : {}), ...(r.retry ? { retryPolicy: r.retry } : {}) });
    });
  }
  return fc.record({ ...common, m: httpMatchArb, scheme: fc.option(fc.constantFrom('http', 'https'), { nil: undefined }) }).map((r) => {
    const { hostname: _h, ...match } = r.m as Json;
    if (type === 'http2' && r.scheme) match.scheme = r.scheme;
    const retry = r.retry ? { ...r.retry } : undefined;
    return spec(r.priority, type === 'http2' ? 'http2Route' : 'httpRoute', { match, action: { weightedTargets: r.targets }, ...(r.timeout ? { timeout: r.timeout } : {}), ...(retry ? { retryPolicy: retry } : {}) });
  });
}

function spec(priority: number | undefined, key: string, body: Json): Json {
  return { ...(priority === undefined ? {} : { priority }), [key]: body };
}

const routerArb = fc.oneof(
  fc.constantFrom(...PROTOCOLS).map((p) => [{ port: 8080, protocol: p }]),
  fc.tuple(fc.constantFrom(...PROTOCOLS), fc.constantFrom(...PROTOCOLS)).map(([a, b]) => [{ port: 8080, protocol: a }, { port: 8443, protocol: b }]),
).chain((listeners) => {
  const types = [...new Set(listeners.map((l) => l.protocol))];
  return fc.array(fc.constantFrom(...types).chain(routeSpecArb), { maxLength: 8 }).map((routes) => ({ listeners, routes }));
});

const nodeArb = fc.record({
  discovery: fc.constantFrom('dns', 'dns', 'cloudMap', 'none'),
  listeners: fc.constantFrom([8080], [8443], [8080, 8443]),
}).map((n): Json => ({
  listeners: n.listeners.map((port) => ({ portMapping: { port, protocol: 'http' } })),
  ...(n.discovery === 'dns' ? { serviceDiscovery: { dns: { hostname: 'h.local' } } } : {}),
  ...(n.discovery === 'cloudMap' ? { serviceDiscovery: { awsCloudMap: { namespaceName: 'ns.local', serviceName: 's', attributes: [{ key: 'v', value: '1' }] } } } : {}),
}));

const GW_PREFIXES = ['/', '/api', '/a', '/v1/', '/red'];

/** Gateway routes that mostly match (the gateway stage has its own property test): prefixes, default or disabled rewrite, single or weighted targets. */
const gatewayArb: fc.Arbitrary<ApiResources> = fc.record({
  protocol: fc.constantFrom('http', 'http', 'http2', 'grpc'),
  routes: fc.array(fc.record({
    prefix: fc.constantFrom(...GW_PREFIXES),
    disabled: fc.boolean(),
    target: fc.oneof(
      { weight: 4, arbitrary: fc.record({ vs: fc.constantFrom('svc-a', 'svc-b', 'svc-c'), port: fc.option(fc.constantFrom(8080, 8443), { nil: undefined }) }).map((t) => ({ target: { virtualService: { virtualServiceName: t.vs }, ...(t.port ? { port: t.port } : {}) } })) },
      { weight: 1, arbitrary: fc.array(fc.record({ vs: fc.constantFrom('w-1', 'w-2', 'w-3'), weight: fc.constantFrom(0, 1, 10, 90) }), { minLength: 1, maxLength: 3 }).map((ts) => ({ weightedTargets: ts.map((t) => ({ virtualService: { virtualServiceName: t.vs }, weight: t.weight })) })) },
    ),
  }), { minLength: 1, maxLength: 5 }),
}).map(({ protocol, routes }) => ({
  virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: protocol as 'http' } }] } },
  gatewayRoutes: routes.map((r, i): ApiGatewayRoute => {
    const key = protocol === 'grpc' ? 'grpcRoute' : protocol === 'http2' ? 'http2Route' : 'httpRoute';
    const match = protocol === 'grpc' ? {} : { prefix: r.prefix };
    const action = protocol === 'grpc' || !r.disabled ? { ...r.target } : { ...r.target, rewrite: { prefix: { defaultPrefix: 'DISABLED' } } };
    return { gatewayRouteName: `g${i}`, spec: { [key]: { match, action } } };
  }),
}));

export interface MeshRequestRecipe {
  route: number;
  tail: string;
  headers: [string, string][];
  query: string;
  method: string;
  scheme: 'http' | 'https' | undefined;
  random: number;
  mode: number;
}

export const meshRequestRecipeArb: fc.Arbitrary<MeshRequestRecipe> = fc.record({
  route: fc.nat(),
  tail: fc.constantFrom('', '/', 'x', '/a', '/api/v1', '/v1/users', '/Hello/Say', '/pkg.Greeter/M', '/a/b', '/chapter1'),
  headers: fc.array(fc.tuple(fc.constantFrom('x-a', 'X-B', 'x-canary'), fc.constantFrom('1', '2', 'true', 'red', 'requesting.green.color', '150', 'abc')), { maxLength: 3 }),
  query: fc.constantFrom('', '?q=1', '?k=2&fishes=nemo', '?q=a%20b'),
  method: fc.constantFrom('GET', 'POST', 'PUT'),
  scheme: fc.constantFrom(undefined, 'http' as const, 'https' as const),
  random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  mode: fc.nat({ max: 3 }),
});

export function meshRequestFor(res: ApiResources, r: MeshRequestRecipe): RouteRequest {
  const routes = res.gatewayRoutes;
  const spec = routes[r.route % routes.length]!.spec as Record<string, { match: { prefix?: string } }>;
  const prefix = (spec.httpRoute ?? spec.http2Route)?.match.prefix ?? '';
  const req: RouteRequest = { path: (prefix + r.tail || '/') + r.query, method: r.method };
  if (r.headers.length > 0) req.headers = r.headers;
  if (r.scheme !== undefined) req.scheme = r.scheme;
  return req;
}

/** A generated gateway plus the router stage of every service it can target. */
export function meshResourcesArb(): fc.Arbitrary<ApiResources> {
  return fc.tuple(
    gatewayArb,
    fc.array(fc.constantFrom('router', 'router', 'node', 'none'), { minLength: SERVICES.length, maxLength: SERVICES.length }),
    fc.array(routerArb, { minLength: SERVICES.length, maxLength: SERVICES.length }),
    fc.array(fc.constantFrom(...NODES), { minLength: SERVICES.length, maxLength: SERVICES.length }),
    fc.array(nodeArb, { minLength: NODES.length, maxLength: NODES.length }),
  ).map(([gw, providers, routers, direct, nodes]) => {
    const virtualServices: ApiVirtualService[] = [];
    const virtualRouters: ApiVirtualRouter[] = [];
    const routes: ApiRoute[] = [];
    SERVICES.forEach((name, i) => {
      const kind = providers[i]!;
      if (kind === 'router') {
        const vr = `vr-${name}`;
        virtualServices.push({ virtualServiceName: name, spec: { provider: { virtualRouter: { virtualRouterName: vr } } } });
        virtualRouters.push({ virtualRouterName: vr, spec: { listeners: routers[i]!.listeners.map((portMapping) => ({ portMapping })) } as ApiVirtualRouter['spec'] });
        routers[i]!.routes.forEach((s, k) => routes.push({ virtualRouterName: vr, routeName: `r${k % 3}-${k}`, spec: s }));
      } else if (kind === 'node') {
        virtualServices.push({ virtualServiceName: name, spec: { provider: { virtualNode: { virtualNodeName: direct[i]! } } } });
      } else {
        virtualServices.push({ virtualServiceName: name, spec: {} });
      }
    });
    const virtualNodes: ApiVirtualNode[] = NODES.map((n, i) => ({ virtualNodeName: n, spec: nodes[i]! }));
    return { ...gw, virtualServices, virtualRouters, routes, virtualNodes };
  });
}

/**
 * fast-check arbitraries for gateway routing (meant to become `meshroute/testing`):
 * - `gatewayResourcesArb()`: a VirtualGateway with up to `maxRoutes` gateway routes in AWS API
 *   shape, drawn from small vocabularies so that routes collide (shared prefixes, equal
 *   priorities, overlapping hostnames, the same headers) — the cases precedence is about;
 * - `requestRecipeArb()` + `requestFor(resources, recipe)`: requests derived from the routes
 *   (their prefixes, exact paths, hosts, header and query values, and near misses of each), so
 *   most requests hit some route and many hit several.
 */
import fc from 'fast-check';
import type { RouteRequest } from '../../src/evaluate/index.js';
import type { ApiGatewayRoute, ApiResources } from './vector-model.js';

const SEGMENTS = ['api', 'v1', 'v2', 'users', 'a', 'b', 'chapter', 'red', 'ü', 'x.y'];
const PORTS = [8080, 9090];
// Non-ASCII names pin the one case rule (docs/precedence.md § 4: only A–Z fold): `İ` (U+0130) and
// the Kelvin sign `K` (U+212A, which String#toLowerCase folds to `k`) must not fold.
const HOSTS = ['www.example.com', 'api.example.com', 'Shop.Example.COM', 'other.org', 'kelvin.example.com', 'İstanbul.example.com', 'Bücher.example.com'];
// `*.example.com`: the Envoy / Gateway API spelling, read as `.example.com` (docs/precedence.md § Hostnames).
const SUFFIXES = ['.example.com', 'example.com', '.com', '.org', '*.example.com', '.Ünï.example', '.k.example.com'];
const HEADER_NAMES = ['x-a', 'X-B', 'x-canary', 'x-key', 'X-İd', 'x-ümlaut'];
const HEADER_VALUES = ['1', '2', 'true', 'red', 'requesting.green.color', '150', '-3', ' 42 ', 'abc'];
const QUERY_NAMES = ['q', 'k', 'fishes'];
const QUERY_VALUES = ['1', '2', 'nemo', 'a%20b', ''];
const PATH_REGEXES = ['/api/.*', '/v[0-9]+/.*', '.*users.*', '/(a|b)/.*', '/[a-z]+', '/chapter[0-9]*', '.*'];
const VALUE_REGEXES = ['.*green.*', 'green', '[0-9]+', 'r.d', 'tru.*'];
const SERVICES = ['Hello', 'pkg.Greeter', 'a'];
const METHODS = ['GET', 'POST', 'PUT'] as const;

const literalPathArb = fc
  .tuple(fc.array(fc.constantFrom(...SEGMENTS), { minLength: 0, maxLength: 3 }), fc.constantFrom('', '/', '', 'x'))
  .map(([segs, tail]) => {
    const p = '/' + segs.join('/');
    return tail === '' || (tail === '/' && p === '/') ? p : p + tail;
  });

const headerMatchArb = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...HEADER_VALUES).map((v) => ({ exact: v })),
  fc.constantFrom('1', 're', 'tr', '-').map((v) => ({ prefix: v })),
  fc.constantFrom('e', '0', 'color').map((v) => ({ suffix: v })),
  fc.constantFrom(...VALUE_REGEXES).map((v) => ({ regex: v })),
  fc.tuple(fc.integer({ min: -10, max: 200 }), fc.integer({ min: 1, max: 100 })).map(([s, w]) => ({ range: { start: s, end: s + w } })),
);

const headerArb = fc.record({ name: fc.constantFrom(...HEADER_NAMES), invert: fc.boolean(), match: headerMatchArb }).map((h) => {
  const out: Record<string, unknown> = { name: h.name };
  if (h.invert) out.invert = true;
  if (h.match !== undefined) out.match = h.match;
  return out;
});

const queryArb = fc.record({ name: fc.constantFrom(...QUERY_NAMES), exact: fc.option(fc.constantFrom(...QUERY_VALUES), { nil: undefined }) })
  .map((q) => (q.exact === undefined ? { name: q.name } : { name: q.name, match: { exact: q.exact } }));

const hostnameArb = fc.option(
  fc.oneof(fc.constantFrom(...HOSTS).map((h) => ({ exact: h })), fc.constantFrom(...SUFFIXES).map((s) => ({ suffix: s }))),
  { nil: undefined, freq: 3 },
);

const priorityArb = fc.option(fc.constantFrom(0, 1, 5, 1000), { nil: undefined, freq: 2 });

const targetArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ vs: fc.constantFrom('svc-a', 'svc-b', 'svc-c'), port: fc.option(fc.constantFrom(8080, 8443), { nil: undefined }) }).map((t) => ({ target: { virtualService: { virtualServiceName: t.vs }, ...(t.port ? { port: t.port } : {}) } })) },
  { weight: 1, arbitrary: fc.array(fc.record({ vs: fc.constantFrom('w-1', 'w-2', 'w-3'), weight: fc.constantFrom(0, 1, 10, 90) }), { minLength: 1, maxLength: 3 }).map((ts) => ({ weightedTargets: ts.map((t) => ({ virtualService: { virtualServiceName: t.vs }, weight: t.weight })) })) },
);

const httpRewriteArb = fc.option(
  fc.record(
    {
      prefix: fc.oneof(fc.constant({ defaultPrefix: 'DISABLED' }), fc.constant({ defaultPrefix: 'ENABLED' }), fc.constantFrom('/red/', '/', '/v2/').map((v) => ({ value: v }))),
      path: fc.constantFrom('/blue', '/').map((e) => ({ exact: e })),
      hostname: fc.constant({ defaultTargetHostname: 'DISABLED' }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined, freq: 2 },
);

export const httpMatchArb = fc.record(
  {
    path: fc.oneof(
      { weight: 5, arbitrary: literalPathArb.map((p) => ({ prefix: p })) },
      { weight: 3, arbitrary: literalPathArb.map((p) => ({ path: { exact: p } })) },
      { weight: 2, arbitrary: fc.constantFrom(...PATH_REGEXES).map((r) => ({ path: { regex: r } })) },
      { weight: 1, arbitrary: fc.constant({}) },
    ),
    hostname: hostnameArb,
    method: fc.option(fc.constantFrom(...METHODS), { nil: undefined, freq: 3 }),
    headers: fc.array(headerArb, { maxLength: 2 }),
    queryParameters: fc.array(queryArb, { maxLength: 2 }),
    port: fc.option(fc.constantFrom(...PORTS), { nil: undefined, freq: 3 }),
  },
).map((m) => {
  const out: Record<string, unknown> = { ...m.path };
  if (m.hostname) out.hostname = m.hostname;
  if (m.method) out.method = m.method;
  if (m.headers.length) out.headers = m.headers;
  if (m.queryParameters.length) out.queryParameters = m.queryParameters;
  if (m.port) out.port = m.port;
  return out;
});

export const grpcMatchArb = fc.record({
  serviceName: fc.option(fc.constantFrom(...SERVICES), { nil: undefined, freq: 4 }),
  hostname: hostnameArb,
  metadata: fc.array(headerArb, { maxLength: 2 }),
  port: fc.option(fc.constantFrom(...PORTS), { nil: undefined, freq: 3 }),
}).map((m) => {
  const out: Record<string, unknown> = {};
  if (m.serviceName) out.serviceName = m.serviceName;
  if (m.hostname) out.hostname = m.hostname;
  if (m.metadata.length) out.metadata = m.metadata;
  if (m.port) out.port = m.port;
  return out;
});

/** One gateway route spec (API `GatewayRouteSpec`). */
export const gatewayRouteSpecArb: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    type: fc.constantFrom('httpRoute', 'httpRoute', 'httpRoute', 'http2Route', 'grpcRoute'),
    priority: priorityArb,
    http: httpMatchArb,
    grpc: grpcMatchArb,
    target: targetArb,
    rewrite: httpRewriteArb,
    grpcHostRewrite: fc.boolean(),
  })
  .map((r) => {
    const spec: Record<string, unknown> = r.priority === undefined ? {} : { priority: r.priority };
    if (r.type === 'grpcRoute') {
      const action: Record<string, unknown> = { ...r.target };
      if (r.grpcHostRewrite) action.rewrite = { hostname: { defaultTargetHostname: 'DISABLED' } };
      spec.grpcRoute = { match: r.grpc, action };
    } else {
      const action: Record<string, unknown> = { ...r.target };
      if (r.rewrite) action.rewrite = r.rewrite;
      spec[r.type] = { match: r.http, action };
    }
    return spec;
  });

export interface GatewayArbOptions {
  maxRoutes?: number;
  minRoutes?: number;
}

/** A gateway with 1–2 listeners and up to maxRoutes (default 200) gateway routes; names unique. */
export function gatewayResourcesArb(options: GatewayArbOptions = {}): fc.Arbitrary<ApiResources> {
  const listenersArb = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom('http', 'http', 'http2', 'grpc').map((p) => [{ portMapping: { port: 8080, protocol: p } }]) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom('http', 'grpc'), fc.constantFrom('http', 'http2')).map(([a, b]) => [{ portMapping: { port: 8080, protocol: a } }, { portMapping: { port: 9090, protocol: b } }]) },
  );
  const routesArb = fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'B'), gatewayRouteSpecArb), { minLength: options.minRoutes ?? 0, maxLength: options.maxRoutes ?? 200 });
  return fc.tuple(listenersArb, routesArb).map(([listeners, routes]) => ({
    virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: listeners as ApiResources['virtualGateway']['spec']['listeners'] } },
    gatewayRoutes: routes.map(([tag, spec], i): ApiGatewayRoute => ({ gatewayRouteName: `${tag}-${i}`, spec })),
  }));
}

/** Integer choices from which requestFor builds a request; shrinks well because it is flat. */
export interface RequestRecipe {
  route: number;
  pathVariant: number;
  extra: string;
  hostVariant: number;
  headerVariant: number;
  queryVariant: number;
  method: number;
  port: number;
  protocolOverride: number;
  random: number;
}

export const requestRecipeArb: fc.Arbitrary<RequestRecipe> = fc.record({
  route: fc.nat(),
  pathVariant: fc.nat({ max: 9 }),
  extra: fc.constantFrom('', '/x', '1', '/v1/users', '/', '/./a/../b', '//y', '?', 'ü'),
  hostVariant: fc.nat({ max: 8 }),
  headerVariant: fc.nat({ max: 5 }),
  queryVariant: fc.nat({ max: 5 }),
  method: fc.nat({ max: 4 }),
  port: fc.nat({ max: 5 }),
  protocolOverride: fc.nat({ max: 9 }),
  random: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
});

/**
 * One generated case of the gateway properties (reference and WASM equivalence): a gateway, a
 * hostname mode, and `requests` request recipes (compiling is the expensive part, so each gateway
 * serves several requests).
 */
export function gatewayCaseArb(options: GatewayArbOptions, requests: number): fc.Arbitrary<[ApiResources, 'virtual-host' | 'flat', RequestRecipe[]]> {
  return fc.tuple(
    gatewayResourcesArb(options),
    fc.constantFrom('virtual-host' as const, 'flat' as const),
    fc.array(requestRecipeArb, { minLength: requests, maxLength: requests }),
  );
}

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A request aimed at route `recipe.route` of `res` (modulo the count), or a near miss of it. */
export function requestFor(res: ApiResources, recipe: RequestRecipe): RouteRequest {
  const routes = res.gatewayRoutes;
  const spec: Any = routes.length > 0 ? routes[recipe.route % routes.length]!.spec : { httpRoute: { match: {} } };
  const route: Any = spec.grpcRoute ?? spec.httpRoute ?? spec.http2Route;
  const m: Any = route.match ?? {};
  const isGrpc = spec.grpcRoute !== undefined;
  const base: string = isGrpc ? (m.serviceName ? `/${m.serviceName}/Say` : '/Svc/M') : m.prefix ?? m.path?.exact ?? samplePathForRegex(m.path?.regex);
  const path = pathVariant(base, recipe);
  const req: RouteRequest = { path: path + queryFor(m, recipe.queryVariant) };
  const host = hostFor(m.hostname, recipe.hostVariant);
  if (host !== undefined) req.authority = host;
  const headers = headersFor(m.headers ?? m.metadata ?? [], recipe.headerVariant);
  if (headers !== undefined) req.headers = headers;
  const method = [undefined, m.method, 'GET', 'POST', 'PUT'][recipe.method];
  if (method !== undefined) req.method = method;
  if (recipe.port <= 2) req.port = [m.port ?? 8080, 8080, 9090][recipe.port];
  if (recipe.protocolOverride === 0) req.protocol = 'http';
  else if (recipe.protocolOverride === 1) req.protocol = isGrpc ? 'grpc' : spec.http2Route ? 'http2' : 'http';
  return req;
}

function samplePathForRegex(re: string | undefined): string {
  switch (re) {
    case undefined: return '/a';
    case '/api/.*': return '/api/q';
    case '/v[0-9]+/.*': return '/v12/x';
    case '.*users.*': return '/x/users';
    case '/(a|b)/.*': return '/b/c';
    case '/[a-z]+': return '/abc';
    case '/chapter[0-9]*': return '/chapter12';
    default: return '/any';
  }
}

function pathVariant(base: string, r: RequestRecipe): string {
  switch (r.pathVariant) {
    case 0: case 1: case 2: return base + r.extra;
    case 3: return base;
    case 4: return base.slice(0, -1) || '/';
    case 5: return base.toUpperCase();
    case 6: return '/' + base;
    case 7: return base.replace(/\/[^/]*$/, '') + '/./' + base.split('/').pop();
    case 8: return '/other' + r.extra;
    default: return base + 'x' + r.extra;
  }
}

function hostFor(h: Any, v: number): string | undefined {
  const host: string | undefined = h?.exact ?? (h?.suffix !== undefined ? 'shop' + h.suffix.replace(/^\*/, '') : undefined);
  switch (v) {
    case 0: case 1: return host ?? 'www.example.com';
    case 2: return host?.toUpperCase();
    case 3: return host === undefined ? undefined : host + ':80';
    case 4: return h?.suffix ?? 'api.example.com';
    case 5: return 'other.net';
    case 6: return 'Shop.Example.COM:9090';
    case 7: return (host ?? 'kelvin.example.com').replace(/k/gi, '\u212A'); // Kelvin sign: never folds to k
    default: return undefined;
  }
}

function headersFor(hs: Any[], v: number): RouteRequest['headers'] | undefined {
  if (v === 5) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const h of hs) {
    const m = h.match ?? {};
    const value: string = m.exact ?? (m.prefix !== undefined ? m.prefix + 'z' : m.suffix !== undefined ? 'z' + m.suffix : m.range ? String(m.range.start) : m.regex !== undefined ? 'requesting.green.color' : 'v');
    const name = v % 2 === 0 ? h.name : String(h.name).toUpperCase();
    if (v === 1) continue;
    out[name] = v === 3 ? value + 'q' : v === 4 ? [value, '2'] : value;
  }
  if (v === 2) {
    out['x-a'] = '1';
    out['X-\u212AEY'] = '1'; // Kelvin sign: not the header x-key
    out['x-i\u0307d'] = '1'; // what String#toLowerCase makes of X-İd: not that header
  }
  return Object.keys(out).length === 0 ? undefined : v === 4 ? Object.entries(out).flatMap(([k, x]) => (Array.isArray(x) ? x.map((y) => [k, y] as [string, string]) : [[k, x] as [string, string]])) : out;
}

function queryFor(m: Any, v: number): string {
  const qs: Any[] = m.queryParameters ?? [];
  if (v === 5 || qs.length === 0) return v === 4 ? '?q=1' : '';
  const parts = qs.map((q) => (v === 1 ? `${q.name}` : `${q.name}=${v === 2 ? 'zz' : q.match?.exact ?? '1'}`));
  if (v === 3) parts.unshift(`${qs[0].name}=first`);
  return '?' + parts.join('&');
}

/** A YAML vector document reproducing one case (paste into test/vectors/routing/). */
export function vectorSnippet(res: ApiResources, request: RouteRequest, hostnameMode: string, random: number, expected: unknown): string {
  return [
    '---',
    `title: property-test counterexample`,
    `hostnameMode: ${hostnameMode}`,
    `virtualGateway: ${JSON.stringify(res.virtualGateway)}`,
    `gatewayRoutes:`,
    ...res.gatewayRoutes.map((r) => `  - ${JSON.stringify(r)}`),
    'cases:',
    `  - name: counterexample`,
    `    request: ${JSON.stringify(request)}`,
    `    random: ${random}`,
    `    expect: ${JSON.stringify(expected)}`,
  ].join('\n');
}

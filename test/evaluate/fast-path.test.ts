/**
 * The fast path of route() and match() (src/evaluate/fast-path.ts) decides only what the full path
 * would: for generated gateways and requests, fastWinner is UNDECIDED or names the full path's
 * winner, and route() without options equals route() forced onto the full path (an explicit port,
 * the listener's own: the same request). Targeted cases pin where it must step aside.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable, type RouteRequest } from '../../src/evaluate/index.js';
import { loadTableData } from '../../src/evaluate/loaded.js';
import { fastWinner, UNDECIDED } from '../../src/evaluate/fast-path.js';
import { decodeTable } from '../../src/table/decode.js';
import { gatewayCaseArb, requestFor, vectorSnippet } from '../_support/arbitraries.js';
import { loadVectorModel, modelFromApi, type ApiGatewayRoute, type ApiResources } from '../_support/vector-model.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { build, gr } from '../_support/quick.js';
import { runs } from '../property/_config.js';

/**
 * Generated gateways nearly always give a route some criterion besides its path; the fast path is
 * for tables where most routes have none. So two routes in three lose theirs here (a host is one
 * only in flat mode; paths, ports, priorities and targets stay as generated).
 */
function mostlyPathOnly(res: ApiResources, hostnameMode: 'virtual-host' | 'flat'): ApiResources {
  const gatewayRoutes = res.gatewayRoutes.map((g, i) => {
    if (i % 3 === 0) return g;
    const spec = structuredClone(g.spec) as Record<string, { match?: Record<string, unknown> }>;
    for (const kind of ['httpRoute', 'http2Route', 'grpcRoute']) {
      const m = spec[kind]?.match;
      if (m !== undefined) for (const k of ['method', 'headers', 'queryParameters', 'metadata', ...(hostnameMode === 'flat' ? ['hostname'] : [])]) delete m[k];
    }
    return { ...g, spec } as ApiGatewayRoute;
  });
  return { ...res, gatewayRoutes };
}

/** The request without port and protocol: what the fast path takes. */
function portless(req: RouteRequest): RouteRequest {
  const { port: _port, protocol: _protocol, ...rest } = req;
  return rest;
}

test('property: the fast path decides only what the full path decides, and route() without options is unchanged', () => {
  let decided = 0;
  let asked = 0;
  fc.assert(
    fc.property(gatewayCaseArb({ maxRoutes: 40, minRoutes: 1 }, 6), ([generated, hostnameMode, recipes]) => {
      const res = mostlyPathOnly(generated, hostnameMode);
      const { model, gateway } = modelFromApi(res);
      const table = compileGatewayTable(model, gateway, { hostnameMode, routerStage: false });
      const rt = loadTableData(decodeTable(table)).gateway;
      const router = loadTable(table);
      const listeners = res.virtualGateway.spec.listeners;
      const port = listeners[0]!.portMapping.port;
      for (const recipe of recipes) {
        const request = portless(requestFor(res, recipe));
        // The listener's own port: the same request, but fastWinner steps aside for an explicit port.
        const full = { ...request, port };
        const where = `\npasteable vector:\n${vectorSnippet(res, request, hostnameMode, 0, null)}`;
        assert.equal(fastWinner(rt, full), UNDECIDED, `an explicit port takes the full path${where}`);
        const w = fastWinner(rt, request);
        // Two listeners: a request without a port reaches neither (404); the fast path is off.
        if (listeners.length > 1) {
          assert.equal(w, UNDECIDED, `two listeners take the full path${where}`);
          continue;
        }
        asked++;
        const want = router.match(full)?.gatewayRoute ?? null;
        if (w !== UNDECIDED) {
          decided++;
          assert.equal(w < 0 ? null : rt.routes[w]!.name, want, `fast path ≠ full path${where}`);
        }
        assert.equal(router.match(request)?.gatewayRoute ?? null, want, `match() ≠ full path${where}`);
        const m = router.match(full);
        // Without a weighted pick, route() needs no random(): compare whole decisions.
        if (m === null || (!m.weighted && m.targets.length === 1)) assert.deepEqual(router.route(request), router.route(full), `route() ≠ full path${where}`);
      }
    }),
    { numRuns: runs(1500) },
  );
  // Not vacuous: about 3 in 10 generated requests without a port are decided on the fast path (the rest
  // have dot segments, `//`, non-ASCII, a regex or a criterion on their best candidate, or two listeners).
  assert.ok(decided > asked / 5, `only ${decided} of ${asked} requests took the fast path`);
});

// One listener, mostly unconditional routes (the fast path is on), every path kind.
const { router, table } = build([
  gr('api', { prefix: '/api' }),
  gr('v1-exact', { path: { exact: '/api/v1' } }),
  gr('v1-dir', { prefix: '/api/v1/' }),
  gr('canary', { prefix: '/api/v2', headers: [{ name: 'x-canary', match: { exact: 'true' } }] }),
  gr('rx', { path: { regex: '/r[0-9]+' } }),
  gr('rest', { prefix: '/' }),
]);
const rt = loadTableData(decodeTable(table)).gateway;
const name = (w: number): string | null => (w < 0 ? null : rt.routes[w]!.name);

test('decided on the fast path: literals, a query or fragment cut off, the exact list where the walk stops', () => {
  assert.notEqual(rt.fastGroup, null);
  for (const [path, want] of [
    ['/api/v1', 'v1-exact'],
    ['/api/v1?x=1', 'v1-exact'], // cut where the walk stopped: that node's exact list counts
    ['/api/v1#top', 'v1-exact'],
    ['/api/v1/users?id=7#f', 'v1-dir'],
    ['/api/v1x', 'api'],
    ['/apix', 'api'], // a plain string prefix
    ['/', 'rest'],
    ['/other/a.b/c?q=/./', 'rest'], // dots and slashes inside the query are not the path's
  ] as const) {
    assert.equal(name(fastWinner(rt, { path })), want, path);
    assert.equal(router.match({ path })?.gatewayRoute, want, path);
  }
  const d = router.route({ path: '/api/v1/users?id=7#f' });
  assert.equal(d.path, '/users?id=7');
});

test('the fast path steps aside where the full path has work to do, and the answer is the full path\'s', () => {
  for (const [request, want] of [
    [{ path: '/api//v1' }, 'v1-exact'], // normalizing merges the slashes
    [{ path: '/api/v1/../v1' }, 'v1-exact'],
    [{ path: 'api/v1' }, 'v1-exact'], // no leading slash
    [{ path: '/api/v1/ü' }, 'v1-dir'], // not ASCII: the UTF-8 walk
    [{ path: '/api/v2/x', headers: { 'x-canary': 'true' } }, 'canary'], // the best candidate has a header criterion
    [{ path: '/api/v2/x' }, 'api'],
    [{ path: '/api', port: 8080 }, 'api'], // an explicit port or protocol
    [{ path: '/api', protocol: 'http' }, 'api'],
  ] as [RouteRequest, string][]) {
    assert.equal(fastWinner(rt, request), UNDECIDED, JSON.stringify(request));
    assert.equal(router.match(request)?.gatewayRoute, want, JSON.stringify(request));
  }
});

test('a regex ranked first steps aside too', () => {
  const b = build([gr('rx', { path: { regex: '/r[0-9]+' } }, { priority: 0 }), gr('r', { prefix: '/r' }), gr('rest', { prefix: '/' })]);
  const brt = loadTableData(decodeTable(b.table)).gateway;
  for (const [path, want] of [['/r12', 'rx'], ['/rx', 'r']] as const) {
    assert.equal(fastWinner(brt, { path }), UNDECIDED, path);
    assert.equal(b.router.match({ path })?.gatewayRoute, want, path);
  }
});

test('a table of mostly conditional routes does not take the fast path (it would walk twice)', () => {
  const h = (n: string, prefix: string) => gr(n, { prefix, headers: [{ name: 'x-v', match: { exact: '1' } }] });
  const b = build([h('a', '/a'), h('b', '/b'), gr('rest', { prefix: '/' })]);
  assert.equal(loadTableData(decodeTable(b.table)).gateway.fastGroup, null);
  assert.equal(b.router.route({ path: '/a', headers: { 'x-v': '1' } }).gatewayRoute, 'a');
});

test('virtual hosts: the fast path selects the host from the authority as the full path does', () => {
  const b = build([
    gr('shop', { prefix: '/', hostname: { exact: 'shop.example.com' } }),
    gr('any-example', { prefix: '/', hostname: { suffix: '.example.com' } }),
    gr('rest', { prefix: '/' }),
  ], { hostnameMode: 'virtual-host' });
  const vrt = loadTableData(decodeTable(b.table)).gateway;
  for (const [authority, want] of [['shop.example.com', 'shop'], ['SHOP.example.com', 'shop'], ['api.example.com', 'any-example'], ['other.net', 'rest'], [undefined, 'rest']] as const) {
    const request: RouteRequest = authority === undefined ? { path: '/x' } : { path: '/x', authority };
    const w = fastWinner(vrt, request);
    assert.equal(w === UNDECIDED ? 'undecided' : w < 0 ? null : vrt.routes[w]!.name, want, String(authority));
    assert.equal(b.router.match(request)?.gatewayRoute, want, String(authority));
  }
});

test('every conformance vector, two-stage meshes included: route() without options equals route() on the full path', () => {
  const suites = loadVectorSuites();
  let fast = 0;
  let cases = 0;
  const realRandom = Math.random;
  try {
    for (const s of suites) {
      for (const hostnameMode of s.modes) {
        const { model, gateway } = loadVectorModel(s.resources);
        const table = compileGatewayTable(model, gateway, { hostnameMode });
        const vrt = loadTableData(decodeTable(table)).gateway;
        const r = loadTable(table);
        for (const c of s.cases) {
          const random = c.random ?? 0.5;
          // route() without options picks with Math.random: the same value both ways.
          Math.random = () => random;
          cases++;
          if (fastWinner(vrt, c.request) !== UNDECIDED) fast++;
          assert.deepEqual(r.route(c.request), r.route(c.request, { random: () => random }), `${c.file}:${c.line} ${s.title} / ${c.name} (${hostnameMode})`);
        }
      }
    }
  } finally {
    Math.random = realRandom;
  }
  assert.ok(fast > cases / 4, `only ${fast} of ${cases} vector requests took the fast path`);
});

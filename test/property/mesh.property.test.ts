// Properties of the two-stage decision (issue 5):
// - for generated meshes (gateway routes → services with router / node / no provider → router routes
//   of every kind → weighted nodes) and requests, the compiled table's whole decision equals the
//   naive reference of both stages (test/_support/reference.ts), with random and sticky picks and
//   with allTargets; explain() names the same router route;
// - weighted shares: over 100,000 picks every target's share is within 1 % of weight / Σ weights,
//   weight 0 never picked — for router targets and the gateway edge canary alike;
// - sticky picks: the same key always lands on the same node, and across 100,000 keys the shares
//   still follow the weights within 1 %.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable, seededRandom, type Decision, type RouteOptions } from '../../src/evaluate/index.js';
import { meshRequestFor, meshRequestRecipeArb, meshResourcesArb } from '../_support/mesh-arbitraries.js';
import { modelFromApi, type ApiResources } from '../_support/vector-model.js';
import { referenceRoute } from '../_support/reference.js';
import { runs } from './_config.js';

const REQUESTS_PER_MESH = 6;

function canon(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canon);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, canon((x as Record<string, unknown>)[k])]));
  return x;
}

let routerStageDecisions = 0;
let routerMatches = 0;

test('two-stage decision ≡ naive reference of both stages on generated meshes', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(
      meshResourcesArb(),
      fc.constantFrom('virtual-host' as const, 'flat' as const),
      fc.array(meshRequestRecipeArb, { minLength: REQUESTS_PER_MESH, maxLength: REQUESTS_PER_MESH }),
      (res, hostnameMode, recipes) => {
        const { model, gateway } = modelFromApi(res);
        const router = loadTable(compileGatewayTable(model, gateway, { hostnameMode }));
        recipes.forEach((recipe, i) => {
          const mode = recipe.mode;
          const request = meshRequestFor(res, recipe);
          const options: RouteOptions = { random: () => recipe.random };
          if (mode === 1) options.stickyKey = 'x-a';
          if (mode === 2) options.allTargets = true;
          const got = router.route(request, options);
          const want = referenceRoute(model, gateway, request, { hostnameMode, ...options });
          if (got.stage === 'router' || got.virtualNode !== null || got.targets !== undefined) routerStageDecisions++;
          if (got.route !== null) routerMatches++;
          if (JSON.stringify(canon(got)) !== JSON.stringify(canon(want))) {
            assert.fail(`compiled ≠ reference\n  request: ${JSON.stringify(request)} options ${JSON.stringify({ ...options, random: recipe.random })}\n  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}\n  resources: ${JSON.stringify(res)}`);
          }
          if (i === 0) {
            const ex = router.explain(request, options);
            const winner = ex.router?.routes.find((r) => r.outcome === 'won')?.name ?? null;
            assert.equal(winner, got.route, 'explain names the router route route() chose');
          }
        });
      },
    ),
    { numRuns: runs(2000) },
  );
  // The generator must actually exercise the router stage, not just gateway misses.
  assert.ok(routerStageDecisions > 5000, `router stage reached ${routerStageDecisions} times`);
  assert.ok(routerMatches > 500, `a router route matched ${routerMatches} times`);
});

/** A one-route mesh: gateway `/` → svc (router) → one route with these weights (nodes t0, t1, …). */
function weightedMesh(weights: number[], gatewayWeights?: number[]): ApiResources {
  const nodes = weights.map((_, i) => ({ virtualNodeName: `t${i}`, spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: `t${i}.local` } } } }));
  const action = gatewayWeights
    ? { weightedTargets: gatewayWeights.map((w, i) => ({ virtualService: { virtualServiceName: `g${i}` }, weight: w })) }
    : { target: { virtualService: { virtualServiceName: 'svc' } } };
  return {
    virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } },
    gatewayRoutes: [{ gatewayRouteName: 'all', spec: { httpRoute: { match: { prefix: '/' }, action } } }],
    virtualServices: gatewayWeights
      ? gatewayWeights.map((_, i) => ({ virtualServiceName: `g${i}`, spec: { provider: { virtualNode: { virtualNodeName: `t${i}` } } } }))
      : [{ virtualServiceName: 'svc', spec: { provider: { virtualRouter: { virtualRouterName: 'vr' } } } }],
    virtualRouters: [{ virtualRouterName: 'vr', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } }],
    routes: [{ virtualRouterName: 'vr', routeName: 'split', spec: { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: weights.map((w, i) => ({ virtualNode: `t${i}`, weight: w })) } } } }],
    virtualNodes: nodes,
  };
}

const PICKS = 100_000;
const weightsArb = fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 10 }).filter((ws) => ws.some((w) => w > 0));

function shares(decide: (i: number) => Decision, n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const node = decide(i).virtualNode ?? 'none';
    counts.set(node, (counts.get(node) ?? 0) + 1);
  }
  return counts;
}

function assertShares(counts: Map<string, number>, weights: number[], n: number, what: string): void {
  const total = weights.reduce((a, b) => a + b, 0);
  weights.forEach((w, i) => {
    const share = (counts.get(`t${i}`) ?? 0) / n;
    if (w === 0) assert.equal(share, 0, `${what}: weight-0 target t${i} picked`);
    assert.ok(Math.abs(share - w / total) < 0.01, `${what}: t${i} share ${share.toFixed(4)} vs weight ${w}/${total}`);
  });
  assert.equal(counts.get('none') ?? 0, 0, `${what}: every pick chose a node`);
}

test('weighted shares: over 100,000 picks every share is within 1 % of weight / Σ weights (router and gateway edge canary)', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(weightsArb, fc.nat(), fc.boolean(), (weights, seed, edge) => {
      // edge: the gateway route's weightedTargets pick service g<i>, whose node provider is t<i>.
      const { model, gateway } = modelFromApi(edge ? weightedMesh(weights.map(() => 1), weights) : weightedMesh(weights));
      const router = loadTable(compileGatewayTable(model, gateway));
      const random = seededRandom(seed);
      const request = { path: '/x' };
      assertShares(shares(() => router.route(request, { random }), PICKS), weights, PICKS, edge ? 'gateway weightedTargets' : 'router weightedTargets');
    }),
    { numRuns: runs(12) },
  );
});

test('sticky picks: one key always lands on one node; across 100,000 keys the shares follow the weights within 1 %', { timeout: 300_000 }, () => {
  fc.assert(
    fc.property(weightsArb, fc.nat(), (weights, seed) => {
      const { model, gateway } = modelFromApi(weightedMesh(weights));
      const router = loadTable(compileGatewayTable(model, gateway));
      const keyRandom = seededRandom(seed);
      const uuid = (): string => [8, 4, 4, 4, 12].map((n) => Array.from({ length: n }, () => Math.floor(keyRandom() * 16).toString(16)).join('')).join('-');
      const keys = Array.from({ length: PICKS }, uuid);
      const decide = (i: number, random: () => number) => router.route({ path: '/x', headers: { 'X-Request-Id': keys[i]! } }, { stickyKey: 'x-request-id', random });
      const first = seededRandom(1);
      assertShares(shares((i) => decide(i, first), PICKS), weights, PICKS, 'sticky');
      // Retries of one request (same key, any randomness) land on the same node.
      const other = seededRandom(seed + 1);
      for (let i = 0; i < 200; i++) assert.equal(decide(i, other).virtualNode, decide(i, first).virtualNode, `key ${keys[i]} is sticky`);
    }),
    { numRuns: runs(6) },
  );
});

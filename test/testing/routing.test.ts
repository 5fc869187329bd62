// meshroute/testing from a user's own mesh: requestFor / nearMissFor / assertRouting.
// Cross-checked against the naive reference router (test/_support/reference.ts), not against the
// explain() the generators verify with:
// - a request from requestFor(route) is taken by that route when it is the only route of its router
//   (all its criteria hold); with { wins: true } the reference picks it in the full mesh;
// - a near miss is not taken by the route alone (one criterion fails), and `broken` names a criterion;
// - assertRouting passes a true property and reports request + decision on a false one.
// Failures print the seed, the route and the mesh.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { compile, loadFiles, UsageError, type RouteRequest } from '../../src/index.js';
import { assertRouting, nearMissFor, requestFor, routeOptionsFor } from '../../src/testing/index.js';
import { routingViews, routeId, type RouteView } from '../../src/analyze/routing-views.js';
import { gatewayCaseArb } from '../_support/arbitraries.js';
import { meshResourcesArb } from '../_support/mesh-arbitraries.js';
import { modelFromApi, type ApiResources } from '../_support/vector-model.js';
import { referenceRoute } from '../_support/reference.js';
import type { MeshModel, VirtualGateway } from '../../src/model/types.js';
import { runs } from '../property/_config.js';

const SAMPLES = 4;
const stats = { routes: 0, infeasible: 0, requests: 0, nearMisses: 0, wins: 0 };

/** The model with `view` as the only route of its router (the gateway or its virtual router). */
function alone(model: MeshModel, view: RouteView): MeshModel {
  if (view.stage === 'gateway') return { ...model, gatewayRoutes: model.gatewayRoutes.filter((g) => g.displayName === view.name) };
  return { ...model, routes: model.routes.filter((r) => r.virtualRouterName !== view.router || r.displayName === view.name) };
}

/** The route matched (a gateway route whose weights are all 0 matches and then answers 404: still its match). */
function takenBy(view: RouteView, d: ReturnType<typeof referenceRoute>): boolean {
  return view.stage === 'gateway' ? d.gatewayRoute === view.name : d.virtualRouter === view.router && d.route === view.name;
}

function checkMesh(res: ApiResources, hostnameMode: 'virtual-host' | 'flat', seed: number): void {
  const { model, gateway } = modelFromApi(res);
  const table = compileGatewayTable(model, gateway, { hostnameMode });
  const views = routingViews(table);
  const all = [...views.gatewayRoutes, ...views.routerRoutes].slice(0, 6);
  for (const view of all) {
    const id = routeId(view);
    const context = () => `route ${id}, mode ${hostnameMode}, mesh ${JSON.stringify(res)}`;
    let requests: RouteRequest[];
    try {
      requests = fc.sample(requestFor(table, id), { numRuns: SAMPLES, seed });
    } catch (err) {
      assert.ok(err instanceof UsageError && err.code === 'TESTING_NO_REQUEST', `${(err as Error).message}\n${context()}`);
      stats.infeasible++;
      continue;
    }
    stats.routes++;
    const reduced = alone(model, view);
    for (const request of requests) {
      stats.requests++;
      const d = referenceRoute(reduced, gateway as VirtualGateway, request, { hostnameMode: 'flat', random: routeOptionsFor(request).random });
      assert.ok(takenBy(view, d), `requestFor(${id}) gave ${JSON.stringify(request)}, which the route alone does not take: ${JSON.stringify(d)}\n${context()}`);
    }
    let misses: { request: RouteRequest; broken: string }[] = [];
    try {
      misses = fc.sample(nearMissFor(table, id), { numRuns: SAMPLES, seed });
    } catch (err) {
      assert.ok(err instanceof UsageError && err.code === 'TESTING_NO_REQUEST', `${(err as Error).message}\n${context()}`);
    }
    for (const m of misses) {
      stats.nearMisses++;
      const d = referenceRoute(reduced, gateway as VirtualGateway, m.request, { hostnameMode: 'flat', random: routeOptionsFor(m.request).random });
      // A path-less near miss of a router route can change the gateway route it enters by; the route itself must not take it.
      assert.ok(!takenBy(view, d), `nearMissFor(${id}) gave ${JSON.stringify(m)}, which the route alone takes\n${context()}`);
    }
    let winners: RouteRequest[] = [];
    try {
      winners = fc.sample(requestFor(table, id, { wins: true }), { numRuns: 2, seed });
    } catch (err) {
      assert.ok(err instanceof UsageError && err.code === 'TESTING_NO_REQUEST', `${(err as Error).message}\n${context()}`);
    }
    for (const request of winners) {
      stats.wins++;
      const d = referenceRoute(model, gateway as VirtualGateway, request, { hostnameMode, random: routeOptionsFor(request).random });
      assert.ok(takenBy(view, d), `requestFor(${id}, { wins: true }) gave ${JSON.stringify(request)}, which the reference routes elsewhere: ${JSON.stringify(d)}\n${context()}`);
    }
  }
}

test('requestFor / nearMissFor on generated gateways agree with the naive reference', { timeout: 300_000 }, () => {
  fc.assert(fc.property(gatewayCaseArb({ maxRoutes: 8 }, 1), fc.nat(), ([res, mode], seed) => checkMesh(res, mode, seed)), { numRuns: runs(60) });
});

test('requestFor / nearMissFor on generated two-stage meshes agree with the naive reference', { timeout: 300_000 }, () => {
  fc.assert(fc.property(meshResourcesArb(), fc.nat(), (res, seed) => checkMesh(res, 'virtual-host', seed)), { numRuns: runs(60) });
});

test('the generated-mesh checks were not vacuous', () => {
  console.log(`  requestFor checks: ${JSON.stringify(stats)}`);
  assert.ok(stats.routes >= 100 && stats.requests >= 400 && stats.nearMisses >= 100 && stats.wins >= 50, JSON.stringify(stats));
});

const edge = () => compile(loadFiles(['docs/examples/edge-gateway']));

test('assertRouting: every request with x-canary: true under /api/v1 reaches backend v2 (docs/testing.md)', () => {
  const router = edge();
  assertRouting(router, requestFor(router, 'backend-canary-route'), (d) => d.virtualService === 'backend-v2.shop.svc.cluster.local', { params: { numRuns: 200 } });
});

test('assertRouting reports the request and decision of a counterexample', () => {
  const router = edge();
  assert.throws(
    () => assertRouting(router, requestFor(router, 'backend-route'), (d) => d.virtualService === 'backend-v2.shop.svc.cluster.local', { params: { numRuns: 50, seed: 7 } }),
    (err: Error) => {
      const text = `${err.message}\n${String(err.cause)}`;
      return /routing property failed/.test(text) && /request: .*"path":"\/api\/v1/.test(text) && /decision: .*backend\.shop/.test(text) && /seed: 7/.test(text);
    },
  );
});

test('near misses of the canary route break one criterion each, and none reaches v2', () => {
  const router = edge();
  const seen = new Set<string>();
  assertRouting(router, nearMissFor(router, 'backend-canary-route'), (d, _r, m) => {
    seen.add(m.broken);
    return d.virtualService !== 'backend-v2.shop.svc.cluster.local';
  }, { params: { numRuns: 200, seed: 1 } });
  assert.deepEqual([...seen].sort(), ['header', 'path']);
});

test('router routes by virtualRouter/route; unknown and unreachable routes are usage errors up front', () => {
  const color = compile(loadFiles(['docs/examples/color-app']));
  const [r] = fc.sample(requestFor(color, 'colorteller-router/blue-route'), { numRuns: 1, seed: 1 });
  assert.equal(color.route(r!).route, 'blue-route');
  assert.throws(() => requestFor(color, 'nope'), (e: Error) => e instanceof UsageError && e.code === 'TESTING_UNKNOWN_ROUTE' && /color-route/.test(e.message));
  const multi = compile(loadFiles(['docs/examples/multi-listener-aws']));
  assert.throws(() => requestFor(multi, 'foodteller-router/veg-route'), (e: Error) => e instanceof UsageError && e.code === 'TESTING_NO_REQUEST');
});

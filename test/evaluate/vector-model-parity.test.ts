// The property tests build models with the small test-side builder (modelFromApi) because running
// 10,000 generated gateways through the validator would dominate the suite. This pins that the
// builder and the real pipeline (src/model, AWS create-* documents) give the same gateway routes
// for every conformance vector, so the property tests exercise what users get.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadVectorSuites } from '../_support/vectors.js';
import { loadVectorModel, modelFromApi } from '../_support/vector-model.js';
import type { GatewayRoute } from '../../src/model/types.js';

const routing = (routes: GatewayRoute[]) =>
  routes.map((r) => ({ name: r.name, displayName: r.displayName, meshName: r.meshName, virtualGatewayName: r.virtualGatewayName, spec: r.spec })).sort((a, b) => (a.name < b.name ? -1 : 1));

for (const suite of loadVectorSuites()) {
  test(`test builder ≡ real loader: ${suite.file}:${suite.line} ${suite.title}`, () => {
    const built = modelFromApi(suite.resources);
    const loaded = loadVectorModel(suite.resources);
    assert.deepEqual(routing(loaded.model.gatewayRoutes), routing(built.model.gatewayRoutes));
    assert.deepEqual(loaded.gateway.listeners, built.gateway.listeners);
    // The router stage: providers, routes, router listeners, node listeners and discovery.
    const byName = <T extends { name: string }>(xs: T[]) => [...xs].sort((a, b) => (a.name < b.name ? -1 : 1));
    const providers = (m: typeof built.model) => byName(m.virtualServices).filter((s) => s.provider !== null).map((s) => ({ name: s.name, provider: s.provider }));
    assert.deepEqual(providers(loaded.model), providers(built.model));
    const routes = (m: typeof built.model) => byName(m.routes).map((r) => ({ name: r.name, displayName: r.displayName, virtualRouterName: r.virtualRouterName, spec: r.spec }));
    assert.deepEqual(routes(loaded.model), routes(built.model));
    const routers = (m: typeof built.model) => byName(m.virtualRouters).map((r) => ({ name: r.name, listeners: r.listeners }));
    assert.deepEqual(routers(loaded.model), routers(built.model));
    const nodes = (m: typeof built.model) => byName(m.virtualNodes).map((n) => ({ name: n.name, listeners: n.listeners.map((l) => l.portMapping), serviceDiscovery: n.serviceDiscovery }));
    assert.deepEqual(nodes(loaded.model), nodes(built.model));
  });
}

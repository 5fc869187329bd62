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
  });
}

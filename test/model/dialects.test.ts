/**
 * The same mesh written as K8s manifests and as AWS API JSON (create-* input and describe-* output)
 * loads to the same normalized model, once the fields that legitimately depend on the dialect are
 * removed (see dialectIndependentModel in src/testing/model.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { loadFiles, loadSources } from '../../src/model/load-model.js';
import { dialectIndependentModel } from '../../src/testing/index.js';
import { FIXTURES, fixture, fmt } from './helpers.js';

const DIR = join(FIXTURES, 'same-mesh');
const files = { k8s: join(DIR, 'k8s.yaml'), create: join(DIR, 'aws-create.json'), describe: join(DIR, 'aws-describe.json') };

function loadClean(file: string) {
  const r = loadFiles([file]);
  assert.deepEqual(r.diagnostics.map(fmt), [], `${file} must load without any diagnostic`);
  assert.equal(r.valid, true);
  return r;
}

test('same mesh: every dialect loads cleanly with the same resource counts', () => {
  const expected = { Mesh: 1, VirtualGateway: 1, GatewayRoute: 4, VirtualService: 3, VirtualRouter: 1, Route: 2, VirtualNode: 4 };
  for (const f of Object.values(files)) assert.deepEqual(loadClean(f).stats.resources, expected, f);
});

test('same mesh: K8s YAML and AWS create-* JSON give the same normalized model', () => {
  assert.deepEqual(dialectIndependentModel(loadClean(files.k8s).model), dialectIndependentModel(loadClean(files.create).model));
});

test('same mesh: AWS create-* and describe-* JSON give the same normalized model', () => {
  assert.deepEqual(dialectIndependentModel(loadClean(files.create).model), dialectIndependentModel(loadClean(files.describe).model));
});

test('same mesh: the model is resolved as App Mesh sees it (names, bindings, targets)', () => {
  const { model } = loadClean(files.k8s);
  assert.deepEqual(model.gatewayRoutes.map((g) => [g.name, g.virtualGatewayName, g.spec.action.targets.map((t) => `${t.virtualServiceName}:${t.port ?? '-'}`).join()]), [
    ['api-route', 'edge-gw', 'api-svc.shop.local:-'],
    ['greeter-route', 'edge-gw', 'greeter-svc.shop.local:-'],
    ['static-route', 'edge-gw', 'web-svc.shop.local:-'],
    ['web-route', 'edge-gw', 'web-svc.shop.local:8000'],
  ]);
  const api = model.gatewayRoutes[0]!;
  assert.equal(api.spec.type, 'http');
  assert.equal(api.spec.priority, 10);
  assert.deepEqual(api.spec.action.rewrite, { prefix: { defaultPrefix: null, value: '/v2/' }, path: null, hostname: { defaultTargetHostname: 'DISABLED' } });
  {
    const match = api.spec.match as import('../../src/model/types.js').HttpGatewayRouteMatch;
    assert.deepEqual(match.headers, [
      { name: 'x-version', invert: false, match: { exact: 'v2' } },
      { name: 'x-legacy', invert: true, match: null },
      { name: 'x-tenant', invert: false, match: { range: { start: 100, end: 200 } } },
    ]);
    assert.deepEqual(match.queryParameters, [{ name: 'debug', exact: '1' }]);
    assert.deepEqual(match.hostname, { exact: 'api.example.com' });
  }
  assert.deepEqual(model.virtualServices.map((s) => [s.name, s.provider]), [
    ['api-svc.shop.local', { virtualRouter: 'api-router' }],
    ['greeter-svc.shop.local', { virtualNode: 'greeter' }],
    ['web-svc.shop.local', { virtualNode: 'web' }],
  ]);
  assert.deepEqual(model.virtualRouters.map((r) => [r.name, r.routeNames]), [['api-router', ['beta-route', 'default-route']]]);
  const def = model.routes.find((r) => r.name === 'default-route')!;
  assert.deepEqual(def.spec.weightedTargets, [
    { virtualNodeName: 'api-v1', weight: 90, port: null },
    { virtualNodeName: 'api-v2', weight: 10, port: 9080 },
  ]);
  assert.deepEqual(def.spec.retryPolicy, { maxRetries: 3, perRetryTimeout: { unit: 's', value: 2 }, httpRetryEvents: ['server-error', 'gateway-error'], tcpRetryEvents: ['connection-error'], grpcRetryEvents: [] });
  assert.deepEqual(def.spec.timeout, { perRequest: { unit: 's', value: 15 }, idle: { unit: 'ms', value: 60000 } });
  assert.deepEqual(model.virtualNodes.map((n) => [n.name, n.backends, n.serviceDiscovery && Object.keys(n.serviceDiscovery)[0]]), [
    ['api-v1', [], 'dns'],
    ['api-v2', [], 'awsCloudMap'],
    ['greeter', [], 'dns'],
    ['web', ['api-svc.shop.local'], 'dns'],
  ]);
  assert.equal(model.meshes[0]!.egressFilter, 'ALLOW_ALL');
});

test('same mesh: the comparison is not vacuous (a one-field difference is seen)', () => {
  const text = fixture('same-mesh/aws-create.json').replace('"weight": 90', '"weight": 80');
  const changed = loadSources([{ file: 'changed.json', text }]);
  assert.equal(changed.valid, true);
  assert.notDeepEqual(dialectIndependentModel(changed.model), dialectIndependentModel(loadClean(files.create).model));
});

test('same mesh: dialect-only fields really differ before normalization', () => {
  const k = loadClean(files.k8s).model.virtualGateways[0]!;
  const a = loadClean(files.create).model.virtualGateways[0]!;
  assert.equal(k.dialect, 'k8s');
  assert.equal(a.dialect, 'aws');
  assert.equal(k.displayName, 'edge');
  assert.equal(a.displayName, 'edge-gw');
  assert.equal(k.namespace, 'shop');
  assert.equal(a.namespace, null);
  assert.equal(k.name, a.name);
});

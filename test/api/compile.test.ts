// The high-level API: compile(resources, { gateway }) → route / explain / table, and reload()'s
// atomic swap that keeps the old table serving when the new resources are invalid.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';
import { compile, loadFiles, loadTable, UsageError, ValidationError } from '../../src/index.js';

const EDGE = parseAllDocuments(readFileSync('docs/examples/edge-gateway/mesh.yaml', 'utf8')).map((d) => d.toJS());

test('compile() takes parsed manifests and routes the seed scenario', () => {
  const router = compile(EDGE);
  assert.equal(router.gateway, 'ingress-gw_ingress');
  const canary = router.route({ path: '/api/v1/data', authority: 'shop.example.com', headers: { 'X-Canary': 'true' } });
  assert.equal(canary.gatewayRoute, 'backend-canary-route');
  assert.equal(canary.virtualService, 'backend-v2.shop.svc.cluster.local');
  assert.equal(canary.path, '/data');
  const plain = router.route({ path: '/api/v1/data?x=1' });
  assert.equal(plain.gatewayRoute, 'backend-route');
  assert.equal(plain.path, '/data?x=1');
  assert.equal(router.route({ path: '/index.html' }).gatewayRoute, 'frontend-route');
});

test('compile() accepts a loaded model or LoadResult, and its table loads in the runtime alone', () => {
  const loaded = loadFiles(['docs/examples/edge-gateway']);
  for (const input of [loaded, loaded.model]) {
    const router = compile(input, { gateway: 'ingress/ingress-gw' });
    const again = loadTable(router.table);
    assert.deepEqual(again.route({ path: '/api/v1/x' }), router.route({ path: '/api/v1/x' }));
  }
});

test('compile() of invalid resources throws ValidationError carrying every diagnostic', () => {
  const broken = structuredClone(EDGE);
  broken.find((d: { kind?: string; metadata?: { name?: string } }) => d.metadata?.name === 'backend-route').spec.httpRoute.match.prefx = '/x';
  assert.throws(() => compile(broken), (err: unknown) => {
    assert.ok(err instanceof ValidationError);
    assert.ok(err.diagnostics.some((d) => d.code === 'SCHEMA_UNKNOWN_FIELD' && d.path.endsWith('/spec/httpRoute/match/prefx')), JSON.stringify(err.diagnostics));
    return true;
  });
});

test('compile() with an unknown or ambiguous gateway throws UsageError naming the gateways', () => {
  assert.throws(() => compile(EDGE, { gateway: 'nope' }), (err: unknown) => err instanceof UsageError && /ingress\/ingress-gw/.test(err.message));
});

test('reload(): valid resources swap in; invalid ones keep the old table serving and return diagnostics', () => {
  const router = compile(EDGE);
  const before = router.table;
  assert.equal(router.route({ path: '/api/v1/a' }).gatewayRoute, 'backend-route');

  const withoutBackend = EDGE.filter((d: { metadata?: { name?: string } }) => d.metadata?.name !== 'backend-route');
  const ok = router.reload(withoutBackend);
  assert.equal(ok.ok, true);
  assert.notDeepEqual(router.table, before);
  assert.equal(router.route({ path: '/api/v1/a' }).gatewayRoute, 'frontend-route');

  const serving = router.table;
  const invalid = [...withoutBackend, { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name: 'bad', namespace: 'ingress' }, spec: { httpRoute: { match: { prefix: 'api' }, action: { target: { virtualService: { virtualServiceRef: { name: 'nope' } } } } } } }];
  const failed = router.reload(invalid);
  assert.equal(failed.ok, false);
  assert.ok(failed.diagnostics.some((d) => d.code === 'PREFIX_SLASH'), JSON.stringify(failed.diagnostics.map((d) => d.code)));
  assert.ok(failed.diagnostics.some((d) => d.code === 'REF_NOT_FOUND'));
  assert.equal(router.table, serving, 'the old table keeps serving');
  assert.equal(router.route({ path: '/api/v1/a' }).gatewayRoute, 'frontend-route');
});

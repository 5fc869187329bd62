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

const COLOR = parseAllDocuments(readFileSync('docs/examples/color-app/mesh.yaml', 'utf8')).map((d) => d.toJS());

test('compile() makes the two-stage decision; its one table serves the router stage in the runtime alone; reload() swaps routers too', () => {
  const router = compile(COLOR);
  const blue = router.route({ path: '/color/tell', headers: { color_header: 'blue' } });
  assert.deepEqual([blue.virtualRouter, blue.route, blue.virtualNode, blue.endpoint], ['colorteller-router_color', 'blue-route', 'colorteller-blue_color', { hostname: 'colorteller-blue.color.svc.cluster.local', port: 9080 }]);
  const runtime = loadTable(router.table);
  assert.deepEqual(runtime.route({ path: '/color/tell', headers: { color_header: 'blue' } }), blue);
  // Sticky: retries of one request id land on one node; random never consulted.
  const sticky = (random: () => number) => router.route({ path: '/color/x', headers: { 'x-request-id': 'r-1' } }, { stickyKey: 'x-request-id', random }).virtualNode;
  assert.equal(sticky(() => 0), sticky(() => 0.999));
  // reload: drop the blue route → blue requests fall to the default split.
  const next = COLOR.map((doc) => {
    if (doc?.kind !== 'VirtualRouter') return doc;
    return { ...doc, spec: { ...doc.spec, routes: doc.spec.routes.filter((r: { name: string }) => r.name !== 'blue-route') } };
  });
  assert.equal(router.reload(next).ok, true);
  const after = router.route({ path: '/color/tell', headers: { color_header: 'blue' } }, { random: () => 0 });
  assert.deepEqual([after.route, after.virtualNode], ['default-route', 'colorteller-white_color']);
});

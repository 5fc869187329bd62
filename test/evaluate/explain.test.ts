// explain(): every route in precedence order, first failing criterion, the winner; and its rendering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderExplanation } from '../../src/cli/render-explain.js';
import { build, gr } from '../_support/quick.js';

const routes = [
  gr('api-canary', { prefix: '/api', headers: [{ name: 'x-canary', match: { exact: 'true' } }] }, { vs: 'api-v2' }),
  gr('api', { prefix: '/api' }, { vs: 'api-v1' }),
  gr('admin', { prefix: '/admin', method: 'POST' }, { priority: 10 }),
  gr('grpc', { serviceName: 'S' }, { type: 'grpcRoute' }),
  gr('root', { prefix: '/' }),
];

test('explain lists every route in precedence order with the failing criterion and the winner', () => {
  const { router } = build(routes);
  const ex = router.explain({ path: '/api/v1/data', headers: { 'X-Canary': 'false' } });
  assert.deepEqual(ex.routes.map((r) => [r.name, r.outcome, r.failed]), [
    ['admin', 'failed', 'path'],
    ['api-canary', 'failed', 'header'],
    ['api', 'won', null],
    ['grpc', 'not-reached', 'protocol'],
    ['root', 'not-reached', null],
  ]);
  assert.equal(ex.decision.gatewayRoute, 'api');
  assert.equal(ex.decision.path, '/v1/data');
  assert.deepEqual(ex.request, { method: 'GET', path: '/api/v1/data', query: null, host: '', port: 8080, protocol: 'http' });
  const admin = ex.routes[0]!;
  assert.deepEqual(admin.criteria.map((c) => [c.kind, c.ok]), [['protocol', true], ['virtual-host', true], ['path', false], ['method', false]]);
});

test('explain with no listener: every route fails on the listener', () => {
  const { router } = build(routes, {}, [{ port: 1, protocol: 'http' }, { port: 2, protocol: 'http' }]);
  const ex = router.explain({ path: '/api' });
  assert.equal(ex.listener, null);
  assert.ok(ex.routes.every((r) => r.failed === 'listener'));
  assert.equal(ex.decision.status, 404);
});

test('rendered explanation shows the decision and a ✔/✘ row per route in order', () => {
  const { router } = build(routes);
  const text = renderExplanation(router.explain({ path: '/api/v1/data', headers: { 'x-canary': 'true' } }));
  const lines = text.split('\n');
  assert.match(lines[0]!, /^GET \/api\/v1\/data {2}host \(none\) {2}listener 8080\/http/);
  assert.ok(text.includes('✔ matched gateway route api-canary → virtual service api-v2'));
  assert.ok(text.includes('upstream path /v1/data, authority api-v2'));
  const order = ['admin', 'api-canary', 'api', 'grpc', 'root'].map((n) => lines.findIndex((l) => new RegExp(`^\\d+\\s+${n}\\s`).test(l)));
  assert.ok(order.every((i, k) => i > 0 && (k === 0 || i > order[k - 1]!)), `routes in precedence order: ${order}`);
  assert.match(lines.find((l) => /^\d+\s+api-canary\s/.test(l))!, /✔ won .*✔ header x-canary exact "true"/);
  assert.match(lines.find((l) => /^\d+\s+admin\s/.test(l))!, /✘ path .*✘ prefix \/admin/);
});

test('rendered no-match names the status', () => {
  const { router } = build([gr('g', { serviceName: 'S' }, { type: 'grpcRoute' })], {}, [{ port: 50051, protocol: 'grpc' }]);
  assert.ok(renderExplanation(router.explain({ path: '/T/m' })).includes('✘ no gateway route matched: HTTP 404, gRPC status 12 (stage gateway)'));
});

test('flat mode explains the hostname as a criterion; virtual-host mode as the selected virtual host', () => {
  const hostRoutes = [gr('www', { prefix: '/', hostname: { exact: 'www.example.com' } }), gr('any', { prefix: '/' })];
  const flat = build(hostRoutes, { hostnameMode: 'flat' }).router.explain({ path: '/', authority: 'other.org' });
  assert.equal(flat.virtualHost, null);
  assert.deepEqual(flat.routes.map((r) => [r.name, r.outcome, r.failed]), [['www', 'failed', 'hostname'], ['any', 'won', null]]);
  const vh = build(hostRoutes).router.explain({ path: '/', authority: 'WWW.example.com' });
  assert.equal(vh.virtualHost, 'www.example.com');
  assert.deepEqual(vh.routes.map((r) => [r.name, r.outcome, r.failed]), [['www', 'won', null], ['any', 'not-reached', 'virtual-host']]);
});

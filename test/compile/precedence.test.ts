// Pins the precedence contract (DESIGN §2, docs/precedence.md): each test name is cited there and
// in the `// Precedence:` comment of src/compile/precedence.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, gr } from '../_support/quick.js';

test('priority ascending, unset after 1000', () => {
  const { order, router } = build([
    gr('unset', { prefix: '/a/b/c/d' }),
    gr('p1000', { prefix: '/' }, { priority: 1000 }),
    gr('p5', { prefix: '/a' }, { priority: 5 }),
    gr('p0', { prefix: '/x' }, { priority: 0 }),
  ]);
  assert.deepEqual(order, ['p0', 'p5', 'p1000', 'unset']);
  assert.equal(router.route({ path: '/a/b/c/d' }).gatewayRoute, 'p5', 'a priority beats a longer unprioritized prefix');
  assert.equal(router.route({ path: '/z' }).gatewayRoute, 'p1000', 'priority 1000 still beats unset');
});

test('literals before regex and path-less', () => {
  const { order, router } = build([
    gr('regex', { path: { regex: '/api/.*' } }),
    gr('hostonly', { hostname: { suffix: '.com' } }),
    gr('root', { prefix: '/' }),
  ], { hostnameMode: 'flat' });
  assert.deepEqual(order, ['root', 'hostonly', 'regex']);
  assert.equal(router.route({ path: '/api/x', authority: 'a.com' }).gatewayRoute, 'root');
});

test('longest literal first', () => {
  const { order, router } = build([gr('short', { prefix: '/ab' }), gr('long', { prefix: '/abc' }), gr('exact-short', { path: { exact: '/a' } })]);
  assert.deepEqual(order, ['long', 'short', 'exact-short']);
  assert.equal(router.route({ path: '/abcd' }).gatewayRoute, 'long');
  assert.equal(router.route({ path: '/abd' }).gatewayRoute, 'short');
});

test('longest literal first: length counts UTF-8 bytes', () => {
  const { order } = build([gr('z-ascii3', { prefix: '/ab' }), gr('a-umlaut', { prefix: '/ü' })]);
  assert.deepEqual(order, ['a-umlaut', 'z-ascii3'], 'both are 3 bytes: the name decides');
  const { order: o2 } = build([gr('b-ascii2', { prefix: '/a' }), gr('a-umlaut', { prefix: '/ü' })]);
  assert.deepEqual(o2, ['a-umlaut', 'b-ascii2'], '/ü is 3 bytes, longer than /a');
});

test('exact before prefix at equal length', () => {
  const { order, router } = build([gr('a-prefix', { prefix: '/api' }), gr('b-exact', { path: { exact: '/api' } })]);
  assert.deepEqual(order, ['b-exact', 'a-prefix']);
  assert.equal(router.route({ path: '/api' }).gatewayRoute, 'b-exact');
  assert.equal(router.route({ path: '/api/' }).gatewayRoute, 'a-prefix');
});

test('tie-break: more criteria first', () => {
  const { order, router } = build([
    gr('a-plain', { prefix: '/api' }),
    gr('z-canary', { prefix: '/api', headers: [{ name: 'x-canary', match: { exact: 'true' } }] }),
    gr('m-two', { prefix: '/api', method: 'POST', queryParameters: [{ name: 'v' }] }),
  ]);
  assert.deepEqual(order, ['m-two', 'z-canary', 'a-plain']);
  assert.equal(router.route({ path: '/api/x', headers: { 'x-canary': 'true' } }).gatewayRoute, 'z-canary');
  assert.equal(router.route({ path: '/api/x' }).gatewayRoute, 'a-plain');
});

test('tie-break: name bytewise', () => {
  const { order } = build([gr('b', { prefix: '/x' }), gr('B', { prefix: '/x' }), gr('a', { prefix: '/x' }), gr('é', { prefix: '/x' })]);
  assert.deepEqual(order, ['B', 'a', 'b', 'é']);
});

test('only routes of the request protocol and listener port take part', () => {
  const { router } = build(
    [
      gr('http-8080', { prefix: '/', port: 8080 }),
      gr('http-any', { prefix: '/' }, { priority: 5 }),
      gr('h2', { prefix: '/' }, { type: 'http2Route', priority: 0 }),
      gr('grpc', { serviceName: 'S' }, { type: 'grpcRoute', priority: 0 }),
    ],
    {},
    [{ port: 8080, protocol: 'http' }, { port: 9090, protocol: 'http' }],
  );
  assert.equal(router.route({ path: '/', port: 8080 }).gatewayRoute, 'http-any');
  assert.equal(router.route({ path: '/', port: 9090 }).gatewayRoute, 'http-any');
  assert.equal(router.route({ path: '/', port: 9090, protocol: 'http2' }).gatewayRoute, 'h2');
  assert.equal(router.route({ path: '/S/m', port: 9090, protocol: 'grpc' }).gatewayRoute, 'grpc');
  assert.equal(router.route({ path: '/', port: 7000 }).matched, false, 'not a listener');
});

test('virtual-host mode: exact host, then longest suffix, then host-less; no fallthrough', () => {
  const routes = [
    gr('exact', { prefix: '/e', hostname: { exact: 'a.example.com' } }),
    gr('long-suffix', { prefix: '/', hostname: { suffix: '.example.com' } }),
    gr('short-suffix', { prefix: '/', hostname: { suffix: '.com' } }),
    gr('hostless', { prefix: '/' }, { priority: 0 }),
  ];
  const vh = build(routes).router;
  assert.equal(vh.route({ path: '/e', authority: 'A.Example.com' }).gatewayRoute, 'exact');
  assert.equal(vh.route({ path: '/x', authority: 'a.example.com' }).matched, false, 'exact host group has no route for /x');
  assert.equal(vh.route({ path: '/x', authority: 'b.example.com' }).gatewayRoute, 'long-suffix');
  assert.equal(vh.route({ path: '/x', authority: 'b.com' }).gatewayRoute, 'short-suffix');
  assert.equal(vh.route({ path: '/x', authority: 'b.org' }).gatewayRoute, 'hostless');
  const flat = build(routes, { hostnameMode: 'flat' }).router;
  assert.equal(flat.route({ path: '/e', authority: 'a.example.com' }).gatewayRoute, 'hostless', 'flat: priority decides');
});

test('ties decided only by meshroute tie-breaks are reported', () => {
  const { ties } = build([
    gr('a', { prefix: '/api' }),
    gr('b', { prefix: '/api' }),
    gr('c', { prefix: '/api', method: 'GET' }),
    gr('d', { prefix: '/apx' }),
    gr('r1', { path: { regex: '/.*' } }),
    gr('r2', { path: { regex: '/a.*' } }),
    gr('p', { prefix: '/api' }, { priority: 3 }),
  ]);
  const pairs = ties.map((t) => `${t.first}<${t.second}:${t.decidedBy}`);
  assert.deepEqual(pairs, ['c<a:criteria-count', 'a<b:name', 'r1<r2:name']);
  assert.equal(ties[0]!.path, '/api');
  assert.equal(ties[2]!.path, null);
});

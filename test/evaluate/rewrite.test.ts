// Every row of reference §8 (rewrite tables and rules) is one test.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { build, gr } from '../_support/quick.js';

function route(match: Record<string, unknown>, rewrite: Record<string, unknown> | undefined, path: string, more: { authority?: string; type?: 'httpRoute' | 'http2Route' | 'grpcRoute'; listener?: 'http' | 'http2' | 'grpc' } = {}) {
  const { router } = build(
    [gr('r', match, { vs: 'target.svc.cluster.local', type: more.type, action: rewrite ? { rewrite } : {} })],
    {},
    [{ port: 8080, protocol: more.listener ?? 'http' }],
  );
  const d = router.route({ path, authority: more.authority ?? 'www.example.com' });
  assert.equal(d.matched, true, `${path} should match`);
  return d;
}

// §8.2 default prefix rewrite table
const DEFAULT_ROWS: [string, string, string, string][] = [
  ['/chapter', '/chapter/page', '/page', 'UG-GR-2020'],
  ['/chapter', '/chapter1', '/1', 'UG-GR-2020, RM-247'],
  ['/chapter', '/chapter/1', '/1', 'UG-VGW'],
  ['/', '/chapter/page', '/chapter/page', 'UG-GR-2020'],
  ['/red', '/red/tell', '/tell', 'EX-MR'],
  ['/paths', '/paths/red', '/red', 'EX-K8S-INGRESS'],
  ['/fruit', '/fruit', '/', 'EX-ML'],
];
for (const [prefix, request, upstream, source] of DEFAULT_ROWS) {
  test(`§8.2 default prefix rewrite: ${prefix} + ${request} → ${upstream} [${source}]`, () => {
    assert.equal(route({ prefix }, undefined, request).path, upstream);
    assert.equal(route({ prefix }, { prefix: { defaultPrefix: 'ENABLED' } }, request).path, upstream, 'explicit ENABLED is the default');
  });
}

test('§8.2 defaultPrefix DISABLED: /red/ + /red/tell → /red/tell [EX-MR]', () => {
  assert.equal(route({ prefix: '/red/' }, { prefix: { defaultPrefix: 'DISABLED' } }, '/red/tell').path, '/red/tell');
});

test('§8.2 prefix value: /maroon/ + /maroon/tell?fishes=nemo → /red/tell, query kept [EX-MR]', () => {
  assert.equal(route({ prefix: '/maroon/' }, { prefix: { value: '/red/' } }, '/maroon/tell?fishes=nemo').path, '/red/tell?fishes=nemo');
});

test('§8.2 prefix value: /test/ + /test/ → /red/ [EX-K8S-INGRESS]', () => {
  assert.equal(route({ prefix: '/test/' }, { prefix: { value: '/red/' } }, '/test/').path, '/red/');
});

test('§8.2 prefix value with a match prefix without trailing / (unverified, UNK rule)', () => {
  assert.equal(route({ prefix: '/maroon' }, { prefix: { value: '/red/' } }, '/maroon/tell').path, '/red/tell');
  assert.equal(route({ prefix: '/maroon' }, { prefix: { value: '/red/' } }, '/maroon').path, '/red/');
  assert.equal(route({ prefix: '/maroon' }, { prefix: { value: '/red/' } }, '/maroonx').path, '/red/x');
});

test('§8.3 exact path: no default path rewrite [UG-GR, CDK-PR-15527]', () => {
  assert.equal(route({ path: { exact: '/rewrite/path/blue' } }, undefined, '/rewrite/path/blue').path, '/rewrite/path/blue');
});

test('§8.3 regex path: no default path rewrite', () => {
  assert.equal(route({ path: { regex: '/color/[a-z]+' } }, undefined, '/color/blue?x=1').path, '/color/blue?x=1');
});

test('§8.3 rewrite.path.exact replaces the whole path: /rewrite/path/blue → /blue [EX-K8S-INGRESS]', () => {
  assert.equal(route({ path: { exact: '/rewrite/path/blue' } }, { path: { exact: '/blue' } }, '/rewrite/path/blue').path, '/blue');
  assert.equal(route({ path: { regex: '/rewrite/.*' } }, { path: { exact: '/blue' } }, '/rewrite/x').path, '/blue', 'also for regex matches');
});

test('§8.3 query string preserved on rewrite', () => {
  assert.equal(route({ path: { exact: '/a' } }, { path: { exact: '/b' } }, '/a?k=1&k=2').path, '/b?k=1&k=2');
  assert.equal(route({ prefix: '/a' }, undefined, '/a/x?q=a%20b').path, '/x?q=a%20b');
});

test('§8.4 the request equal to the prefix becomes /; a prefix ending in / does not match it', () => {
  assert.equal(route({ prefix: '/chapter' }, undefined, '/chapter').path, '/');
  const { router } = build([gr('r', { prefix: '/chapter/' })]);
  assert.equal(router.route({ path: '/chapter' }).matched, false);
});

test('§8.1 hostname ENABLED (default): Host becomes the target virtual service name', () => {
  assert.equal(route({ prefix: '/' }, undefined, '/').authority, 'target.svc.cluster.local');
  assert.equal(route({ prefix: '/' }, { hostname: { defaultTargetHostname: 'ENABLED' } }, '/').authority, 'target.svc.cluster.local');
});

test('§8.1 hostname DISABLED keeps the original Host (case and port as sent)', () => {
  assert.equal(route({ prefix: '/' }, { hostname: { defaultTargetHostname: 'DISABLED' } }, '/', { authority: 'WWW.Example.com:8443' }).authority, 'WWW.Example.com:8443');
});

test('§8.1 hostname rewrite applies to every match type and to http2 and grpc', () => {
  assert.equal(route({ path: { exact: '/e' } }, undefined, '/e').authority, 'target.svc.cluster.local');
  assert.equal(route({ path: { regex: '/r.*' } }, undefined, '/rx').authority, 'target.svc.cluster.local');
  assert.equal(route({ prefix: '/' }, undefined, '/', { type: 'http2Route', listener: 'http2' }).authority, 'target.svc.cluster.local');
  const g = route({ serviceName: 'pkg.Svc' }, { hostname: { defaultTargetHostname: 'DISABLED' } }, '/pkg.Svc/Do', { type: 'grpcRoute', listener: 'grpc' });
  assert.equal(g.authority, 'www.example.com');
  assert.equal(g.path, '/pkg.Svc/Do', 'gRPC paths are never rewritten');
});

test('path-less HTTP match with a prefix rewrite behaves as prefix / (reference §2.3 UNK)', () => {
  assert.equal(route({ hostname: { exact: 'www.example.com' } }, { prefix: { value: '/v2/' } }, '/a/b').path, '/v2/a/b');
  assert.equal(route({ hostname: { exact: 'www.example.com' } }, undefined, '/a/b').path, '/a/b');
});

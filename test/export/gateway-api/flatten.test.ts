/**
 * The two-stage chain flattened (compose-path.ts, flatten.ts): gateway match ∧ router match across
 * the gateway's rewrite, one rule per preimage, with the rewrite carried as URLRewrite.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { composePaths } from '../../../src/export/gateway-api/compose-path.js';
import { writeGatewayApi } from '../../../src/export/gateway-api/write.js';
import { exportGatewayApi } from '../../../src/export/gateway-api/export.js';
import type { LoweredRoute } from '../../../src/compile/index.js';
import { loadObjects } from '../../../src/model/load-model.js';
import { baseMesh } from './_fixtures.js';

const never = (): boolean => { throw new Error('no regex expected'); };

function gatewayRoute(path: LoweredRoute['path'], prefix: LoweredRoute['rewrite']['prefix'] = 'default', prefixValue: string | null = null, pathExact: string | null = null): LoweredRoute {
  return {
    name: 'gr', displayName: 'gr', namespace: null, protocol: 'http', port: null, priority: null, path, hostname: null, method: null, predicates: [],
    rewrite: { prefix, prefixValue, pathExact, hostnameDisabled: false }, targets: [], weighted: false, scheme: null, policy: null,
  };
}

test('gateway prefix /api/v1 rewritten to /, router prefix /users ⇒ /api/v1/users (and App Mesh\'s plain-prefix /api/v1users), rewrite to /users', () => {
  const out = composePaths(gatewayRoute({ kind: 'prefix', value: '/api/v1' }), { kind: 'prefix', value: '/users' }, never);
  assert.deepEqual(out, [
    { path: { kind: 'prefix', value: '/api/v1/users' }, rewrite: { kind: 'prefix', with: '/users' } },
    { path: { kind: 'prefix', value: '/api/v1users' }, rewrite: { kind: 'prefix', with: '/users' } },
  ]);
});

test('a gateway prefix ending in / has one preimage; a router exact path becomes an exact match with ReplaceFullPath', () => {
  assert.deepEqual(composePaths(gatewayRoute({ kind: 'prefix', value: '/api/' }), { kind: 'exact', value: '/users' }, never), [
    { path: { kind: 'exact', value: '/api/users' }, rewrite: { kind: 'full', value: '/users' } },
  ]);
});

test('custom prefix value: the router sees value + tail', () => {
  // /shop/ → /store/: router /store/cart ⇒ /shop/cart; router /other never reached.
  const gr = gatewayRoute({ kind: 'prefix', value: '/shop/' }, 'value', '/store/');
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/store/cart' }, never), [{ path: { kind: 'prefix', value: '/shop/cart' }, rewrite: { kind: 'prefix', with: '/store/cart' } }]);
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/other' }, never), []);
  // A router prefix shorter than the rewritten base always matches: the gateway's own match.
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/st' }, never), [{ path: { kind: 'prefix', value: '/shop/' }, rewrite: { kind: 'prefix', with: '/store/' } }]);
});

test('rewrite disabled: both criteria on the same path (nested prefixes keep the longer; disjoint ones drop the pair)', () => {
  const gr = gatewayRoute({ kind: 'prefix', value: '/color' }, 'disabled');
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/color/blue' }, never), [{ path: { kind: 'prefix', value: '/color/blue' }, rewrite: { kind: 'keep' } }]);
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/c' }, never), [{ path: { kind: 'prefix', value: '/color' }, rewrite: { kind: 'keep' } }]);
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/other' }, never), []);
  assert.deepEqual(composePaths(gr, { kind: 'exact', value: '/color1' }, never), [{ path: { kind: 'exact', value: '/color1' }, rewrite: { kind: 'keep' } }]);
});

test('path.exact rewrite: the router sees one constant path', () => {
  const gr = gatewayRoute({ kind: 'prefix', value: '/old' }, 'default', null, '/new');
  assert.deepEqual(composePaths(gr, { kind: 'prefix', value: '/ne' }, never), [{ path: { kind: 'prefix', value: '/old' }, rewrite: { kind: 'full', value: '/new' } }]);
  assert.deepEqual(composePaths(gr, { kind: 'regex', value: '/n.w' }, (p, s) => new RegExp(`^(?:${p})$`).test(s)), [{ path: { kind: 'prefix', value: '/old' }, rewrite: { kind: 'full', value: '/new' } }]);
  assert.deepEqual(composePaths(gr, { kind: 'exact', value: '/x' }, never), []);
});

test('a router regex behind a prefix rewrite, or two regexes, is unsupported (no Gateway API match is their intersection)', () => {
  assert.ok('unsupported' in composePaths(gatewayRoute({ kind: 'prefix', value: '/a' }), { kind: 'regex', value: '/[0-9]+' }, never));
  assert.ok('unsupported' in composePaths(gatewayRoute({ kind: 'regex', value: '/a.*' }), { kind: 'regex', value: '/[0-9]+' }, never));
});

test('end to end: /api/v1 → router /users is written as PathPrefix /api/v1/users + ReplacePrefixMatch /users and the checker finds the plain-prefix difference', () => {
  const docs = [
    ...baseMesh().filter((d) => (d as { kind: string }).kind !== 'VirtualService'),
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualService', metadata: { name: 'svc', namespace: 'ns' }, spec: { awsName: 'svc.ns.svc.cluster.local', provider: { virtualRouter: { virtualRouterRef: { name: 'vr' } } } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualRouter', metadata: { name: 'vr', namespace: 'ns' }, spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }], routes: [{ name: 'users', httpRoute: { match: { prefix: '/users' }, action: { weightedTargets: [{ virtualNodeRef: { name: 'node' }, weight: 1 }] } } }] } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name: 'api', namespace: 'ns' }, spec: { httpRoute: { match: { prefix: '/api/v1' }, action: { target: { virtualService: { virtualServiceRef: { name: 'svc' } } } } } } },
  ];
  const loaded = loadObjects(docs, {});
  assert.ok(loaded.valid, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error')));
  const w = writeGatewayApi(loaded.model, loaded.model.virtualGateways[0]!, { target: 'istio', noMesh: true });
  const route = w.objects.find((o) => o.kind === 'HTTPRoute');
  assert.ok(route?.kind === 'HTTPRoute');
  const rule = route.spec.rules![0]!;
  assert.deepEqual(rule.matches, [{ path: { type: 'PathPrefix', value: '/api/v1/users' } }]);
  assert.deepEqual(rule.filters, [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/users' }, hostname: 'svc.ns.svc.cluster.local' } }]);
  assert.deepEqual(rule.backendRefs, [{ name: 'svc-node', port: 80, weight: 1 }]);
  const report = exportGatewayApi(loaded, { target: 'istio', noMesh: true }).report;
  const r = report.routes[0]!;
  // Segment-wise PathPrefix misses App Mesh's /api/v1/usersx (plain prefix): the checker must say so.
  assert.equal(r.verdict, 'approximate');
  assert.ok(r.reasons.some((d) => d.kind === 'status' && /\/api\/v1\/?users/.test(d.counterexample.request.path)), JSON.stringify(r.reasons.map((d) => d.counterexample.request.path)));
});

test('a rule App Mesh never reaches (an earlier rule takes all its requests) is not written, so Gateway API\'s longer-prefix-first order cannot pick it', () => {
  const route = (name: string, priority: number, prefix: string) => ({
    apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name, namespace: 'ns' },
    spec: { priority, httpRoute: { match: { prefix }, action: { target: { virtualService: { virtualServiceRef: { name: 'svc' } } }, rewrite: { prefix: { defaultPrefix: 'DISABLED' }, hostname: { defaultTargetHostname: 'DISABLED' } } } } },
  });
  const other = [
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualService', metadata: { name: 'svc2', namespace: 'ns' }, spec: { awsName: 'svc2.ns.svc.cluster.local', provider: { virtualNode: { virtualNodeRef: { name: 'node2' } } } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualNode', metadata: { name: 'node2', namespace: 'ns' }, spec: { podSelector: { matchLabels: { app: 'node2' } }, listeners: [{ portMapping: { port: 80, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'svc-node2.ns.svc.cluster.local' } } } },
  ];
  const v1 = route('v1', 1, '/api/v1');
  (v1.spec.httpRoute.action.target.virtualService.virtualServiceRef as { name: string }).name = 'svc2';
  const loaded = loadObjects([...baseMesh(), ...other, route('api', 0, '/api'), v1], {});
  assert.ok(loaded.valid, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error')));
  const result = exportGatewayApi(loaded, { target: 'istio', prefixMode: 'exact', noMesh: true });
  const byRoute = new Map(result.report.routes.map((r) => [r.gatewayRoute, r]));
  assert.match(byRoute.get('ns/v1')!.unreachable ?? '', /taken first by gateway route ns\/api/);
  assert.deepEqual(byRoute.get('ns/v1')!.rules, []);
  assert.equal(byRoute.get('ns/api')!.verdict, 'exact', JSON.stringify(byRoute.get('ns/api')!.reasons.map((d) => d.message)));
  assert.equal(result.report.summary.divergent, 0);
});

// Router routes (docs/precedence.md §7): lowering of every route kind, the shared precedence order,
// and the policy JSON the decision carries (App Mesh defaults, retry events expanded).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lowerRoute, sortByPrecedence } from '../../src/compile/index.js';
import { retryPolicyJson, timeoutJson } from '../../src/compile/lower.js';
import type { Route, RouteSpec } from '../../src/model/types.js';

const SOURCE = { file: 't', pointer: '', line: 0, column: 0 };
const route = (name: string, spec: RouteSpec): Route => ({ kind: 'Route', name, displayName: name, namespace: null, meshName: 'm', dialect: 'aws', labels: {}, source: SOURCE, virtualRouterName: 'vr', spec });
const targets = [{ virtualNodeName: 'n', weight: 1, port: null }];
const grpc = (serviceName: string | null, methodName: string | null): RouteSpec => ({ type: 'grpc', priority: null, match: { serviceName, methodName, metadata: [], port: null }, weightedTargets: targets, retryPolicy: null, timeout: null });
const http = (prefix: string, scheme: 'http' | 'https' | null = null, type: 'http' | 'http2' = 'http2'): RouteSpec => ({ type, priority: null, match: { prefix, path: null, method: null, headers: [], queryParameters: [], scheme, port: null }, weightedTargets: targets, retryPolicy: null, timeout: null });

test('gRPC serviceName + methodName is the exact path /<svc>/<method> and ranks before the service prefix', () => {
  const order = sortByPrecedence([route('any', grpc(null, null)), route('svc', grpc('pkg.S', null)), route('method', grpc('pkg.S', 'M'))].map(lowerRoute));
  assert.deepEqual(order.map((r) => [r.name, r.path]), [
    ['method', { kind: 'exact', value: '/pkg.S/M' }], ['svc', { kind: 'prefix', value: '/pkg.S/' }], ['any', { kind: 'none' }],
  ]);
});

test('tcp routes match on port only; router routes never rewrite and have no hostname', () => {
  const t = lowerRoute(route('t', { type: 'tcp', priority: 3, match: { port: 5432 }, weightedTargets: targets, retryPolicy: null, timeout: null }));
  assert.deepEqual([t.protocol, t.port, t.path, t.method, t.predicates, t.hostname, t.scheme], ['tcp', 5432, { kind: 'none' }, null, [], null, null]);
  assert.equal(t.rewrite.prefix, 'disabled');
  assert.equal(t.targets[0]!.virtualServiceName, 'n', 'the target name is the virtual node');
});

test('scheme is an http2 criterion and counts in the criteria tie-break', () => {
  const order = sortByPrecedence([route('a-plain', http('/x')), route('b-https', http('/x', 'https'))].map(lowerRoute));
  assert.deepEqual(order.map((r) => [r.name, r.scheme]), [['b-https', 'https'], ['a-plain', null]]);
  assert.equal(lowerRoute(route('h1', http('/x', 'https', 'http'))).scheme, null, 'http (1.1) routes have no scheme criterion');
});

test('policy JSON: 15 s per-request default, ms units, tcp idle only; retry events expanded to status codes', () => {
  assert.equal(timeoutJson('http', null), '{"perRequestMs":15000,"idleMs":null}');
  assert.equal(timeoutJson('grpc', { perRequest: { unit: 's', value: 2 }, idle: { unit: 'ms', value: 50 } }), '{"perRequestMs":2000,"idleMs":50}');
  assert.equal(timeoutJson('tcp', null), null);
  assert.equal(timeoutJson('tcp', { perRequest: null, idle: { unit: 's', value: 1 } }), '{"perRequestMs":null,"idleMs":1000}');
  const r = JSON.parse(retryPolicyJson({ maxRetries: 3, perRetryTimeout: { unit: 's', value: 1 }, httpRetryEvents: ['server-error', 'gateway-error', 'client-error', 'stream-error'], tcpRetryEvents: ['connection-error'], grpcRetryEvents: ['unavailable'] })!);
  assert.deepEqual(r.httpStatusCodes, [409, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511]);
  assert.equal(r.streamError, true);
  assert.equal(r.perRetryTimeoutMs, 1000);
  assert.equal(retryPolicyJson(null), null);
});

test('ties between router routes are reported with their virtual router', async () => {
  const { modelFromApi } = await import('../_support/vector-model.js');
  const { buildGatewayTable } = await import('../../src/compile/index.js');
  const { model, gateway } = modelFromApi({
    virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } },
    gatewayRoutes: [{ gatewayRouteName: 'all', spec: { httpRoute: { match: { prefix: '/' }, action: { target: { virtualService: { virtualServiceName: 'svc' } } } } } }],
    virtualServices: [{ virtualServiceName: 'svc', spec: { provider: { virtualRouter: { virtualRouterName: 'vr' } } } }],
    virtualRouters: [{ virtualRouterName: 'vr', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } }],
    routes: ['b', 'a'].map((n) => ({ virtualRouterName: 'vr', routeName: n, spec: { httpRoute: { match: { prefix: '/x' }, action: { weightedTargets: [{ virtualNode: 'n', weight: 1 }] } } } })),
    virtualNodes: [],
  });
  const ties = buildGatewayTable(model, gateway).ties;
  assert.deepEqual(ties.map((t) => [t.virtualRouter, t.first, t.second, t.decidedBy, t.path]), [['vr', 'a', 'b', 'name', '/x']]);
});

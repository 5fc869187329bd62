/** App Mesh order vs Gateway API order (order.ts): partial overlaps are listed, and the checker shows the request that routes differently. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportGatewayApi } from '../../../src/export/gateway-api/export.js';
import { loadObjects } from '../../../src/model/load-model.js';
import { baseMesh } from './_fixtures.js';

function mesh(aHeaders: object[]): object[] {
  const second = [
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualService', metadata: { name: 'svc2', namespace: 'ns' }, spec: { awsName: 'svc2.ns.svc.cluster.local', provider: { virtualNode: { virtualNodeRef: { name: 'node2' } } } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualNode', metadata: { name: 'node2', namespace: 'ns' }, spec: { podSelector: { matchLabels: { app: 'node2' } }, listeners: [{ portMapping: { port: 80, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'svc-node2.ns.svc.cluster.local' } } } },
  ];
  const route = (name: string, priority: number, match: object, target: string) => ({
    apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name, namespace: 'ns' },
    spec: { priority, httpRoute: { match, action: { target: { virtualService: { virtualServiceRef: { name: target } } }, rewrite: { prefix: { defaultPrefix: 'DISABLED' }, hostname: { defaultTargetHostname: 'DISABLED' } } } } },
  });
  return [...baseMesh(), ...second, route('a', 0, { prefix: '/a', ...(aHeaders.length > 0 ? { headers: aHeaders } : {}) }, 'svc'), route('ab', 1, { prefix: '/a/b' }, 'svc2')];
}

test('a higher-priority rule that Gateway API ranks lower (shorter prefix) is listed, and the request both match routes differently', () => {
  const loaded = loadObjects(mesh([{ name: 'x-a', match: { exact: '1' } }]), {});
  assert.ok(loaded.valid, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error')));
  const report = exportGatewayApi(loaded, { target: 'istio', prefixMode: 'exact', noMesh: true }).report;
  // Exact mode: RegularExpression paths, which Istio ranks by pattern length — the same reversal.
  assert.deepEqual(report.orderConflicts.map((c) => c.because), ['longer RegularExpression first']);
  const segment = exportGatewayApi(loaded, { target: 'istio', noMesh: true }).report;
  assert.deepEqual(segment.orderConflicts.map((c) => c.because), ['longer PathPrefix first']);
  assert.match(segment.orderConflicts[0]!.appMeshFirst, /gateway route ns\/a /);
  const a = segment.routes.find((r) => r.gatewayRoute === 'ns/a')!;
  assert.equal(a.verdict, 'approximate');
  assert.ok(a.reasons.some((d) => d.kind === 'backends' && d.counterexample.request.path.startsWith('/a/b') && d.counterexample.request.headers.some(([n, v]) => n === 'x-a' && v === '1')), JSON.stringify(a.reasons.map((d) => d.counterexample.request)));
});

test('without the header the later rule is covered by the earlier one: not written, no conflict, every request routes the same', () => {
  const loaded = loadObjects(mesh([]), {});
  const report = exportGatewayApi(loaded, { target: 'istio', prefixMode: 'exact', noMesh: true }).report;
  assert.equal(report.orderConflicts.length, 0);
  assert.equal(report.summary.divergent, 0);
  assert.ok(report.routes.find((r) => r.gatewayRoute === 'ns/ab')!.unreachable !== null);
});

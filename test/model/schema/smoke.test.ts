import { test } from 'node:test';
import assert from 'node:assert/strict';
import { schemaErrors, K8sGatewayRouteSchema, AwsGatewayRouteInputSchema } from '../../../src/model/schema/index.js';

test('k8s gateway route: valid, and a typo is reported at its own path', () => {
  const doc = {
    apiVersion: 'appmesh.k8s.aws/v1beta2',
    kind: 'GatewayRoute',
    metadata: { name: 'gr', namespace: 'ns' },
    spec: {
      httpRoute: {
        match: { prefix: '/paths', headers: [{ name: 'x', match: { exact: 'y' } }] },
        action: { target: { virtualService: { virtualServiceRef: { name: 'vs' } } } },
      },
    },
  };
  assert.deepEqual(schemaErrors(K8sGatewayRouteSchema, doc), []);
  const bad = structuredClone(doc) as any;
  bad.spec.httpRoute.match.prefx = '/x';
  const errs = schemaErrors(K8sGatewayRouteSchema, bad);
  assert.deepEqual(errs.map((e) => [e.path, e.keyword, e.message]), [['/spec/httpRoute/match/prefx', 'unknown-field', 'unknown field "prefx"']]);
});

test('aws gateway route input: port 0 and two route types', () => {
  const input = {
    meshName: 'm', virtualGatewayName: 'vg', gatewayRouteName: 'gr',
    spec: {
      httpRoute: { match: { prefix: '/', port: 0 }, action: { target: { virtualService: { virtualServiceName: 'vs' } } } },
      grpcRoute: { match: {}, action: { target: { virtualService: { virtualServiceName: 'vs' } } } },
    },
  };
  const errs = schemaErrors(AwsGatewayRouteInputSchema, input);
  assert.deepEqual(errs.map((e) => [e.path, e.keyword]), [['/spec/httpRoute/match/port', 'minimum'], ['/spec', 'union']]);
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  K8S_KINDS,
  K8sGatewayRouteSchema,
  K8sMeshSchema,
  K8sVirtualGatewaySchema,
  K8sVirtualNodeSchema,
  K8sVirtualRouterSchema,
  K8sVirtualServiceSchema,
  k8sSchemas,
  schemaErrors,
} from '../../../src/model/schema/index.js';
import { brief, clone, deleteAt, k8sFixtures, setAt, type Json } from './helpers.js';

const fixtures = k8sFixtures();
const first = (kind: string, name?: string): Record<string, Json> => {
  const f = fixtures.find((x) => x.kind === kind && (!name || (x.doc['metadata'] as any).name === name));
  assert.ok(f, `fixture ${kind} ${name ?? ''}`);
  return clone(f.doc);
};

describe('k8s: valid walkthrough-style documents', () => {
  test('every kind has at least one fixture', () => {
    for (const kind of K8S_KINDS) assert.ok(fixtures.some((f) => f.kind === kind), kind);
  });
  for (const { kind, doc } of fixtures) {
    test(`${kind}/${(doc['metadata'] as any).name} is valid`, () => {
      assert.deepEqual(schemaErrors(k8sSchemas[kind], doc), []);
    });
  }
});

describe('k8s GatewayRoute', () => {
  test('unknown field inside a header match is reported at that field, once', () => {
    const doc = first('GatewayRoute', 'header-match');
    setAt(doc, '/spec/httpRoute/match/headers/0/match/exactt', 'yellow');
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/match/headers/0/match/exactt', 'unknown-field']]);
    assert.equal(errors[0]?.message, 'unknown field "exactt" (did you mean "exact"?)');
  });

  test('typo in a match criterion ("prefx") is not silently dropped', () => {
    const doc = first('GatewayRoute', 'rewrite-prefix');
    const match = (doc as any).spec.httpRoute.match;
    match.prefx = match.prefix;
    delete match.prefix;
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/httpRoute/match/prefx', 'unknown-field']]);
  });

  test('seed-article shape target.virtualServiceRef is an unknown field of target', () => {
    const doc = first('GatewayRoute', 'header-match');
    setAt(doc, '/spec/httpRoute/action/target', { virtualServiceRef: { name: 'color-yellow' } });
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [
      ['/spec/httpRoute/action/target', 'required'],
      ['/spec/httpRoute/action/target/virtualServiceRef', 'unknown-field'],
    ]);
  });

  test('priority 1001 is over the maximum', () => {
    const doc = first('GatewayRoute', 'path-match');
    setAt(doc, '/spec/priority', 1001);
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/priority', 'maximum']]);
    assert.equal(errors[0]?.message, 'must be at most 1000');
  });

  test('priority -1 and a non-integer priority are rejected', () => {
    const doc = first('GatewayRoute', 'path-match');
    setAt(doc, '/spec/priority', -1);
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/priority', 'minimum']]);
    setAt(doc, '/spec/priority', '5');
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/priority', 'type']]);
  });

  test('bad method enum lists the allowed values', () => {
    const doc = first('GatewayRoute', 'path-match');
    setAt(doc, '/spec/http2Route/match/method', 'FETCH');
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/http2Route/match/method', 'enum']]);
    assert.equal(errors[0]?.message, 'must be one of GET, HEAD, POST, PUT, DELETE, CONNECT, OPTIONS, TRACE, PATCH');
  });

  test('missing target.virtualService is a required error at target', () => {
    const doc = first('GatewayRoute', 'header-match');
    deleteAt(doc, '/spec/httpRoute/action/target/virtualService');
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/action/target', 'required']]);
    assert.equal(errors[0]?.message, 'missing required field "virtualService"');
    assert.deepEqual(errors[0]?.params, { property: 'virtualService' });
  });

  test('header match with two methods breaks the API union', () => {
    const doc = first('GatewayRoute', 'header-match');
    setAt(doc, '/spec/httpRoute/match/headers/0/match/prefix', 'yel');
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/match/headers/0/match', 'union']]);
    assert.match(errors[0]?.message ?? '', /exact, prefix, range, regex, suffix/);
  });

  test('empty header match {} is a union error; no match at all is fine (present)', () => {
    const doc = first('GatewayRoute', 'header-match');
    setAt(doc, '/spec/httpRoute/match/headers/0/match', {});
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/match/headers/0/match', 'union']]);
    assert.equal(errors[0]?.message, 'must set exactly one of exact, prefix, range, regex, suffix');
    deleteAt(doc, '/spec/httpRoute/match/headers/0/match');
    assert.deepEqual(schemaErrors(K8sGatewayRouteSchema, doc), []);
  });

  test('two route types, and none, are union errors at /spec', () => {
    const doc = first('GatewayRoute', 'header-match');
    const spec = (doc as any).spec;
    spec.http2Route = clone(spec.httpRoute);
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec', 'union']]);
    delete spec.http2Route;
    delete spec.httpRoute;
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec', 'union']]);
    assert.equal(errors[0]?.message, 'must set exactly one of httpRoute, http2Route, grpcRoute');
  });

  test('11 headers exceed maxItems 10; an empty list is under minItems 1', () => {
    const doc = first('GatewayRoute', 'header-match');
    const headers = Array.from({ length: 11 }, (_, i) => ({ name: `h${i}` }));
    setAt(doc, '/spec/httpRoute/match/headers', headers);
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/match/headers', 'maxItems']]);
    assert.equal(errors[0]?.message, 'must have at most 10 items');
    setAt(doc, '/spec/httpRoute/match/headers', []);
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/httpRoute/match/headers', 'minItems']]);
  });

  test('header name longer than 50 and an empty path.exact violate the CRD lengths', () => {
    const doc = first('GatewayRoute', 'path-match');
    setAt(doc, '/spec/http2Route/match/headers/0/name', 'x'.repeat(51));
    setAt(doc, '/spec/http2Route/match/path/exact', '');
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(brief(errors), [
      ['/spec/http2Route/match/headers/0/name', 'maxLength'],
      ['/spec/http2Route/match/path/exact', 'minLength'],
    ]);
    assert.equal(errors[0]?.message, 'must be at most 50 characters');
    assert.equal(errors[1]?.message, 'must not be empty');
  });

  test('match.port 0 is allowed by the CRD (minimum 0), -1 is not', () => {
    const doc = first('GatewayRoute', 'path-match');
    setAt(doc, '/spec/http2Route/match/port', 0);
    assert.deepEqual(schemaErrors(K8sGatewayRouteSchema, doc), []);
    setAt(doc, '/spec/http2Route/match/port', -1);
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/http2Route/match/port', 'minimum']]);
  });

  test('gRPC gateway routes have no path rewrite', () => {
    const doc = first('GatewayRoute', 'metadata-match');
    setAt(doc, '/spec/grpcRoute/action/rewrite/path', { exact: '/x' });
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/grpcRoute/action/rewrite/path', 'unknown-field']]);
  });

  test('meshRef without uid is incomplete', () => {
    const doc = first('GatewayRoute', 'rewrite-prefix');
    deleteAt(doc, '/spec/meshRef/uid');
    assert.deepEqual(brief(schemaErrors(K8sGatewayRouteSchema, doc)), [['/spec/meshRef', 'required']]);
  });
});

describe('k8s document envelope', () => {
  test('apiVersion v1beta1 and a wrong kind are reported', () => {
    const doc = first('Mesh');
    doc['apiVersion'] = 'appmesh.k8s.aws/v1beta1';
    doc['kind'] = 'VirtualNode';
    const errors = schemaErrors(K8sMeshSchema, doc);
    assert.deepEqual(brief(errors), [['/apiVersion', 'const'], ['/kind', 'const']]);
    assert.equal(errors[0]?.message, 'must be "appmesh.k8s.aws/v1beta2"');
  });

  test('metadata allows extra fields, requires name, and labels must be strings', () => {
    const doc = first('Mesh');
    setAt(doc, '/metadata/managedFields', [{ manager: 'kubectl' }]);
    assert.deepEqual(schemaErrors(K8sMeshSchema, doc), []);
    setAt(doc, '/metadata/labels/version', 1);
    deleteAt(doc, '/metadata/name');
    assert.deepEqual(brief(schemaErrors(K8sMeshSchema, doc)), [['/metadata', 'required'], ['/metadata/labels/version', 'type']]);
  });

  test('status accepts anything; spec may be omitted; unknown top-level keys are reported', () => {
    const doc = first('VirtualService');
    doc['status'] = { anything: [1, 'two', { three: null }] };
    assert.deepEqual(schemaErrors(K8sVirtualServiceSchema, doc), []);
    delete doc['spec'];
    assert.deepEqual(schemaErrors(K8sVirtualServiceSchema, doc), []);
    doc['sepc'] = {};
    assert.deepEqual(brief(schemaErrors(K8sVirtualServiceSchema, doc)), [['/sepc', 'unknown-field']]);
  });
});

describe('k8s other kinds', () => {
  test('Mesh: ipPreference IPv4_PREFERRED exists only in the API; egressFilter.type is required', () => {
    const doc = first('Mesh');
    setAt(doc, '/spec/meshServiceDiscovery/ipPreference', 'IPv4_PREFERRED');
    setAt(doc, '/spec/egressFilter', {});
    assert.deepEqual(brief(schemaErrors(K8sMeshSchema, doc)), [
      ['/spec/egressFilter', 'required'],
      ['/spec/meshServiceDiscovery/ipPreference', 'enum'],
    ]);
  });

  test('Mesh: the v1beta1-style spec.meshName is an unknown field', () => {
    const doc = first('Mesh');
    setAt(doc, '/spec/meshName', 'color-mesh');
    assert.deepEqual(brief(schemaErrors(K8sMeshSchema, doc)), [['/spec/meshName', 'unknown-field']]);
  });

  test('VirtualGateway: tcp listeners do not exist; port 0 and 65536 are out of range', () => {
    const doc = first('VirtualGateway');
    setAt(doc, '/spec/listeners/0/portMapping/protocol', 'tcp');
    setAt(doc, '/spec/listeners/1/portMapping/port', 0);
    setAt(doc, '/spec/listeners/0/healthCheck/port', 65536);
    assert.deepEqual(brief(schemaErrors(K8sVirtualGatewaySchema, doc)), [
      ['/spec/listeners/0/healthCheck/port', 'maximum'],
      ['/spec/listeners/0/portMapping/protocol', 'enum'],
      ['/spec/listeners/1/portMapping/port', 'minimum'],
    ]);
  });

  test('VirtualGateway: TLS certificate with acm and file breaks the union; 4 CA ARNs exceed maxItems 3', () => {
    const doc = first('VirtualGateway');
    setAt(doc, '/spec/listeners/0/tls/certificate/file', { certificateChain: '/a', privateKey: '/b' });
    setAt(doc, '/spec/listeners/0/tls/validation/trust/acm/certificateAuthorityARNs', ['a', 'b', 'c', 'd']);
    assert.deepEqual(brief(schemaErrors(K8sVirtualGatewaySchema, doc)), [
      ['/spec/listeners/0/tls/certificate', 'union'],
      ['/spec/listeners/0/tls/validation/trust/acm/certificateAuthorityARNs', 'maxItems'],
    ]);
  });

  test('VirtualGateway: healthCheck interval under 5000 ms, selector expression without operator', () => {
    const doc = first('VirtualGateway');
    setAt(doc, '/spec/listeners/0/healthCheck/intervalMillis', 1000);
    setAt(doc, '/spec/namespaceSelector/matchExpressions', [{ key: 'gateway' }]);
    assert.deepEqual(brief(schemaErrors(K8sVirtualGatewaySchema, doc)), [
      ['/spec/listeners/0/healthCheck/intervalMillis', 'minimum'],
      ['/spec/namespaceSelector/matchExpressions/0', 'required'],
    ]);
  });

  test('VirtualService: provider with both members, and the seed-article provider.virtualNodeRef', () => {
    const doc = first('VirtualService', 'color');
    setAt(doc, '/spec/provider/virtualNode', { virtualNodeRef: { name: 'blue' } });
    assert.deepEqual(brief(schemaErrors(K8sVirtualServiceSchema, doc)), [['/spec/provider', 'union']]);
    setAt(doc, '/spec/provider', { virtualNodeRef: { name: 'blue' } });
    assert.deepEqual(brief(schemaErrors(K8sVirtualServiceSchema, doc)), [
      ['/spec/provider', 'union'],
      ['/spec/provider/virtualNodeRef', 'unknown-field'],
    ]);
  });

  test('VirtualRouter: weight 101, no weighted targets, 11 targets, missing route name', () => {
    const doc = first('VirtualRouter', 'color');
    setAt(doc, '/spec/routes/0/httpRoute/action/weightedTargets/0/weight', 101);
    setAt(doc, '/spec/routes/1/httpRoute/action/weightedTargets', []);
    setAt(doc, '/spec/routes/2/http2Route/action/weightedTargets', Array.from({ length: 11 }, () => ({ virtualNodeRef: { name: 'x' }, weight: 1 })));
    deleteAt(doc, '/spec/routes/2/name');
    assert.deepEqual(brief(schemaErrors(K8sVirtualRouterSchema, doc)), [
      ['/spec/routes/0/httpRoute/action/weightedTargets/0/weight', 'maximum'],
      ['/spec/routes/1/httpRoute/action/weightedTargets', 'minItems'],
      ['/spec/routes/2', 'required'],
      ['/spec/routes/2/http2Route/action/weightedTargets', 'maxItems'],
    ]);
  });

  test('VirtualRouter: a route with httpRoute and tcpRoute, retry event enum, methodName length', () => {
    const doc = first('VirtualRouter', 'greeter');
    setAt(doc, '/spec/routes/1/httpRoute', { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNodeRef: { name: 'g' }, weight: 1 }] } });
    setAt(doc, '/spec/routes/0/grpcRoute/retryPolicy/grpcRetryEvents/0', 'not-found');
    setAt(doc, '/spec/routes/0/grpcRoute/match/methodName', 'm'.repeat(51));
    assert.deepEqual(brief(schemaErrors(K8sVirtualRouterSchema, doc)), [
      ['/spec/routes/0/grpcRoute/match/methodName', 'maxLength'],
      ['/spec/routes/0/grpcRoute/retryPolicy/grpcRetryEvents/0', 'enum'],
      ['/spec/routes/1', 'union'],
    ]);
  });

  test('VirtualRouter: listeners need at least one item; duration needs unit and value in the CRD', () => {
    const doc = first('VirtualRouter', 'color');
    setAt(doc, '/spec/listeners', []);
    setAt(doc, '/spec/routes/1/httpRoute/timeout/idle', { value: 300 });
    assert.deepEqual(brief(schemaErrors(K8sVirtualRouterSchema, doc)), [
      ['/spec/listeners', 'minItems'],
      ['/spec/routes/1/httpRoute/timeout/idle', 'required'],
    ]);
  });

  test('VirtualNode: dns and awsCloudMap together, listener timeout with two protocols', () => {
    const doc = first('VirtualNode', 'yellow');
    setAt(doc, '/spec/serviceDiscovery/awsCloudMap', { namespaceName: 'ns', serviceName: 'svc' });
    setAt(doc, '/spec/listeners/0/timeout/tcp', { idle: { unit: 's', value: 1 } });
    assert.deepEqual(brief(schemaErrors(K8sVirtualNodeSchema, doc)), [
      ['/spec/listeners/0/timeout', 'union'],
      ['/spec/serviceDiscovery', 'union'],
    ]);
  });

  test('VirtualNode: healthyThreshold is required (unlike VirtualGateway), outlier maxEjectionPercent ≤ 100', () => {
    const doc = first('VirtualNode', 'yellow');
    deleteAt(doc, '/spec/listeners/0/healthCheck/healthyThreshold');
    setAt(doc, '/spec/listeners/0/outlierDetection/maxEjectionPercent', 150);
    assert.deepEqual(brief(schemaErrors(K8sVirtualNodeSchema, doc)), [
      ['/spec/listeners/0/healthCheck', 'required'],
      ['/spec/listeners/0/outlierDetection/maxEjectionPercent', 'maximum'],
    ]);
  });

  test('VirtualNode: listener TLS trust has no acm member (the VirtualGateway CRD has one)', () => {
    const doc = first('VirtualNode', 'yellow');
    setAt(doc, '/spec/listeners/0/tls/validation/trust', { acm: { certificateAuthorityARNs: ['a'] } });
    assert.deepEqual(brief(schemaErrors(K8sVirtualNodeSchema, doc)), [
      ['/spec/listeners/0/tls/validation/trust', 'union'],
      ['/spec/listeners/0/tls/validation/trust/acm', 'unknown-field'],
    ]);
  });

  test('VirtualNode: a backend without virtualService, cloud map serviceName over 1024', () => {
    const doc = first('VirtualNode', 'greeter');
    setAt(doc, '/spec/backends', [{}]);
    setAt(doc, '/spec/serviceDiscovery/awsCloudMap/serviceName', 's'.repeat(1025));
    assert.deepEqual(brief(schemaErrors(K8sVirtualNodeSchema, doc)), [
      ['/spec/backends/0', 'required'],
      ['/spec/serviceDiscovery/awsCloudMap/serviceName', 'maxLength'],
    ]);
  });
});

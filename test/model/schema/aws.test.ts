import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AWS_KINDS,
  AwsGatewayRouteDescribeSchema,
  AwsGatewayRouteInputSchema,
  AwsMeshDescribeSchema,
  AwsMeshInputSchema,
  AwsRouteInputSchema,
  AwsRouteSpec,
  AwsVirtualGatewayInputSchema,
  AwsVirtualNodeInputSchema,
  AwsVirtualRouterDescribeSchema,
  AwsVirtualServiceInputSchema,
  awsDescribeSchemas,
  awsInputSchemas,
  awsSpecSchemas,
  schemaErrors,
} from '../../../src/model/schema/index.js';
import { awsFixtures, brief, clone, deleteAt, setAt, type Json } from './helpers.js';

const fixtures = awsFixtures();
const pick = (kind: string, form: 'input' | 'describe', index = 0): Record<string, Json> => {
  const all = fixtures.filter((f) => f.kind === kind && f.form === form);
  const f = all[index];
  assert.ok(f, `fixture ${kind} ${form} #${index}`);
  return clone(f.doc);
};

describe('aws: valid documents (walkthrough-style create input and describe output)', () => {
  test('every kind has a create input and a describe fixture', () => {
    for (const kind of AWS_KINDS) {
      assert.ok(fixtures.some((f) => f.kind === kind && f.form === 'input'), `${kind} input`);
      assert.ok(fixtures.some((f) => f.kind === kind && f.form === 'describe'), `${kind} describe`);
    }
  });
  fixtures.forEach(({ kind, form, doc }, i) => {
    test(`#${i} ${kind} ${form} is valid, and so is its spec alone`, () => {
      const schema = form === 'input' ? awsInputSchemas[kind] : awsDescribeSchemas[kind];
      assert.deepEqual(schemaErrors(schema, doc), []);
      const data = form === 'input' ? doc : (Object.values(doc)[0] as Record<string, Json>);
      if (data['spec'] !== undefined) assert.deepEqual(schemaErrors(awsSpecSchemas[kind], data['spec']), []);
    });
  });

  test('the walkthrough port-only gateway route match is valid in the API', () => {
    const doc = pick('GatewayRoute', 'input', 1);
    assert.deepEqual((doc as any).spec.httpRoute.match, { port: 2222 });
    assert.deepEqual(schemaErrors(AwsGatewayRouteInputSchema, doc), []);
  });
});

describe('aws GatewayRoute', () => {
  test('match.port 0 is below the API minimum 1 (the CRD allows 0)', () => {
    const doc = pick('GatewayRoute', 'input');
    setAt(doc, '/spec/httpRoute/match/port', 0);
    const errors = schemaErrors(AwsGatewayRouteInputSchema, doc);
    assert.deepEqual(brief(errors), [['/spec/httpRoute/match/port', 'minimum']]);
    assert.equal(errors[0]?.message, 'must be at least 1');
  });

  test('target.port 65536 is above the maximum', () => {
    const doc = pick('GatewayRoute', 'input');
    setAt(doc, '/spec/httpRoute/action/target/port', 65536);
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteInputSchema, doc)), [['/spec/httpRoute/action/target/port', 'maximum']]);
  });

  test('priority 1001, a 256-character name and a 254-character hostname', () => {
    const doc = pick('GatewayRoute', 'describe');
    setAt(doc, '/gatewayRoute/spec/priority', 1001);
    setAt(doc, '/gatewayRoute/gatewayRouteName', 'g'.repeat(256));
    setAt(doc, '/gatewayRoute/spec/httpRoute/match/hostname/exact', 'h'.repeat(254));
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteDescribeSchema, doc)), [
      ['/gatewayRoute/gatewayRouteName', 'maxLength'],
      ['/gatewayRoute/spec/httpRoute/match/hostname/exact', 'maxLength'],
      ['/gatewayRoute/spec/priority', 'maximum'],
    ]);
  });

  test('K8s-only shapes are unknown in the API: virtualServiceRef, virtualServiceARN', () => {
    const doc = pick('GatewayRoute', 'input');
    setAt(doc, '/spec/httpRoute/action/target/virtualService', { virtualServiceRef: { name: 'x' } });
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteInputSchema, doc)), [
      ['/spec/httpRoute/action/target/virtualService', 'required'],
      ['/spec/httpRoute/action/target/virtualService/virtualServiceRef', 'unknown-field'],
    ]);
  });

  test('two route types in one spec, and a spec with none', () => {
    const doc = pick('GatewayRoute', 'input');
    const spec = (doc as any).spec;
    spec.grpcRoute = { match: {}, action: { target: { virtualService: { virtualServiceName: 'g' } } } };
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteInputSchema, doc)), [['/spec', 'union']]);
    assert.equal(schemaErrors(AwsGatewayRouteInputSchema, doc)[0]?.message, 'must set only one of httpRoute, http2Route, grpcRoute (found httpRoute, grpcRoute)');
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteInputSchema, { ...doc, spec: { priority: 1 } })), [['/spec', 'union']]);
  });

  test('range needs start and end; metadata over 10 entries', () => {
    const doc = pick('GatewayRoute', 'describe', 1);
    setAt(doc, '/gatewayRoute/spec/grpcRoute/match/metadata/0/match', { range: { start: 1 } });
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteDescribeSchema, doc)), [['/gatewayRoute/spec/grpcRoute/match/metadata/0/match/range', 'required']]);
    setAt(doc, '/gatewayRoute/spec/grpcRoute/match/metadata', Array.from({ length: 11 }, (_, i) => ({ name: `m${i}` })));
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteDescribeSchema, doc)), [['/gatewayRoute/spec/grpcRoute/match/metadata', 'maxItems']]);
  });

  test('describe metadata: dates as strings or numbers, nothing else; meshOwner is 12 characters; status enum', () => {
    const doc = pick('GatewayRoute', 'describe');
    setAt(doc, '/gatewayRoute/metadata/createdAt', 1614852672);
    assert.deepEqual(schemaErrors(AwsGatewayRouteDescribeSchema, doc), []);
    setAt(doc, '/gatewayRoute/metadata/createdAt', true);
    setAt(doc, '/gatewayRoute/metadata/meshOwner', '11112222333');
    setAt(doc, '/gatewayRoute/status/status', 'PENDING');
    const errors = schemaErrors(AwsGatewayRouteDescribeSchema, doc);
    assert.deepEqual(brief(errors), [
      ['/gatewayRoute/metadata/createdAt', 'type'],
      ['/gatewayRoute/metadata/meshOwner', 'minLength'],
      ['/gatewayRoute/status/status', 'enum'],
    ]);
    assert.equal(errors.find((e) => e.path.endsWith('createdAt'))?.message, 'must be a string or a number');
  });

  test('describe without metadata/status is accepted; an unknown key in the envelope is not', () => {
    const doc = pick('GatewayRoute', 'describe');
    deleteAt(doc, '/gatewayRoute/metadata');
    deleteAt(doc, '/gatewayRoute/status');
    assert.deepEqual(schemaErrors(AwsGatewayRouteDescribeSchema, doc), []);
    setAt(doc, '/gatewayRoute/gatewayName', 'x');
    assert.deepEqual(brief(schemaErrors(AwsGatewayRouteDescribeSchema, doc)), [['/gatewayRoute/gatewayName', 'unknown-field']]);
  });

  test('create input requires the three names and spec', () => {
    const errors = schemaErrors(AwsGatewayRouteInputSchema, { meshName: 'm' });
    assert.deepEqual(
      errors.map((e) => e.message).sort(),
      ['missing required field "gatewayRouteName"', 'missing required field "spec"', 'missing required field "virtualGatewayName"'],
    );
    assert.ok(errors.every((e) => e.path === '' && e.keyword === 'required'));
  });
});

describe('aws other kinds', () => {
  test('Mesh: spec is optional in create input; tags over 50 and a 129-character tag key', () => {
    assert.deepEqual(schemaErrors(AwsMeshInputSchema, { meshName: 'm' }), []);
    const doc = pick('Mesh', 'input');
    setAt(doc, '/tags', Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })));
    assert.deepEqual(brief(schemaErrors(AwsMeshInputSchema, doc)), [['/tags', 'maxItems']]);
    setAt(doc, '/tags', [{ key: 'k'.repeat(129), value: 'v' }]);
    assert.deepEqual(brief(schemaErrors(AwsMeshInputSchema, doc)), [['/tags/0/key', 'maxLength']]);
  });

  test('Mesh: create input has no meshOwner; the K8s-only meshServiceDiscovery is unknown', () => {
    const doc = pick('Mesh', 'input');
    setAt(doc, '/meshOwner', '111122223333');
    setAt(doc, '/spec/meshServiceDiscovery', { ipPreference: 'IPv4_ONLY' });
    assert.deepEqual(brief(schemaErrors(AwsMeshInputSchema, doc)), [['/meshOwner', 'unknown-field'], ['/spec/meshServiceDiscovery', 'unknown-field']]);
  });

  test('Mesh: describe status.status is optional (MeshStatus)', () => {
    const doc = pick('Mesh', 'describe');
    setAt(doc, '/mesh/status', {});
    assert.deepEqual(schemaErrors(AwsMeshDescribeSchema, doc), []);
  });

  test('VirtualGateway: listeners are required; healthyThreshold required in the API; tcp not allowed', () => {
    const doc = pick('VirtualGateway', 'input');
    deleteAt(doc, '/spec/listeners/1/healthCheck/healthyThreshold');
    setAt(doc, '/spec/listeners/0/portMapping/protocol', 'tcp');
    assert.deepEqual(brief(schemaErrors(AwsVirtualGatewayInputSchema, doc)), [
      ['/spec/listeners/0/portMapping/protocol', 'enum'],
      ['/spec/listeners/1/healthCheck', 'required'],
    ]);
    deleteAt(doc, '/spec/listeners');
    assert.deepEqual(brief(schemaErrors(AwsVirtualGatewayInputSchema, doc)), [['/spec', 'required']]);
  });

  test('VirtualGateway: listener TLS trust acm is K8s-only; JSON log key over 100 characters', () => {
    const doc = pick('VirtualGateway', 'input');
    setAt(doc, '/spec/listeners/1/tls/validation/trust', { acm: { certificateAuthorityArns: ['a'] } });
    setAt(doc, '/spec/logging/accessLog/file/format', { json: [{ key: 'k'.repeat(101), value: 'v' }] });
    assert.deepEqual(brief(schemaErrors(AwsVirtualGatewayInputSchema, doc)), [
      ['/spec/listeners/1/tls/validation/trust', 'union'],
      ['/spec/listeners/1/tls/validation/trust/acm', 'unknown-field'],
      ['/spec/logging/accessLog/file/format/json/0/key', 'maxLength'],
    ]);
  });

  test('VirtualGateway: the K8s spelling certificateARN is unknown in the API (certificateArn)', () => {
    const doc = pick('VirtualGateway', 'input');
    setAt(doc, '/spec/listeners/1/tls/certificate/acm', { certificateARN: 'arn' });
    assert.deepEqual(brief(schemaErrors(AwsVirtualGatewayInputSchema, doc)), [
      ['/spec/listeners/1/tls/certificate/acm', 'required'],
      ['/spec/listeners/1/tls/certificate/acm/certificateARN', 'unknown-field'],
    ]);
  });

  test('VirtualService: provider with both members; empty provider', () => {
    const doc = pick('VirtualService', 'input');
    setAt(doc, '/spec/provider/virtualNode', { virtualNodeName: 'n' });
    assert.deepEqual(brief(schemaErrors(AwsVirtualServiceInputSchema, doc)), [['/spec/provider', 'union']]);
    setAt(doc, '/spec/provider', {});
    assert.deepEqual(brief(schemaErrors(AwsVirtualServiceInputSchema, doc)), [['/spec/provider', 'union']]);
  });

  test('VirtualRouter: listener port 0', () => {
    const doc = pick('VirtualRouter', 'describe');
    setAt(doc, '/virtualRouter/spec/listeners/0/portMapping/port', 0);
    assert.deepEqual(brief(schemaErrors(AwsVirtualRouterDescribeSchema, doc)), [['/virtualRouter/spec/listeners/0/portMapping/port', 'minimum']]);
  });

  test('Route: weight 101, 11 targets, target node name empty, K8s virtualNodeRef unknown', () => {
    const doc = pick('Route', 'input');
    setAt(doc, '/spec/httpRoute/action/weightedTargets/0/weight', 101);
    setAt(doc, '/spec/httpRoute/action/weightedTargets/0/virtualNode', '');
    assert.deepEqual(brief(schemaErrors(AwsRouteInputSchema, doc)), [
      ['/spec/httpRoute/action/weightedTargets/0/virtualNode', 'minLength'],
      ['/spec/httpRoute/action/weightedTargets/0/weight', 'maximum'],
    ]);
    setAt(doc, '/spec/httpRoute/action/weightedTargets', Array.from({ length: 11 }, () => ({ virtualNode: 'n', weight: 1 })));
    assert.deepEqual(brief(schemaErrors(AwsRouteInputSchema, doc)), [['/spec/httpRoute/action/weightedTargets', 'maxItems']]);
    setAt(doc, '/spec/httpRoute/action/weightedTargets', [{ virtualNodeRef: { name: 'n' }, weight: 1 }]);
    assert.deepEqual(brief(schemaErrors(AwsRouteInputSchema, doc)), [
      ['/spec/httpRoute/action/weightedTargets/0', 'required'],
      ['/spec/httpRoute/action/weightedTargets/0/virtualNodeRef', 'unknown-field'],
    ]);
  });

  test('Route: http retry events are free strings of 1..25 characters in the API; tcp events only connection-error', () => {
    const spec = clone((pick('Route', 'describe') as any).route.spec);
    spec.http2Route.retryPolicy.httpRetryEvents = ['custom-event'];
    assert.deepEqual(schemaErrors(AwsRouteSpec, spec), []);
    spec.http2Route.retryPolicy.httpRetryEvents = ['x'.repeat(26)];
    spec.http2Route.retryPolicy.tcpRetryEvents = ['connection-error', 'connection-error'];
    assert.deepEqual(brief(schemaErrors(AwsRouteSpec, spec)), [
      ['/http2Route/retryPolicy/httpRetryEvents/0', 'maxLength'],
      ['/http2Route/retryPolicy/tcpRetryEvents', 'maxItems'],
    ]);
  });

  test('Route: tcpRoute and httpRoute together; negative maxRetries; scheme ftp', () => {
    const spec = clone((pick('Route', 'describe') as any).route.spec);
    spec.tcpRoute = { action: { weightedTargets: [{ virtualNode: 'n', weight: 1 }] } };
    spec.http2Route.retryPolicy.maxRetries = -1;
    spec.http2Route.match.scheme = 'ftp';
    assert.deepEqual(brief(schemaErrors(AwsRouteSpec, spec)), [
      ['', 'union'],
      ['/http2Route/match/scheme', 'enum'],
      ['/http2Route/retryPolicy/maxRetries', 'minimum'],
    ]);
  });

  test('VirtualNode: service discovery union, Cloud Map attribute pattern, ipPreference enum', () => {
    const doc = pick('VirtualNode', 'input');
    setAt(doc, '/spec/serviceDiscovery/awsCloudMap', { namespaceName: 'n', serviceName: 's', attributes: [{ key: 'bad key', value: 'v' }] });
    setAt(doc, '/spec/serviceDiscovery/dns/ipPreference', 'IPv5_ONLY');
    assert.deepEqual(brief(schemaErrors(AwsVirtualNodeInputSchema, doc)), [
      ['/spec/serviceDiscovery', 'union'],
      ['/spec/serviceDiscovery/awsCloudMap/attributes/0/key', 'pattern'],
      ['/spec/serviceDiscovery/dns/ipPreference', 'enum'],
    ]);
  });

  test('VirtualNode: an empty backend breaks the Backend union; connection pool with two protocols', () => {
    const doc = pick('VirtualNode', 'input');
    setAt(doc, '/spec/backends', [{}]);
    setAt(doc, '/spec/listeners/0/connectionPool', { http: { maxConnections: 1 }, tcp: { maxConnections: 1 } });
    assert.deepEqual(brief(schemaErrors(AwsVirtualNodeInputSchema, doc)), [
      ['/spec/backends/0', 'union'],
      ['/spec/listeners/0/connectionPool', 'union'],
    ]);
  });

  test('VirtualNode: maxConnections 0, health check timeout over 60000, outlier maxServerErrors 0', () => {
    const doc = pick('VirtualNode', 'input');
    setAt(doc, '/spec/listeners/0/connectionPool', { http: { maxConnections: 0 } });
    setAt(doc, '/spec/listeners/0/healthCheck/timeoutMillis', 60001);
    setAt(doc, '/spec/listeners/1/outlierDetection', { maxServerErrors: 0, maxEjectionPercent: 10, interval: {}, baseEjectionDuration: {} });
    assert.deepEqual(brief(schemaErrors(AwsVirtualNodeInputSchema, doc)), [
      ['/spec/listeners/0/connectionPool/http/maxConnections', 'minimum'],
      ['/spec/listeners/0/healthCheck/timeoutMillis', 'maximum'],
      ['/spec/listeners/1/outlierDetection/maxServerErrors', 'minimum'],
    ]);
  });
});

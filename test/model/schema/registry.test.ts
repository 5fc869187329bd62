import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AWS_DESCRIBE_KEYS,
  AWS_KINDS,
  AWS_NAME_FIELDS,
  K8S_API_VERSION,
  K8S_KINDS,
  awsCreateSchemas,
  awsDescribeSchemas,
  awsInputSchemas,
  awsSpecSchemas,
  k8sSchemas,
  k8sSpecSchemas,
} from '../../../src/model/schema/index.js';
import { detectAws } from './helpers.js';

test('every K8s kind has a document schema whose kind and apiVersion are fixed, and a spec schema', () => {
  assert.deepEqual(Object.keys(k8sSchemas).sort(), [...K8S_KINDS].sort());
  for (const kind of K8S_KINDS) {
    const props = (k8sSchemas[kind] as any).properties;
    assert.equal(props.kind.const, kind);
    assert.equal(props.apiVersion.const, K8S_API_VERSION);
    assert.deepEqual(props.spec, k8sSpecSchemas[kind]);
  }
});

test('every AWS kind (with Route) has spec, describe and input schemas; create is the input alias', () => {
  for (const map of [awsSpecSchemas, awsDescribeSchemas, awsInputSchemas]) assert.deepEqual(Object.keys(map).sort(), [...AWS_KINDS].sort());
  assert.equal(awsCreateSchemas, awsInputSchemas);
});

test('describe documents have exactly one key, and name fields are required in data and input', () => {
  for (const kind of AWS_KINDS) {
    const describe = awsDescribeSchemas[kind] as any;
    assert.deepEqual(Object.keys(describe.properties), [AWS_DESCRIBE_KEYS[kind]]);
    const data = describe.properties[AWS_DESCRIBE_KEYS[kind]];
    const input = awsInputSchemas[kind] as any;
    for (const name of AWS_NAME_FIELDS[kind]) {
      assert.ok(data.required.includes(name), `${kind} data ${name}`);
      assert.ok(input.required.includes(name), `${kind} input ${name}`);
    }
    assert.equal(data.properties.spec, awsSpecSchemas[kind]);
  }
});

test('name-field sets tell the kinds apart', () => {
  const sets = AWS_KINDS.map((k) => [...AWS_NAME_FIELDS[k]].sort().join(','));
  assert.equal(new Set(sets).size, AWS_KINDS.length);
  assert.deepEqual(detectAws({ meshName: 'm', virtualRouterName: 'r', routeName: 'x', spec: {} }), { kind: 'Route', form: 'input' });
  assert.deepEqual(detectAws({ route: {} }), { kind: 'Route', form: 'describe' });
});

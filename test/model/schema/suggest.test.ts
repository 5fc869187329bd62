/** "Did you mean" on unknown fields (issue 15): the API's own spelling, and near misses only. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closestName, editDistance } from '../../../src/model/schema/suggest.js';
import { schemaErrors } from '../../../src/model/schema/errors.js';
import { awsInputDocumentSchemas, k8sDocumentSchemas } from '../../../src/model/schema/compiled.js';

test('closestName: case-only differences win, near misses are suggested, unrelated names are not', () => {
  assert.equal(closestName('certificateARN', ['certificateArn', 'certificateChain']), 'certificateArn');
  assert.equal(closestName('certificateAuthorityArn', ['certificateAuthorityArns']), 'certificateAuthorityArns');
  assert.equal(closestName('certifcateAuthorityArns', ['certificateAuthorityArns']), 'certificateAuthorityArns');
  assert.equal(closestName('prefx', ['prefix', 'path', 'headers']), 'prefix');
  assert.equal(closestName('banana', ['prefix', 'path', 'headers']), null);
  assert.equal(closestName('x', []), null);
});

test('editDistance: classic Levenshtein on small cases', () => {
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('same', 'same'), 0);
});

test('API JSON: certificateARN (the K8s spelling) gets "did you mean certificateArn"', () => {
  const doc = {
    meshName: 'm',
    virtualNodeName: 'n',
    spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' }, tls: { mode: 'STRICT', certificate: { acm: { certificateARN: 'arn:aws:acm:x' } } } }] },
  };
  const errors = schemaErrors(awsInputDocumentSchemas.VirtualNode, doc).filter((e) => e.keyword === 'unknown-field');
  assert.deepEqual(errors.map((e) => [e.path, e.message]), [
    ['/spec/listeners/0/tls/certificate/acm/certificateARN', 'unknown field "certificateARN" (did you mean "certificateArn"?)'],
  ]);
});

test('K8s: a misspelt certificateAuthorityARNs gets a suggestion', () => {
  const doc = {
    apiVersion: 'appmesh.k8s.aws/v1beta2',
    kind: 'VirtualNode',
    metadata: { name: 'n', namespace: 'ns' },
    spec: { backendDefaults: { clientPolicy: { tls: { validation: { trust: { acm: { certificateAuthorityArns: ['arn:x'] } } } } } } },
  };
  const errors = schemaErrors(k8sDocumentSchemas.VirtualNode, doc).filter((e) => e.keyword === 'unknown-field');
  assert.equal(errors.length, 1);
  assert.match(errors[0]!.message, /did you mean "certificateAuthorityARNs"/);
});

// Input checks that keep a typo from silently changing routing: duplicate JSON keys, AWS documents
// without a mesh, and an unversioned App Mesh apiVersion.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { duplicateJsonKey } from '../../src/model/load/parse-documents.js';

test('a JSON object naming a key twice is INPUT_DUPLICATE_KEY at the second key', () => {
  const text = '{"meshName":"m","virtualGatewayName":"g","gatewayRouteName":"x",\n "spec":{"httpRoute":{"match":{"prefix":"/a","prefix":"/b"},\n "action":{"target":{"virtualService":{"virtualServiceName":"s"}}}}}}';
  const r = loadSources([{ file: 'd.json', text }]);
  const d = r.diagnostics.find((x) => x.code === 'INPUT_DUPLICATE_KEY');
  assert.ok(d, JSON.stringify(r.diagnostics));
  assert.deepEqual([d.line, d.column], [2, 46]);
  assert.match(d.message, /"prefix"/);
  assert.equal(r.valid, false);
});

test('duplicateJsonKey: equal keys in different objects or arrays are fine; escapes are decoded', () => {
  assert.equal(duplicateJsonKey('{"a":{"a":1},"b":[{"a":1},{"a":2}]}'), null);
  assert.equal(duplicateJsonKey('{"a":"x,\\"a\\"","b":1}'), null);
  assert.deepEqual(duplicateJsonKey('{"a":1,"\\u0061":2}'), { key: 'a', offset: 7 });
});

test('an AWS document without meshName is AWS_MESH_NAME_MISSING, not skipped', () => {
  for (const doc of [{ virtualNodeName: 'a', spec: {} }, { gatewayRoute: { virtualGatewayName: 'g', gatewayRouteName: 'r', spec: {} } }]) {
    const r = loadObjects([doc]);
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['AWS_MESH_NAME_MISSING'], JSON.stringify(doc));
    assert.deepEqual(r.stats.skipped, {});
  }
  assert.deepEqual(loadObjects([{ some: 'config', spec: {} }]).stats.skipped, { 'not an App Mesh resource': 1 });
});

test('apiVersion appmesh.k8s.aws without a version is read as App Mesh (with SEED_API_VERSION)', () => {
  const r = loadObjects([{ apiVersion: 'appmesh.k8s.aws', kind: 'Mesh', metadata: { name: 'm' }, spec: {} }]);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['SEED_API_VERSION']);
  assert.equal(r.model.meshes.length, 1);
});

/** Unit tests of the meshroute/testing helpers the property tests rely on, and of the loader's pointer clamp. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyMutations, documentPointers, k8sMeshArbitrary, resolvePointer } from '../../src/testing/index.js';
import { deepestExistingPointer } from '../../src/model/load/pointer.js';
import { loadObjects } from '../../src/model/load-model.js';

const doc = { a: { 'b/c': [1, { '~d': null }] }, e: [] };

test('resolvePointer: existing, escaped, missing, out-of-range and non-canonical indices', () => {
  assert.deepEqual(resolvePointer(doc, '').exists, true);
  assert.deepEqual(resolvePointer(doc, '/a/b~1c/1/~0d'), { exists: true, deepestExisting: '/a/b~1c/1/~0d', missingSegments: 0, value: null });
  assert.deepEqual(resolvePointer(doc, '/a/x/y').deepestExisting, '/a');
  assert.equal(resolvePointer(doc, '/a/x/y').missingSegments, 2);
  assert.equal(resolvePointer(doc, '/a/b~1c/2').exists, false);
  assert.equal(resolvePointer(doc, '/a/b~1c/01').exists, false);
  assert.equal(resolvePointer({ toString: 1 }, '/toString').exists, true);
  assert.equal(resolvePointer({}, '/toString').exists, false);
  assert.throws(() => resolvePointer(doc, 'a'));
});

test('deepestExistingPointer (loader) agrees with resolvePointer (testing kit)', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.oneof(fc.constantFrom('0', '1', 'a', '~', '/', '01'), fc.string({ maxLength: 2 })), { maxLength: 4 }), (root, segs) => {
      const pointer = segs.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
      assert.equal(deepestExistingPointer(root, pointer), resolvePointer(root, pointer).deepestExisting);
    }),
    { numRuns: 300 },
  );
});

test('documentPointers lists every node, parents first', () => {
  assert.deepEqual(documentPointers(doc), ['', '/a', '/a/b~1c', '/a/b~1c/0', '/a/b~1c/1', '/a/b~1c/1/~0d', '/e']);
});

test('applyMutations works on a copy and each operation does what it says', () => {
  const base = { x: { y: 1, z: 'abc' }, l: [1, 2] };
  const ptrs = documentPointers(base); // '', /x, /x/y, /x/z, /l, /l/0, /l/1
  const at = (p: string) => ptrs.indexOf(p);
  assert.deepEqual(applyMutations(base, [{ op: 'delete', target: at('/x/y') }]), { x: { z: 'abc' }, l: [1, 2] });
  assert.deepEqual(applyMutations(base, [{ op: 'truncateString', target: at('/x/z'), length: 1 }]), { x: { y: 1, z: 'a' }, l: [1, 2] });
  assert.deepEqual(applyMutations(base, [{ op: 'swapContainer', target: at('/l') }]), { x: { y: 1, z: 'abc' }, l: { 0: 1, 1: 2 } });
  assert.deepEqual(applyMutations(base, [{ op: 'wrapInArray', target: at('/x/y') }]), { x: { y: [1], z: 'abc' }, l: [1, 2] });
  const proto = applyMutations(base, [{ op: 'insert', target: at('/x'), key: '__proto__', value: 5 }]) as Record<string, Record<string, unknown>>;
  assert.equal(Object.prototype.hasOwnProperty.call(proto.x, '__proto__'), true);
  // An own toString that is not a function (an earlier insert) must not break a later truncation (it threw).
  const noToString = applyMutations(base, [{ op: 'insert', target: at('/x'), key: 'toString', value: null }, { op: 'truncateString', target: at('/x'), length: 3 }]);
  assert.deepEqual(noToString, { x: '{"y', l: [1, 2] });
  assert.deepEqual(base, { x: { y: 1, z: 'abc' }, l: [1, 2] }, 'the input is not mutated');
});

test('k8sMeshArbitrary makes Mesh documents that load cleanly', () => {
  fc.assert(
    fc.property(k8sMeshArbitrary(), (mesh) => {
      const r = loadObjects(mesh);
      assert.deepEqual(r.diagnostics, []);
      assert.equal(r.model.meshes.length, 1);
    }),
    { numRuns: 200 },
  );
});

test('an own __proto__ key in a document is reported as an unknown field, not followed', () => {
  const vs = JSON.parse('{"apiVersion":"appmesh.k8s.aws/v1beta2","kind":"Mesh","metadata":{"name":"m"},"spec":{"__proto__":{"awsName":"evil"}}}');
  const r = loadObjects(vs);
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.path]), [['SCHEMA_UNKNOWN_FIELD', '/spec/__proto__']]);
  assert.equal(({} as Record<string, unknown>).awsName, undefined);
});

/**
 * Issue 15: what real users' files did silently, or too loudly. Each case loads text in memory;
 * reproduce one with `meshroute validate <file>` after writing the text shown in the failure.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSources } from '../../src/model/load-model.js';
import fc from 'fast-check';
import { jsonSyntaxError } from '../../src/model/load/json-syntax.js';
import { fmt, y } from './helpers.js';

const load = (files: Record<string, string>, options = {}) => loadSources(Object.entries(files).map(([file, text]) => ({ file, text })), options);
const codes = (r: ReturnType<typeof load>) => r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.file}:${d.line}:${d.column}`);

test('.json files are JSON: a trailing comma is one INPUT_SYNTAX error at the comma', () => {
  const text = '{\n  "meshName": "m",\n  "spec": {},\n}\n';
  const r = load({ 'mesh.json': text });
  assert.deepEqual(codes(r), ['error INPUT_SYNTAX mesh.json:3:13'], text);
  assert.match(r.diagnostics[0]!.message, /trailing comma/);
  // The same text as .yaml is YAML (flow mappings allow it): no error, read as a Mesh.
  assert.equal(load({ 'mesh.yaml': text }).valid, true);
});

test('.json files are JSON: an unfilled $VS says where and what to do', () => {
  const text = '{\n  "meshName": "m",\n  "virtualServiceName": $VS,\n  "spec": {}\n}\n';
  const r = load({ 'vs.json': text });
  assert.deepEqual(codes(r), ['error INPUT_SYNTAX vs.json:3:25'], text);
  assert.match(r.diagnostics[0]!.message, /"\$VS".*unfilled template variable/);
});

test('jsonSyntaxError agrees with JSON.parse on what is valid, and points inside the text', () => {
  const cases = ['{}', '[]', '{"a":[1,2,{"b":null}]}', ' "s" ', '{"a":1,}', '[1 2]', '{"a" 1}', '{a:1}', '"\n"', '[', '{"a":1}x', '', '-', '01', '{"a":"\\"x"}', "['a']", 'tru', '"\\x"', '"\\u12"', '"\\u00e9\\n"'];
  for (const text of cases) {
    let valid = true;
    try {
      JSON.parse(text);
    } catch {
      valid = false;
    }
    const e = jsonSyntaxError(text);
    assert.equal(e === null, valid, `JSON ${JSON.stringify(text)}: ${e?.message}`);
    if (e) assert.ok(e.offset >= 0 && e.offset <= text.length, `offset of ${JSON.stringify(text)}`);
  }
});

test('jsonSyntaxError: valid exactly when JSON.parse accepts, on generated JSON with one character changed (fast-check)', () => {
  const parses = (t: string) => {
    try {
      JSON.parse(t);
      return true;
    } catch {
      return false;
    }
  };
  const edited = fc
    .tuple(fc.json({ maxDepth: 3 }), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '$', ' ', '1', '\\', 'e', '-', '.'), fc.boolean())
    .map(([text, at, ch, replace]) => {
      const i = text.length === 0 ? 0 : at % (text.length + 1);
      return text.slice(0, i) + ch + text.slice(replace ? i + 1 : i);
    });
  // Reproduce: the failing text is printed; run jsonSyntaxError(text) and JSON.parse(text) on it.
  fc.assert(
    fc.property(edited, (text) => {
      const e = jsonSyntaxError(text);
      assert.equal(e === null, parses(text), `text ${JSON.stringify(text)}: ${e?.message}`);
      if (e) assert.ok(e.offset >= 0 && e.offset <= text.length);
    }),
    { numRuns: 2000, seed: 15 },
  );
});

test('a YAML syntax error is one error, not the parser\'s follow-on errors', () => {
  const text = 'apiVersion: v1\nkind: Namespace\n- oops\n';
  const r = load({ 'ns.yaml': text });
  assert.deepEqual(r.diagnostics.filter((d) => d.code === 'INPUT_SYNTAX').length, 1, r.diagnostics.map(fmt).join('\n'));
});

test('Helm-templated input: one INPUT_TEMPLATE error saying to run helm template; comments do not count', () => {
  const text = y(`
    # values: {{ .Values.mesh }} is set by the chart
    apiVersion: appmesh.k8s.aws/v1beta2
    kind: Mesh
    metadata:
      name: {{ .Values.mesh }}
    {{- if .Values.egress }}
    spec: { egressFilter: { type: ALLOW_ALL } }
    {{- end }}
  `);
  const r = load({ 'mesh.yaml': text });
  assert.deepEqual(codes(r), ['error INPUT_TEMPLATE mesh.yaml:5:9'], text);
  assert.match(r.diagnostics[0]!.message, /helm template/);
  const commented = load({ 'mesh.yaml': '# render with {{ .Values.x }}\napiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: { name: m }\n' });
  assert.deepEqual(codes(commented), []);
});

const NS = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n  labels: ${labels}\n`;

test('duplicate Namespace objects: same labels a warning, different labels an error; the later one is used', () => {
  const same = load({ 'a.yaml': NS('{ mesh: m }'), 'b.yaml': NS('{ mesh: m }') });
  assert.deepEqual(codes(same), ['warning DUPLICATE_NAMESPACE b.yaml:1:1']);
  assert.equal(same.stats.namespaces, 1);
  const differ = load({ 'a.yaml': NS('{ mesh: m }'), 'b.yaml': NS('{ mesh: other }') });
  assert.deepEqual(codes(differ), ['error DUPLICATE_NAMESPACE b.yaml:1:1']);
  assert.deepEqual(differ.model.namespaces.map((n) => n.labels.mesh), ['other']);
});

test('--mesh gives update-route style input (Route/?) its mesh', () => {
  const route = JSON.stringify({ routeName: 'r', virtualRouterName: 'vr', spec: { httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNode: 'n', weight: 1 }] } } } });
  const router = JSON.stringify({ meshName: 'm', virtualRouterName: 'vr', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }] } });
  const node = JSON.stringify({ meshName: 'm', virtualNodeName: 'n', spec: {} });
  const mesh = JSON.stringify({ meshName: 'm', spec: {} });
  const files = { 'route.json': route, 'router.json': router, 'node.json': node, 'mesh.json': mesh };
  assert.deepEqual(codes(load(files)), ['error AWS_MESH_NAME_MISSING route.json:1:1']);
  const named = load(files, { mesh: 'm' });
  assert.deepEqual(codes(named), []);
  assert.deepEqual(named.model.routes.map((r) => `${r.meshName}/${r.virtualRouterName}/${r.name}`), ['m/vr/r']);
});

test('spec-only documents named with specNames are validated like create-* input', () => {
  const files = { 'walk/mesh/vn.json': JSON.stringify({ spec: { listeners: [{ portMapping: { port: 80, protocol: 'htp' } }] } }) };
  const unnamed = load(files);
  assert.deepEqual(codes(unnamed), ['warning SPEC_ONLY_SKIPPED walk/mesh/vn.json:1:1']);
  assert.deepEqual(unnamed.skipped, [{ file: 'walk/mesh/vn.json', path: '', reason: 'spec only (no resource name)' }]);
  const named = load(files, { mesh: 'm', specNames: { 'mesh/vn.json': { kind: 'VirtualNode', name: 'vn', parent: null } } });
  assert.ok(named.diagnostics.some((d) => d.code === 'SCHEMA_ENUM' && d.path === '/spec/listeners/0/portMapping/protocol'), named.diagnostics.map(fmt).join('\n'));
  assert.deepEqual(named.skipped, []);
});

test('API JSON: a backend naming a service absent from the input is a warning that says what it means', () => {
  const r = load({ 'n.json': JSON.stringify({ meshName: 'm', virtualNodeName: 'n', spec: { backends: [{ virtualService: { virtualServiceName: 'later.local' } }] } }), 'm.json': JSON.stringify({ meshName: 'm', spec: {} }) });
  assert.equal(r.valid, true);
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity, d.path]), [['BACKEND_NOT_IN_INPUT', 'warning', '/spec/backends/0/virtualService/virtualServiceName']]);
  assert.match(r.diagnostics[0]!.message, /App Mesh accepts this.*no route for requests from this node to later\.local/);
  assert.deepEqual(r.model.virtualNodes[0]!.backends, ['later.local']);
});

test('describe-* output pasted from a README: a shortened meshOwner is a warning, the set stays valid', () => {
  const doc = { virtualNode: { meshName: 'm', virtualNodeName: 'n', spec: {}, metadata: { arn: 'a', createdAt: 1, lastUpdatedAt: 1, meshOwner: '1234', resourceOwner: '123456789012', uid: 'u', version: 1 }, status: { status: 'ACTIVE' } } };
  const r = load({ 'n.json': JSON.stringify(doc), 'm.json': JSON.stringify({ meshName: 'm', spec: {} }) });
  assert.equal(r.valid, true, r.diagnostics.map(fmt).join('\n'));
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity, d.path]), [['OUTPUT_ONLY_FIELD', 'warning', '/virtualNode/metadata/meshOwner']]);
  // The spec is still checked strictly.
  const bad = load({ 'n.json': JSON.stringify({ ...doc, virtualNode: { ...doc.virtualNode, spec: { listners: [] } } }) });
  assert.ok(bad.diagnostics.some((d) => d.code === 'SCHEMA_UNKNOWN_FIELD' && d.severity === 'error'));
});

test('a duplicated VirtualRouter is one DUPLICATE_RESOURCE error, not one more per route', () => {
  const router = y(`
    apiVersion: appmesh.k8s.aws/v1beta2
    kind: VirtualRouter
    metadata: { name: vr, namespace: shop }
    spec:
      listeners: [{ portMapping: { port: 80, protocol: http } }]
      routes:
        - name: a
          httpRoute: { match: { prefix: / }, action: { weightedTargets: [{ virtualNodeRef: { name: nd }, weight: 1 }] } }
        - name: b
          httpRoute: { match: { prefix: /b }, action: { weightedTargets: [{ virtualNodeRef: { name: nd }, weight: 1 }] } }
  `);
  const r = load({ 'a.yaml': router, 'b.yaml': router });
  const errors = r.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${d.file}`);
  assert.deepEqual(errors.filter((e) => e.includes('DUPLICATE') || e.includes('VR_DUPLICATE')), ['DUPLICATE_RESOURCE b.yaml']);
});

/**
 * The exporter's output: every object of every example mesh, for every target and prefix mode,
 * validates against the Gateway API CRD schemas and the CEL rules (_validate-output.ts); the bytes
 * are deterministic (same input → same files; input order does not matter); each rule carries a
 * comment naming its App Mesh source; routes are split at the CRD's 16 rules.
 */
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import assert from 'node:assert/strict';
import { exportGatewayApi } from '../../../src/export/gateway-api/export.js';
import { writeGatewayApi } from '../../../src/export/gateway-api/write.js';
import { TARGET_NAMES } from '../../../src/export/gateway-api/capabilities.js';
import { loadObjects } from '../../../src/model/load-model.js';
import { exampleMeshes } from './_examples.js';
import { validateObject } from './_validate-output.js';
import { baseMesh } from './_fixtures.js';

const examples = exampleMeshes();

test('examples: every exported object validates (schema + CEL), every target and prefix mode', () => {
  assert.ok(examples.length >= 4, `expected the docs/examples meshes, found ${examples.map((e) => e.name)}`);
  for (const { name, loaded } of examples) {
    for (const gw of loaded.model.virtualGateways) {
      for (const target of TARGET_NAMES) {
        for (const prefixMode of ['segment', 'exact'] as const) {
          const w = writeGatewayApi(loaded.model, gw, { target, prefixMode });
          const problems = w.objects.flatMap(validateObject);
          assert.deepEqual(problems, [], `docs/examples/${name} gateway ${gw.name} --target ${target} --prefix-mode ${prefixMode}`);
          assert.ok(w.objects.some((o) => o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute'), `docs/examples/${name}: no route written`);
        }
      }
    }
  }
});

test('the validator rejects what the CRDs reject (so the test above can fail)', () => {
  const route = (rules: unknown[]) => ({ apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name: 'r', namespace: 'n' }, spec: { rules } }) as never;
  assert.match(validateObject(route([{ matches: [{ path: { type: 'Nope', value: '/' } }] }])).join(), /schema/);
  assert.match(validateObject(route([{ backendRefs: [{ name: 'a', port: 80, weight: -1 }] }])).join(), /schema/);
  assert.match(validateObject(route([{ timeouts: { request: '15x' } }])).join(), /schema/);
  assert.match(validateObject(route([{ matches: [{ path: { type: 'Exact', value: '/a' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }] }])).join(), /ReplacePrefixMatch/);
  assert.match(validateObject(route(Array.from({ length: 17 }, () => ({})))).join(), /17 rules/);
  assert.match(validateObject(route([{ backendRefs: [{ name: 'a' }] }])).join(), /without port/);
});

test('deterministic: the same input gives the same bytes, whatever the order of the documents', () => {
  for (const { name, loaded } of examples) {
    const docs = loaded.model;
    for (const gw of docs.virtualGateways) {
      const a = exportGatewayApi(loaded, { gateway: gw.name, randomRequests: 50 }).files;
      const b = exportGatewayApi(loaded, { gateway: gw.name, randomRequests: 50 }).files;
      assert.deepEqual(a, b, `docs/examples/${name}`);
    }
  }
  // Input order: each single-file example's documents reversed give the same files.
  for (const name of ['color-app', 'edge-gateway', 'seed-article']) {
    const docs = yaml.loadAll(readFileSync(`docs/examples/${name}/mesh.yaml`, 'utf8')).filter((d) => d !== null);
    const forward = exportGatewayApi(loadObjects(docs, {}), { randomRequests: 50 }).files;
    const reversed = exportGatewayApi(loadObjects([...docs].reverse(), {}), { randomRequests: 50 }).files;
    assert.deepEqual(reversed, forward, `docs/examples/${name}/mesh.yaml with its documents reversed`);
  }
});

test('every written rule has a comment naming its App Mesh gateway route (and router route)', () => {
  for (const { name, loaded } of examples) {
    for (const gw of loaded.model.virtualGateways) {
      const w = writeGatewayApi(loaded.model, gw, { target: 'istio' });
      const text = Object.values(w.files).join('\n');
      const rules = w.written.length + (w.mesh?.entries.reduce((s, e) => s + e.written.length, 0) ?? 0);
      const comments = text.split('\n').filter((l) => /^\s*# App Mesh: /.test(l)).length;
      assert.equal(comments, rules, `docs/examples/${name}: one comment per rule`);
      for (const r of w.written) {
        const f = w.flat.rules[r.flat]!;
        assert.ok(text.includes(`# App Mesh: gateway route ${f.source.gatewayRouteDisplay} →`), `docs/examples/${name}: ${f.source.gatewayRouteDisplay} named`);
        if (f.source.route !== null) assert.ok(text.includes(`route ${f.source.route}`), `docs/examples/${name}: ${f.source.route} named`);
      }
    }
  }
});

test('a gateway with more than 16 flattened rules is split into routes of at most 16, in App Mesh order', () => {
  const routes = Array.from({ length: 20 }, (_, i) => ({
    apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name: `r${String(i).padStart(2, '0')}`, namespace: 'ns' },
    spec: { priority: i, httpRoute: { match: { prefix: `/p${i}/` }, action: { target: { virtualService: { virtualServiceRef: { name: 'svc' } } } } } },
  }));
  const loaded = loadObjects([...baseMesh(), ...routes], {});
  assert.ok(loaded.valid, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error')));
  const w = writeGatewayApi(loaded.model, loaded.model.virtualGateways[0]!, { target: 'istio' });
  const http = w.objects.filter((o) => o.kind === 'HTTPRoute' && o.spec.parentRefs?.[0]?.kind !== 'Service');
  assert.deepEqual(http.map((o) => o.metadata.name), ['gw-01-01', 'gw-01-02']);
  assert.deepEqual(http.map((o) => (o.kind === 'HTTPRoute' ? o.spec.rules!.length : 0)), [16, 4]);
  for (const o of w.objects) assert.deepEqual(validateObject(o), []);
});

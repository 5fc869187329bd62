/**
 * The legacy appmesh.k8s.aws/v1beta1 dialect (docs/dialects.md). AWS walkthroughs ship a v1beta1
 * manifest next to a v1beta2 one; the fixtures in fixtures/v1beta1 are three such pairs (small, with
 * the variables filled in) and a v1beta2 twin written the way the upgrade guide says to keep a
 * running mesh (every awsName = the App Mesh name the v1beta1 controller gave). Both must load
 * without errors to the same normalized model and give the same decisions through compile()/route().
 * Reproduce a failure: `meshroute validate test/model/fixtures/v1beta1/<set>.v1beta1.yaml
 * test/model/fixtures/v1beta1/<set>.gateway.json` (and `meshroute route … --json`).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFiles, loadSources } from '../../src/model/load-model.js';
import { compile } from '../../src/api/compile.js';
import { dialectIndependentModel } from '../../src/testing/index.js';
import type { RouteRequest } from '../../src/evaluate/types.js';
import { legacyAwsName, legacyPointer } from '../../src/model/convert/v1beta1.js';
import { FIXTURES, fmt } from './helpers.js';

const DIR = join(FIXTURES, 'v1beta1');
const file = (name: string) => join(DIR, name);

/** Each pair, and requests that exercise every route of it (matched or not). */
const PAIRS: { set: string; requests: RouteRequest[] }[] = [
  {
    set: 'http-headers',
    requests: [
      { path: '/' },
      { path: '/', headers: { color_header: 'blue' } },
      { path: '/x', headers: { color_header: 'lightgreenish' } },
      { path: '/', headers: { color_header: 'redder' } },
      { path: '/', headers: { color_header: 'anything' } },
      { path: '/', headers: { color_header: 'Blue' } },
    ],
  },
  {
    set: 'djapp',
    requests: [{ path: '/jazz' }, { path: '/metal' }, { path: '/metal/x' }, { path: '/other' }],
  },
  {
    set: 'grpc',
    requests: [
      { path: '/color.ColorService/GetColor', protocol: 'grpc', port: 8080 },
      { path: '/color.ColorService/Other', protocol: 'grpc', port: 8080 },
      { path: '/other.Service/GetColor', protocol: 'grpc', port: 8080 },
      { path: '/a', protocol: 'http2', port: 8443, headers: { 'x-color': 'red' } },
      { path: '/a', protocol: 'http2', port: 8443, headers: { 'x-color': 'blue' } },
      { path: '/a', protocol: 'http2', port: 8443 },
    ],
  },
];

function loadSet(set: string, version: 'v1beta1' | 'v1beta2') {
  const r = loadFiles([file(`${set}.${version}.yaml`), file(`${set}.gateway.json`)]);
  const errors = r.diagnostics.filter((d) => d.severity !== 'info');
  assert.deepEqual(errors.map(fmt), [], `${set}.${version}.yaml must load without errors or warnings`);
  return r;
}

for (const { set, requests } of PAIRS) {
  test(`${set}: the v1beta1 manifest and its v1beta2 twin load to the same normalized model`, () => {
    const legacy = loadSet(set, 'v1beta1');
    const current = loadSet(set, 'v1beta2');
    assert.deepEqual(legacy.stats.resources, current.stats.resources);
    assert.deepEqual(dialectIndependentModel(legacy.model), dialectIndependentModel(current.model));
    assert.ok(legacy.model.virtualNodes.every((n) => n.dialect === 'k8s-v1beta1'));
  });

  test(`${set}: both dialects give the same decision for every request through compile()/route()`, () => {
    const legacy = compile(loadSet(set, 'v1beta1'));
    const current = compile(loadSet(set, 'v1beta2'));
    let matched = 0;
    for (const req of requests) {
      // Pin the weighted pick so decisions are comparable (the same random draw on both sides).
      for (const draw of [0, 0.5, 0.95]) {
        const a = legacy.route(req, { random: () => draw });
        const b = current.route(req, { random: () => draw });
        assert.deepEqual(a, b, `request ${JSON.stringify(req)} draw ${draw}`);
        if (a.matched) matched++;
      }
    }
    assert.ok(matched > 0, 'at least one request reaches a virtual node');
  });
}

test('http-headers: AWS\'s own v1beta2 manifest (default awsNames for nodes and router) routes the same requests to the same colors', () => {
  // The walkthrough's v1beta2 file sets awsName only on the VirtualService; nodes and the router get
  // the v1beta2 defaults (name_namespace). Decisions must agree once names are compared by K8s name.
  const twin = readText(file('http-headers.v1beta2.yaml')).replace(/^ {2}awsName: [a-z-]+-headers\n/gm, '');
  assert.ok(!/awsName: blue-headers/.test(twin));
  const upstream = loadSources([{ file: 'aws.yaml', text: twin }, { file: 'gw.json', text: readText(file('http-headers.gateway.json')) }]);
  assert.equal(upstream.valid, true, upstream.diagnostics.map(fmt).join('\n'));
  const legacy = compile(loadSet('http-headers', 'v1beta1'));
  const current = compile(upstream);
  const k8sName = (awsName: string | null) => awsName && awsName.replace(/[-_]headers$/, '');
  for (const req of PAIRS[0]!.requests) {
    const a = legacy.route(req);
    const b = current.route(req);
    assert.deepEqual([a.matched, a.route, k8sName(a.virtualNode), a.endpoint], [b.matched, b.route, k8sName(b.virtualNode), b.endpoint], JSON.stringify(req));
  }
  assert.equal(current.route({ path: '/', headers: { color_header: 'blue' } }).virtualNode, 'blue_headers');
});

test('http-headers: routes keep their priorities and the controller names (targets <node>-<namespace>)', () => {
  const { model } = loadSet('http-headers', 'v1beta1');
  assert.deepEqual(model.virtualServices.map((s) => [s.name, s.provider]), [['color.headers.svc.cluster.local', { virtualRouter: 'color-router-headers' }]]);
  assert.deepEqual(
    model.routes.map((r) => [r.name, r.spec.priority, r.spec.weightedTargets.map((t) => t.virtualNodeName).join()]),
    [
      ['color-route-blue', 10, 'blue-headers'],
      ['color-route-green', 20, 'green-headers'],
      ['color-route-red', 30, 'red-headers'],
      ['color-route-white', null, 'white-headers'],
      ['color-route-yellow', 40, 'yellow-headers'],
    ],
  );
  assert.deepEqual(model.virtualNodes.find((n) => n.name === 'front-headers')!.backends, ['color.headers.svc.cluster.local']);
});

test('djapp: a router without listeners gets the one the controller copied from the first target (an info, not an error)', () => {
  const r = loadSet('djapp', 'v1beta1');
  assert.deepEqual(r.model.virtualRouters.map((v) => [v.name, v.listeners]), [
    ['jazz-router-prod', [{ port: 9080, protocol: 'http' }]],
    ['metal-router-prod', [{ port: 9080, protocol: 'http' }]],
  ]);
  assert.deepEqual(r.diagnostics.map((d) => d.code), ['V1BETA1_ROUTER_LISTENER_INFERRED', 'V1BETA1_ROUTER_LISTENER_INFERRED']);
});

test('grpc: http2/grpc targets are App Mesh names as written; Cloud Map gets the controller attributes', () => {
  const { model } = loadSet('grpc', 'v1beta1');
  assert.deepEqual(model.routes.map((r) => [r.name, r.spec.weightedTargets[0]!.virtualNodeName]), [
    ['h2-default', 'blue-grpc'],
    ['h2-route', 'red-grpc'],
    ['route', 'server-grpc'],
  ]);
  const red = model.virtualNodes.find((n) => n.name === 'red-grpc')!;
  assert.deepEqual(red.serviceDiscovery, {
    awsCloudMap: {
      namespaceName: 'demo.local',
      serviceName: 'color-red',
      ipPreference: null,
      attributes: [
        { key: 'version', value: 'red' },
        { key: 'appmesh.k8s.aws/mesh', value: 'grpc-mesh' },
        { key: 'appmesh.k8s.aws/virtualNode', value: 'red-grpc' },
      ],
    },
  });
  const h2 = model.routes.find((r) => r.name === 'h2-route')!;
  assert.deepEqual(h2.spec.retryPolicy, { maxRetries: 2, perRetryTimeout: { unit: 'ms', value: 2000 }, httpRetryEvents: ['server-error'], tcpRetryEvents: [], grpcRetryEvents: [] });
});

test('the equivalence is not vacuous: a changed weight in the v1beta1 file changes a decision', () => {
  const text = (readText(file('djapp.v1beta1.yaml'))).replace('weight: 90', 'weight: 10').replace('{ virtualNodeName: metal-v2, weight: 10 }', '{ virtualNodeName: metal-v2, weight: 90 }');
  const changed = loadSources([{ file: 'djapp.yaml', text }, { file: 'gw.json', text: readText(file('djapp.gateway.json')) }]);
  assert.equal(changed.valid, true);
  const a = compile(changed).route({ path: '/metal' }, { random: () => 0.5 });
  const b = compile(loadSet('djapp', 'v1beta2')).route({ path: '/metal' }, { random: () => 0.5 });
  assert.notEqual(a.virtualNode, b.virtualNode);
});

test('legacyAwsName: dotted names lose their dots and get no namespace; others get -<namespace>', () => {
  assert.equal(legacyAwsName('colorteller-black', 'appmesh-demo'), 'colorteller-black-appmesh-demo');
  assert.equal(legacyAwsName('colorteller-black.appmesh-demo', 'elsewhere'), 'colorteller-black-appmesh-demo');
  assert.equal(legacyAwsName('color.ns.svc.cluster.local', 'ns'), 'color-ns-svc-cluster-local');
});

test('legacyPointer maps API member names back to the v1beta1 ones', () => {
  assert.equal(legacyPointer('/spec/routes/0/httpRoute/action/weightedTargets/1/virtualNode'), '/spec/routes/0/http/action/weightedTargets/1/virtualNodeName');
  assert.equal(legacyPointer('/spec/routes/2/grpcRoute/retryPolicy/perRetryTimeout'), '/spec/routes/2/grpc/retryPolicy/perRetryTimeoutMillis');
  assert.equal(legacyPointer('/spec/serviceDiscovery/dns/hostname'), '/spec/serviceDiscovery/dns/hostName');
  assert.equal(legacyPointer('/spec/backends/0/virtualService/virtualServiceName'), '/spec/backends/0/virtualService/virtualServiceName');
});

function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

// ---- the v0.x controller's rules, one error per mistake --------------------------------------

const MESH = 'apiVersion: appmesh.k8s.aws/v1beta1\nkind: Mesh\nmetadata: { name: m }\n';
const service = (name: string, router: string, target: string) =>
  `apiVersion: appmesh.k8s.aws/v1beta1\nkind: VirtualService\nmetadata: { name: ${name}, namespace: a }\nspec:\n  meshName: m\n  virtualRouter: { name: ${router}, listeners: [{ portMapping: { port: 80, protocol: http } }] }\n  routes:\n    - name: ${name}-route\n      http:\n        match: { prefix: / }\n        action: { weightedTargets: [{ virtualNodeName: ${target}, weight: 1 }] }\n`;
const node = (name: string, namespace: string) =>
  `apiVersion: appmesh.k8s.aws/v1beta1\nkind: VirtualNode\nmetadata: { name: ${name}, namespace: ${namespace} }\nspec:\n  meshName: m\n  listeners: [{ portMapping: { port: 80, protocol: http } }]\n  serviceDiscovery: { dns: { hostName: ${name}.local } }\n`;
const loadText = (text: string) => loadSources([{ file: 'legacy.yaml', text }]);
const codesOf = (r: ReturnType<typeof loadText>) => r.diagnostics.map((d) => `${d.severity} ${d.code} ${d.path}`);

test('two v1beta1 services naming one router: one DUPLICATE_NAME that says why, no error per route', () => {
  const text = [MESH, node('nd', 'a'), service('s.local', 'r', 'nd'), service('t.local', 'r', 'nd')].join('---\n');
  const r = loadText(text);
  assert.deepEqual(codesOf(r), ['error DUPLICATE_NAME /spec/virtualRouter'], text);
  assert.match(r.diagnostics[0]!.message, /share one router/);
});

test('the controller naming is not one-to-one: node a.b and node a in namespace b collide', () => {
  const text = [MESH, node('a.b', 'x'), node('a', 'b')].join('---\n');
  const r = loadText(text);
  assert.deepEqual(codesOf(r), ['error DUPLICATE_NAME '], text);
  assert.match(r.diagnostics[0]!.message, /App Mesh name a-b/);
});

test('an http target missing from the input names the App Mesh name it was given, at virtualNodeName', () => {
  const text = [MESH, service('s.local', 'r', 'nope')].join('---\n');
  const r = loadText(text);
  assert.deepEqual(codesOf(r), ['error REF_NOT_FOUND /spec/routes/0/http/action/weightedTargets/0/virtualNodeName'], text);
  assert.match(r.diagnostics[0]!.message, /virtualNode nope-a \(the App Mesh name the v1beta1 controller gave/);
});

test('the http-headers walkthrough as v1beta1 used to give a wall of unknown-field errors; now none, and a typo is one warning with a suggestion', () => {
  const text = readText(file('http-headers.v1beta1.yaml')).replace('hostName: color-red', 'hostname: color-red');
  const r = loadSources([{ file: 'h.yaml', text }, { file: 'gw.json', text: readText(file('http-headers.gateway.json')) }]);
  assert.deepEqual(r.diagnostics.filter((d) => d.code.startsWith('SCHEMA_UNKNOWN') || d.code === 'V1BETA1_UNKNOWN_FIELD').map((d) => [d.code, d.path, d.message]), [
    ['V1BETA1_UNKNOWN_FIELD', '/spec/serviceDiscovery/dns/hostname', 'unknown field "hostname" (did you mean "hostName"?): the v1beta1 controller ignores it'],
  ]);
});

test('v1alpha1 is the same schema; a v1beta1 label on a v1beta2-shaped object stays v1beta2 with SEED_API_VERSION', () => {
  const alpha = loadText(MESH.replace('v1beta1', 'v1alpha1') + '---\n' + node('nd', 'a').replace('v1beta1', 'v1alpha1'));
  assert.deepEqual(codesOf(alpha), []);
  assert.deepEqual(alpha.model.virtualNodes.map((n) => [n.name, n.dialect]), [['nd-a', 'k8s-v1beta1']]);
  const article = loadText('apiVersion: appmesh.k8s.aws/v1beta1\nkind: VirtualService\nmetadata: { name: s, namespace: a }\nspec:\n  awsName: s.a\n');
  assert.ok(article.diagnostics.some((d) => d.code === 'SEED_API_VERSION'));
  assert.ok(!article.diagnostics.some((d) => d.code.startsWith('V1BETA1_')));
});

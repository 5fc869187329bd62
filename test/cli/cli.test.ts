// Pins the CLI contract of docs/cli.md: exit codes, the --json shapes of validate and describe,
// the human line format, usage errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run, repro } from './_run.js';

const EDGE = 'docs/examples/edge-gateway';
const BROKEN = `apiVersion: appmesh.k8s.aws/v1beta2
kind: Mesh
metadata: {name: m}
spec: {namespaceSelector: {}}
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: VirtualGateway
metadata: {name: gw, namespace: ns}
spec:
  namespaceSelector: {}
  listeners: [{portMapping: {port: 8080, protocol: http}}]
---
apiVersion: appmesh.k8s.aws/v1beta2
kind: GatewayRoute
metadata: {name: gr, namespace: ns}
spec:
  httpRoute:
    match:
      prefx: /api
      prefix: /api
    action:
      target: {virtualService: {virtualServiceARN: "arn:aws:appmesh:us-east-1:1:mesh/m/virtualService/vs"}}
`;

test('validate: a valid example exits 0 and --json has exactly {valid, diagnostics, skipped}', () => {
  const argv = ['validate', EDGE, '--json'];
  const r = run(argv);
  assert.equal(r.code, 0, repro(argv) + '\n' + r.stdout + r.stderr);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['diagnostics', 'skipped', 'valid']);
  assert.equal(out.valid, true);
  assert.ok(Array.isArray(out.diagnostics));
});

test('validate: invalid input from stdin exits 1 and diagnostics carry every contract field', () => {
  const argv = ['validate', '-', '--json'];
  const r = run(argv, BROKEN);
  assert.equal(r.code, 1, repro(argv));
  const out = JSON.parse(r.stdout);
  assert.equal(out.valid, false);
  const unknown = out.diagnostics.find((d: { code: string }) => d.code === 'SCHEMA_UNKNOWN_FIELD');
  assert.ok(unknown, JSON.stringify(out.diagnostics, null, 2));
  assert.deepEqual(Object.keys(unknown).sort(), ['code', 'column', 'file', 'kind', 'line', 'message', 'name', 'namespace', 'path', 'severity']);
  assert.deepEqual(
    { file: unknown.file, line: unknown.line, column: unknown.column, kind: unknown.kind, namespace: unknown.namespace, name: unknown.name, path: unknown.path, severity: unknown.severity },
    { file: '<stdin>', line: 19, column: 7, kind: 'GatewayRoute', namespace: 'ns', name: 'gr', path: '/spec/httpRoute/match/prefx', severity: 'error' },
  );
});

test('validate: human output is "file:line:col kind/name: severity CODE: message" plus a summary', () => {
  const r = run(['validate', '-'], BROKEN);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^<stdin>:19:7 GatewayRoute\/ns\/gr: error SCHEMA_UNKNOWN_FIELD: unknown field "prefx" \(did you mean "prefix"\?\) \(at \/spec\/httpRoute\/match\/prefx\)$/m);
  assert.match(r.stdout, /^✘ invalid: \d+ errors?, \d+ warnings? — 3 App Mesh resources, 0 namespaces in 1 file$/m);
});

test('validate: a missing path is invalid input (exit 1) with an INPUT_NOT_FOUND diagnostic', () => {
  const r = run(['validate', 'no/such/dir', '--json']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout);
  assert.equal(out.valid, false);
  assert.equal(out.diagnostics[0].code, 'INPUT_NOT_FOUND');
});

test('validate --strict turns article shapes into errors', () => {
  const loose = run(['validate', 'docs/examples/seed-article', '--json']);
  const strict = run(['validate', 'docs/examples/seed-article', '--json', '--strict']);
  assert.equal(loose.code, 0);
  assert.equal(strict.code, 1);
  const codes = (out: string) => JSON.parse(out).diagnostics.filter((d: { severity: string }) => d.severity === 'error').map((d: { code: string }) => d.code);
  assert.deepEqual(codes(loose.stdout), []);
  assert.ok(codes(strict.stdout).includes('SEED_TARGET_REF'), codes(strict.stdout).join(','));
});

test('usage errors exit 2 and name the problem', () => {
  for (const argv of [['validate'], ['validate', EDGE, '--nope'], ['frobnicate'], []]) {
    const r = run(argv);
    assert.equal(r.code, 2, repro(argv));
  }
  assert.match(run(['validate', EDGE, '--nope']).stderr, /unknown option --nope/);
});

test('--help works on every command and exits 0', () => {
  for (const argv of [['--help'], ['validate', '--help'], ['describe', '--help']]) {
    const r = run(argv);
    assert.equal(r.code, 0, repro(argv));
    assert.match(r.stdout, /Usage: meshroute/);
  }
});

test('describe --json emits the normalized model with resolved references', () => {
  const r = run(['describe', EDGE, '--json']);
  assert.equal(r.code, 0);
  const out = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(out).sort(), ['diagnostics', 'model', 'valid']);
  assert.deepEqual(Object.keys(out.model).sort(), ['gatewayRoutes', 'meshes', 'namespaces', 'routes', 'virtualGateways', 'virtualNodes', 'virtualRouters', 'virtualServices']);
  const canary = out.model.gatewayRoutes.find((g: { displayName: string }) => g.displayName === 'backend-canary-route');
  assert.equal(canary.name, 'backend-canary-route_ingress'); // awsName default name_namespace
  assert.equal(canary.virtualGatewayName, 'ingress-gw_ingress');
  assert.deepEqual(canary.spec.action.targets, [{ virtualServiceName: 'backend-v2.shop.svc.cluster.local', port: null, weight: 1 }]);
  assert.deepEqual(canary.spec.match.headers, [{ name: 'x-canary', invert: false, match: { exact: 'true' } }]);
});

test('describe (human) shows gateway routes with match, target and the rewrite App Mesh applies', () => {
  const r = run(['describe', EDGE]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /GatewayRoute backend-route {2}http {2}priority unset\n {6}match: {3}prefix \/api\/v1\n {6}target: {2}backend\.shop\.svc\.cluster\.local\n {6}rewrite: prefix \/api\/v1 → \/, host → target service/);
});

/**
 * Issue 15, at the CLI: spec-only files are reported (human and JSON) and can be named with
 * `--mesh` / `--spec-name`; update-route input gets its mesh from `--mesh`; describe names the
 * legacy dialect. Each failure prints the command to reproduce it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repro, run } from './_run.js';

const FIX = join(import.meta.dirname, '../model/fixtures');
const SPEC_ONLY = join(FIX, 'spec-only');
const NAMES = [
  '--spec-name', 'colorteller-vn.json=VirtualNode/colorteller-vn',
  '--spec-name', 'colorteller-vs.json=virtualService/colorteller.local',
  '--spec-name', 'foodteller-vr.json=VirtualRouter/foodteller-vr',
  '--spec-name', 'fruit-route.json=Route/foodteller-vr/fruit-route',
];

test('validate: every spec-only file is a SPEC_ONLY_SKIPPED warning and a "skipped" entry in --json', () => {
  const argv = ['validate', SPEC_ONLY, '--json'];
  const r = run(argv);
  const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { code: string; file: string }[]; skipped: { file: string; path: string; reason: string }[] };
  const specOnly = out.diagnostics.filter((d) => d.code === 'SPEC_ONLY_SKIPPED').map((d) => d.file.split('/').pop());
  assert.deepEqual(specOnly, ['colorteller-vn.json', 'colorteller-vs.json', 'foodteller-vr.json', 'fruit-route.json'], repro(argv));
  assert.deepEqual(out.skipped.map((s) => [s.file.split('/').pop(), s.path, s.reason]), [
    ['colorteller-vn.json', '', 'spec only (no resource name)'],
    ['colorteller-vs.json', '', 'spec only (no resource name)'],
    ['foodteller-vr.json', '', 'spec only (no resource name)'],
    ['fruit-route.json', '', 'spec only (no resource name)'],
  ], repro(argv));
  // The update-route-style file has names but no mesh: an error that says how to give it.
  assert.ok(out.diagnostics.some((d) => d.code === 'AWS_MESH_NAME_MISSING' && d.file.endsWith('update-route.json')), repro(argv));
  assert.equal(out.valid, false);
});

test('validate: human output names each skipped spec-only file and how to name it', () => {
  const argv = ['validate', join(SPEC_ONLY, 'fruit-route.json')];
  const r = run(argv);
  assert.match(r.stdout, /fruit-route\.json:1:1: warning SPEC_ONLY_SKIPPED: .*--spec-name .*fruit-route\.json=Kind\/name .*--mesh MESH/, repro(argv));
  assert.match(r.stdout, /1 skipped \(spec only \(no resource name\)\)/, repro(argv));
});

test('validate: --mesh and --spec-name turn the walkthrough files into validated resources', () => {
  const argv = ['validate', SPEC_ONLY, '--mesh', 'demo', ...NAMES, '--json'];
  const r = run(argv);
  const out = JSON.parse(r.stdout) as { valid: boolean; diagnostics: { code: string }[]; skipped: unknown[] };
  assert.equal(out.valid, true, repro(argv));
  assert.deepEqual(out.skipped, [], repro(argv));
  assert.deepEqual(out.diagnostics.map((d) => d.code), ['REF_MESH_NOT_IN_INPUT'], repro(argv));
});

test('validate: a named spec-only file is really validated (a route naming a router not in the input is found)', () => {
  const argv = ['validate', SPEC_ONLY, '--mesh', 'demo', ...NAMES.slice(0, 6), '--spec-name', 'fruit-route.json=Route/nope/fruit-route', '--json'];
  const out = JSON.parse(run(argv).stdout) as { valid: boolean; diagnostics: { code: string; file: string }[] };
  assert.equal(out.valid, false, repro(argv));
  assert.ok(out.diagnostics.some((d) => d.code === 'REF_NOT_FOUND' && d.file.endsWith('fruit-route.json')), repro(argv));
});

test('--spec-name with a malformed value is a usage error (exit 2)', () => {
  for (const bad of ['x.json', 'x.json=VirtualNode', 'x.json=Route/only-name', 'x.json=Pod/p', '=VirtualNode/n']) {
    const argv = ['validate', SPEC_ONLY, '--spec-name', bad];
    const r = run(argv);
    assert.equal(r.code, 2, repro(argv));
    assert.match(r.stderr, /--spec-name/, repro(argv));
  }
});

test('describe: legacy v1beta1 resources say so', () => {
  const argv = ['describe', join(FIX, 'v1beta1/djapp.v1beta1.yaml')];
  const r = run(argv);
  assert.equal(r.code, 0, repro(argv));
  assert.match(r.stdout, /^Mesh dj-app {2}\(k8s v1beta1\)/m, repro(argv));
  assert.match(r.stdout, /VirtualRouter metal-router-prod {2}\(k8s v1beta1 prod\/metal-router\) {2}listeners: 9080\/http/, repro(argv));
  assert.match(r.stdout, /VirtualNode metal-v2-prod {2}\(k8s v1beta1 prod\/metal-v2\)/, repro(argv));
});

test('describe --json: the dialect field is k8s-v1beta1', () => {
  const argv = ['describe', join(FIX, 'v1beta1/grpc.v1beta1.yaml'), '--json'];
  const out = JSON.parse(run(argv).stdout) as { model: { virtualNodes: { dialect: string }[] } };
  assert.deepEqual([...new Set(out.model.virtualNodes.map((n) => n.dialect))], ['k8s-v1beta1'], repro(argv));
});

test('route, compile, lint, export and diff take --mesh / --spec-name too: a spec-only gateway routes, and lint\'s witness repeats the names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-spec-only-gw-'));
  writeFileSync(join(dir, 'gw.json'), '{"spec":{"listeners":[{"portMapping":{"port":8080,"protocol":"http"}}]}}\n');
  writeFileSync(join(dir, 'gr.json'), '{"spec":{"httpRoute":{"match":{"prefix":"/shop"},"action":{"target":{"virtualService":{"virtualServiceName":"shop.local"}}}}}}\n');
  writeFileSync(join(dir, 'vs.json'), '{"spec":{}}\n');
  const names = ['--mesh', 'demo', '--spec-name', 'gw.json=VirtualGateway/gw', '--spec-name', 'gr.json=GatewayRoute/gw/shop-route', '--spec-name', 'vs.json=VirtualService/shop.local'];
  try {
    const route = ['route', '-f', dir, ...names, 'http://x/shop/cart', '--json'];
    assert.equal(JSON.parse(run(route).stdout).gatewayRoute, 'shop-route', repro(route));
    const unnamed = run(['route', '-f', dir, 'http://x/shop/cart']);
    assert.notEqual(unnamed.code, 0, 'without the names the files are skipped: no gateway');
    const compile = ['compile', '-f', dir, ...names, '-o', join(dir, 'gw.mrt'), '--json'];
    assert.equal(JSON.parse(run(compile).stdout).routes, 1, repro(compile));
    const lint = ['lint', dir, ...names];
    assert.match(run(lint).stdout, /witness: meshroute route -f \S+ --mesh demo --spec-name gw\.json=VirtualGateway\/gw --spec-name gr\.json=GatewayRoute\/gw\/shop-route --spec-name vs\.json=VirtualService\/shop\.local --gateway gw/, repro(lint));
    const exported = ['export', 'gateway-api', '-f', dir, ...names, '-o', join(dir, 'out'), '--json'];
    assert.equal(run(exported).code, 0, repro(exported));
    const diff = ['diff', dir, dir, ...names, '--json'];
    assert.equal(run(diff).code, 0, repro(diff));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

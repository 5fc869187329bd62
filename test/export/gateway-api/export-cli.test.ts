/** `meshroute export gateway-api`: files, report.json = --json output, exit 0 / 1 / 2 (docs/cli.md § export gateway-api). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repro, run } from '../../cli/_run.js';
import { exactMesh } from './_fixtures.js';

function tmp(): string {
  return mkdtempSync(join(tmpdir(), 'meshroute-gwapi-'));
}

test('exit 0 when every route is exact; the files and a summary table are written', () => {
  const dir = tmp();
  const input = join(dir, 'mesh.json');
  writeFileSync(input, JSON.stringify(exactMesh()));
  const out = join(dir, 'out');
  const argv = ['export', 'gateway-api', '-f', input, '-o', out, '--target', 'istio'];
  const r = run(argv);
  assert.equal(r.code, 0, `${repro(argv)}\n${r.stdout}${r.stderr}`);
  assert.deepEqual(readdirSync(out).sort(), ['ns.gateway.yaml', 'ns.httproute.yaml', 'report.json']);
  assert.match(r.stdout, /^exact +ns\/health +svc\.ns\.svc\.cluster\.local/m);
  assert.match(r.stdout, /2 exact, 0 approximate, 0 unsupported; \d+ requests checked, 0 routed differently/);
  const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'));
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report), ['version', 'gateway', 'target', 'prefixMode', 'summary', 'routes', 'mesh', 'orderConflicts', 'findings', 'unattributed']);
  assert.deepEqual(Object.keys(report.routes[0]), ['gatewayRoute', 'virtualService', 'virtualRouter', 'route', 'verdict', 'rules', 'reasons', 'unsupported', 'notes', 'unreachable']);
});

test('exit 1 when a route is approximate or unsupported; --json prints report.json', () => {
  const out = join(tmp(), 'out');
  const argv = ['export', 'gateway-api', '-f', 'docs/examples/color-app', '-o', out, '--json'];
  const r = run(argv);
  assert.equal(r.code, 1, `${repro(argv)}\n${r.stderr}`);
  assert.equal(r.stdout, readFileSync(join(out, 'report.json'), 'utf8'));
  const report = JSON.parse(r.stdout);
  assert.ok(report.summary.approximate + report.summary.unsupported > 0);
  const approximate = report.routes.find((x: { verdict: string }) => x.verdict === 'approximate');
  assert.ok(approximate.reasons[0].counterexample.request.path.startsWith('/'));
  assert.deepEqual(Object.keys(approximate.reasons[0].counterexample), ['request', 'appMesh', 'gatewayApi']);
});

test('--no-mesh leaves the GAMMA routes out; vpc-lattice writes none either and says why', () => {
  const dir = tmp();
  const input = join(dir, 'mesh.json');
  writeFileSync(input, JSON.stringify(exactMesh()));
  const noMesh = run(['export', 'gateway-api', '-f', input, '-o', join(dir, 'a'), '--no-mesh', '--json']);
  assert.equal(JSON.parse(noMesh.stdout).mesh, null);
  const lattice = run(['export', 'gateway-api', '-f', input, '-o', join(dir, 'b'), '--target', 'vpc-lattice', '--json']);
  const report = JSON.parse(lattice.stdout);
  assert.equal(report.mesh, null);
  assert.ok(report.findings.some((f: { message: string }) => /GAMMA/.test(f.message)));
});

test('usage errors exit 2', () => {
  const cases: string[][] = [
    ['export', 'gateway-api', '-o', '/tmp/x'],
    ['export', 'gateway-api', '-f', 'docs/examples/color-app'],
    ['export', 'gateway-api', '-f', 'docs/examples/color-app', '-o', '/tmp/x', '--target', 'nginx'],
    ['export', 'gateway-api', '-f', 'docs/examples/color-app', '-o', '/tmp/x', '--prefix-mode', 'regex'],
    ['export', 'gateway-api', '-f', 'docs/examples/color-app', '-o', '/tmp/x', '--requests', '-1'],
    ['export', 'gateway-api', '-f', 'docs/examples/color-app', '-o', '/tmp/x', '--bogus'],
  ];
  for (const argv of cases) {
    const r = run(argv);
    assert.equal(r.code, 2, `${repro(argv)}\n${r.stderr}`);
    assert.match(r.stderr, /meshroute export: /);
  }
});

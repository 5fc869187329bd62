// `meshroute test` (docs/route-tests.md, docs/cli.md § meshroute test): the example route-test files
// pass with full route coverage; a wrong expectation fails with a field diff naming file:line; a bad
// file names file:line:column of the bad case; --min-coverage, --json, --tap and --junit keep their
// documented shapes; docs/route-tests.schema.json is the schema the CLI checks with.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { run, repro } from './_run.js';
import { routeTestJsonSchema } from '../../src/cli/route-tests/schema.js';

const EXAMPLES = readdirSync('docs/examples/route-tests').map((f) => join('docs/examples/route-tests', f)).sort();
const dir = mkdtempSync(join(tmpdir(), 'meshroute-route-tests-'));
const EDGE = resolve('docs/examples/edge-gateway');

function file(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

test('every example mesh has a route-test file, and they all pass with 100 % route coverage', () => {
  const argv = ['test', ...EXAMPLES, '--json', '--min-coverage', '100'];
  const r = run(argv);
  const report = JSON.parse(r.stdout);
  assert.equal(r.code, 0, `${repro(argv)}\n${r.stdout}`);
  assert.equal(report.passed, true);
  assert.equal(report.summary.failed, 0);
  assert.equal(report.coverage.percent, 100);
  // One coverage entry per example gateway: edge-gateway, color-app, seed-article, multi-listener-aws.
  assert.deepEqual(report.coverage.gateways.map((g: { gateway: string }) => g.gateway).sort(), ['color-gw_color', 'demo-gw_demo', 'ingress-gw_ingress', 'multi-gw']);
  const multi = report.coverage.gateways.find((g: { gateway: string }) => g.gateway === 'multi-gw');
  assert.deepEqual(multi.unreachable, ['foodteller-router/veg-route']);
  assert.deepEqual(multi.routerRoutes, { total: 1, covered: ['foodteller-router/fruit-route'], uncovered: [] });
});

test('a directory stands for its *.routes.{yaml,yml,json} files (sorted, in it and below); one without any is TESTFILE_NONE', () => {
  const argv = ['test', 'docs/examples/route-tests', '--json'];
  const r = run(argv);
  const report = JSON.parse(r.stdout);
  assert.equal(r.code, 0, `${repro(argv)}\n${r.stdout}`);
  assert.equal(report.summary.files, EXAMPLES.length);
  const all = JSON.parse(run(['test', ...EXAMPLES, '--json']).stdout);
  assert.deepEqual(report.cases, all.cases, 'the same cases in the same order as the files named one by one');
  // Other files beside them are not route tests: not read.
  const mixed = mkdtempSync(join(tmpdir(), 'meshroute-route-dir-'));
  writeFileSync(join(mixed, 'mesh.yaml'), 'not: a route test\n');
  const none = run(['test', mixed, '--json']);
  const noneReport = JSON.parse(none.stdout);
  assert.equal(none.code, 1, none.stdout);
  assert.deepEqual(noneReport.errors.map((e: { code: string }) => e.code), ['TESTFILE_NONE']);
  assert.equal(noneReport.summary.files, 1);
});

test('a failing case prints a field diff and file:line; exit 1', () => {
  const f = file('fail.yaml', `manifests: [${EDGE}]\ncases:\n  - name: ok\n    request: {url: /}\n    expect: {gatewayRoute: frontend-route}\n  - name: wrong winner\n    request: {url: "http://shop.example.com/api/v1/x", headers: {x-canary: "true"}}\n    expect: {gatewayRoute: backend-route, path: /x}\n`);
  const r = run(['test', f]);
  assert.equal(r.code, 1, r.stdout);
  assert.match(r.stdout, /✔ ok/);
  assert.match(r.stdout, new RegExp(`✘ wrong winner  \\(${f.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:6\\)`));
  assert.match(r.stdout, /gatewayRoute: expected "backend-route", got "backend-canary-route"/);
  assert.doesNotMatch(r.stdout, /path: expected/, 'only differing fields are listed');
  const json = JSON.parse(run(['test', f, '--json']).stdout);
  assert.deepEqual(json.failures.map((c: { name: string; line: number }) => [c.name, c.line]), [['wrong winner', 6]]);
  assert.deepEqual(json.failures[0].mismatches, [{ field: '/gatewayRoute', expected: 'backend-route', actual: 'backend-canary-route' }]);
});

test('expectAny, seed, allTargets and nested subsets', () => {
  const f = file('any.yaml', `manifests: [${resolve('docs/examples/color-app')}]\ncases:\n  - name: all targets\n    request: {url: /color}\n    allTargets: true\n    expect: {targets: [{virtualNode: colorteller-white_color, weight: 90}, {weight: 10}], retryPolicy: {maxRetries: 2}}\n  - name: any\n    request: {url: /color}\n    seed: 4\n    expectAny: [{virtualNode: x}, {virtualNode: colorteller-white-v2_color}]\n  - name: no alternative fits\n    request: {url: /color}\n    seed: 4\n    expectAny: [{virtualNode: x}, {virtualNode: colorteller-white_color, route: default-route}]\n`);
  const json = JSON.parse(run(['test', f, '--json']).stdout);
  assert.deepEqual(json.cases.map((c: { passed: boolean }) => c.passed), [true, true, false]);
  // The closest alternative's diff is shown (fewest differing fields; the first on a tie).
  assert.deepEqual(json.cases[2].mismatches, [{ field: '/virtualNode', expected: 'x', actual: 'colorteller-white-v2_color' }]);
});

test('schema errors name file:line:column of the bad case; the file is not run', () => {
  const f = file('bad.yaml', `manifests: [${EDGE}]\ncases:\n  - name: fine\n    request: {url: /}\n    expect: {gatewayRoute: frontend-route}\n  - name: typo\n    request: {url: /}\n    expect: {gatewayRute: frontend-route}\n  - name: both\n    request: {url: /, port: 0}\n`);
  const r = run(['test', f, '--json']);
  assert.equal(r.code, 1);
  const errors = JSON.parse(r.stdout).errors.map((e: { code: string; line: number; message: string }) => `${e.code} ${e.line} ${e.message}`);
  assert.deepEqual(errors, [
    'TESTFILE_SCHEMA 8 case 2 "typo": unknown field "gatewayRute"',
    'TESTFILE_SCHEMA 10 case 3 "both": /cases/2/request/port must be >= 1',
  ]);
  const human = run(['test', f]).stdout;
  assert.match(human, new RegExp(`bad\\.yaml:8:\\d+ TESTFILE_SCHEMA: case 2 "typo": unknown field "gatewayRute"`));
  const rules = file('rules.yaml', `cases:\n  - name: x\n    request: {url: /}\n`);
  const messages = JSON.parse(run(['test', rules, '--json']).stdout).errors.map((e: { message: string }) => e.message);
  assert.deepEqual(messages, ['give either `manifests` (paths relative to this file) or `table` (a compiled .mrt), not both or neither', 'case 1 "x": needs either `expect` or `expectAny`']);
  const syntax = JSON.parse(run(['test', file('syntax.yaml', 'cases: [\n'), '--json']).stdout).errors[0];
  assert.equal(syntax.code, 'TESTFILE_SYNTAX');
  const bomb = file('bomb.yaml', `a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [${'*a,'.repeat(9)}]\nc: &c [${'*b,'.repeat(9)}]\nd: [${'*c,'.repeat(200)}]\n`);
  const bombError = JSON.parse(run(['test', bomb, '--json']).stdout).errors[0];
  assert.deepEqual([bombError.code, /alias/i.test(bombError.message)], ['TESTFILE_SYNTAX', true], 'an alias bomb is a file error, not a crash');
  assert.equal(JSON.parse(run(['test', join(dir, 'missing.routes.yaml'), '--json']).stdout).errors[0].code, 'TESTFILE_UNREADABLE');
  // This directory holds test files, but none named *.routes.*: a directory argument finds nothing.
  assert.equal(JSON.parse(run(['test', dir, '--json']).stdout).errors[0].code, 'TESTFILE_NONE');
});

test('a bad URL fails its case; invalid manifests fail the file (TESTFILE_INPUT); compiled tables work', () => {
  const url = file('url.yaml', `manifests: [${EDGE}]\ncases:\n  - name: ftp\n    request: {url: "ftp://x"}\n    expect: {matched: true}\n`);
  const c = JSON.parse(run(['test', url, '--json']).stdout).cases[0];
  assert.equal(c.passed, false);
  assert.match(c.error, /URL must be/);
  const invalid = file('invalid.yaml', `manifests: [${join(dir, 'nothing-here')}]\ncases:\n  - name: x\n    request: {url: /}\n    expect: {matched: true}\n`);
  const e = JSON.parse(run(['test', invalid, '--json']).stdout).errors[0];
  assert.equal(e.code, 'TESTFILE_INPUT');
  const table = join(dir, 'edge.mrt');
  assert.equal(run(['compile', '-f', EDGE, '-o', table]).code, 0);
  const t = file('table.yaml', `table: edge.mrt\ncases:\n  - name: canary\n    request: {url: /api/v1/x, headers: {X-Canary: "true"}}\n    expect: {gatewayRoute: backend-canary-route, path: /x}\n`);
  assert.equal(run(['test', t]).code, 0);
});

test('--min-coverage fails under N %; usage errors exit 2', () => {
  const f = file('partial.yaml', `manifests: [${EDGE}]\ncases:\n  - name: frontend\n    request: {url: /}\n    expect: {gatewayRoute: frontend-route}\n`);
  assert.equal(run(['test', f]).code, 0);
  const r = run(['test', f, '--min-coverage', '50', '--json']);
  assert.equal(r.code, 1);
  const cov = JSON.parse(r.stdout).coverage;
  assert.equal(cov.percent, 33.3);
  assert.equal(cov.ok, false);
  assert.deepEqual(cov.gateways[0].gatewayRoutes.uncovered, ['backend-canary-route', 'backend-route']);
  assert.equal(run(['test', f, '--min-coverage', '33']).code, 0);
  assert.equal(run(['test']).code, 2);
  assert.equal(run(['test', f, '--min-coverage', '101']).code, 2);
  assert.equal(run(['test', f, '--json', '--tap']).code, 2);
});

test('TAP and JUnit reporters', () => {
  const f = file('two.yaml', `manifests: [${EDGE}]\ncases:\n  - name: ok\n    request: {url: /}\n    expect: {gatewayRoute: frontend-route}\n  - name: "bad # one"\n    request: {url: /}\n    expect: {gatewayRoute: x}\n`);
  const junit = join(dir, 'junit.xml');
  const r = run(['test', f, '--tap', '--junit', junit]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /^TAP version 13\n1\.\.3\nok 1 - ok\nnot ok 2 - bad \\# one\n  ---\n  at: ".*two\.yaml:6"\n  mismatches:\n    - \{ field: "\/gatewayRoute", expected: "x", actual: "frontend-route" \}\n  \.\.\.\nok 3 - route coverage 33\.3%\n$/);
  const xml = readFileSync(junit, 'utf8');
  assert.match(xml, /<testsuites name="meshroute test" tests="2" failures="1" errors="0">/);
  assert.match(xml, /<testcase name="ok" classname="[^"]*two\.yaml"\/>/);
  assert.match(xml, /<testcase name="bad # one" classname="[^"]*"><failure message="[^"]*two\.yaml:6: 1 field\(s\) differ">gatewayRoute: expected &quot;x&quot;, got &quot;frontend-route&quot;/);
});

test('docs/route-tests.schema.json is the schema the CLI validates with', () => {
  assert.deepEqual(JSON.parse(readFileSync('docs/route-tests.schema.json', 'utf8')), routeTestJsonSchema(), 'regenerate docs/route-tests.schema.json from src/cli/route-tests/schema.ts (docs/route-tests.md says how)');
});

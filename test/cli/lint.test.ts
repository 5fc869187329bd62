// Pins docs/cli.md § meshroute lint: the JSON document's shape, the human lines, --fail-on and the
// exit status (0 / 1 / 2), --gateway.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { repro, run } from './_run.js';

const CATCH_ALL = 'test/analyze/lint-vectors/never-wins-catch-all.yaml';
const TIE = 'test/analyze/lint-vectors/tie.yaml';

test('lint --json: one document {gateways, virtualRouters, findings, counts}', () => {
  const argv = ['lint', CATCH_ALL, '--json'];
  const r = run(argv);
  assert.equal(r.code, 1, repro(argv));
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc), ['gateways', 'virtualRouters', 'findings', 'counts'], repro(argv));
  assert.deepEqual(doc.gateways, ['edge']);
  assert.deepEqual(doc.counts, { error: 4, warning: 0, info: 0 });
  const f = doc.findings[0];
  assert.deepEqual(Object.keys(f), ['code', 'severity', 'message', 'route', 'related', 'port', 'protocol', 'witness']);
  assert.deepEqual(Object.keys(f.route), ['kind', 'name', 'displayName', 'namespace', 'parent', 'file', 'line', 'column']);
  assert.deepEqual(Object.keys(f.witness), ['at', 'gateway', 'virtualRouter', 'request', 'shows']);
  assert.equal(f.route.file, CATCH_ALL);
  assert.equal(typeof f.route.line, 'number');
});

test('lint: human lines name file:line, route, severity and code, then a runnable witness', () => {
  const argv = ['lint', CATCH_ALL];
  const r = run(argv);
  assert.match(r.stdout, /^test\/analyze\/lint-vectors\/never-wins-catch-all\.yaml:30 GatewayRoute\/api: error LINT_NEVER_WINS: /m, repro(argv));
  const witness = /witness: meshroute route (.*)$/m.exec(r.stdout)![1]!.split(' ');
  // The witness line is a route command: running it routes to the claimed winner.
  const routed = run(['route', ...witness, '--json']);
  assert.equal(JSON.parse(routed.stdout).gatewayRoute, 'catch-all', repro(['route', ...witness, '--json']));
  assert.match(r.stdout, /4 errors, 0 warnings, 0 infos — 1 gateway, 0 virtual routers linted/);
});

test('lint --fail-on: default error; warning makes warnings fail; 2 on a bad level', () => {
  assert.equal(run(['lint', TIE]).code, 0, 'a tie is a warning: exit 0 by default');
  assert.equal(run(['lint', TIE, '--fail-on', 'warning']).code, 1);
  assert.equal(run(['lint', TIE, '--fail-on', 'error']).code, 0);
  const bad = run(['lint', TIE, '--fail-on', 'info']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on must be warning or error/);
  assert.equal(run(['lint']).code, 2, 'no path: usage error');
});

test('lint --gateway: an unknown gateway is a usage error; a known one lints only it', () => {
  assert.equal(run(['lint', TIE, '--gateway', 'nope']).code, 2);
  const r = run(['lint', TIE, '--gateway', 'gw', '--json']);
  assert.deepEqual(JSON.parse(r.stdout).gateways, ['gw']);
});

test('lint: invalid input exits 1 with the errors on stderr', () => {
  const r = run(['lint', '-'], 'meshName: m\nvirtualGatewayName: g\nspec: { listeners: [] , bogus: 1 }\n');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error/);
});

// `meshroute route --batch` and `meshroute diff` (docs/cli.md). Batch: one decision per input line,
// in order, each equal to what `route --json` prints for that request alone; a bad line gives an
// error line for that line and the rest still run. Diff: exit 0 and `exact` for identical tables,
// exit 1 with groups and witnesses for a changed mesh — each witness, routed by `route`, really
// differs between the two versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { run, repro } from './_run.js';

const EDGE = 'docs/examples/edge-gateway';
const dir = mkdtempSync(join(tmpdir(), 'meshroute-batch-diff-'));

test('route --batch: one decision per line, in order, equal to route --json of each request', () => {
  const lines = [
    { url: 'http://shop.example.com/api/v1/x?y=1', headers: { 'x-canary': 'true' } },
    { url: '/api/v1/data', method: 'POST' },
    { url: '/nothing', headers: { 'X-Canary': ['a', 'b'] } },
    { url: 'http://shop.example.com:8088/', port: 8088, protocol: 'http' },
  ];
  const r = run(['route', '-f', EDGE, '--batch', '-'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, lines.length);
  lines.forEach((l, i) => {
    const argv = ['route', '-f', EDGE, '--json', l.url, ...(l.method ? ['-X', l.method] : []), ...Object.entries(l.headers ?? {}).flatMap(([k, v]) => (Array.isArray(v) ? v : [v]).flatMap((x) => ['-H', `${k}: ${x}`])), ...(l.port ? ['--port', String(l.port)] : []), ...(l.protocol ? ['--protocol', l.protocol] : [])];
    assert.deepEqual(out[i], JSON.parse(run(argv).stdout), `line ${i + 1}; ${repro(argv)}`);
  });
});

test('route --batch: a bad line gives an error line for that line; the others run; exit 1', () => {
  const input = ['{"url":"/"}', '', 'not json', '{"url":"ftp://x"}', '{"uri":"/"}', '[1]', '{"url":"/","headers":{"a":1}}', '{"url":"/api/v1/q"}'].join('\n');
  const r = run(['route', '-f', EDGE, '--batch', '-'], input);
  assert.equal(r.code, 1);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(out.map((o) => (o.error ? `${o.line} ${o.error.code}` : o.gatewayRoute)), [
    'frontend-route', '3 BATCH_BAD_JSON', '4 USAGE_BAD_URL', '5 BATCH_BAD_REQUEST', '6 BATCH_BAD_REQUEST', '7 BATCH_BAD_REQUEST', 'backend-route',
  ]);
});

test('route --batch: from a file, --seed over the whole batch, --table, usage errors', () => {
  const f = join(dir, 'requests.jsonl');
  writeFileSync(f, Array.from({ length: 2000 }, (_, i) => JSON.stringify({ url: `/color/${i}` })).join('\n'));
  const a = run(['route', '-f', 'docs/examples/color-app', '--batch', f, '--seed', '9']);
  const b = run(['route', '-f', 'docs/examples/color-app', '--batch', f, '--seed', '9']);
  assert.equal(a.code, 0);
  assert.equal(a.stdout, b.stdout, 'a seed makes the whole batch reproducible');
  const nodes = a.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).virtualNode as string);
  assert.equal(nodes.length, 2000);
  const v2 = nodes.filter((n) => n === 'colorteller-white-v2_color').length;
  assert.ok(v2 > 120 && v2 < 280, `90/10 split, got ${v2} of 2000 on v2`);
  const table = join(dir, 'edge.mrt');
  assert.equal(run(['compile', '-f', EDGE, '-o', table]).code, 0);
  assert.equal(JSON.parse(run(['route', '--table', table, '--batch', '-'], '{"url":"/api/v1/x"}').stdout).path, '/x');
  assert.equal(run(['route', '-f', EDGE, '--batch', '-', '/x']).code, 2);
  assert.equal(run(['route', '-f', EDGE, '--batch', join(dir, 'missing.jsonl')]).code, 1);
});

function variant(name: string, edit: (text: string) => string): string {
  const d = join(dir, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'mesh.yaml'), edit(readFileSync(join(EDGE, 'mesh.yaml'), 'utf8')));
  return d;
}

test('diff: identical routing is equivalent, exactly; exit 0', () => {
  const same = variant('same', (t) => t);
  const r = run(['diff', EDGE, same, '--json']);
  assert.equal(r.code, 0);
  assert.deepEqual(JSON.parse(r.stdout), { equivalent: true, exact: true, method: 'identical-tables', gateway: { old: 'ingress-gw_ingress', new: 'ingress-gw_ingress' }, requests: 0, groups: [] });
  assert.match(run(['diff', EDGE, same]).stdout, /✔ equivalent: both versions compile to the same decision table \(exact\)/);
  const table = join(dir, 'edge-diff.mrt');
  assert.equal(run(['compile', '-f', EDGE, '-o', table]).code, 0);
  assert.equal(JSON.parse(run(['diff', table, same, '--json']).stdout).method, 'identical-tables', 'a compiled table is one side');
});

test('diff: a changed canary header groups requests by old → new winner with witnesses that really differ; exit 1', () => {
  const changed = variant('changed', (t) => t.replace('exact: "true"', 'exact: "yes"'));
  const r = run(['diff', EDGE, changed, '--json']);
  assert.equal(r.code, 1, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.equivalent, false);
  assert.equal(result.exact, true);
  const groups = result.groups.map((g: { old: string; new: string; changes: string[] }) => `${g.old} ⇒ ${g.new} [${g.changes.join(',')}]`).sort();
  assert.deepEqual(groups, ['backend-canary-route ⇒ backend-route [winner,target]', 'backend-route ⇒ backend-canary-route [winner,target]']);
  for (const g of result.groups) {
    const w = g.witness.request;
    const headers = Object.entries(w.headers ?? {}).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
    const argv = (f: string) => ['route', '-f', f, '--json', w.authority ? `http://${w.authority}${w.path}` : w.path, '-X', w.method ?? 'GET', '--port', String(w.port), ...headers];
    const before = JSON.parse(run(argv(EDGE)).stdout);
    const after = JSON.parse(run(argv(changed)).stdout);
    assert.equal(before.gatewayRoute, g.old, repro(argv(EDGE)));
    assert.equal(after.gatewayRoute, g.new, repro(argv(changed)));
  }
  const human = run(['diff', EDGE, changed]).stdout;
  assert.match(human, /✘ 2 group\(s\) of requests route differently/);
  assert.match(human, /backend-canary-route {2}⇒ {2}backend-route {3}\[winner, target\]/);
  assert.match(human, /witness: \S+ \S+ --port 8088 -H 'x-canary: true'/);
});

test('diff: a rewrite change and a weight change are named as such', () => {
  const rewrite = variant('rewrite', (t) => t.replace('defaultPrefix: ENABLED', 'defaultPrefix: DISABLED'));
  const g = JSON.parse(run(['diff', EDGE, rewrite, '--json']).stdout).groups;
  assert.deepEqual(g.map((x: { old: string; new: string; changes: string[] }) => `${x.old} ⇒ ${x.new} [${x.changes}]`), ['backend-route ⇒ backend-route [rewrite]']);
  const color = 'docs/examples/color-app';
  const d = join(dir, 'color');
  mkdirSync(d, { recursive: true });
  writeFileSync(join(d, 'mesh.yaml'), readFileSync(join(color, 'mesh.yaml'), 'utf8').replace('weight: 90', 'weight: 80'));
  const w = JSON.parse(run(['diff', color, d, '--json']).stdout).groups;
  assert.deepEqual(w.map((x: { changes: string[] }) => x.changes), [['weight']]);
  assert.equal(w[0].old, 'color-route → colorteller-router_color/default-route');
});

test('diff: usage and input errors', () => {
  assert.equal(run(['diff', EDGE]).code, 2);
  assert.equal(run(['diff', EDGE, EDGE, '--samples', '0']).code, 2);
  assert.equal(run(['diff', EDGE, join(dir, 'missing')]).code, 1);
  assert.equal(run(['diff', EDGE, 'docs/examples/color-app']).code, 1, 'different gateways: different routing');
});

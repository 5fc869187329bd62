// Pins docs/cli.md for `meshroute route` and `meshroute compile`: the decision JSON, --explain,
// routing from a compiled table, exit codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, repro } from './_run.js';

const EDGE = 'docs/examples/edge-gateway';
const DECISION_FIELDS = ['authority', 'endpoint', 'gatewayRoute', 'grpcStatus', 'matched', 'path', 'retryPolicy', 'route', 'stage', 'status', 'targetPort', 'timeout', 'virtualNode', 'virtualRouter', 'virtualService'];

test('route --json: the decision object with every contract field', () => {
  const argv = ['route', '-f', EDGE, 'http://shop.example.com/api/v1/data?q=1', '-H', 'x-canary: true', '--json'];
  const r = run(argv);
  assert.equal(r.code, 0, repro(argv) + r.stderr);
  const d = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(d).sort(), DECISION_FIELDS);
  assert.deepEqual(
    { matched: d.matched, status: d.status, grpcStatus: d.grpcStatus, stage: d.stage, gatewayRoute: d.gatewayRoute, virtualService: d.virtualService, targetPort: d.targetPort, path: d.path, authority: d.authority },
    { matched: true, status: null, grpcStatus: null, stage: null, gatewayRoute: 'backend-canary-route', virtualService: 'backend-v2.shop.svc.cluster.local', targetPort: null, path: '/data?q=1', authority: 'backend-v2.shop.svc.cluster.local' },
  );
});

test('route: no match is exit 0 with status 404 and stage gateway; gRPC gets grpcStatus 12', () => {
  const r = run(['route', '-f', 'docs/examples/multi-listener-aws', 'http://x:1111/other', '--json']);
  assert.equal(r.code, 0);
  const d = JSON.parse(r.stdout);
  assert.deepEqual([d.matched, d.status, d.grpcStatus, d.stage], [false, 404, null, 'gateway']);
  const g = JSON.parse(run(['route', '-f', 'docs/examples/multi-listener-aws', 'http://x:3333/helloworld.Greeter/SayHello', '--json']).stdout);
  assert.deepEqual([g.matched, g.status, g.grpcStatus], [false, 404, 12], 'metadata device: iphone is missing');
  const ok = JSON.parse(run(['route', '-f', 'docs/examples/multi-listener-aws', 'http://x:3333/helloworld.Greeter/SayHello', '-H', 'device: iphone', '--json']).stdout);
  assert.equal(ok.gatewayRoute, 'greeter-gr');
});

test('route --explain lists every gateway route in precedence order with ✔/✘', () => {
  const r = run(['route', '-f', EDGE, 'http://shop.example.com/api/v1/data', '--explain']);
  assert.equal(r.code, 0);
  const rows = r.stdout.split('\n').filter((l) => /^\d+\s/.test(l));
  assert.deepEqual(rows.map((l) => l.split(/\s+/)[1]), ['backend-canary-route', 'backend-route', 'frontend-route']);
  assert.match(rows[0]!, /✘/);
  assert.match(rows[1]!, /won/);
  const j = JSON.parse(run(['route', '-f', EDGE, '/api/v1/data', '--explain', '--json']).stdout);
  assert.equal(j.explanation.routes.length, 3);
  assert.equal(j.explanation.routes[1].outcome, 'won');
});

test('compile -o FILE, then route --table FILE gives the same decision', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-'));
  const out = join(dir, 'edge.mrt');
  const c = run(['compile', '-f', EDGE, '--gateway', 'ingress-gw', '-o', out, '--json']);
  assert.equal(c.code, 0, c.stderr);
  const summary = JSON.parse(c.stdout);
  assert.deepEqual([summary.gateway, summary.routes, summary.bytes], ['ingress-gw_ingress', 3, readFileSync(out).length]);
  const fromTable = run(['route', '--table', out, 'http://a/api/v1/z', '--json']);
  const fromFiles = run(['route', '-f', EDGE, 'http://a/api/v1/z', '--json']);
  assert.equal(fromTable.code, 0, fromTable.stderr);
  assert.deepEqual(JSON.parse(fromTable.stdout), JSON.parse(fromFiles.stdout));
});

test('route: invalid manifests exit 1; usage errors exit 2', () => {
  assert.equal(run(['route', '-f', '-', '/x'], 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: GatewayRoute\nmetadata: {name: a}\nspec: {}\n').code, 1);
  for (const argv of [['route', '-f', EDGE], ['route', '/x'], ['route', '-f', EDGE, 'ftp://x/'], ['route', '-f', EDGE, '/x', '--port', 'abc'], ['route', '-f', EDGE, '/x', '-H', 'novalue'], ['route', '-f', EDGE, '/x', '--gateway', 'nope'], ['compile', '-f', EDGE]]) {
    assert.equal(run(argv).code, 2, repro(argv));
  }
});

test('route: a corrupt table file is invalid input (exit 1) with a clear message', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-'));
  const bad = join(dir, 'bad.mrt');
  writeFileSync(bad, new Uint8Array([1, 2, 3, 4, 5]));
  const r = run(['route', '--table', bad, '/x']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /meshroute route: .+/);
});

const COLOR = 'docs/examples/color-app';

test('route --json names the whole chain for the color app: router, route, node, endpoint, timeout, retry policy', () => {
  const argv = ['route', '-f', COLOR, 'http://x/color/tell', '-H', 'color_header: blue', '--json'];
  const r = run(argv);
  assert.equal(r.code, 0, repro(argv) + r.stderr);
  const d = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(d).sort(), DECISION_FIELDS);
  assert.deepEqual(
    { matched: d.matched, virtualRouter: d.virtualRouter, route: d.route, virtualNode: d.virtualNode, endpoint: d.endpoint, timeout: d.timeout, retryPolicy: d.retryPolicy },
    { matched: true, virtualRouter: 'colorteller-router_color', route: 'blue-route', virtualNode: 'colorteller-blue_color', endpoint: { hostname: 'colorteller-blue.color.svc.cluster.local', port: 9080 }, timeout: { perRequestMs: 15000, idleMs: null }, retryPolicy: null },
  );
});

test('route --seed N makes the weighted pick reproducible; --all-targets lists targets and picks none', () => {
  const pick = (seed: number) => JSON.parse(run(['route', '-f', COLOR, 'http://x/color/x', '--seed', String(seed), '--json']).stdout).virtualNode;
  for (const seed of [1, 4, 99]) assert.equal(pick(seed), pick(seed), `seed ${seed} reproducible`);
  const nodes = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20].map(pick));
  assert.deepEqual([...nodes].sort(), ['colorteller-white-v2_color', 'colorteller-white_color'], 'both sides of the 90/10 split appear over 20 seeds');
  const d = JSON.parse(run(['route', '-f', COLOR, 'http://x/color/x', '--all-targets', '--json']).stdout);
  assert.deepEqual(d.targets, [
    { virtualNode: 'colorteller-white_color', weight: 90, probability: 0.9 },
    { virtualNode: 'colorteller-white-v2_color', weight: 10, probability: 0.1 },
  ]);
  assert.equal(d.virtualNode, null);
  assert.equal(d.route, 'default-route');
  const bad = run(['route', '-f', COLOR, 'http://x/color/x', '--seed', 'x']);
  assert.equal(bad.code, 2);
});

test('route --explain also explains the router stage; compile writes one file the router stage routes from', () => {
  const r = run(['route', '-f', COLOR, 'http://x/color/x', '-H', 'color_header: green', '--explain']);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /router stage: virtual router colorteller-router_color, listener 9080\/http/);
  const rows = r.stdout.split('\n').filter((l) => /^\d+\s/.test(l)).map((l) => l.split(/\s+/).slice(1, 3).join(' '));
  assert.deepEqual(rows, ['color-route -', 'blue-route 10', 'green-route 20', 'default-route -']);
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-'));
  const out = join(dir, 'color.mrt');
  const c = JSON.parse(run(['compile', '-f', COLOR, '-o', out, '--json']).stdout);
  assert.deepEqual(c.virtualRouters, ['colorteller-router_color']);
  assert.equal(c.virtualNodes.length, 4);
  const fromTable = JSON.parse(run(['route', '--table', out, 'http://x/color/x', '-H', 'color_header: green', '--json']).stdout);
  const fromFiles = JSON.parse(run(['route', '-f', COLOR, 'http://x/color/x', '-H', 'color_header: green', '--json']).stdout);
  assert.deepEqual(fromTable, fromFiles);
  assert.equal(fromTable.virtualNode, 'colorteller-green_color');
});

test('explain is route --explain', () => {
  const a = run(['explain', '-f', EDGE, 'http://shop.example.com/api/v1/data', '--json']);
  const b = run(['route', '-f', EDGE, 'http://shop.example.com/api/v1/data', '--explain', '--json']);
  assert.equal(a.code, 0, a.stderr);
  assert.deepEqual(JSON.parse(a.stdout), JSON.parse(b.stdout));
  assert.ok(JSON.parse(a.stdout).explanation.routes.length > 0);
});

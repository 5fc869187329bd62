// The browser bundles in a real browser: headless Chromium (the one the @sparticuz/chromium dev
// dependency ships, or MESHROUTE_CHROMIUM=/usr/bin/chromium; test/_support/chromium.ts) driven by
// playwright-core opens pages served from 127.0.0.1 by node:http.
// In the page, the full bundle (ESM, and the IIFE global loaded by a plain <script>) compiles every
// routing conformance vector (test/vectors/routing, loaded here in Node) and the edge-gateway
// example, and routes every case; the runtime bundle loads tables compiled in Node; then the same in
// a module Worker; and the runtime bundle alone under a CSP without 'unsafe-eval'. Every decision
// must equal Node's. A missing Chromium fails the test; MESHROUTE_SKIP_BROWSER=1 skips it on request.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { compile, loadSources, loadTable, type Decision, type RouteRequest } from '../../src/index.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { apiDocuments } from '../_support/vector-model.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../_support/chromium.js';

const skip = process.env.MESHROUTE_SKIP_BROWSER === '1' ? 'MESHROUTE_SKIP_BROWSER=1: real-browser test skipped on request' : false;
const ROOT = resolve('.');

interface Case { request: RouteRequest; random?: number; stickyKey?: string; allTargets?: boolean }
interface Job {
  suites: { documents: unknown[]; gateway: string; modes: string[]; cases: Case[] }[];
  tables: { bytes: number[]; cases: Case[] }[];
  example: { text: string; gateway: string; requests: RouteRequest[] };
  diagnostics: { file: string; text: string }[];
}
interface SuiteResults {
  compiled: Record<string, Decision[]>[];
  fromNodeTables: Decision[][];
  example: { valid: boolean; diagnostics: string[]; decisions: Decision[]; explained: number | null; table: number[] };
  loadFiles: string;
  diagnostics: string[];
}

const opts = (c: Case) => ({
  ...(c.random === undefined ? {} : { random: () => c.random! }),
  ...(c.stickyKey === undefined ? {} : { stickyKey: c.stickyKey }),
  ...(c.allTargets === undefined ? {} : { allTargets: c.allTargets }),
});

/** The job for the browser, and Node's answers to it. */
function makeJob(): { job: Job; expected: SuiteResults; caseCount: number } {
  const suites = loadVectorSuites();
  const job: Job = { suites: [], tables: [], example: { text: readFileSync('docs/examples/edge-gateway/mesh.yaml', 'utf8'), gateway: 'ingress-gw', requests: [] }, diagnostics: DIAGNOSTIC_SOURCES };
  const expected: SuiteResults = { compiled: [], fromNodeTables: [], example: null as never, loadFiles: 'UsageError USAGE_NO_FILE_SYSTEM true', diagnostics: [] };
  let caseCount = 0;
  for (const s of suites) {
    const documents = apiDocuments(s.resources);
    const gateway = s.resources.virtualGateway.virtualGatewayName;
    const cases = s.cases.map((c) => ({
      request: c.request,
      ...(c.random === undefined ? {} : { random: c.random }),
      ...(c.stickyKey === undefined ? {} : { stickyKey: c.stickyKey }),
      ...(c.allTargets === undefined ? {} : { allTargets: c.allTargets }),
    }));
    job.suites.push({ documents, gateway, modes: s.modes, cases });
    const perMode: Record<string, Decision[]> = {};
    for (const mode of s.modes) {
      const router = compile(documents, { gateway, hostnameMode: mode });
      perMode[mode] = cases.map((c) => router.route(c.request, opts(c)));
      job.tables.push({ bytes: Array.from(router.table), cases });
      expected.fromNodeTables.push(perMode[mode]!);
      caseCount += cases.length;
    }
    expected.compiled.push(perMode);
  }
  job.example.requests = [
    { method: 'GET', path: '/api/v1/data?page=2', authority: 'shop.example.com', headers: { 'x-canary': 'true' } },
    { method: 'GET', path: '/api/v1/data?page=2', authority: 'shop.example.com' },
    { method: 'GET', path: '/index.html', authority: 'shop.example.com' },
    { method: 'POST', path: '/api/v1', authority: 'shop.example.com:443', headers: { 'x-canary': 'false' } },
  ];
  const loaded = loadSources([{ file: 'mesh.yaml', text: job.example.text }]);
  const router = compile(loaded, { gateway: job.example.gateway });
  expected.example = {
    valid: loaded.valid,
    diagnostics: loaded.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`),
    decisions: job.example.requests.map((r) => router.route(r)),
    explained: router.explain(job.example.requests[0]!).routes?.length ?? null,
    table: Array.from(router.table),
  };
  expected.diagnostics = loadSources(job.diagnostics).diagnostics.map(diagnosticLine);
  // The runtime alone must agree with the full library on those tables too.
  for (const t of job.tables) assert.deepEqual(t.cases.map((c) => loadTable(new Uint8Array(t.bytes)).route(c.request, opts(c))), expected.fromNodeTables[job.tables.indexOf(t)]);
  return { job, expected, caseCount };
}

/**
 * Texts with findings everywhere, read in the page with js-yaml alone (src/browser/yaml-syntax.ts):
 * seed shapes, schema errors in YAML and JSON, a duplicate key, syntax errors beside valid documents.
 * Every diagnostic must equal Node's — code, path, file, line, column, message — except that a YAML
 * syntax error keeps only its code and line (js-yaml's wording and column; docs/bundle-size.md).
 */
const DIAGNOSTIC_SOURCES = [
  { file: 'seed-article.yaml', text: readFileSync('docs/examples/seed-article/mesh.yaml', 'utf8') },
  {
    file: 'broken.yaml',
    text: [
      'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata:\n  name: n1\n  namespace: ns\nspec:\n  podSelector: {matchLabels: {app: a}}\n  listeners:\n    - portMapping: {port: 0, protocol: htp}\n      healthCheck:\n        protocol: http\n  serviceDiscovery:\n    dns: {hostname: a.ns}\n    awsCloudMap: {namespaceName: x, serviceName: svc}\n  backendz: []\n',
      'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata:\n  name: [oops\n',
      'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata:\n  name: s1\n  namespace: ns\n  name: s2\nspec: {}\n',
    ].join('---\n'),
  },
  {
    file: 'bad.json',
    text: JSON.stringify({ virtualNode: { meshName: 'm', virtualNodeName: 'n', spec: { listeners: [{ portMapping: { port: 70000, protocol: 'http' } }], backends: 'x' }, extra: true } }, null, 2),
  },
  { file: 'dup.json', text: '{"meshName": "m", "meshName": "n", "spec": {}}' },
];

/** One diagnostic as compared between Node and the browser. */
function diagnosticLine(d: { severity: string; code: string; path: string; file: string | null; line: number | null; column: number | null; message: string }): string {
  const yamlSyntax = d.code === 'INPUT_SYNTAX' && /\.yaml$/.test(d.file ?? '') && !/Map keys must be unique|Excessive alias count/.test(d.message);
  return yamlSyntax ? `${d.severity} ${d.code} ${d.file}:${d.line}` : `${d.severity} ${d.code} ${d.path} ${d.file}:${d.line}:${d.column} ${d.message}`;
}

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };
const PAGE = `<!doctype html><meta charset="utf-8"><title>meshroute</title>
<script src="/dist/meshroute.global.js"></script>
<script type="module" src="/test/browser/page.js"></script>`;
const RUNTIME_PAGE = `<!doctype html><meta charset="utf-8"><title>meshroute runtime</title>
<script type="module" src="/test/browser/runtime-page.js"></script>`;

function serve(): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === '/' || url.pathname === '/runtime.html') {
      const headers: Record<string, string> = { 'content-type': 'text/html' };
      if (url.pathname === '/runtime.html') headers['content-security-policy'] = "default-src 'self'; script-src 'self'";
      res.writeHead(200, headers).end(url.pathname === '/' ? PAGE : RUNTIME_PAGE);
      return;
    }
    const file = resolve(ROOT, `.${decodeURIComponent(url.pathname)}`);
    const allowed = [join(ROOT, 'dist') + sep, join(ROOT, 'test', 'browser') + sep].some((d) => file.startsWith(d));
    if (!allowed || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

test('browser bundles in headless Chromium: page (ESM and IIFE), module Worker, runtime under a strict CSP — decisions equal Node', { skip, timeout: 240_000 }, async (t) => {
  assert.ok(existsSync('dist/browser/index.js') && existsSync('dist/browser/runtime.js') && existsSync('dist/meshroute.global.js'), 'dist/ is not built: run npm run build');
  const executablePath = await chromiumExecutable();
  const { job, expected, caseCount } = makeJob();
  const server = await serve();
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const profile = mkdtempSync(join(tmpdir(), 'meshroute-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()} (${m.location().url})`); });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => (window as unknown as { meshrouteReady?: boolean }).meshrouteReady === true, null, { timeout: 30_000 });
    assert.deepEqual(problems, []);

    type Harness = { esm(j: Job): SuiteResults; global(j: Job): SuiteResults; worker(j: Job): Promise<{ suites: SuiteResults; tablesOnly: Decision[][]; inWorker: boolean }> };
    const call = <K extends keyof Harness>(k: K) =>
      page.evaluate(([key, j]) => (window as unknown as { meshrouteTest: Record<string, (j: unknown) => unknown> }).meshrouteTest[key as string]!(j), [k, job] as const);

    await t.test(`ESM bundles: ${job.suites.length} vector suites (${caseCount} routed cases) and the edge-gateway example`, async () => {
      assert.deepEqual(await call('esm'), expected);
    });
    await t.test('IIFE bundle (window.meshroute from a plain <script>)', async () => {
      assert.deepEqual(await call('global'), expected);
    });
    await t.test('module Worker importing the ESM bundles', async () => {
      const r = (await call('worker')) as Awaited<ReturnType<Harness['worker']>>;
      assert.equal(r.inWorker, true);
      assert.deepEqual(r.suites, expected);
      assert.deepEqual(r.tablesOnly, expected.fromNodeTables);
    });
    await t.test("runtime bundle alone on a page whose CSP has no 'unsafe-eval'", async () => {
      const p2 = await context.newPage();
      const errs: string[] = [];
      p2.on('pageerror', (e) => errs.push(e.message));
      p2.on('console', (m) => { if (m.type() === 'error') errs.push(`${m.text()} (${m.location().url})`); });
      await p2.goto(`${origin}/runtime.html`);
      await p2.waitForFunction(() => (window as unknown as { meshrouteReady?: boolean }).meshrouteReady === true, null, { timeout: 30_000 });
      const got = await p2.evaluate((j) => (window as unknown as { meshrouteTest: { runtimeOnly(j: unknown): unknown } }).meshrouteTest.runtimeOnly(j), job);
      assert.deepEqual(got, expected.fromNodeTables);
      assert.deepEqual(errs, []);
    });
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await new Promise((ok) => server.close(ok));
    rmSync(profile, { recursive: true, force: true });
  }
});

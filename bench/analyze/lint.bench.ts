/**
 * lint() of a 1,000-route gateway (issue 17: "well under a second").
 * Run: node --import tsx bench/analyze/lint.bench.ts [--quick]
 * Writes bench/results/lint.json (rendered into bench/RESULTS.md § Lint by bench/run.ts).
 *
 * Two gateways of 1,000 routes each, loaded once (loading is bench/load's subject):
 * - `services`: 100 services × 10 routes each (prefixes, exact paths, version regexes, canary
 *   headers, methods, a few hostnames) and a priority-0 catch-all that hides a tenth of them —
 *   routes mostly compete with their own service's routes;
 * - `one prefix`: 1,000 routes that all share `/api/` (regexes, headers, query parameters, equal
 *   priorities), so every route is compared with hundreds of earlier ones.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { lint } from '../../src/analyze/index.js';
import { loadObjects, type LoadResult } from '../../src/model/load-model.js';
import { summaryRow, taskStat } from '../_stats.js';

const ROUTES = Number(process.env.LINT_BENCH_ROUTES ?? 1000);

function route(name: string, spec: Record<string, unknown>): Record<string, unknown> {
  return { meshName: 'm', virtualGatewayName: 'gw', gatewayRouteName: name, spec };
}
const target = { target: { virtualService: { virtualServiceName: 'web' } } };
const base = [
  { meshName: 'm', spec: {} },
  { meshName: 'm', virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } },
  { meshName: 'm', virtualServiceName: 'web', spec: { provider: { virtualNode: { virtualNodeName: 'web' } } } },
  { meshName: 'm', virtualNodeName: 'web', spec: { listeners: [{ portMapping: { port: 80, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'web.local' } } } },
];

function servicesGateway(): unknown[] {
  const out: unknown[] = [...base];
  for (let i = 0; out.length - base.length < ROUTES - 1; i++) {
    const s = `/svc${i}`;
    const host = i % 10 === 0 ? { hostname: { exact: `svc${i}.example.com` } } : {};
    const shadowed = i % 10 === 5 ? { priority: 10 } : {};
    const specs: Record<string, unknown>[] = [
      { prefix: s },
      { prefix: `${s}/api/` },
      { path: { exact: `${s}/health` }, method: 'GET' },
      { path: { regex: `${s}/v[0-9]+/items/[a-z0-9-]+` } },
      { prefix: `${s}/api/`, headers: [{ name: 'x-canary', match: { exact: 'true' } }] },
      { prefix: `${s}/api/`, headers: [{ name: 'x-user', match: { regex: 'beta-.*' } }] },
      { prefix: `${s}/static/`, method: 'GET' },
      { path: { regex: `${s}/(a|b|c)/.*` } },
      { prefix: `${s}/admin`, queryParameters: [{ name: 'debug', match: { exact: '1' } }] },
      { prefix: `${s}/api/v2/` },
    ];
    specs.forEach((m, k) => out.push(route(`s${i}-${k}`, { ...shadowed, httpRoute: { match: { ...m, ...host }, action: target } })));
  }
  out.push(route('catch-all', { priority: 5, httpRoute: { match: { prefix: '/svc1' }, action: target } }));
  return out.slice(0, base.length + ROUTES);
}

function onePrefixGateway(): unknown[] {
  const out: unknown[] = [...base];
  for (let i = 0; i < ROUTES; i++) {
    const k = i % 5;
    const m: Record<string, unknown> =
      k === 0 ? { prefix: `/api/${i}` } :
      k === 1 ? { path: { regex: `/api/(v${i % 7}|x)/[a-z]+` } } :
      k === 2 ? { prefix: '/api/', headers: [{ name: `x-h${i % 13}`, match: { prefix: `p${i % 3}` } }] } :
      k === 3 ? { prefix: `/api/${i % 50}`, queryParameters: [{ name: `q${i % 4}` }] } :
      { path: { regex: `/api/.*/${i}` } };
    out.push(route(`r${i}`, { priority: i % 3, httpRoute: { match: m, action: target } }));
  }
  return out;
}

function load(docs: unknown[]): LoadResult {
  const r = loadObjects(docs);
  if (!r.valid) throw new Error(`generated mesh is invalid: ${r.diagnostics.filter((d) => d.severity === 'error').slice(0, 3).map((d) => d.code + ' ' + d.message).join('; ')}`);
  return r;
}

const services = load(servicesGateway());
const onePrefix = load(onePrefixGateway());
// The cold figure is what a one-shot `meshroute lint` pays (JIT not yet warm).
const cold = performance.now();
const first = lint(services);
const coldMs = performance.now() - cold;
const second = lint(onePrefix);
const summarize = (r: typeof first) => ({ findings: r.findings.length, ...r.counts, byCode: Object.fromEntries([...new Set(r.findings.map((f) => f.code))].map((c) => [c, r.findings.filter((f) => f.code === c).length])) });

const QUICK = process.argv.includes('--quick');
const bench = new Bench({ time: QUICK ? 1000 : 4000, warmupTime: QUICK ? 200 : 500, iterations: 5, warmupIterations: 1 });
bench
  .add(`lint: ${ROUTES} routes, 100 services`, () => { lint(services); })
  .add(`lint: ${ROUTES} routes under one prefix`, () => { lint(onePrefix); });
await bench.run();
console.log(`Node ${process.version}; first (cold) lint of the services gateway: ${coldMs.toFixed(0)} ms`);
console.log('findings:', JSON.stringify({ services: summarize(first), onePrefix: summarize(second) }));
console.table(bench.tasks.map(summaryRow));
const stat = (k: number) => taskStat(bench.tasks[k]!);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  routes: ROUTES,
  settings: { timeMs: bench.time, warmupMs: bench.warmupTime, quick: QUICK },
  services: { ...stat(0), findings: summarize(first) },
  onePrefix: { ...stat(1), findings: summarize(second) },
  coldMs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/lint.json', JSON.stringify(result, null, 2) + '\n');

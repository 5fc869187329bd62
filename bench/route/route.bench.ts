/**
 * Routing benchmark, full App Mesh workload (issues 4 and 8).
 *
 *   node --import tsx bench/route/route.bench.ts [--quick] [--runs N]
 *
 * For N = 10, 100, 1,000, 10,000 gateway routes (bench/route/workload.ts: prefix, exact, regex,
 * hostname, header, query, method, priority; 1,000 requests), each (N, run) in a fresh Node process
 * (`--expose-gc`), sizes shuffled per run:
 *   - route() ns per lookup: one tinybench op routes the 1,000 requests; p50 / 1,000;
 *   - the naive linear reference (test/_support/reference.ts `referenceRoute`, the property tests'
 *     ground truth: a scan of the routes in precedence order, criteria evaluated from the model)
 *     on every k-th request (k chosen so one op stays ~≤ 20 ms), ns per request;
 *   - control: peers.md's map-lpm baseline on the same paths (how fast the machine is right now);
 *   - compile ms (median and min of several compiles), table bytes and bytes per route;
 *   - heap bytes per route: process.memoryUsage().heapUsed after gc(), around loadTable(table) (average
 *     over a few loaded copies kept alive; the table's own bytes are outside the JS heap count only
 *     if it is an external buffer — here it was allocated before h0 and is not counted).
 * Before timing, meshroute and the reference must agree on every request timed. Writes
 * bench/results/route.json (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { reportResult, runChild } from '../_child.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable, type Router } from '../../src/evaluate/index.js';
import { modelFromApi } from '../../test/_support/vector-model.js';
import { referenceRoute } from '../../test/_support/reference.js';
import { makeWorkload, prng } from './workload.js';
import { median, spread } from '../_stats.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SIZES = [10, 100, 1000, 10000];
const TIME_MS = QUICK ? 200 : 600;
const WARMUP_MS = QUICK ? 100 : 150;
const COMPILE_RUNS = 3;
const RUNS = Number(argv[argv.indexOf('--runs') + 1] ?? NaN) || (QUICK ? 1 : 3);
const OUT = 'bench/results/route.json';

interface Sample {
  n: number;
  routeNs: number;
  routeP99Ns: number;
  referenceNs: number;
  referenceRequests: number;
  controlNs: number;
  compileMs: number;
  compileMinMs: number;
  bytes: number;
  heapBytes: number;
  agree: number;
  hits: number;
}

/**
 * Same-run control: peers.md §4.3's `baseline-map-lpm` (exact Map, then probe a prefix Map at each
 * `/` from the right), over the workload's literal prefixes only — not App Mesh semantics, just a
 * yardstick for how fast this machine is right now (peers.md measured it at 201 ns on prefix200).
 */
function mapLpmControl(prefixes: string[]): (path: string) => number {
  const m = new Map(prefixes.map((p, i) => [p, i]));
  return (raw) => {
    const q = raw.indexOf('?');
    const p = q < 0 ? raw : raw.slice(0, q);
    let hit = m.get(p);
    let i = p.length;
    while (hit === undefined && i > 0) {
      i = p.lastIndexOf('/', i - 1);
      if (i <= 0) break;
      hit = m.get(p.slice(0, i));
    }
    return hit ?? -1;
  };
}

function p50(bench: Bench, k: number): { p50: number; p99: number } {
  const r = bench.tasks[k]!.result;
  if (!('latency' in r)) throw new Error(`benchmark did not run: ${JSON.stringify(r)}`);
  return { p50: r.latency.p50 ?? r.latency.mean, p99: r.latency.p99 ?? r.latency.max };
}

async function child(n: number): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc');
  const w = makeWorkload(n);
  const { model, gateway } = modelFromApi(w.resources);
  const compileTimes: number[] = [];
  let table: Uint8Array = new Uint8Array();
  for (let i = 0; i < COMPILE_RUNS; i++) {
    const t0 = performance.now();
    // The gateway stage is what is compared with peers (the workload's services have no providers).
    table = compileGatewayTable(model, gateway, { routerStage: false });
    compileTimes.push(performance.now() - t0);
  }
  // Several loaded copies kept alive, so one gc()'s leftovers are a small part of the delta.
  const copies = n <= 100 ? 20 : n <= 1000 ? 5 : 2;
  gc();
  gc();
  const h0 = process.memoryUsage().heapUsed;
  const loaded: Router[] = [];
  for (let i = 0; i < copies; i++) loaded.push(loadTable(table));
  gc();
  gc();
  const heapBytes = (process.memoryUsage().heapUsed - h0) / copies;
  const router = loaded[0]!;
  const reqs = w.requests;
  // The reference on every k-th request: at 10,000 routes one reference lookup takes milliseconds.
  const step = n <= 100 ? 1 : n <= 1000 ? 10 : 200;
  const refReqs = reqs.filter((_, i) => i % step === 0);
  let agree = 0;
  let hits = 0;
  const mismatches: string[] = [];
  for (const r of refReqs) {
    const a = router.route(r, { random: () => 0 });
    const b = referenceRoute(model, gateway, r, { routerStage: false, random: () => 0 });
    if (a.matched === b.matched && a.gatewayRoute === b.gatewayRoute) agree++;
    else if (mismatches.length < 5) mismatches.push(`${JSON.stringify(r)}: meshroute ${a.gatewayRoute}, reference ${b.gatewayRoute}`);
  }
  if (agree !== refReqs.length) throw new Error(`meshroute and the reference disagree on ${refReqs.length - agree} requests at ${n} routes:\n${mismatches.join('\n')}`);
  for (const r of reqs) if (router.route(r).matched && router.route(r).gatewayRoute !== 'catch-all') hits++;

  const control = mapLpmControl(w.resources.gatewayRoutes.map((g) => String((g.spec as { httpRoute: { match: { prefix?: string } } }).httpRoute.match.prefix ?? '')));
  const bench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS });
  let sink = 0;
  const rt = router;
  bench.add('route()', () => {
    for (let i = 0; i < reqs.length; i++) if (rt.route(reqs[i]!).matched) sink++;
  });
  bench.add('control', () => {
    for (let i = 0; i < reqs.length; i++) sink += control(reqs[i]!.path);
  });
  await bench.run();
  // tinybench's default minimum of 64 iterations would take half a minute for the reference at 10,000 routes.
  const refBench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS, iterations: 5, warmupIterations: 1 });
  refBench.add('reference', () => {
    for (let i = 0; i < refReqs.length; i++) if (referenceRoute(model, gateway, refReqs[i]!, { routerStage: false }).matched) sink++;
  });
  await refBench.run();
  const out: Sample = {
    n,
    routeNs: (p50(bench, 0).p50 * 1e6) / reqs.length,
    routeP99Ns: (p50(bench, 0).p99 * 1e6) / reqs.length,
    referenceNs: (p50(refBench, 0).p50 * 1e6) / refReqs.length,
    referenceRequests: refReqs.length,
    controlNs: (p50(bench, 1).p50 * 1e6) / reqs.length,
    compileMs: median(compileTimes),
    compileMinMs: Math.min(...compileTimes),
    bytes: table.length,
    heapBytes,
    agree,
    hits,
  };
  reportResult({ ...out, sink });
}

function parent(): void {
  const samples = new Map<number, Sample[]>(SIZES.map((n) => [n, []]));
  const t0 = performance.now();
  for (let run = 0; run < RUNS; run++) {
    const rnd = prng(2000 + run);
    const order = [...SIZES].sort(() => rnd() - 0.5);
    for (const n of order) {
      const args = ['--expose-gc', '--import', 'tsx', 'bench/route/route.bench.ts', '--child', String(n), ...(QUICK ? ['--quick'] : [])];
      const s = runChild<Sample>(args, `route benchmark at ${n} routes`);
      samples.get(n)!.push(s);
      console.log(`run ${run + 1}/${RUNS} ${String(n).padStart(5)} routes: route() ${s.routeNs.toFixed(1)} ns, reference ${s.referenceNs.toFixed(0)} ns, control ${s.controlNs.toFixed(1)} ns, compile ${s.compileMs.toFixed(1)} ms, heap ${(s.heapBytes / (n + 1)).toFixed(0)} B/route`);
    }
  }
  const rows = SIZES.map((n) => {
    const xs = samples.get(n)!;
    const pick = (f: (s: Sample) => number): number[] => xs.map(f);
    return {
      routes: n,
      routeNs: pick((s) => s.routeNs),
      routeMedian: median(pick((s) => s.routeNs)),
      routeSpread: spread(pick((s) => s.routeNs)),
      routeP99: median(pick((s) => s.routeP99Ns)),
      referenceNs: pick((s) => s.referenceNs),
      referenceMedian: median(pick((s) => s.referenceNs)),
      referenceRequests: xs[0]!.referenceRequests,
      controlMedian: median(pick((s) => s.controlNs)),
      compileMs: pick((s) => s.compileMs),
      compileMedian: median(pick((s) => s.compileMs)),
      compileMin: Math.min(...pick((s) => s.compileMinMs)),
      bytes: xs[0]!.bytes,
      bytesPerRoute: xs[0]!.bytes / (n + 1),
      heapPerRoute: median(pick((s) => s.heapBytes)) / (n + 1),
      hits: xs[0]!.hits,
    };
  });
  const at = (n: number) => rows.find((r) => r.routes === n)!;
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { timeMs: TIME_MS, warmupMs: WARMUP_MS, runs: RUNS, compileRuns: COMPILE_RUNS, quick: QUICK },
    rows,
    growth100to10000: at(10000).routeMedian / at(100).routeMedian,
    seconds: (performance.now() - t0) / 1000,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  console.log(`growth 100 → 10,000 routes: ×${result.growth100to10000.toFixed(2)}; wrote ${OUT}`);
}

const ci = argv.indexOf('--child');
if (ci >= 0) await child(Number(argv[ci + 1]));
else parent();

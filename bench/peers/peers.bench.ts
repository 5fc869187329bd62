/**
 * Side by side with JS routers (issue 8; method of peers.md §4.3).
 *
 *   node --import tsx bench/peers/peers.bench.ts [--quick] [--runs N] [--only a,b]   # everything
 *   node --import tsx bench/peers/peers.bench.ts --agree-only                         # the agreement check
 *
 * 1. Agreement: every adapter must return meshroute's route for each of the 1,000 requests of both
 *    workloads (and meshroute the precedence model's), else exit 1 listing the mismatches.
 * 2. tinybench: each (router, workload, run) in a fresh Node process, order shuffled per run; one
 *    op = the workload's 1,000 lookups; figure = op p50 / 1,000 = ns per lookup.
 * 3. benchmark.js (second harness): meshroute and the fastest peer of each workload, fresh process each.
 * Writes bench/results/peers.json (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { reportResult, runChild } from '../_child.js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';
import { adapterByName, ADAPTERS, MESHROUTE, setMeshrouteTable } from './adapters.js';
import { makePeerWorkload, WORKLOADS, type RequestClass, type WorkloadName } from './workload.js';
import { prng } from '../route/workload.js';
import { median, spread } from '../_stats.js';

const argv = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i < 0 ? undefined : argv[i + 1];
};
const QUICK = argv.includes('--quick');
const TIME_MS = Number(flag('--time') ?? (QUICK ? 200 : 500));
// find-my-way's compile() output needs ≥ ~150 ms of warm-up (at 100 ms its p50 was 2× its tree walk's).
const WARMUP_MS = Number(flag('--warmup') ?? (QUICK ? 150 : 250));
const RUNS = Number(flag('--runs') ?? (QUICK ? 1 : 3));
const BJS_MAX_S = QUICK ? 0.3 : 1;
const OUT = 'bench/results/peers.json';
/** meshroute's compiled tables, written by the parent (after the agreement check), read by the children. */
const tablePath = (w: string): string => `.bench-tmp/peers-${w}.mrt`;

interface Sample { nsP50: number; nsP99: number; nsMean: number; samples: number }

// ------- child: one router, one workload, one harness -------

function prepare(router: string, workload: WorkloadName) {
  const w = makePeerWorkload(workload);
  if (router === MESHROUTE) setMeshrouteTable(workload, new Uint8Array(readFileSync(tablePath(workload))));
  const built = adapterByName(router).build(w);
  const inputs = built.inputs;
  const lookup = built.lookup;
  let sink = 0;
  const op = (): void => {
    for (let i = 0; i < inputs.length; i++) if (lookup(inputs[i]) !== undefined) sink++;
  };
  return { op, n: inputs.length, sink: () => sink, w, built };
}

async function childTinybench(router: string, workload: WorkloadName): Promise<void> {
  const { op, n, sink } = prepare(router, workload);
  const bench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS });
  bench.add(router, op);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (!('latency' in r)) throw new Error(`${router} did not run: ${JSON.stringify(r)}`);
  const l = r.latency;
  const out: Sample = { nsP50: (l.p50! * 1e6) / n, nsP99: (l.p99! * 1e6) / n, nsMean: (l.mean * 1e6) / n, samples: l.samplesCount };
  const classes = argv.includes('--with-classes') ? perClass(router, workload) : undefined;
  reportResult({ ...out, classes, sink: sink() });
}

/**
 * Per request class (diagnostic): ns per lookup over each class's requests, the fastest of 15 timed
 * batches of ≥ 4,000 lookups (on a shared machine a ~1 ms batch is often preempted; the minimum is
 * the figure least moved by that). One timing function for every class, warmed up on the whole mix
 * first, so the class measured first does not pay for the JIT.
 */
function perClass(router: string, workload: WorkloadName): Record<string, number> {
  const { w, built } = prepare(router, workload);
  const byClass = new Map<RequestClass, unknown[]>();
  w.requests.forEach((r, i) => byClass.set(r.cls, [...(byClass.get(r.cls) ?? []), built.inputs[i]]));
  let sink = 0;
  const batch = (xs: unknown[], reps: number): number => {
    const t0 = process.hrtime.bigint();
    for (let k = 0; k < reps; k++) for (let i = 0; i < xs.length; i++) if (built.lookup(xs[i]) !== undefined) sink++;
    return Number(process.hrtime.bigint() - t0) / (reps * xs.length);
  };
  const warmUntil = performance.now() + (QUICK ? 100 : 200);
  while (performance.now() < warmUntil) batch(built.inputs, 1);
  const out: Record<string, number> = {};
  for (const [cls, xs] of byClass) {
    const reps = Math.max(1, Math.ceil(4000 / xs.length));
    const times: number[] = [];
    for (let b = 0; b < (QUICK ? 5 : 15); b++) times.push(batch(xs, reps));
    out[cls] = Math.min(...times);
  }
  return sink < 0 ? {} : out;
}

function childBenchmarkJs(router: string, workload: WorkloadName): Promise<void> {
  const require = createRequire(import.meta.url);
  const Benchmark = require('benchmark') as { Suite: new () => BenchmarkSuite };
  const { op, n } = prepare(router, workload);
  return new Promise((resolve) => {
    new Benchmark.Suite()
      .add(router, op, { maxTime: BJS_MAX_S, minSamples: 20 })
      .on('complete', function (this: BenchmarkSuite) {
        const b = this[0]!;
        // benchmark.js reports the mean (hz); the median of its samples (seconds per op) is robust to preemption.
        reportResult({ nsMean: 1e9 / b.hz / n, nsMedian: (median(b.stats.sample) * 1e9) / n, rme: b.stats.rme, samples: b.stats.sample.length });
        resolve();
      })
      .run();
  });
}
interface BenchmarkSuite {
  [i: number]: { hz: number; stats: { rme: number; sample: number[] } };
  add(name: string, fn: () => void, opts: object): BenchmarkSuite;
  on(ev: string, fn: (this: BenchmarkSuite) => void): BenchmarkSuite;
  run(): void;
}

// ------- parent -------

function spawnChild(mode: string, router: string, workload: string, extra: string[] = []): Record<string, unknown> {
  const args = ['--import', 'tsx', 'bench/peers/peers.bench.ts', mode, router, workload, '--time', String(TIME_MS), '--warmup', String(WARMUP_MS), ...extra];
  if (QUICK) args.push('--quick');
  return runChild(args, `child ${mode} ${router} ${workload}`);
}

function shuffle<T>(xs: T[], rnd: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

async function parent(): Promise<void> {
  // Loaded here only: they pull in the whole library (compile), which the timing children do not need.
  const { checkAll, formatMismatches } = await import('./agree.js');
  const { compileMeshroute } = await import('./mesh-table.js');
  const only = flag('--only')?.split(',');
  const mismatches = checkAll(only);
  if (mismatches.length > 0) {
    console.error(`AGREEMENT CHECK FAILED — not timing routers that give other answers:\n${formatMismatches(mismatches)}`);
    process.exit(1);
  }
  mkdirSync('.bench-tmp', { recursive: true });
  for (const w of WORKLOADS) writeFileSync(tablePath(w), compileMeshroute(makePeerWorkload(w)));
  console.log(`agreement: ${ADAPTERS.length} routers × ${WORKLOADS.length} workloads × 1,000 requests, 0 mismatches`);
  if (argv.includes('--agree-only')) return;

  const routers = ADAPTERS.filter((a) => only === undefined || a.name === MESHROUTE || only.includes(a.name)).map((a) => a.name);
  const jobs = WORKLOADS.flatMap((w) => routers.map((r) => ({ w, r })));
  const classes: Record<string, Record<string, unknown>> = Object.fromEntries(WORKLOADS.map((w) => [w, {}]));
  const runs: Record<string, Record<string, Sample[]>> = Object.fromEntries(WORKLOADS.map((w) => [w, Object.fromEntries(routers.map((r) => [r, []]))]));
  const t0 = performance.now();
  for (let run = 0; run < RUNS; run++) {
    const order = shuffle(jobs, prng(1000 + run));
    for (const { w, r } of order) {
      // The first run also times each request class separately (diagnostic), after the main figure.
      const s = spawnChild('--child', r, w, run === 0 ? ['--with-classes'] : []) as unknown as Sample & { classes?: unknown };
      if (s.classes !== undefined) classes[w]![r] = s.classes;
      runs[w]![r]!.push(s);
      process.stdout.write(`run ${run + 1}/${RUNS} ${w.padEnd(9)} ${r.padEnd(22)} ${s.nsP50.toFixed(1).padStart(8)} ns/lookup\n`);
    }
  }
  const workloads: Record<string, unknown> = {};
  const headline: Record<string, unknown> = {};
  for (const w of WORKLOADS) {
    const rows = routers.map((r) => {
      const xs = runs[w]![r]!;
      const p50s = xs.map((x) => x.nsP50);
      return { router: r, runs: p50s, median: median(p50s), spread: spread(p50s), p99: median(xs.map((x) => x.nsP99)), samples: median(xs.map((x) => x.samples)) };
    }).sort((a, b) => a.median - b.median);
    const mesh = rows.find((x) => x.router === MESHROUTE)!;
    const peers = rows.filter((x) => x.router !== MESHROUTE && x.router !== 'linear-first-match');
    const fastest = peers[0];
    // Per-run ratio: meshroute / the fastest peer of that run (same run, minutes apart at most).
    const perRun = fastest === undefined ? [] : mesh.runs.map((m, i) => m / Math.min(...peers.map((p) => p.runs[i] ?? Infinity)));
    workloads[w] = { rows, fastestPeer: fastest?.router, ratio: fastest === undefined ? null : mesh.median / fastest.median, ratioPerRun: perRun, classes: classes[w] };
    if (fastest !== undefined) {
      // Second harness: benchmark.js, meshroute and the fastest peer, alternating, fresh process each.
      const bjs: Record<string, { nsMean: number; nsMedian: number; rme: number }[]> = { [MESHROUTE]: [], [fastest.router]: [] };
      for (let k = 0; k < (QUICK ? 1 : 2); k++) {
        for (const r of k % 2 === 0 ? [MESHROUTE, fastest.router] : [fastest.router, MESHROUTE]) bjs[r]!.push(spawnChild('--bjs', r, w) as { nsMean: number; nsMedian: number; rme: number });
      }
      const m = median(bjs[MESHROUTE]!.map((x) => x.nsMedian));
      const f = median(bjs[fastest.router]!.map((x) => x.nsMedian));
      headline[w] = { peer: fastest.router, meshroute: bjs[MESHROUTE], fastest: bjs[fastest.router], ratio: m / f };
    }
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { timeMs: TIME_MS, warmupMs: WARMUP_MS, runs: RUNS, benchmarkJsMaxTimeS: BJS_MAX_S, quick: QUICK },
    versions: versions(),
    adapters: ADAPTERS.filter((a) => routers.includes(a.name)).map((a) => ({ name: a.name, pkg: a.pkg, note: a.note })),
    workloads,
    headline,
    seconds: (performance.now() - t0) / 1000,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  for (const w of WORKLOADS) {
    const x = workloads[w] as { rows: { router: string; median: number; spread: number }[]; fastestPeer: string; ratio: number };
    console.log(`\n${w}: meshroute / ${x.fastestPeer} = ${x.ratio.toFixed(2)}×`);
    console.table(x.rows.map((r) => ({ router: r.router, 'median ns': r.median.toFixed(1), spread: `${(r.spread * 100).toFixed(0)} %` })));
  }
  console.log(`wrote ${OUT}`);
}

function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of ['find-my-way', 'memoirist', '@medley/router', 'rou3', 'hono', 'tinybench', 'benchmark']) {
    out[p] = (JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')) as { version: string }).version;
  }
  return out;
}

const mode = argv[0];
if (mode === '--child') await childTinybench(argv[1]!, argv[2] as WorkloadName);
else if (mode === '--bjs') await childBenchmarkJs(argv[1]!, argv[2] as WorkloadName);
else await parent();

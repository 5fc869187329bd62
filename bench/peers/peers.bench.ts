/**
 * Side by side with JS routers (issue 8; method of peers.md §4.3; string modes and match-only: issue 19).
 *
 *   node --import tsx bench/peers/peers.bench.ts [--quick] [--runs N] [--only a,b]   # everything
 *   node --import tsx bench/peers/peers.bench.ts --agree-only                         # the agreement check
 *
 * 1. Agreement: every adapter must return meshroute's route for each of the 1,000 requests of both
 *    workloads (and meshroute the precedence model's), else exit 1 listing the mismatches.
 * 2. tinybench: each (string mode, router, workload, run) in a fresh Node process, order shuffled per
 *    run; one op = the workload's 1,000 lookups; figure = op p50 / 1,000 = ns per lookup. Two string
 *    modes: `reused` looks up the same 1,000 string objects every op (V8 caches a string's hash, so a
 *    router that hashes the path gets it for free from the second op on); `fresh` decodes each path
 *    from its bytes before each lookup, as an HTTP server's parser hands over a new string per request
 *    (the decoding alone is timed as the `decode-only` control and subtracted in the "net" figures).
 * 3. benchmark.js (second harness): meshroute and the fastest peer of each workload, fresh process each.
 * meshroute is timed from the package's built runtime (dist/runtime.js, rebuilt first when src/ is
 * newer), as the peers are from their published builds; the agreement check runs the source.
 * Writes bench/results/peers.json (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { reportResult, runChild } from '../_child.js';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { Bench } from 'tinybench';
import { adapterByName, ADAPTERS, DECODE_ONLY, MESHROUTE, MESHROUTE_MATCH, setMeshrouteTable, useRuntime } from './adapters.js';
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

export type StringMode = 'reused' | 'fresh';
const MODES: readonly StringMode[] = ['reused', 'fresh'];

// ------- child: one router, one workload, one harness -------

/** The package's built runtime (what `import 'meshroute/runtime'` gives in Node), timed instead of the TypeScript source. */
const BUILT_RUNTIME = 'dist/runtime.js';

async function prepare(router: string, workload: WorkloadName, mode: StringMode) {
  const w = makePeerWorkload(workload);
  if (router === MESHROUTE || router === MESHROUTE_MATCH) {
    setMeshrouteTable(workload, new Uint8Array(readFileSync(tablePath(workload))));
    useRuntime(((await import(pathToFileURL(resolve(BUILT_RUNTIME)).href)) as typeof import('../../src/runtime.js')).loadTable);
  }
  const built = adapterByName(router).build(w);
  const inputs = built.inputs;
  const lookup = built.lookup;
  const fromPath = built.fromPath;
  // The request-target bytes an HTTP parser reads off the socket (ASCII paths).
  const bytes = w.requests.map((r) => Buffer.from(r.path, 'latin1'));
  let sink = 0;
  const op = mode === 'reused'
    ? (): void => {
      for (let i = 0; i < inputs.length; i++) if (lookup(inputs[i]) !== undefined) sink++;
    }
    : (): void => {
      for (let i = 0; i < bytes.length; i++) if (lookup(fromPath(bytes[i]!.toString('latin1'))) !== undefined) sink++;
    };
  return { op, n: inputs.length, sink: () => sink, w, built };
}

async function childTinybench(router: string, workload: WorkloadName, mode: StringMode): Promise<void> {
  const { op, n, sink } = await prepare(router, workload, mode);
  const bench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS });
  bench.add(router, op);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (!('latency' in r)) throw new Error(`${router} did not run: ${JSON.stringify(r)}`);
  const l = r.latency;
  const out: Sample = { nsP50: (l.p50! * 1e6) / n, nsP99: (l.p99! * 1e6) / n, nsMean: (l.mean * 1e6) / n, samples: l.samplesCount };
  const classes = argv.includes('--with-classes') ? await perClass(router, workload, mode) : undefined;
  reportResult({ ...out, classes, sink: sink() });
}

/**
 * Per request class (diagnostic): ns per lookup over each class's requests, the fastest of 15 timed
 * batches of ≥ 4,000 lookups (on a shared machine a ~1 ms batch is often preempted; the minimum is
 * the figure least moved by that). One timing function for every class, warmed up on the whole mix
 * first, so the class measured first does not pay for the JIT.
 */
async function perClass(router: string, workload: WorkloadName, mode: StringMode): Promise<Record<string, number>> {
  const { w, built } = await prepare(router, workload, mode);
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

async function childBenchmarkJs(router: string, workload: WorkloadName, mode: StringMode): Promise<void> {
  const require = createRequire(import.meta.url);
  const Benchmark = require('benchmark') as { Suite: new () => BenchmarkSuite };
  const { op, n } = await prepare(router, workload, mode);
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

function spawnChild(harness: string, router: string, workload: string, mode: StringMode, extra: string[] = []): Record<string, unknown> {
  const args = ['--import', 'tsx', 'bench/peers/peers.bench.ts', harness, router, workload, mode, '--time', String(TIME_MS), '--warmup', String(WARMUP_MS), ...extra];
  if (QUICK) args.push('--quick');
  return runChild(args, `child ${harness} ${router} ${workload} ${mode}`);
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
  ensureBuiltRuntime();
  mkdirSync('.bench-tmp', { recursive: true });
  for (const w of WORKLOADS) writeFileSync(tablePath(w), compileMeshroute(makePeerWorkload(w)));
  console.log(`agreement: ${ADAPTERS.length} routers × ${WORKLOADS.length} workloads × 1,000 requests, 0 mismatches`);
  if (argv.includes('--agree-only')) return;

  const routers = ADAPTERS.filter((a) => only === undefined || a.kind === 'meshroute' || a.name === DECODE_ONLY || only.includes(a.name)).map((a) => a.name);
  // decode-only is a control of the fresh mode; the reused mode has nothing to decode.
  const jobs = MODES.flatMap((mode) => WORKLOADS.flatMap((w) => routers.filter((r) => mode === 'fresh' || r !== DECODE_ONLY).map((r) => ({ mode, w, r }))));
  const key = (mode: StringMode, w: string): string => `${mode}/${w}`;
  const classes: Record<string, Record<string, unknown>> = {};
  const runs: Record<string, Record<string, Sample[]>> = {};
  for (const j of jobs) ((runs[key(j.mode, j.w)] ??= {})[j.r] ??= []);
  const t0 = performance.now();
  for (let run = 0; run < RUNS; run++) {
    const order = shuffle(jobs, prng(1000 + run));
    for (const { mode, w, r } of order) {
      // The first run of the reused mode also times each request class separately (diagnostic), after the main figure.
      const withClasses = run === 0 && mode === 'reused' && r !== DECODE_ONLY;
      const s = spawnChild('--child', r, w, mode, withClasses ? ['--with-classes'] : []) as unknown as Sample & { classes?: unknown };
      if (s.classes !== undefined) (classes[w] ??= {})[r] = s.classes;
      runs[key(mode, w)]![r]!.push(s);
      process.stdout.write(`run ${run + 1}/${RUNS} ${mode.padEnd(6)} ${w.padEnd(9)} ${r.padEnd(26)} ${s.nsP50.toFixed(1).padStart(8)} ns/lookup\n`);
    }
  }
  const kindOf = new Map(ADAPTERS.map((a) => [a.name, a.kind]));
  const modes: Record<string, Record<string, unknown>> = {};
  const headline: Record<string, Record<string, unknown>> = {};
  for (const mode of MODES) {
    modes[mode] = {};
    headline[mode] = {};
    for (const w of WORKLOADS) {
      const byRouter = runs[key(mode, w)]!;
      const decode = byRouter[DECODE_ONLY]?.map((x) => x.nsP50);
      const rows = Object.keys(byRouter).map((r) => {
        const xs = byRouter[r]!;
        const p50s = xs.map((x) => x.nsP50);
        // Net of decoding: this run's figure minus this run's decode-only figure.
        const net = decode === undefined || r === DECODE_ONLY ? undefined : median(p50s.map((x, i) => x - (decode[i] ?? 0)));
        return { router: r, kind: kindOf.get(r)!, runs: p50s, median: median(p50s), net, spread: spread(p50s), p99: median(xs.map((x) => x.nsP99)), samples: median(xs.map((x) => x.samples)) };
      }).sort((a, b) => a.median - b.median);
      const peers = rows.filter((x) => x.kind === 'peer');
      const fastest = peers[0];
      // Same-run ratio: ours / the fastest peer of that run (minutes apart at most).
      const ratioOf = (name: string) => {
        const ours = rows.find((x) => x.router === name)!;
        const perRun = fastest === undefined ? [] : ours.runs.map((m, i) => m / Math.min(...peers.map((p) => p.runs[i] ?? Infinity)));
        return { median: fastest === undefined ? null : ours.median / fastest.median, perRun };
      };
      modes[mode]![w] = { rows, fastestPeer: fastest?.router, route: ratioOf(MESHROUTE), match: ratioOf(MESHROUTE_MATCH), classes: mode === 'reused' ? classes[w] ?? {} : {} };
      if (fastest !== undefined && mode === 'fresh') {
        // Second harness: benchmark.js, route(), match() and the fastest peer, alternating, fresh process each.
        const contenders = [MESHROUTE, MESHROUTE_MATCH, fastest.router];
        const bjs: Record<string, { nsMean: number; nsMedian: number; rme: number }[]> = Object.fromEntries(contenders.map((r) => [r, []]));
        for (let k = 0; k < (QUICK ? 1 : 2); k++) {
          for (const r of k % 2 === 0 ? contenders : [...contenders].reverse()) bjs[r]!.push(spawnChild('--bjs', r, w, mode) as { nsMean: number; nsMedian: number; rme: number });
        }
        const med = (r: string) => median(bjs[r]!.map((x) => x.nsMedian));
        headline[mode]![w] = { peer: fastest.router, samples: bjs, route: med(MESHROUTE) / med(fastest.router), match: med(MESHROUTE_MATCH) / med(fastest.router) };
      }
    }
  }
  const result = {
    date: new Date().toISOString(),
    node: process.version,
    settings: { timeMs: TIME_MS, warmupMs: WARMUP_MS, runs: RUNS, benchmarkJsMaxTimeS: BJS_MAX_S, quick: QUICK, meshrouteRuntime: BUILT_RUNTIME },
    versions: versions(),
    adapters: ADAPTERS.filter((a) => routers.includes(a.name)).map((a) => ({ name: a.name, kind: a.kind, pkg: a.pkg, note: a.note })),
    modes,
    headline,
    seconds: (performance.now() - t0) / 1000,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
  for (const mode of MODES) {
    for (const w of WORKLOADS) {
      const x = modes[mode]![w] as { rows: { router: string; median: number; net?: number; spread: number }[]; fastestPeer: string; route: { median: number }; match: { median: number } };
      console.log(`\n${mode} strings, ${w}: route() / ${x.fastestPeer} = ${x.route.median.toFixed(2)}×, match() / ${x.fastestPeer} = ${x.match.median.toFixed(2)}×`);
      console.table(x.rows.map((r) => ({ router: r.router, 'median ns': r.median.toFixed(1), 'net of decoding': r.net?.toFixed(1) ?? '', spread: `${(r.spread * 100).toFixed(0)} %` })));
    }
  }
  console.log(`wrote ${OUT}`);
}

/** Builds the package (scripts/build.mjs) when dist/runtime.js is missing or older than a file under src/. */
function ensureBuiltRuntime(): void {
  const built = (() => {
    try {
      return statSync(BUILT_RUNTIME).mtimeMs;
    } catch {
      return -1;
    }
  })();
  const newest = (dir: string): number => Math.max(0, ...readdirSync(dir, { withFileTypes: true }).map((e) => (e.isDirectory() ? newest(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs)));
  if (built >= newest('src')) return;
  console.log(`${BUILT_RUNTIME} is missing or older than src/: building it (scripts/build.mjs)`);
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}

function versions(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const p of ['find-my-way', 'memoirist', '@medley/router', 'rou3', 'hono', 'tinybench', 'benchmark']) {
    out[p] = (JSON.parse(readFileSync(`node_modules/${p}/package.json`, 'utf8')) as { version: string }).version;
  }
  return out;
}

const harness = argv[0];
if (harness === '--child') await childTinybench(argv[1]!, argv[2] as WorkloadName, argv[3] as StringMode);
else if (harness === '--bjs') await childBenchmarkJs(argv[1]!, argv[2] as WorkloadName, argv[3] as StringMode);
else await parent();

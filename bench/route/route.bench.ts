/**
 * Routing benchmark (issue 4). Run: node --import tsx bench/route/route.bench.ts [--quick]
 * For N = 10, 100, 1,000, 10,000 gateway routes: route() ns per lookup (one tinybench op = 1,000
 * lookups over the workload's request mix; p50 / 1,000), compile time (median of runs), and table
 * bytes per route. Results go to bench/RESULTS.md by hand (section "Routing (issue 4)").
 */
import { Bench } from 'tinybench';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { modelFromApi } from '../../test/_support/vector-model.js';
import { makeWorkload } from './workload.js';

const QUICK = process.argv.includes('--quick');
const SIZES = [10, 100, 1000, 10000];
/** tinybench settings of peers.md §4.3, so figures compare with the peer table there. */
const TIME_MS = QUICK ? 300 : 1500;
const WARMUP_MS = QUICK ? 100 : 300;
const COMPILE_RUNS = QUICK ? 3 : 7;

interface Row { n: number; nsP50: number; nsMean: number; controlP50: number; compileMs: number; compileMinMs: number; bytes: number; bytesPerRoute: number; matched: number }

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

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const w = makeWorkload(n);
    const { model, gateway } = modelFromApi(w.resources);
    const compileTimes: number[] = [];
    let table: Uint8Array = new Uint8Array();
    for (let i = 0; i < COMPILE_RUNS; i++) {
      const t0 = performance.now();
      // The gateway stage is what this benchmark compares with its peers (the workload's services have no providers).
      table = compileGatewayTable(model, gateway, { routerStage: false });
      compileTimes.push(performance.now() - t0);
    }
    const router = loadTable(table);
    const reqs = w.requests;
    let matched = 0;
    for (const r of reqs) if (router.route(r).matched && router.route(r).gatewayRoute !== 'catch-all') matched++;
    const bench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS });
    let sink = 0;
    bench.add(`route() ×1000, ${n} routes`, () => {
      for (let i = 0; i < reqs.length; i++) if (router.route(reqs[i]!).matched) sink++;
    });
    const control = mapLpmControl(w.resources.gatewayRoutes.map((g) => String(((g.spec as { httpRoute: { match: { prefix?: string } } }).httpRoute.match.prefix) ?? '')));
    bench.add(`control map-lpm ×1000, ${n} routes`, () => {
      for (let i = 0; i < reqs.length; i++) sink += control(reqs[i]!.path);
    });
    await bench.run();
    const p50 = (k: number): { p50: number; mean: number } => {
      const r = bench.tasks[k]!.result;
      const lat = r && 'latency' in r ? r.latency : undefined;
      if (lat === undefined) throw new Error(`benchmark did not run: ${JSON.stringify(r)}`);
      return { p50: lat.p50 ?? lat.mean, mean: lat.mean };
    };
    const lat = p50(0);
    rows.push({
      n,
      nsP50: ((lat.p50 ?? lat.mean) * 1e6) / reqs.length,
      nsMean: (lat.mean * 1e6) / reqs.length,
      controlP50: (p50(1).p50 * 1e6) / reqs.length,
      compileMs: median(compileTimes),
      compileMinMs: Math.min(...compileTimes),
      bytes: table.length,
      bytesPerRoute: table.length / (n + 1),
      matched,
    });
  }
  console.log(`node ${process.version}, ${QUICK ? 'quick' : 'full'} run`);
  console.log('| routes | route() p50 ns | route() mean ns | control map-lpm p50 ns | hits (not catch-all) / 1000 | compile ms median (min) | table bytes | bytes / route |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n.toLocaleString('en')} | ${r.nsP50.toFixed(1)} | ${r.nsMean.toFixed(1)} | ${r.controlP50.toFixed(1)} | ${r.matched} | ${r.compileMs.toFixed(1)} (${r.compileMinMs.toFixed(1)}) | ${r.bytes.toLocaleString('en')} | ${r.bytesPerRoute.toFixed(1)} |`);
  }
  const g = rows.find((r) => r.n === 10000)!.nsP50 / rows.find((r) => r.n === 100)!.nsP50;
  console.log(`growth 100 → 10,000 routes: ×${g.toFixed(2)}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

await main();

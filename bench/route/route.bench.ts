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

interface Row { n: number; nsP50: number; nsMean: number; compileMs: number; bytes: number; bytesPerRoute: number; matched: number }

async function main(): Promise<void> {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const w = makeWorkload(n);
    const { model, gateway } = modelFromApi(w.resources);
    const compileTimes: number[] = [];
    let table: Uint8Array = new Uint8Array();
    for (let i = 0; i < COMPILE_RUNS; i++) {
      const t0 = performance.now();
      table = compileGatewayTable(model, gateway);
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
    await bench.run();
    const task = bench.tasks[0]!;
    const lat = task.result && 'latency' in task.result ? task.result.latency : undefined;
    if (lat === undefined || sink < 0) throw new Error(`benchmark did not run: ${JSON.stringify(task.result)}`);
    rows.push({
      n,
      nsP50: ((lat.p50 ?? lat.mean) * 1e6) / reqs.length,
      nsMean: (lat.mean * 1e6) / reqs.length,
      compileMs: median(compileTimes),
      bytes: table.length,
      bytesPerRoute: table.length / (n + 1),
      matched,
    });
  }
  console.log(`node ${process.version}, ${QUICK ? 'quick' : 'full'} run`);
  console.log('| routes | route() p50 ns | route() mean ns | hits (not catch-all) / 1000 | compile ms (median) | table bytes | bytes / route |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(`| ${r.n.toLocaleString('en')} | ${r.nsP50.toFixed(1)} | ${r.nsMean.toFixed(1)} | ${r.matched} | ${r.compileMs.toFixed(1)} | ${r.bytes.toLocaleString('en')} | ${r.bytesPerRoute.toFixed(1)} |`);
  }
  const g = rows.find((r) => r.n === 10000)!.nsP50 / rows.find((r) => r.n === 100)!.nsP50;
  console.log(`growth 100 → 10,000 routes: ×${g.toFixed(2)}`);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

await main();

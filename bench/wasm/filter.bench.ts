/**
 * proxy-wasm filter benchmark (issue 6). Run: node --import tsx bench/wasm/filter.bench.ts [--quick]
 * For N = 10, 1,000, 10,000 gateway routes (bench/route/workload.ts, the routing benchmark's mix),
 * per request through the test host:
 *   - filter:  dist/meshroute-filter.wasm, one whole stream (context create, request headers, done, log, delete);
 *   - control: .bench-tmp/null-filter.wasm — the same host calls (property, header pairs, five header
 *     changes) with no routing: the host's own overhead;
 *   - filter − control: the filter's cost per request estimated by difference (noisy: the two paths make
 *     slightly different host calls — a 404 is a local reply, not header changes);
 *   - logic: the same filter code built with a host-free entry (wasm/assembly/bench-entry.ts) and called
 *     directly on pre-serialized header maps — the filter's own cost with no host at all, the figure the
 *     ≤ 3 µs target is about;
 *   - runtime: the JS runtime's route() on the same requests (same-run yardstick for machine load).
 * One tinybench op = the workload's 1,000 requests; figures are p50 / 1,000.
 * Writes bench/results/wasm.json (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { Bench } from 'tinybench';
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { modelFromApi } from '../../test/_support/vector-model.js';
import { makeWorkload } from '../route/workload.js';
import { HeaderMap, MeshrouteFilter, ProxyWasmHost, requestHeaders, serializePairs, type Bytes } from '../../wasm/host/index.js';

const QUICK = process.argv.includes('--quick');
const SIZES = [10, 1000, 10000];
const TIME_MS = QUICK ? 300 : 1500;
const WARMUP_MS = QUICK ? 100 : 300;
const CONTROL = '.bench-tmp/null-filter.wasm';
const LOGIC = '.bench-tmp/filter-logic.wasm';

const r = spawnSync(process.execPath, ['wasm/build.mjs', '--control'], { stdio: 'inherit' });
if (r.status !== 0 || !existsSync(CONTROL)) throw new Error('build failed');

const enc = new TextEncoder();

async function main(): Promise<void> {
  const rows: Record<string, string | number>[] = [];
  const json: Record<string, number | string>[] = [];
  for (const n of SIZES) {
    const w = makeWorkload(n);
    const { model, gateway } = modelFromApi(w.resources);
    const table = compileGatewayTable(model, gateway);
    const router = loadTable(table);
    const filter = new MeshrouteFilter(table, { logLevel: 'warn' });
    if (!filter.configured) throw new Error('filter refused the table');
    const control = new ProxyWasmHost(readFileSync(CONTROL), { logLevel: 'warn' });
    control.configure(new Uint8Array(0));
    filter.host.recordHeaderChanges = false;
    control.recordHeaderChanges = false;
    // Requests pre-encoded as bytes so the host does not re-encode strings per call.
    const reqs = w.requests.map((q) => ({
      pairs: requestHeaders(q).map(([k, v]) => [enc.encode(k.toLowerCase()), enc.encode(v)] as [Bytes, Bytes]),
      properties: (q.port === undefined ? {} : { 'destination.port': q.port }) as Record<string, number>,
    }));
    // The filter's logic without a host: requests serialized into its memory once.
    const logic = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(LOGIC)), {}).exports as unknown as {
      memory: WebAssembly.Memory; _initialize(): void; bench_alloc(n: number): number; bench_configure(p: number, n: number): number; bench_route(p: number, n: number, port: number): number;
    };
    logic._initialize();
    const put = (b: Uint8Array): number => { const p = logic.bench_alloc(b.length); new Uint8Array(logic.memory.buffer).set(b, p); return p; };
    if (logic.bench_configure(put(table), table.length) !== 1) throw new Error('logic refused the table');
    const serialized = reqs.map((q) => { const b = serializePairs(q.pairs); return { ptr: put(b), len: b.length, port: q.properties['destination.port'] ?? -1 }; });
    // Sanity: the filter agrees with the runtime on the workload.
    let agree = 0;
    for (const q of w.requests) {
      const d = router.route(q, { random: () => 0 });
      const a = filter.route(q);
      if ((a.kind === 'continue') === d.matched && (!d.matched || a.gatewayRoute === d.gatewayRoute)) agree++;
    }
    const bench = new Bench({ time: TIME_MS, warmupTime: WARMUP_MS });
    let sink = 0;
    bench.add(`filter ${n}`, () => {
      for (const q of reqs) sink += filter.host.httpRequest({ headers: new HeaderMap(q.pairs), properties: q.properties }).action ?? 0;
    });
    bench.add(`control ${n}`, () => {
      for (const q of reqs) sink += control.httpRequest({ headers: new HeaderMap(q.pairs), properties: q.properties }).action ?? 0;
    });
    bench.add(`logic ${n}`, () => {
      for (const q of serialized) sink += logic.bench_route(q.ptr, q.len, q.port);
    });
    bench.add(`runtime ${n}`, () => {
      for (const q of w.requests) if (router.route(q).matched) sink++;
    });
    await bench.run();
    const p50us = (k: number): number => {
      const res = bench.tasks[k]!.result;
      const lat = res && 'latency' in res ? res.latency : undefined;
      if (lat === undefined) throw new Error(`benchmark did not run: ${JSON.stringify(res)}`);
      return ((lat.p50 ?? lat.mean) * 1000) / reqs.length;
    };
    const f = p50us(0), c = p50us(1), lg = p50us(2), rt = p50us(3);
    json.push({ routes: n, filterUs: f, controlUs: c, logicUs: lg, runtimeUs: rt, tableBytes: table.length, agree, requests: w.requests.length, filterBytes: statSync('dist/meshroute-filter.wasm').size });
    rows.push({ routes: n, 'filter in host µs': f.toFixed(2), 'host control µs': c.toFixed(2), 'filter − control µs': (f - c).toFixed(2), 'logic µs': lg.toFixed(3), 'JS runtime µs': rt.toFixed(3), 'table bytes': table.length, agree: `${agree}/${w.requests.length}` });
    void sink;
  }
  console.table(rows);
  console.log(`node ${process.version}, ${new Date().toISOString()}${QUICK ? ' (quick)' : ''}`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/wasm.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, settings: { timeMs: TIME_MS, warmupMs: WARMUP_MS, quick: QUICK }, rows: json }, null, 2) + '\n');
}

await main();

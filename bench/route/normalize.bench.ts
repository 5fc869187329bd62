/**
 * Path normalization under long paths (issue 13 item 4): what one route() costs in the JS runtime
 * and one request in the WASM filter (Node host) when the path is tens of KiB of slashes or segments.
 * Bound: ≤ 2 ms per 64 KiB path in the runtime, a small constant per byte in both.
 *
 * Run: node --import tsx bench/route/normalize.bench.ts [--quick]
 * Prints a Markdown table (best and median of rounds) and writes bench/results/normalize.json;
 * bench/RESULTS.md § Path normalization quotes it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { build, gr } from '../../test/_support/quick.js';
import { MeshrouteFilter } from '../../wasm/host/index.js';

const QUICK = process.argv.includes('--quick');
const ROUNDS = QUICK ? 7 : 25;
const { table, router } = build([gr('all', { prefix: '/' }), gr('a', { prefix: '/a/' })]);
const filter = new MeshrouteFilter(table);

const KiB = 1024;
const SHAPES: [string, string][] = [
  ['64 KiB of `/`', '/'.repeat(64 * KiB)],
  ['`/a` × 32k + `//` (64 KiB)', '/a'.repeat(32 * KiB) + '//'],
  ['`/a/..` × 13k (64 KiB)', '/a/..'.repeat(13_107)],
  ['1 MiB of `/`', '/'.repeat(1024 * KiB)],
];

/** Best and median ms of one call over ROUNDS rounds (each round: enough calls for ≥ 20 ms, at least 1). */
function time(fn: () => void): { best: number; median: number } {
  fn();
  const per: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let calls = 0;
    const t0 = performance.now();
    let t = t0;
    while (calls === 0 || t - t0 < 20) {
      fn();
      calls++;
      t = performance.now();
    }
    per.push((t - t0) / calls);
  }
  per.sort((a, b) => a - b);
  return { best: per[0]!, median: per[per.length >> 1]! };
}

const rows = SHAPES.map(([name, path]) => {
  const js = time(() => router.route({ path }));
  const wasm = time(() => filter.route({ path }));
  return { name, bytes: path.length, js, wasm };
});
const f = (x: number): string => x.toFixed(x < 1 ? 3 : 1);
console.log(`Node ${process.version}; ${ROUNDS} rounds; ms per call (best / median)`);
console.log('| path | JS route() | WASM filter (Node host) |');
console.log('|---|---:|---:|');
for (const r of rows) console.log(`| ${r.name} | ${f(r.js.best)} / ${f(r.js.median)} | ${f(r.wasm.best)} / ${f(r.wasm.median)} |`);
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/normalize.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, rounds: ROUNDS, rows }, null, 2) + '\n');

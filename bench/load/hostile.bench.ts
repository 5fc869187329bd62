/**
 * Table loading under hostile input (issue 13 item 1): what `loadTable` (JS) and the filter's
 * `proxy_on_configure` (WASM) cost for tables whose blob entries alias one another, and for the
 * legal tables of the same content, at several sizes, to show load work is O(table bytes) in time
 * and memory. Each case runs in a fresh Node process (memory figures are then that load's alone).
 *
 * Run: node --import tsx bench/load/hostile.bench.ts [--quick] [--only NAME]   (best of 5 processes per case; --quick: 1)
 * Prints a Markdown table and writes bench/results/hostile.json (bench/RESULTS.md § Hostile tables
 * quotes it). Not part of `npm run bench`'s default steps: the "before" shapes took seconds and GBs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadTable } from '../../src/evaluate/index.js';
import { compileRegex } from '../../src/regex/index.js';
import { SectionKind } from '../../src/table/layout.js';
import { build, gr } from '../../test/_support/quick.js';
import { withExtraBlobEntries } from '../../test/_support/hostile-tables.js';
import { MeshrouteFilter } from '../../wasm/host/index.js';
import { reportResult, runChild } from '../_child.js';

const SELF = fileURLToPath(import.meta.url);
const argv = process.argv.slice(2);
const REPEAT = argv.includes('--quick') ? 1 : 5;

/** A small real table: the hostile entries are added to its sections. */
function baseTable(): Uint8Array {
  return build([gr('api', { prefix: '/api/' }), gr('rx', { path: { regex: '/v[0-9]+/.*' } }), gr('h', { prefix: '/', headers: [{ name: 'x', match: { regex: '\\bq\\b' } }] })]).table;
}

interface Case { name: string; make: () => Uint8Array; note: string }

const MB = 1 << 20;
const qNfa = (): Uint8Array => compileRegex('\\bq\\b', { maxDfaStates: 0 }).bytes;
const qDfa = (): Uint8Array => compileRegex('\\bq\\b').bytes;
const str = (n: number): Uint8Array => new TextEncoder().encode('s'.repeat(n));

const CASES: Case[] = [
  { name: 'alias-strings', note: 'issue shape: 500 string entries aliasing one 1 MB string', make: () => withExtraBlobEntries(baseTable(), SectionKind.strings, str(MB), 500, true) },
  { name: 'alias-nfa', note: 'issue shape: 10,000 regex entries aliasing one `\\bq\\b` NFA (72 B)', make: () => withExtraBlobEntries(baseTable(), SectionKind.regex, qNfa(), 10_000, true) },
  ...[256 * 1024, MB].map((size) => ({ name: `strings-${size >> 10}K`, note: `legal: ${size >> 10} KB of distinct 2 KB strings`, make: () => withExtraBlobEntries(baseTable(), SectionKind.strings, str(2048), size / 2048, false) })),
  ...[256 * 1024, MB].map((size) => ({ name: `nfa-${size >> 10}K`, note: `legal: ${Math.floor(size / 72)} copies of the \`\\bq\\b\` NFA (${size >> 10} KB)`, make: () => withExtraBlobEntries(baseTable(), SectionKind.regex, qNfa(), Math.floor(size / 72), false) })),
  ...[256 * 1024, MB].map((size) => ({ name: `dfa-${size >> 10}K`, note: `legal: ${Math.floor(size / 345)} copies of the \`\\bq\\b\` DFA (${size >> 10} KB)`, make: () => withExtraBlobEntries(baseTable(), SectionKind.regex, qDfa(), Math.floor(size / 345), false) })),
];

interface Measured { tableBytes: number; ms: number; outcome: string; heapMB: number; peakRssMB: number; wasmMemMB?: number }

/** Child: builds the case's table, then loads it once (JS or WASM) and reports time and memory. */
function child(name: string, reader: 'js' | 'wasm'): void {
  const c = CASES.find((x) => x.name === name)!;
  const table = c.make();
  const filter = reader === 'wasm' ? new MeshrouteFilter(new Uint8Array(0)) : null;
  const gc = (globalThis as { gc?: () => void }).gc!;
  gc();
  const heap0 = process.memoryUsage();
  const rss0 = process.resourceUsage().maxRSS;
  const mem0 = filter === null ? 0 : filter.host.memoryBytes;
  const t0 = performance.now();
  let outcome = 'loaded';
  let keep: unknown;
  if (filter !== null) {
    if (!filter.host.configure(table)) outcome = `refused: ${filter.host.logs.at(-1)?.message.slice(0, 60)}`;
  } else {
    try {
      keep = loadTable(table);
    } catch (e) {
      outcome = `${(e as { code?: string }).code}: ${(e as Error).message.slice(0, 50)}`;
    }
  }
  const ms = performance.now() - t0;
  const rss1 = process.resourceUsage().maxRSS;
  gc();
  const heap1 = process.memoryUsage();
  void keep;
  const mb = (b: number): number => Math.round((b / MB) * 10) / 10;
  const result: Measured = {
    tableBytes: table.length, ms: Math.round(ms * 100) / 100, outcome,
    heapMB: mb(heap1.heapUsed + heap1.arrayBuffers - heap0.heapUsed - heap0.arrayBuffers), peakRssMB: mb((rss1 - rss0) * 1024),
  };
  if (filter !== null) result.wasmMemMB = mb(filter.host.memoryBytes - mem0);
  reportResult(result);
}

if (argv[0] === '--child') child(argv[1]!, argv[2] as 'js' | 'wasm');
else {
  const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;
  const rows: (Measured & { name: string; reader: string; note: string })[] = [];
  for (const c of CASES) {
    if (only !== undefined && !c.name.includes(only)) continue;
    for (const reader of ['js', 'wasm'] as const) {
      // Fresh processes, REPEAT times: the fastest load, the largest memory (the machine is shared; noise only adds time).
      const runs = Array.from({ length: REPEAT }, () => runChild<Measured>(['--expose-gc', '--import', 'tsx', SELF, '--child', c.name, reader], `${c.name} (${reader})`));
      const most = (f: (x: Measured) => number): number => Math.max(...runs.map(f));
      const m: Measured = { ...runs[0]!, ms: Math.min(...runs.map((x) => x.ms)), heapMB: most((x) => x.heapMB), peakRssMB: most((x) => x.peakRssMB) };
      if (reader === 'wasm') m.wasmMemMB = most((x) => x.wasmMemMB ?? 0);
      rows.push({ name: c.name, reader, note: c.note, ...m });
      const r = rows.at(-1)!;
      console.error(`${r.name} ${r.reader}: ${r.ms} ms, retained ${r.heapMB} MB, peak RSS +${r.peakRssMB} MB${r.wasmMemMB === undefined ? '' : `, wasm memory +${r.wasmMemMB} MB`} — ${r.outcome}`);
    }
  }
  console.log(`Node ${process.version}; load ms = fastest of ${REPEAT} fresh processes, memory = largest`);
  console.log('| table | reader | bytes | load ms | retained MB | peak RSS +MB | wasm memory +MB | outcome |');
  console.log('|---|---|---:|---:|---:|---:|---:|---|');
  for (const r of rows) console.log(`| ${r.name} (${r.note}) | ${r.reader} | ${r.tableBytes.toLocaleString('en')} | ${r.ms} | ${r.heapMB} | ${r.peakRssMB} | ${r.wasmMemMB ?? ''} | ${r.outcome} |`);
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/hostile.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2) + '\n');
}

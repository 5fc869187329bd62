/**
 * Regex benchmark: meshroute's matcher (as compiled, and forced to the NFA form) vs V8 RegExp
 * (anchored `^(?:…)$`) vs re2-wasm, on typical gateway regexes and adversarial ones, for inputs
 * from 64 B to 100 KB; plus compile times.
 *
 *   node --import tsx bench/regex/regex.bench.ts            # prints markdown tables
 *   node --import tsx bench/regex/regex.bench.ts --quick    # shorter runs
 *
 * V8 is skipped (—) where it backtracks exponentially or polynomially (it would not finish); a
 * single 26-byte run of `(a+)+$` shows why. Results of the reference machine: RESULTS.md.
 */
import { Bench } from 'tinybench';
import { createRequire } from 'node:module';
import { compileRegex } from '../../src/regex/index.js';

const require = createRequire(import.meta.url);
const { RE2 } = require('re2-wasm') as { RE2: new (p: string, f: string) => { test(s: string): boolean } };

const QUICK = process.argv.includes('--quick');
const TIME_MS = QUICK ? 30 : 250;
const SIZES = [64, 1024, 10 * 1024, 100 * 1024];

interface Case {
  pattern: string;
  input: (n: number) => string;
  adversarial: boolean;
  sizes: number[];
}

function filler(n: number): string {
  const words = 'the quick brown fox jumps over a lazy dog and some more text ';
  return words.repeat(Math.ceil(n / words.length)).slice(0, n);
}

const CASES: Case[] = [
  { pattern: '.*green.*', input: (n) => filler(n >> 1) + 'green' + filler(n - (n >> 1) - 5), adversarial: false, sizes: SIZES },
  { pattern: '/api/v[0-9]+/users/[^/]+', input: (n) => '/api/v12/users/' + 'x'.repeat(n - 15), adversarial: false, sizes: SIZES },
  { pattern: '[a-f0-9]{32}', input: () => '0123456789abcdef0123456789abcdef', adversarial: false, sizes: [32] },
  { pattern: '(a+)+$', input: (n) => 'a'.repeat(n - 1) + '!', adversarial: true, sizes: SIZES },
  { pattern: '(a|aa)*b', input: (n) => 'a'.repeat(n), adversarial: true, sizes: SIZES },
  { pattern: '(.*a){20}', input: (n) => 'a'.repeat(n), adversarial: true, sizes: SIZES },
  // 2^16 DFA states: compiled to the NFA form; random input keeps its lazy cache flushing.
  { pattern: '(a|b)*a(a|b){15}', input: (n) => randomAB(n), adversarial: true, sizes: SIZES },
];

function randomAB(n: number): string {
  let x = 12345;
  let s = '';
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    s += x & 0x10000 ? 'a' : 'b';
  }
  return s;
}

type Engine = { name: string; make: (p: string) => ((s: string) => boolean) | null };

const ENGINES: Engine[] = [
  { name: 'meshroute', make: (p) => compileRegex(p).fullMatch },
  { name: 'meshroute NFA', make: (p) => compileRegex(p, { maxDfaStates: 0 }).fullMatch },
  { name: 'V8 RegExp', make: (p) => { const re = new RegExp(`^(?:${p})$`); return (s) => re.test(s); } },
  { name: 're2-wasm', make: (p) => { const re = new RE2(`^(?:${p})$`, 'u'); return (s) => re.test(s); } },
];

function fmt(ms: number): string {
  const ns = ms * 1e6;
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toFixed(1)} µs`;
  return `${(ns / 1e6).toFixed(2)} ms`;
}

async function meanMs(fn: () => void): Promise<number> {
  const bench = new Bench({ time: TIME_MS, warmup: true });
  bench.add('x', fn);
  await bench.run();
  const r = bench.tasks[0]!.result as { latency?: { mean: number } };
  if (r.latency === undefined) throw new Error('benchmark task did not complete');
  return r.latency.mean;
}

async function matchTable(): Promise<string> {
  const rows = ['| pattern | input | ' + ENGINES.map((e) => e.name).join(' | ') + ' | meshroute ns/byte |', '|---|---|' + ENGINES.map(() => '---:|').join('') + '---:|'];
  for (const c of CASES) {
    const fns = ENGINES.map((e) => e.make(c.pattern));
    for (const n of c.sizes) {
      const input = c.input(n);
      const want = fns[0]!(input);
      const cells: string[] = [];
      let ours = 0;
      for (let i = 0; i < ENGINES.length; i++) {
        const f = fns[i]!;
        if (c.adversarial && ENGINES[i]!.name === 'V8 RegExp') {
          cells.push('—');
          continue;
        }
        if (f(input) !== want) throw new Error(`${ENGINES[i]!.name} disagrees on ${c.pattern}`);
        const ms = await meanMs(() => void f(input));
        if (i === 0) ours = ms;
        cells.push(fmt(ms));
      }
      const label = n >= 1024 ? `${n / 1024} KB` : `${n} B`;
      rows.push(`| \`${c.pattern}\` | ${label} ${want ? 'match' : 'no match'} | ${cells.join(' | ')} | ${((ours * 1e6) / n).toFixed(2)} |`);
    }
  }
  return rows.join('\n');
}

async function compileTable(): Promise<string> {
  const rows = ['| pattern | kind | states/insts | bytes | compile (mean) |', '|---|---|---:|---:|---:|'];
  for (const p of [...CASES.map((c) => c.pattern), '(?i)bearer [a-z0-9._~+/-]+=*', '\\p{Greek}+', '(a|b)*a(a|b){15}']) {
    compileRegex(p); // the first use of (?i) or \p derives Unicode tables once per process
    const r = compileRegex(p);
    const ms = await meanMs(() => void compileRegex(p));
    rows.push(`| \`${p}\` | ${r.stats.kind} | ${r.stats.states} | ${r.stats.bytes} | ${fmt(ms)} |`);
  }
  return rows.join('\n');
}

function oneShots(): string {
  const lines: string[] = [];
  const v8 = new RegExp('^(?:(a+)+$)$');
  let t = performance.now();
  v8.test('a'.repeat(25) + '!');
  lines.push(`- V8 RegExp \`^(?:(a+)+$)$\` on 26 bytes (one run): ${fmt(performance.now() - t)} — it doubles with every added byte.`);
  return lines.join('\n');
}

console.log(`Node ${process.version}, ${process.arch}; tinybench ${TIME_MS} ms per task\n`);
console.log('## Full match\n');
console.log(await matchTable());
console.log('\n## Compile\n');
console.log(await compileTable());
console.log('\n## One-shot\n');
console.log(oneShots());

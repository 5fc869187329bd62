// Size budgets of the browser bundles (issue 7), run by `npm test` after the build.
// Measures dist/browser/*.js (minified by scripts/build.mjs) gzipped at level 9, prints what each
// package / source folder contributes (esbuild metafile), and checks that no browser bundle
// evaluates code (no eval, no Function constructor).
//
// Budgets are the issue's. A bundle that does not meet its budget yet is listed in KNOWN_OVER with a
// ceiling: the check then fails only if the bundle grows past that ceiling, and prints a loud
// OVER BUDGET line (docs/runtime-size.md and docs/bundle-size.md say why). MESHROUTE_STRICT_SIZE=1
// ignores KNOWN_OVER and fails on any bundle over its budget.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const KB = 1024;
const BUDGETS = [
  { name: 'meshroute/runtime (browser ESM)', file: 'dist/browser/runtime.js', budget: 12 * KB, entry: 'src/runtime.ts' },
  { name: 'meshroute (browser ESM)', file: 'dist/browser/index.js', budget: 60 * KB, entry: 'src/index.ts' },
  // The playground page's own code (issue 18; the library comes from dist/meshroute.global.js): editor,
  // diagnostics, topology, request form, explain tables, URL state, lint findings (docs/playground.md).
  { name: 'playground page code (IIFE)', file: 'dist/playground/playground.js', budget: 12 * KB, entry: 'src/playground/main.ts' },
];
/** Bundles known to exceed their budget, with the ceiling they must not grow past (bytes, min+gzip). */
const KNOWN_OVER = {
  // The runtime's own code (table reader, evaluator, regex matcher): 13.2 KB at issue 7, 16.2 KB once
  // issue 5's router stage, weighted picks and policies landed; 15,626 B after the table reader was
  // shrunk (docs/runtime-size.md); 16,253 B once the regex matcher's fast paths (issue 3's targets,
  // +0.52 KB) and route()'s packed trie landed, 16,337 B at the end of session 2; 14,772 B after
  // session 3 (inlined layout and matcher constants, internal property names shortened in this
  // bundle); 15,382 B with session 3's route() work (typed REQUEST_INVALID errors for malformed
  // requests ~0.3 KB, the rewrite chosen at load, scanPath). Ceiling = that + 0.3 KB.
  // 15,782 B with issue 13's bounded reader (+394 B: blob-overlap check, automata validated without
  // decoding and matchers built on first use, program-sized NFA caches, the linear DFA acceleration
  // check, one-pass path normalization). Ceiling = that + 0.2 KB.
  // 16,029 B after session 4's merge: + issue 13's one ASCII case rule (ascii-case.ts) and issue 19's
  // match() (the frozen route descriptions, describe.ts). Ceiling = that + 0.2 KB.
  // 16,861 B with session 5's route()/match() fast path (issue 19: fast-path.ts, walkBest with the
  // path check in the same pass, each node's least rank precomputed; +832 B for match() 190 → 134 ns
  // on prefix200 with fresh strings, bench/RESULTS.md). Ceiling = that + 0.2 KB.
  'dist/browser/runtime.js': 16_861 + 0.2 * KB,
  // 138.3 KB with TypeBox, yaml and js-yaml inside; 61.7 KB once validation went TypeBox-free and the
  // browser read YAML with js-yaml's loader alone (docs/bundle-size.md); 64,068 B with the regex and
  // route() growth; 62,629 B after session 3's bundle work (script codes, enums, closures, one copy of
  // helpers), 62,602 B merged with the runtime shrink and session 3's route() work; 68,605 B with issue 15
  // (the legacy v1beta1 reader, spec-only naming, the JSON syntax locator, "did you mean", Helm
  // detection: +6,003 B, itemized in docs/bundle-size.md); 79,324 B with issue 17's lint() (src/analyze,
  // ~9.5 KB: the playground runs it in the browser) and issue 13's case and YAML rules. diff() and
  // exportGatewayApi() are stand-ins that throw USAGE_NOT_IN_BROWSER in the browser builds (src/browser/;
  // the exporter alone would add ~27 KB). Ceiling = that + 0.5 KB.
  // 80,268 B with session 5's route()/match() fast path (+944 B, the same code as the runtime's). Ceiling = that + 0.5 KB.
  'dist/browser/index.js': 80_268 + 0.5 * KB,
};
const strict = process.env.MESHROUTE_STRICT_SIZE === '1';

const fmt = (n) => `${(n / KB).toFixed(1)} KB`;
let failed = false;
const meta = existsSync('dist/meta/browser.json') ? JSON.parse(readFileSync('dist/meta/browser.json', 'utf8')) : null;

for (const b of BUDGETS) {
  if (!existsSync(b.file)) {
    console.error(`size: ${b.file} is missing — run npm run build first`);
    process.exit(1);
  }
  const code = readFileSync(b.file);
  const gz = gzipSync(code, { level: 9 }).length;
  const ceiling = strict ? b.budget : (KNOWN_OVER[b.file] ?? b.budget);
  let verdict;
  if (gz <= b.budget) verdict = `OK (budget ${fmt(b.budget)})`;
  else if (gz <= ceiling) verdict = `OVER BUDGET ${fmt(b.budget)} by ${fmt(gz - b.budget)} — known, ceiling ${fmt(ceiling)} (docs/${b.file.endsWith('runtime.js') ? 'runtime' : 'bundle'}-size.md)`;
  else {
    verdict = `FAIL: over ${ceiling === b.budget ? 'budget' : 'ceiling'} ${fmt(ceiling)} (budget ${fmt(b.budget)})`;
    failed = true;
  }
  console.log(`${b.name.padEnd(34)} ${fmt(code.length).padStart(9)} min  ${fmt(gz).padStart(8)} min+gzip  ${verdict}`);
  const out = meta && Object.entries(meta.outputs).find(([k, v]) => k === b.file && v.entryPoint);
  if (out) {
    const groups = new Map();
    for (const [input, { bytesInOutput }] of Object.entries(out[1].inputs)) {
      const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = m ? m[1] : input.replace(/^(src\/[^/]+)\/.*$/, '$1');
      groups.set(key, (groups.get(key) ?? 0) + bytesInOutput);
    }
    const parts = [...groups].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
    console.log(`    minified bytes by origin: ${parts.map(([k, n]) => `${k} ${fmt(n)}`).join(', ')}`);
  }
}

// Every browser bundle must run under a strict Content-Security-Policy (no 'unsafe-eval'). The full
// bundle qualifies since validation stopped using TypeBox's compiler (docs/bundle-size.md).
for (const file of ['dist/browser/runtime.js', 'dist/browser/index.js', 'dist/meshroute.global.js']) {
  const text = readFileSync(file, 'utf8');
  const evals = [/\beval\s*\(/, /\bnew\s+Function\s*\(/, /\bFunction\s*\(\s*["'`]/].filter((re) => re.test(text));
  if (evals.length > 0) {
    console.error(`size: ${file} evaluates code (${evals.join(', ')}): browser bundles must not`);
    failed = true;
  }
}
if (!failed) console.log('browser bundles evaluate no code (no eval, no Function constructor)');
if (failed) process.exit(1);

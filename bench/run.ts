/**
 * `npm run bench`: builds, runs every benchmark (each in its own Node process, most of them spawning
 * a fresh process per measurement), and rewrites the generated sections of bench/RESULTS.md from
 * the JSON each one writes to bench/results/. Prose outside the `<!-- bench:NAME -->` markers is kept.
 *
 *   npm run bench                   # everything but regex, ≤ 5 minutes on the 2-vCPU reference machine
 *   npm run bench -- regex          # the regex benchmark (--quick; minutes), its report copied into RESULTS.md
 *   npm run bench -- peers route    # only steps whose name or file contains a substring
 *   npm run bench -- --quick        # shorter runs of every step (a smoke test; figures are rougher)
 *   npm run bench -- --no-write     # leave bench/RESULTS.md alone (bench/results/*.json are still rewritten)
 *
 * Only sections whose step ran (and succeeded) in this invocation are rewritten.
 */
import { execSync, spawnSync } from 'node:child_process';
import { cpus, loadavg, release, totalmem, type as osType } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { parseSize, renderLint, renderLoad, renderMachine, renderPeers, renderPhases, renderRegex, renderRoute, renderSize, renderWasm, replaceSection, type Machine } from './render.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const WRITE = !argv.includes('--no-write');
const filters = argv.filter((a) => !a.startsWith('--'));
const RESULTS = 'bench/RESULTS.md';

interface Step {
  name: string;
  file: string;
  /** Arguments after the file; `--quick` is added for `npm run bench -- --quick`. */
  args: string[];
  /** Section of RESULTS.md, its heading if it must be created, and how to render it. */
  section?: { name: string; heading: string; render: (m: Machine, stdout: string) => string };
  /** Captures stdout (the step's report) instead of streaming it. */
  capture?: boolean;
  /** Runs only when a filter names it (too long for the 5-minute default run). */
  optIn?: boolean;
}

const json = (name: string): never => JSON.parse(readFileSync(`bench/results/${name}.json`, 'utf8')) as never;

const STEPS: Step[] = [
  { name: 'build', file: 'scripts/build.mjs', args: [] },
  { name: 'build-wasm', file: 'wasm/build.mjs', args: [] },
  {
    name: 'size', file: 'scripts/size.mjs', args: [], capture: true,
    section: { name: 'size', heading: 'Bundle sizes (issue 7)', render: (m, out) => renderSize(parseSize(out), m) },
  },
  { name: 'load', file: 'bench/load/load.bench.ts', args: [], section: { name: 'load', heading: 'Load and validate (issue 2)', render: (m) => renderLoad(json('load'), m) } },
  { name: 'peers', file: 'bench/peers/peers.bench.ts', args: [], section: { name: 'peers', heading: 'Side by side with JS routers (issue 8)', render: (m) => renderPeers(json('peers'), m) } },
  { name: 'route', file: 'bench/route/route.bench.ts', args: [], section: { name: 'route', heading: 'Routing, full App Mesh workload (issues 4, 8)', render: (m) => renderRoute(json('route'), m) } },
  { name: 'phases', file: 'bench/route/phases.bench.ts', args: [], section: { name: 'phases', heading: 'Where route() spends its time (issue 4)', render: (m) => renderPhases(json('phases'), m) } },
  { name: 'lint', file: 'bench/analyze/lint.bench.ts', args: [], section: { name: 'lint', heading: 'Lint (issue 17)', render: (m) => renderLint(json('lint'), m) } },
  // Short mode: the full mode takes about a minute on this machine.
  { name: 'wasm', file: 'bench/wasm/filter.bench.ts', args: ['--quick'], section: { name: 'wasm', heading: 'WASM filter (issue 6)', render: (m) => renderWasm(json('wasm'), m) } },
  {
    // Opt-in: even its --quick mode took 80–240 s here (the full mode over 5 minutes), so `npm run bench -- regex`.
    name: 'regex', file: 'bench/regex/regex.bench.ts', args: ['--quick'], capture: true, optIn: true,
    section: { name: 'regex', heading: 'Regex engine (captured)', render: (m, out) => renderRegex(out, ['--quick'], m) },
  },
];

const git = (cmd: string): string => {
  try {
    return execSync(`git ${cmd}`, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
};
// Taken before the run: what was measured. Outputs of earlier runs (bench/results, RESULTS.md) do not count as changes.
const subject = git('log -1 --format=%s');
const COMMIT = `${git('rev-parse --short HEAD')} ${subject.length > 60 ? subject.slice(0, 60) + '…' : subject}`.trim();
const DIRTY = git("status --porcelain --untracked-files=no -- src wasm scripts bench package.json ':!bench/results' ':!bench/RESULTS.md'") !== '';

function machine(loadBefore: number[], seconds: number, ran: string[]): Machine {
  const [model] = cpus();
  return {
    date: new Date().toISOString(),
    commit: COMMIT,
    dirty: DIRTY,
    cpu: model?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGiB: totalmem() / 2 ** 30,
    node: process.version,
    os: `${osType()} ${release()} ${process.arch}`,
    loadBefore,
    loadAfter: loadavg(),
    seconds,
    ran,
    args: argv,
  };
}

const selected = STEPS.filter((s) => (filters.length === 0 && !s.optIn) || filters.some((f) => s.name.includes(f) || s.file.includes(f)));
// size and wasm measure dist/: build it from the current sources first.
if (selected.some((s) => s.name === 'size' || s.name === 'wasm')) {
  for (const b of STEPS.filter((s) => s.name.startsWith('build'))) if (!selected.includes(b)) selected.unshift(b);
}
selected.sort((a, b) => STEPS.indexOf(a) - STEPS.indexOf(b));
if (selected.length === 0) {
  console.error(`no benchmark matches ${filters.join(', ')}; steps: ${STEPS.map((s) => s.name).join(', ')}`);
  process.exit(1);
}

const loadBefore = loadavg();
const t0 = performance.now();
const done: { step: Step; stdout: string; seconds: number }[] = [];
let failed = 0;
for (const step of selected) {
  const args = [...(step.file.endsWith('.ts') ? ['--import', 'tsx'] : []), step.file, ...step.args, ...(QUICK && !step.args.includes('--quick') && step.file.startsWith('bench/') ? ['--quick'] : [])];
  console.log(`\n## ${step.name}: node ${args.join(' ')}\n`);
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', step.capture ? 'pipe' : 'inherit', 'inherit'], encoding: 'utf8' });
  const seconds = (performance.now() - t) / 1000;
  if (step.capture) process.stdout.write(r.stdout ?? '');
  console.log(`(${step.name}: ${seconds.toFixed(0)} s)`);
  if (r.status !== 0) {
    failed++;
    console.error(`FAILED: ${step.name} (exit ${r.status}); reproduce: node ${args.join(' ')}`);
    continue;
  }
  // A captured report is kept next to the JSON of the others (bench/regex writes no JSON of its own).
  if (step.capture) {
    mkdirSync('bench/results', { recursive: true });
    writeFileSync(`bench/results/${step.name}.txt`, r.stdout ?? '');
  }
  done.push({ step, stdout: r.stdout ?? '', seconds });
}
const seconds = (performance.now() - t0) / 1000;
const m = machine(loadBefore, seconds, done.map((d) => `${d.step.name} (${d.seconds.toFixed(0)} s)`));
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/machine.json', JSON.stringify(m, null, 2) + '\n');

if (WRITE) {
  let doc = readFileSync(RESULTS, 'utf8');
  doc = replaceSection(doc, 'machine', renderMachine(m), 'Machine of the last run');
  for (const { step, stdout } of done) {
    if (step.section === undefined) continue;
    try {
      doc = replaceSection(doc, step.section.name, step.section.render(m, stdout), step.section.heading);
    } catch (err) {
      failed++;
      console.error(`FAILED to render ${step.name}: ${(err as Error).stack}`);
    }
  }
  writeFileSync(RESULTS, doc);
  console.log(`\nwrote ${RESULTS} (sections: ${['machine', ...done.flatMap((d) => (d.step.section ? [d.step.section.name] : []))].join(', ')})`);
}
console.log(`npm run bench: ${seconds.toFixed(0)} s${failed ? `, ${failed} step(s) FAILED` : ''}`);
process.exit(failed === 0 ? 0 : 1);

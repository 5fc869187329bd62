/**
 * Loading and validating a mesh of ~5,000 App Mesh resources (issue 2: "well under a second").
 * Run: node --import tsx bench/load/load.bench.ts [--quick]
 * Writes bench/results/load.json (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { generateManifests } from './manifests.js';
import { summaryRow, taskStat } from '../_stats.js';

const TARGET = 5000;
const { objects, yaml, resources } = generateManifests(TARGET);
// The cold figure is what a one-shot CLI run pays (JIT not yet warm).
const cold = performance.now();
const check = loadSources([{ file: 'bench.yaml', text: yaml }]);
if (!check.valid) throw new Error(`generated mesh is invalid: ${check.diagnostics.slice(0, 3).map((d) => d.code + ' ' + d.message).join('; ')}`);

const coldMs = performance.now() - cold;

const QUICK = process.argv.includes('--quick');
// Minimums of 5 timed and 1 warm-up iterations (tinybench's defaults, 64 and 16, would take a minute here).
const bench = new Bench({ time: QUICK ? 500 : 2500, warmupTime: QUICK ? 100 : 500, iterations: 5, warmupIterations: 1 });
bench
  .add(`load + validate ${resources} resources from YAML text (${(yaml.length / 1e6).toFixed(2)} MB)`, () => {
    loadSources([{ file: 'bench.yaml', text: yaml }]);
  })
  .add(`load + validate ${resources} resources from parsed objects`, () => {
    loadObjects(objects);
  });
await bench.run();
console.log(`Node ${process.version}, ${resources} resources (${objects.length} documents); first (cold) load from YAML: ${coldMs.toFixed(0)} ms`);
console.table(bench.tasks.map(summaryRow));
const stat = (k: number) => taskStat(bench.tasks[k]!);
const result = {
  date: new Date().toISOString(),
  node: process.version,
  input: { resources, documents: objects.length, yamlBytes: yaml.length },
  settings: { timeMs: bench.time, warmupMs: bench.warmupTime, quick: QUICK },
  yaml: stat(0),
  objects: stat(1),
  coldMs,
};
mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/load.json', JSON.stringify(result, null, 2) + '\n');

/**
 * Loading and validating a mesh of ~5,000 App Mesh resources (issue 2: "well under a second").
 * Run: node --import tsx bench/load/load.bench.ts
 */
import { Bench } from 'tinybench';
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { generateManifests } from './manifests.js';
import { summaryRow } from '../_stats.js';

const TARGET = 5000;
const { objects, yaml, resources } = generateManifests(TARGET);
// The cold figure is what a one-shot CLI run pays (JIT not yet warm).
const cold = performance.now();
const check = loadSources([{ file: 'bench.yaml', text: yaml }]);
if (!check.valid) throw new Error(`generated mesh is invalid: ${check.diagnostics.slice(0, 3).map((d) => d.code + ' ' + d.message).join('; ')}`);

const coldMs = performance.now() - cold;

const bench = new Bench({ time: 4000, warmupTime: 1000 });
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

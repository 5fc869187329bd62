/**
 * Loading and validating a mesh of ~5,000 App Mesh resources (issue 2: "well under a second").
 * Run: node --import tsx bench/load/load.bench.ts
 */
import { Bench } from 'tinybench';
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { generateManifests } from './manifests.js';

const TARGET = 5000;
const { objects, yaml, resources } = generateManifests(TARGET);
const check = loadSources([{ file: 'bench.yaml', text: yaml }]);
if (!check.valid) throw new Error(`generated mesh is invalid: ${check.diagnostics.slice(0, 3).map((d) => d.code + ' ' + d.message).join('; ')}`);

const bench = new Bench({ time: 4000, warmupTime: 1000 });
bench
  .add(`load + validate ${resources} resources from YAML text (${(yaml.length / 1e6).toFixed(2)} MB)`, () => {
    loadSources([{ file: 'bench.yaml', text: yaml }]);
  })
  .add(`load + validate ${resources} resources from parsed objects`, () => {
    loadObjects(objects);
  });
await bench.run();
console.log(`Node ${process.version}, ${resources} resources (${objects.length} documents)`);
console.table(
  bench.tasks.map((t) => ({
    task: t.name,
    'median ms': t.result?.latency?.p50?.toFixed(1),
    'p99 ms': t.result?.latency?.p99?.toFixed(1),
    samples: t.result?.latency?.samples?.length,
  })),
);

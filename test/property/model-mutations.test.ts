/**
 * Property (b): random mutations of valid documents (delete a field, change a type, insert an
 * unknown or pointer-hostile key, out-of-range numbers, wrong enums, truncated strings, arrays and
 * objects swapped, random JSON anywhere) never make the loader throw, and every diagnostic's path
 * exists in the mutated document (a rule about a missing member points at its deepest existing
 * ancestor), with its line inside the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { loadAllKube } from '../../src/model/load/kube-schema.js';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { applyMutations, mutationsArbitrary, resolvePointer, validManifestSetArbitrary, type Json } from '../../src/testing/index.js';
import { explain, params } from './model-support.js';

const ROOT = join(import.meta.dirname, '../..');

/** Hand-written documents too: seed-article shapes, API JSON, Lists — what the generator does not make. */
function fixtureDocuments(): Json[][] {
  const sets: Json[][] = [];
  const yamlFile = (p: string) => parseAllDocuments(readFileSync(join(ROOT, p), 'utf8')).map((d) => d.toJS() as Json).filter((d) => d !== null);
  sets.push(yamlFile('docs/examples/seed-article/mesh.yaml'));
  sets.push(yamlFile('docs/examples/edge-gateway/mesh.yaml'));
  sets.push(yamlFile('docs/examples/color-app/mesh.yaml'));
  sets.push(yamlFile('test/model/fixtures/same-mesh/k8s.yaml'));
  sets.push(yamlFile('test/model/fixtures/list.yaml'));
  sets.push(JSON.parse(readFileSync(join(ROOT, 'test/model/fixtures/same-mesh/aws-describe.json'), 'utf8')) as Json[]);
  const aws = join(ROOT, 'docs/examples/multi-listener-aws');
  sets.push(readdirSync(aws).sort().map((f) => JSON.parse(readFileSync(join(aws, f), 'utf8')) as Json));
  return sets;
}

const baseDocuments: fc.Arbitrary<Json[]> = fc.oneof(
  validManifestSetArbitrary({ dialect: 'k8s', maxGatewayRoutes: 3, maxNodes: 3, maxServices: 3 }).map((s) => s.documents as Json[]),
  validManifestSetArbitrary({ dialect: 'aws', maxGatewayRoutes: 3, maxNodes: 3, maxServices: 3 }).map((s) => s.documents as Json[]),
  fc.constantFrom(...fixtureDocuments()),
);

const SEVERITIES = new Set(['error', 'warning', 'info']);

function checkDiagnostic(d: Diagnostic, root: unknown): void {
  assert.ok(SEVERITIES.has(d.severity), `severity ${d.severity}`);
  assert.match(d.code, /^[A-Z][A-Z0-9_]+$/);
  assert.equal(typeof d.message, 'string');
  assert.ok(d.message.length > 0);
  assert.ok(d.path === '' || d.path.startsWith('/'), `path ${JSON.stringify(d.path)} is not a JSON pointer`);
  const r = resolvePointer(root, d.path);
  assert.ok(r.exists, `${d.code} path ${JSON.stringify(d.path)} does not exist in the input (deepest existing: ${JSON.stringify(r.deepestExisting)}): ${d.message}`);
}

test('mutated documents: loadObjects never throws and every diagnostic points at an existing path', () => {
  fc.assert(
    fc.property(baseDocuments, mutationsArbitrary(4), (docs, mutations) => {
      const mutated = applyMutations(docs, mutations);
      explain(mutated, () => {
        const r = loadObjects(mutated);
        for (const d of r.diagnostics) checkDiagnostic(d, mutated);
        assert.equal(r.valid, !r.diagnostics.some((d) => d.severity === 'error'));
      });
    }),
    params(500),
  );
});

test('mutated documents as YAML and JSON files: loadSources never throws; paths exist and lines are inside the file', () => {
  fc.assert(
    fc.property(baseDocuments, mutationsArbitrary(3), fc.boolean(), (docs, mutations, strict) => {
      const mutated = applyMutations(docs, mutations);
      const list = Array.isArray(mutated) ? mutated : [mutated];
      explain(list, () => {
        // One YAML file per document (so a diagnostic's file names its document), and the lot as one JSON file.
        const sources = list.map((d, i) => ({ file: `doc-${i}.yaml`, text: stringify(d) }));
        sources.push({ file: 'all.json', text: JSON.stringify(list, null, 1) });
        const r = loadSources(sources, { strict });
        const byFile = new Map(sources.map((s) => [s.file, s]));
        for (const d of r.diagnostics) {
          const src = byFile.get(d.file ?? '');
          assert.ok(src, `diagnostic for unknown file ${d.file}`);
          if (d.code === 'INPUT_SYNTAX') continue;
          // YAML as kubectl reads it (model/load/kube-scalars.ts): a bare key `n:` or `off:` is "false" there.
          const root = d.file === 'all.json' ? JSON.parse(src.text) : loadAllKube(src.text)[0];
          checkDiagnostic(d, root);
          const lines = src.text.split('\n').length;
          assert.ok(d.line !== null && d.line >= 1 && d.line <= lines, `${d.code} line ${d.line} outside ${d.file} (${lines} lines)`);
          assert.ok(d.column !== null && d.column >= 1, `${d.code} column ${d.column}`);
        }
      });
    }),
    params(120),
  );
});

/**
 * Property (c): any text (random characters, YAML-ish token soup, valid manifests with characters
 * inserted, deleted or replaced) given to loadSources never throws; syntax problems are
 * INPUT_SYNTAX diagnostics with a position inside the file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Write YAML as kubectl reads it back (YAML 1.1-style scalars, docs/errors.md): `y`, `on`, `0777` get quoted. */
const KUBECTL_YAML = { version: '1.1' } as const;
import { loadSources } from '../../src/model/load-model.js';
import { validManifestSetArbitrary } from '../../src/testing/index.js';
import { params } from './model-support.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = ['docs/examples/seed-article/mesh.yaml', 'docs/examples/edge-gateway/mesh.yaml', 'test/model/fixtures/same-mesh/aws-create.json'].map((p) => readFileSync(join(ROOT, p), 'utf8'));

const TOKENS = ['\n', '  ', '- ', ': ', '---\n', '...\n', '#', '&a ', '*a', '!!str ', '!!binary ', '<<: ', '{', '}', '[', ']', ',', '"', "'", '|\n', '>\n', '? ', '%YAML 1.2\n', '\t', 'apiVersion', 'kind', 'appmesh.k8s.aws/v1beta2', 'GatewayRoute', 'spec', 'httpRoute', 'match', 'prefix', '/', 'null', '~', '1e999', '0x1F', '-.inf', '.nan', '\u0000', '\uFEFF', '\u2028', '😀', '\\u0000'];

const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 60 }).map((t) => t.join(''));

/** A valid text with a few characters inserted, deleted or replaced. */
const damagedText = fc
  .tuple(
    fc.oneof(fc.constantFrom(...EXAMPLES), validManifestSetArbitrary({ dialect: 'k8s', maxNodes: 2, maxGatewayRoutes: 2 }).map((s) => s.documents.map((d) => stringify(d, KUBECTL_YAML)).join('---\n'))),
    fc.array(fc.tuple(fc.nat(), fc.nat({ max: 4 }), fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 3 }))), { minLength: 1, maxLength: 5 }),
  )
  .map(([text, edits]) => {
    let out = text;
    for (const [at, del, ins] of edits) {
      const i = at % (out.length + 1);
      out = out.slice(0, i) + ins + out.slice(i + del);
    }
    return out;
  });

const anyText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }), tokenSoup, damagedText);

test('any text into loadSources (as .yaml and as .json) never throws; diagnostics are well-formed', () => {
  fc.assert(
    fc.property(anyText, fc.boolean(), (text, strict) => {
      const sources = [
        { file: 'input.yaml', text },
        { file: 'input.json', text },
      ];
      let result;
      try {
        result = loadSources(sources, { strict });
      } catch (err) {
        assert.fail(`loadSources threw ${String(err)}\n--- input text (JSON-escaped) ---\n${JSON.stringify(text)}`);
      }
      const lines = text.split(/\r\n|\r|\n/).length;
      for (const d of result.diagnostics) {
        assert.match(d.code, /^[A-Z][A-Z0-9_]+$/);
        if (d.line !== null) assert.ok(d.line >= 1 && d.line <= lines + 1, `${d.code} line ${d.line} outside the ${lines}-line input: ${JSON.stringify(text)}`);
        if (d.code === 'INPUT_SYNTAX') assert.equal(d.severity, 'error');
      }
      assert.equal(result.valid, !result.diagnostics.some((d) => d.severity === 'error'));
    }),
    params(400),
  );
});

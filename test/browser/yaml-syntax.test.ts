/**
 * The browser's js-yaml reader (src/browser/yaml-syntax.ts) against Node's `yaml` reader
 * (src/model/load/yaml-syntax.ts), in Node:
 *
 *   for any manifest text (generated sets written as YAML and JSON, the example and fixture files,
 *   hand-written YAML with comments, anchors, flow style, explicit and quoted keys, block scalars,
 *   several documents, a byte order mark, CRLF) and any pointer into it, existing or not,
 *   both locators give the same line and column;
 *   and for broken texts both slow readers load the same documents and report syntax errors for the
 *   same documents, on the same lines (wording and column may differ: docs/bundle-size.md).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import * as node from '../../src/model/load/yaml-syntax.js';
import * as browser from '../../src/browser/yaml-syntax.js';
import { documentPointers, validManifestSetArbitrary, type Json } from '../../src/testing/index.js';
import { params } from '../property/model-support.js';

const ROOT = join(import.meta.dirname, '../..');
let compared = 0;

function pointersOf(values: unknown[]): string[] {
  const out = new Set<string>(['', '/nope', '/0/x']);
  for (const v of values) for (const p of documentPointers(v as Json)) {
    out.add(p);
    out.add(`${p}/missing`);
  }
  return [...out];
}

function sameYamlPositions(text: string, label: string): void {
  const values: unknown[] = [];
  jsyaml.loadAll(text, (v) => values.push(v), { schema: jsyaml.CORE_SCHEMA });
  const n = node.yamlLocators(text, values.length);
  const b = browser.yamlLocators(text, values.length);
  const pointers = pointersOf(values);
  values.forEach((v, i) => {
    if (v === null || v === undefined) return; // an empty document is never located (the loader skips it)
    for (const p of pointers) {
      assert.deepEqual(b(i)(p), n(i)(p), `${label}: document ${i}, pointer ${JSON.stringify(p)}\n${text}`);
      compared++;
    }
  });
}

function sameJsonPositions(text: string, label: string): void {
  const n = node.jsonLocator(text);
  const b = browser.jsonLocator(text);
  for (const p of pointersOf([JSON.parse(text)])) {
    assert.deepEqual(b(p), n(p), `${label}: pointer ${JSON.stringify(p)}\n${text}`);
    compared++;
  }
}

const HAND_WRITTEN = [
  '# leading comment\n---\napiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh   # trailing\nmetadata:\n  name: m\n  labels: {a: "1", "b c": \'2\'}\nspec:\n  egressFilter:\n    type: ALLOW_ALL\n',
  'base: &base\n  port: 8080\n  protocol: http\nlisteners:\n  - portMapping: *base\n  - portMapping:\n      <<: *base\n',
  'a:\n- x\n- - 1\n  - 2\n- {p: [1, {q: r}], s: t}\n? explicit\n: value\n"quoted key": 1\n\'single\': 2\n',
  'script: |\n  line one\n  line two\nfolded: >-\n  text\n  more\nafter: 1\n',
  '---\na: 1\n---\n# only a comment\n---\nb: [1, 2]\n...\n---\nc: !!str 3\n',
  '\ufeffkind: Mesh\nmetadata:\n  name: bom\n',
  'kind: Mesh\r\nmetadata:\r\n  name: crlf\r\n  labels:\r\n    a: b\r\n',
  'items: [\n  {name: a, port: 1},\n  {name: b,\n   port: 2}\n]\n',
  'k: &a !!map {x: 1}\nl: *a\nm:\n  - &s !!str item\n  - *s\n',
  'empty:\nnull_value: null\n1: int key\ntrue: bool key\n',
];

test('browser locator = Node locator on hand-written YAML', () => {
  HAND_WRITTEN.forEach((t, i) => sameYamlPositions(t, `hand-written #${i}`));
});

test('browser locator = Node locator on the example and fixture manifests (YAML and JSON)', () => {
  for (const f of ['docs/examples/seed-article/mesh.yaml', 'docs/examples/edge-gateway/mesh.yaml', 'docs/examples/color-app/mesh.yaml', 'test/model/fixtures/same-mesh/k8s.yaml', 'test/model/fixtures/list.yaml']) {
    sameYamlPositions(readFileSync(join(ROOT, f), 'utf8'), f);
  }
  sameJsonPositions(readFileSync(join(ROOT, 'test/model/fixtures/same-mesh/aws-describe.json'), 'utf8'), 'aws-describe.json');
  const aws = join(ROOT, 'docs/examples/multi-listener-aws');
  for (const f of readdirSync(aws).sort()) sameJsonPositions(readFileSync(join(aws, f), 'utf8'), f);
});

test('browser locator = Node locator on generated manifest sets, as YAML (block and flow) and JSON', () => {
  const sets = fc.oneof(validManifestSetArbitrary({ dialect: 'k8s', maxGatewayRoutes: 3 }), validManifestSetArbitrary({ dialect: 'aws', maxGatewayRoutes: 3 }));
  fc.assert(
    fc.property(sets, fc.constantFrom(0, 2, 4), (set, flowLevel) => {
      const docs = set.documents as Json[];
      sameYamlPositions(docs.map((d) => stringify(d, flowLevel ? { collectionStyle: 'flow', indent: flowLevel } : {})).join('---\n'), 'generated');
      sameJsonPositions(JSON.stringify(docs, null, flowLevel), 'generated JSON');
    }),
    params(60),
  );
});

test('slow readers: the same documents load and the same ones are refused', () => {
  const cases = [
    'a: 1\n---\nb: [1, 2\n---\nc: 3\n',
    'kind: Mesh\nmetadata:\n  name: x\n  name: y\n---\nkind: Mesh\n',
    'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n---\nok: 1\n',
    'x:\n\t- tab\n',
    'a: b: c\n',
    'key: [1, 2\nother: 3\n',
    'a:\n  b: 1\n c: 2\n',
  ];
  for (const text of cases) {
    const n = node.parseYamlSlow({ file: 'f.yaml', text });
    const b = browser.parseYamlSlow({ file: 'f.yaml', text });
    assert.deepEqual(b.documents.map((d) => d.value), n.documents.map((d) => d.value), text);
    assert.deepEqual(b.documents.map((d) => d.locate('')), n.documents.map((d) => d.locate('')), text);
    // Same code and line (the first error of each broken document); wording and column are js-yaml's.
    assert.deepEqual(b.diagnostics.map((d) => [d.code, d.line]), n.diagnostics.map((d) => [d.code, d.line]), text);
    // A duplicate key and an alias bomb read exactly as in Node.
    if (/name: y|\*d/.test(text)) assert.deepEqual(b.diagnostics, n.diagnostics, text);
  }
});

test('known difference: a quoted scalar left open before a document marker', () => {
  // `yaml` lets the scalar run on and refuses the rest of the file; the browser reader cuts at the
  // marker (YAML 1.2 forbids markers inside scalars) and still loads the next document.
  const text = 'a: "unterminated\n---\nb: 2\n';
  assert.deepEqual(node.parseYamlSlow({ file: 'f.yaml', text }).documents.map((d) => d.value), []);
  assert.deepEqual(browser.parseYamlSlow({ file: 'f.yaml', text }).documents.map((d) => d.value), [{ b: 2 }]);
});

test('locator comparison count', () => {
  console.log(`browser/Node locator differential: ${compared} (document, pointer) comparisons`);
  assert.ok(compared > 1000);
});

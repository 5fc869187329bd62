/**
 * Differential property: our schema interpreter (src/model/schema/validate.ts) agrees with TypeBox
 * 1.4.3, the library the schemas are written in.
 *
 *   for any document d (generated valid sets, hand-written fixtures, their random mutations, random
 *   JSON) and any of the 20 document schemas s (K8s ×6, describe ×7, input ×7),
 *   validate(s, d) equals TypeBox's Value.Errors(s, d) — keyword, instancePath, schemaPath, params,
 *   in order — and is empty exactly when Value.Check(s, d) holds;
 *   and validate() gives the same on the serialized copy of s (src/model/schema/compiled.ts).
 *
 * Since schemaErrors() is a fold of that list, equal lists mean equal diagnostics (codes, paths,
 * messages). Reproduce a failure with the printed seed: MESHROUTE_SEED=… MESHROUTE_PATH=…
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Value from 'typebox/value';
import { Settings } from 'typebox/system';
import type { TSchema } from 'typebox';
import { parseAllDocuments } from 'yaml';
import { awsDescribeSchemas, awsInputSchemas, k8sSchemas } from '../../src/model/schema/index.js';
import { awsDescribeDocumentSchemas, awsInputDocumentSchemas, k8sDocumentSchemas } from '../../src/model/schema/compiled.js';
import { MAX_ERRORS, validate } from '../../src/model/schema/validate.js';
import { applyMutations, jsonValueArbitrary, mutationsArbitrary, validManifestSetArbitrary, type Json } from '../../src/testing/index.js';
import { explain, params } from './model-support.js';

const ROOT = join(import.meta.dirname, '../..');

/** [name, TypeBox schema, serialized schema] for every document schema. */
const SCHEMAS: [string, TSchema, object][] = [
  ...Object.keys(k8sSchemas).map((k) => [`k8s ${k}`, k8sSchemas[k as keyof typeof k8sSchemas], k8sDocumentSchemas[k as keyof typeof k8sDocumentSchemas]] as [string, TSchema, object]),
  ...Object.keys(awsDescribeSchemas).map((k) => [`describe ${k}`, awsDescribeSchemas[k as keyof typeof awsDescribeSchemas], awsDescribeDocumentSchemas[k as keyof typeof awsDescribeDocumentSchemas]] as [string, TSchema, object]),
  ...Object.keys(awsInputSchemas).map((k) => [`input ${k}`, awsInputSchemas[k as keyof typeof awsInputSchemas], awsInputDocumentSchemas[k as keyof typeof awsInputDocumentSchemas]] as [string, TSchema, object]),
];

function typeboxErrors(schema: TSchema, value: unknown): unknown[] {
  const saved = Settings.Get().maxErrors;
  try {
    Settings.Set({ maxErrors: MAX_ERRORS });
    return [...Value.Errors(schema, value)].map((e) => ({ keyword: e.keyword, schemaPath: e.schemaPath, instancePath: e.instancePath, params: e.params }));
  } finally {
    Settings.Set({ maxErrors: saved });
  }
}

let compared = 0;
let rejected = 0;
function agree(doc: unknown): void {
  for (const [name, typebox, serialized] of SCHEMAS) {
    const expected = typeboxErrors(typebox, doc);
    const ours = validate(typebox, doc);
    assert.deepEqual(ours, expected, `validate() ≠ Value.Errors on ${name}`);
    assert.equal(ours.length === 0, Value.Check(typebox, doc), `validate() ≠ Value.Check on ${name}`);
    assert.deepEqual(validate(serialized, doc), ours, `serialized schema ≠ TypeBox schema on ${name}`);
    compared++;
    if (ours.length > 0) rejected++;
  }
}

function fixtureDocuments(): Json[] {
  const docs: Json[] = [];
  for (const p of ['docs/examples/seed-article/mesh.yaml', 'docs/examples/edge-gateway/mesh.yaml', 'docs/examples/color-app/mesh.yaml', 'test/model/fixtures/same-mesh/k8s.yaml']) {
    docs.push(...parseAllDocuments(readFileSync(join(ROOT, p), 'utf8')).map((d) => d.toJS() as Json).filter((d) => d !== null));
  }
  docs.push(...(JSON.parse(readFileSync(join(ROOT, 'test/model/fixtures/same-mesh/aws-describe.json'), 'utf8')) as Json[]));
  return docs;
}

const documents: fc.Arbitrary<Json> = fc.oneof(
  validManifestSetArbitrary({ dialect: 'k8s', maxGatewayRoutes: 3, maxNodes: 2, maxServices: 2 }).chain((s) => fc.constantFrom(...(s.documents as Json[]))),
  validManifestSetArbitrary({ dialect: 'aws', maxGatewayRoutes: 3, maxNodes: 2, maxServices: 2 }).chain((s) => fc.constantFrom(...(s.documents as Json[]))),
  fc.constantFrom(...fixtureDocuments()),
);

/** Values TypeBox treats specially: surrogates in lengths, prototype keys, undefined members (in-memory input). */
const edgeValues = fc.constantFrom<unknown>('\ud83d\ude00', '\ud83d', '\ude00\ud83d', 'x'.repeat(255) + '\ud83d\ude00', undefined, 1.5, -0, Number.NaN, Infinity, 2 ** 53, [], {}, null);

test('validate() equals TypeBox Value.Errors / Value.Check on valid and mutated documents, for every document schema', () => {
  fc.assert(
    fc.property(documents, fc.option(mutationsArbitrary(4), { nil: undefined }), (doc, mutations) => {
      const mutated = mutations ? applyMutations(doc, mutations) : doc;
      explain(mutated, () => agree(mutated));
    }),
    params(300),
  );
});

test('validate() equals TypeBox on edge values planted anywhere (surrogates, prototype keys, undefined, non-finite numbers)', () => {
  const keys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'spec', 'name', 'a/b~c');
  fc.assert(
    fc.property(documents, fc.array(fc.tuple(fc.nat(), keys, edgeValues), { minLength: 1, maxLength: 4 }), (doc, plants) => {
      const root = structuredClone(doc) as unknown;
      const objects: Record<string, unknown>[] = [];
      const collect = (v: unknown): void => {
        if (Array.isArray(v)) v.forEach(collect);
        else if (v !== null && typeof v === 'object') {
          objects.push(v as Record<string, unknown>);
          Object.values(v).forEach(collect);
        }
      };
      collect(root);
      for (const [n, key, value] of plants) {
        const target = objects[n % objects.length]!;
        const keys = Object.keys(target);
        // Replace an existing member's value half the time, else define the key as an own property.
        const k = n % 2 === 0 && keys.length > 0 ? keys[n % keys.length]! : key;
        Object.defineProperty(target, k, { value, enumerable: true, writable: true, configurable: true });
      }
      agree(root);
    }),
    params(200),
  );
});

test('validate() equals TypeBox on arbitrary JSON values', () => {
  fc.assert(fc.property(jsonValueArbitrary(), (v) => agree(v)), params(200));
});

test('differential case count', () => {
  // Reported, not asserted beyond sanity: how many (document, schema) pairs the properties compared.
  console.log(`validator differential: ${compared} (document, schema) comparisons, ${rejected} with findings`);
  assert.ok(compared > 0 && rejected > 0 && rejected < compared);
});

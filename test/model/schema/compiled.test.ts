/**
 * The serialized schemas (src/model/schema/compiled-data.ts) are the TypeBox definitions, verbatim:
 * not stale, equal as JSON, and made only of keywords src/model/schema/validate.ts interprets.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { awsDescribeSchemas, awsInputSchemas, k8sSchemas } from '../../../src/model/schema/index.js';
import { k8sV1beta1Schemas } from '../../../src/model/schema/registry.js';
import { awsDescribeDocumentSchemas, awsInputDocumentSchemas, k8sDocumentSchemas, k8sV1beta1DocumentSchemas } from '../../../src/model/schema/compiled.js';
import { SUPPORTED_KEYWORDS } from '../../../src/model/schema/validate.js';
// @ts-expect-error -- plain .mjs script without declarations
import { generate } from '../../../scripts/gen-schemas.mjs';

const ROOT = join(import.meta.dirname, '../../..');

test('compiled-data.ts is what scripts/gen-schemas.mjs writes today (regenerate: node --import tsx scripts/gen-schemas.mjs)', async () => {
  assert.equal(readFileSync(join(ROOT, 'src/model/schema/compiled-data.ts'), 'utf8'), await generate());
});

test('decoded schemas equal the TypeBox schemas as JSON', () => {
  const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;
  assert.deepEqual(json(k8sDocumentSchemas), json(k8sSchemas));
  assert.deepEqual(json(awsDescribeDocumentSchemas), json(awsDescribeSchemas));
  assert.deepEqual(json(awsInputDocumentSchemas), json(awsInputSchemas));
  assert.deepEqual(json(k8sV1beta1DocumentSchemas), json(k8sV1beta1Schemas));
});

test('every schema keyword is one validate() interprets, or an annotation', () => {
  const allowed = new Set<string>([...SUPPORTED_KEYWORDS, 'x-union', 'x-kubernetes-map-type']);
  const seen = new Set<string>();
  const walk = (s: unknown): void => {
    if (typeof s === 'boolean') return;
    assert.ok(s !== null && typeof s === 'object' && !Array.isArray(s), `schema node ${JSON.stringify(s)}`);
    const o = s as Record<string, unknown>;
    for (const k of Object.keys(o)) {
      assert.ok(allowed.has(k), `keyword ${k} is not interpreted by validate()`);
      seen.add(k);
    }
    for (const k of ['properties', 'patternProperties']) if (o[k]) Object.values(o[k] as object).forEach(walk);
    if (o['items'] !== undefined) walk(o['items']);
    if (o['additionalProperties'] !== undefined) walk(o['additionalProperties']);
    if (o['enum'] !== undefined) assert.ok((o['enum'] as unknown[]).every((x) => typeof x === 'string'), 'enum values are strings (validate compares with ===)');
    if (o['const'] !== undefined) assert.equal(typeof o['const'], 'string');
  };
  for (const table of [k8sDocumentSchemas, awsDescribeDocumentSchemas, awsInputDocumentSchemas, k8sV1beta1DocumentSchemas]) Object.values(table).forEach(walk);
  assert.ok(seen.has('pattern') && seen.has('patternProperties') && seen.has('const'));
});

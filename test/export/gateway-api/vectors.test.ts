// Runs every vector in test/export/gateway-api/vectors (README there: sources and format). A failure
// prints the file, the case and a snippet that reproduces it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createGatewayApiEvaluator } from '../../../src/export/gateway-api/evaluate/index.js';
import { checkCase, loadSuites } from './_vectors.js';

const suites = loadSuites();

for (const suite of suites) {
  test(`${suite.file}: ${suite.title}`, () => {
    const evaluator = createGatewayApiEvaluator(suite.objects, suite.options);
    const failures: string[] = [];
    suite.cases.forEach((c, i) => {
      const entry = c.entry ?? suite.entry;
      assert.ok(entry, `${suite.file} case ${i}: no entry (suite or case)`);
      const d = evaluator.route(c.request, entry);
      const diffs = checkCase(c.expect, d);
      if (diffs.length > 0) {
        failures.push(
          `${suite.file} "${suite.title}" case ${i}${c.name ? ` (${c.name})` : ''}: ${diffs.join('; ')}\n` +
            `  reproduce: createGatewayApiEvaluator(objects of that suite${suite.options ? `, ${JSON.stringify(suite.options)}` : ''}).explain(${JSON.stringify(c.request)}, ${JSON.stringify(entry)})\n` +
            `  problems: ${JSON.stringify(evaluator.problems)}`,
        );
      }
    });
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

test('the vector set is not empty and covers HTTPRoute, GRPCRoute and GAMMA', () => {
  const cases = suites.reduce((n, s) => n + s.cases.length, 0);
  assert.ok(cases >= 100, `only ${cases} cases`);
  const kinds = new Set(suites.flatMap((s) => s.objects.map((o) => o.kind)));
  for (const k of ['HTTPRoute', 'GRPCRoute', 'ReferenceGrant', 'Service']) assert.ok(kinds.has(k as never), `no vector uses ${k}`);
  assert.ok(suites.some((s) => s.cases.some((c) => (c.entry ?? s.entry)?.kind === 'Service')), 'no GAMMA vector');
});

// The options model choices the spec leaves open: every conformance case must hold under each of
// them, or the option would describe a non-conformant implementation.
for (const options of [{ hostnameFallthrough: true }, { regexPrecedence: 'before-prefix' as const }, { gammaIgnoresHostnames: false }]) {
  test(`the conformance cases also hold with ${JSON.stringify(options)}`, () => {
    const failures: string[] = [];
    for (const suite of suites.filter((s) => s.file.startsWith('conformance-'))) {
      const evaluator = createGatewayApiEvaluator(suite.objects, { ...suite.options, ...options });
      suite.cases.forEach((c, i) => {
        const diffs = checkCase(c.expect, evaluator.route(c.request, (c.entry ?? suite.entry)!));
        if (diffs.length > 0) failures.push(`${suite.file} "${suite.title}" case ${i}: ${diffs.join('; ')}`);
      });
    }
    assert.deepEqual(failures, [], failures.join('\n'));
  });
}

// Properties of `export gateway-api` on generated meshes (meshroute/testing's
// validManifestSetArbitrary, K8s and AWS dialects), for every target and both prefix modes:
// - every exported object validates against the Gateway API CRD schemas and the CEL rules;
// - the checker's verdicts hold: an `exact` pair never diverges on a fresh set of requests (another
//   seed, 1,000 more random requests), and every `approximate` reason's counterexample diverges again
//   when re-run through both evaluators.
// A failure prints the seed, the fast-check path and the documents; FC_SEED=… FC_PATH=… replays it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { validManifestSetArbitrary } from '../../src/testing/index.js';
import { loadObjects } from '../../src/model/load-model.js';
import { exportGatewayApi } from '../../src/export/gateway-api/export.js';
import { TARGET_NAMES } from '../../src/export/gateway-api/capabilities.js';
import { validateObject } from '../export/gateway-api/_validate-output.js';
import { verdictFailures } from '../export/gateway-api/_verdicts.js';
import { runs } from './_config.js';

let exported = 0;
let checked = 0;
const verdicts = { exact: 0, approximate: 0, unsupported: 0 };

for (const dialect of ['k8s', 'aws'] as const) {
  test(`generated meshes (${dialect}): the export validates and the checker's verdicts hold`, () => {
    fc.assert(
      fc.property(
        validManifestSetArbitrary({ dialect, maxGatewayRoutes: 3, maxRoutesPerRouter: 3 }),
        fc.constantFrom(...TARGET_NAMES),
        fc.constantFrom('segment' as const, 'exact' as const),
        (set, target, prefixMode) => {
          const loaded = loadObjects(set.documents, {});
          assert.ok(loaded.valid, JSON.stringify(loaded.diagnostics.filter((d) => d.severity === 'error')));
          const result = exportGatewayApi(loaded, { target, prefixMode, randomRequests: 200, seed: 3 });
          exported++;
          checked += result.report.summary.checkedRequests;
          for (const r of [...result.report.routes, ...(result.report.mesh ?? []).flatMap((m) => m.routes)]) verdicts[r.verdict]++;
          const problems = result.write.objects.flatMap(validateObject);
          assert.deepEqual(problems, [], `--target ${target} --prefix-mode ${prefixMode}\n${JSON.stringify(set.documents)}`);
          const failures = verdictFailures(loaded.model, result, { random: 1000, seed: 11 });
          assert.deepEqual(failures, [], `--target ${target} --prefix-mode ${prefixMode}\n${JSON.stringify(set.documents)}`);
        },
      ),
      { numRuns: runs(25), ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true } : {}) },
    );
  });
}

test('generated meshes: the verdicts cover each kind (the property is not vacuous)', () => {
  console.log(`exported ${exported} meshes, ${checked} requests checked, verdicts ${JSON.stringify(verdicts)}`);
  assert.ok(exported > 0);
  assert.ok(verdicts.exact > 0 && verdicts.approximate > 0 && verdicts.unsupported > 0, JSON.stringify(verdicts));
});

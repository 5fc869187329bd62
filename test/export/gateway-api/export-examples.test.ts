/**
 * The checker on the example meshes (issue 16 "Done means"): for every example, target and prefix
 * mode, `exact` pairs never diverge on 3,000 further random requests (another seed), and every
 * `approximate` reason carries a counterexample that diverges again when re-run through both
 * evaluators. Prints the per-target verdict table recorded in docs/migrate-gateway-api.md.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exportGatewayApi } from '../../../src/export/gateway-api/export.js';
import { TARGET_NAMES } from '../../../src/export/gateway-api/capabilities.js';
import { exampleMeshes } from './_examples.js';
import { verdictFailures } from './_verdicts.js';

const examples = exampleMeshes();

for (const prefixMode of ['segment', 'exact'] as const) {
  test(`examples (--prefix-mode ${prefixMode}): exact never diverges, every approximate reason reproduces`, () => {
    const table: string[] = [];
    for (const { name, loaded } of examples) {
      for (const gw of loaded.model.virtualGateways) {
        for (const target of TARGET_NAMES) {
          const result = exportGatewayApi(loaded, { gateway: gw.name, target, prefixMode });
          const s = result.report.summary;
          table.push(`| ${name} | ${gw.displayName} | ${target} | ${s.exact} | ${s.approximate} | ${s.unsupported} | ${s.checkedRequests} | ${s.divergent} |`);
          const failures = verdictFailures(loaded.model, result, { random: 3000, seed: 7 });
          assert.deepEqual(failures, [], `reproduce: meshroute export gateway-api -f docs/examples/${name} --gateway ${gw.name} --target ${target} --prefix-mode ${prefixMode} -o /tmp/out`);
          for (const r of result.report.routes) if (r.verdict === 'approximate') assert.ok(r.reasons.length > 0);
        }
      }
    }
    console.log(`prefix mode ${prefixMode}\n| example | gateway | target | exact | approximate | unsupported | requests | divergent |\n|---|---|---|---|---|---|---|---|\n${table.join('\n')}`);
  });
}

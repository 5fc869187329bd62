// Property: lint's claims about generated gateways agree with the evaluator.
//  - no false claim: a route flagged LINT_NEVER_WINS / LINT_NEVER_MATCHES / LINT_HEADER_NEVER_HOLDS
//    wins none of the generated requests (routes, exact paths, hosts, headers, near misses of each);
//  - every route lint reports reachable has a witness that reaches it (routed through the table);
//  - every route that takes part in some group gets an answer: reachable, or one of the findings
//    above, or LINT_UNDECIDED (never silence). The share of undecided routes is printed.
// On failure fast-check prints seed and path; the message has a pasteable YAML vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { lint } from '../../src/analyze/index.js';
import { gatewayCaseArb, requestFor, vectorSnippet } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
import { runs } from '../property/_config.js';

const UNREACHABLE = new Set(['LINT_NEVER_WINS', 'LINT_NEVER_MATCHES', 'LINT_HEADER_NEVER_HOLDS']);
const tally = { routes: 0, reachable: 0, unreachable: 0, undecided: 0, requests: 0 };

function check(maxRoutes: number, minRoutes: number, requests: number, numRuns: number): void {
  fc.assert(
    fc.property(gatewayCaseArb({ maxRoutes, minRoutes }, requests), ([res, hostnameMode, recipes]) => {
      const { model, gateway } = modelFromApi(res);
      const result = lint(model, { hostnameMode, reachable: true });
      const router = loadTable(compileGatewayTable(model, gateway, { hostnameMode, routerStage: false }));
      const flagged = new Map(result.findings.filter((f) => UNREACHABLE.has(f.code)).map((f) => [f.route.displayName, f]));
      const undecided = new Set(result.findings.filter((f) => f.code === 'LINT_UNDECIDED' && f.message.includes('can win')).map((f) => f.route.displayName));
      const reachable = result.reachable ?? [];
      for (const { route, witness } of reachable) {
        const won = router.route(witness.request, { random: () => 0 }).gatewayRoute;
        assert.equal(won, route.displayName, `reachable ${route.displayName}: its witness ${JSON.stringify(witness.request)} routes to ${won}\n${vectorSnippet(res, witness.request, hostnameMode, 0, null)}`);
        assert.ok(!flagged.has(route.displayName), `${route.displayName} is both reachable and flagged ${flagged.get(route.displayName)?.code}`);
      }
      recipes.forEach((recipe) => {
        const request = requestFor(res, recipe);
        const won = router.route(request, { random: () => recipe.random }).gatewayRoute;
        tally.requests++;
        if (won !== null && flagged.has(won)) {
          const f = flagged.get(won)!;
          assert.fail(`${f.code} claims ${won} never wins, but ${JSON.stringify(request)} reaches it\n  ${f.message}\npasteable vector:\n${vectorSnippet(res, request, hostnameMode, recipe.random, null)}`);
        }
      });
      // Every route that takes part in some group has an answer.
      const reached = new Set(reachable.map((r) => r.route.displayName));
      for (const gr of model.gatewayRoutes) {
        const name = gr.displayName;
        if (!partOfAGroup(gateway, gr)) continue;
        tally.routes++;
        if (reached.has(name)) tally.reachable++;
        else if (flagged.has(name)) tally.unreachable++;
        else if (undecided.has(name)) tally.undecided++;
        else assert.fail(`${name}: lint says nothing about whether it can win\n${vectorSnippet(res, { path: '/' }, hostnameMode, 0, null)}`);
      }
    }),
    { numRuns },
  );
}

/** The route's protocol has a listener and its port (if any) is one. */
function partOfAGroup(gateway: ReturnType<typeof modelFromApi>['gateway'], gr: ReturnType<typeof modelFromApi>['model']['gatewayRoutes'][number]): boolean {
  const port = gr.spec.match.port;
  return gateway.listeners.some((l) => l.portMapping.protocol === gr.spec.type && (port === null || port === l.portMapping.port));
}

test('lint claims agree with the evaluator: small gateways (1–12 routes), 40 requests each', () => {
  check(12, 1, 40, runs(250));
});

test('lint claims agree with the evaluator: larger gateways (20–60 routes), 60 requests each', () => {
  check(60, 20, 60, runs(40));
});

test('report', () => {
  console.log(`lint property: ${tally.requests} requests; ${tally.routes} routes: ${tally.reachable} reachable (witness checked), ${tally.unreachable} never win / never match, ${tally.undecided} undecided (${((100 * tally.undecided) / Math.max(1, tally.routes)).toFixed(1)} %)`);
});

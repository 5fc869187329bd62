// Property: for any generated gateway (up to 200 routes, every match kind) and any request derived
// from its routes, the compiled table's decision equals the naive reference's (test/_support/reference.ts),
// in both hostname modes; explain() names the same winner as route(), and match() the same as the reference.
// On failure fast-check prints seed and path; the message carries a pasteable YAML vector.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { gatewayCaseArb, requestFor, vectorSnippet } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
import { referenceRoute } from '../_support/reference.js';
import { runs } from './_config.js';

/** Requests per generated gateway: compiling is the expensive part, so each gateway serves several. */
const REQUESTS_PER_GATEWAY = 4;

function checkEquivalence(maxRoutes: number, minRoutes: number, numRuns: number): void {
  fc.assert(
    fc.property(
      gatewayCaseArb({ maxRoutes, minRoutes }, REQUESTS_PER_GATEWAY),
      ([res, hostnameMode, recipes]) => {
        const { model, gateway } = modelFromApi(res);
        const router = loadTable(compileGatewayTable(model, gateway, { hostnameMode, routerStage: false }));
        recipes.forEach((recipe, i) => {
          const request = requestFor(res, recipe);
          const random = (): number => recipe.random;
          const got = router.route(request, { random });
          const want = referenceRoute(model, gateway, request, { hostnameMode, random, routerStage: false });
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            assert.fail(`compiled ≠ reference\n  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}\npasteable vector:\n${vectorSnippet(res, request, hostnameMode, recipe.random, want)}`);
          }
          // match() names the same winner as the reference — also a route whose targets all weigh 0 — and shares one frozen description per route.
          const m = router.match(request);
          assert.equal(m?.gatewayRoute ?? null, want.gatewayRoute, `match() ≠ reference winner\npasteable vector:\n${vectorSnippet(res, request, hostnameMode, recipe.random, want)}`);
          if (m !== null) {
            assert.ok(Object.isFrozen(m) && router.match(request) === m, 'match() returns one frozen description per route');
            if (want.matched) assert.ok(m.targets.some((t) => t.virtualService === want.virtualService && t.port === want.targetPort), 'the decision picked one of the described targets');
          }
          if (i === 0) {
            const ex = router.explain(request, { random });
            const winner = ex.routes.find((r) => r.outcome === 'won')?.name ?? null;
            assert.equal(winner, got.matched || got.gatewayRoute !== null ? got.gatewayRoute : null, 'explain agrees with route');
          }
        });
      },
    ),
    { numRuns },
  );
}

// 8,500 + 1,500 = 10,000 generated gateways per normal run, 4 requests each (40,000 decisions).
test('compiled evaluator ≡ naive reference: small gateways (0–12 routes)', () => {
  checkEquivalence(12, 0, runs(8500));
});

test('compiled evaluator ≡ naive reference: large gateways (50–200 routes)', () => {
  checkEquivalence(200, 50, runs(1500));
});

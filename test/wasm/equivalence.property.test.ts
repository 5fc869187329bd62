// Property: for generated gateways (every match kind, both hostname modes) and requests aimed at
// their routes, the filter in the test host answers exactly as the JS runtime decides — matched
// route, virtual service, rewritten :path and :authority, or the 404 local reply (gRPC status 12).
// At least 10,000 generated cases per run (MESHROUTE_LONG=1: ×10). Weighted picks are made sticky
// by an x-request-id; the runtime gets the same hash as its random value.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { gatewayCaseArb, requestFor, vectorSnippet } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
import { runs } from '../property/_config.js';
import { ensureFilterBuilt, routeWeights, stickyDecision } from './_support.js';
import { MeshrouteFilter, expectedAnswer, type FilterRequest } from '../../wasm/host/index.js';

before(() => ensureFilterBuilt());

const REQUESTS_PER_GATEWAY = 8;
let cases = 0;
let matched = 0;

function withRequestId(req: FilterRequest, id: string): FilterRequest {
  const h = req.headers;
  if (h === undefined) return { ...req, headers: { 'x-request-id': id } };
  if (typeof (h as Iterable<unknown>)[Symbol.iterator] === 'function') return { ...req, headers: [...(h as Iterable<readonly [string, string]>), ['x-request-id', id]] as [string, string][] };
  return { ...req, headers: { ...(h as Record<string, string | string[]>), 'x-request-id': id } };
}

/**
 * Issue 13 item 6: the same resources with assertions in every regex, compiled with a zero DFA-state
 * budget, so every automaton is an NFA with ASSERT instructions and wasm/assembly/regex/matcher.ts's
 * NFA path and the runtime's lock-step matcher are what is compared. A path regex gets `^\B(?:r)$`
 * (paths start with `/`, so `\B` holds there), a header regex `^\b(?:v)$` (true before a word
 * character): most requests still reach the same routes, and a wrong assertion flips them.
 */
function withAssertingRegexes<T>(value: T, parent = ''): T {
  if (Array.isArray(value)) return value.map((v) => withAssertingRegexes(v, parent)) as T;
  if (value === null || typeof value !== 'object') return value;
  const wrap = (r: string): string => (parent === 'path' ? `^\\B(?:${r})$` : `^\\b(?:${r})$`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'regex' && typeof v === 'string' ? wrap(v) : withAssertingRegexes(v, k)])) as T;
}

function check(filter: MeshrouteFilter, maxRoutes: number, minRoutes: number, numRuns: number, nfa = false): void {
  fc.assert(
    fc.property(
      gatewayCaseArb({ maxRoutes, minRoutes }, REQUESTS_PER_GATEWAY),
      ([res, hostnameMode, recipes]) => {
        const { model, gateway } = modelFromApi(nfa ? withAssertingRegexes(res) : res);
        // Gateway-only tables: these gateways have no providers, so a two-stage table (the default since
        // issue 5) would end every match in a router-stage 404 — two-stage.property.test.ts covers that stage.
        const table = compileGatewayTable(model, gateway, { hostnameMode, routerStage: false, ...(nfa ? { regex: { maxDfaStates: 0 } } : {}) });
        const router = loadTable(table);
        const weights = routeWeights(table);
        assert.ok(filter.host.configure(table), 'the filter loads every compiled table');
        recipes.forEach((r, i) => {
          // Every other request is aimed squarely at its route (the generators alone match ~3%).
          const recipe = i % 2 === 0 ? r : { ...r, pathVariant: 3, hostVariant: 0, headerVariant: 0, queryVariant: 0, method: 1, port: 0 };
          const { protocol: _protocol, ...base } = requestFor(res, recipe);
          const req = withRequestId(base, `id-${recipe.random}`);
          const decision = stickyDecision(router, weights, req, `id-${recipe.random}`);
          const want = expectedAnswer(decision, req);
          const { result, ...got } = filter.route(req);
          cases++;
          if (got.kind === 'continue') matched++;
          if (JSON.stringify(got) !== JSON.stringify(want)) {
            assert.fail(`filter ≠ runtime\n  got:  ${JSON.stringify(got)}\n  want: ${JSON.stringify(want)}\n  logs: ${JSON.stringify(result.logs)}\npasteable vector:\n${vectorSnippet(res, req as never, hostnameMode, recipe.random, decision)}`);
          }
        });
      },
    ),
    { numRuns },
  );
}

// 1,150 + 150 gateways × 8 requests = 10,400 cases per normal run.
test('filter ≡ JS runtime: small gateways (0–12 routes)', () => {
  check(new MeshrouteFilter(new Uint8Array(0)), 12, 0, runs(1150));
});

test('filter ≡ JS runtime: large gateways (50–200 routes)', () => {
  check(new MeshrouteFilter(new Uint8Array(0)), 200, 50, runs(150));
});

// Issue 13 item 6: NFA automata (assertions, zero DFA-state budget) in both evaluators.
test('filter ≡ JS runtime: every regex an assertion NFA (0–12 routes)', () => {
  check(new MeshrouteFilter(new Uint8Array(0)), 12, 0, runs(400), true);
});

test('at least 10,000 generated cases ran', () => {
  assert.ok(cases >= 10_000, `${cases} cases`);
  // Not vacuous: both outcomes are well represented.
  assert.ok(matched > cases / 20 && matched < cases * 0.9, `${matched} of ${cases} matched`);
});

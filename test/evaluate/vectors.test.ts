// Runs the routing conformance vectors (test/vectors/routing/*.yaml) against the compiled evaluator,
// in each hostname mode the vector allows, and against the naive reference (test/_support/reference.ts);
// match() must name route()'s gateway route and describe its targets and rewrite.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable, type Decision, type RouteMatch, type RouteOptions } from '../../src/evaluate/index.js';
import { loadVectorSuites, type VectorCase } from '../_support/vectors.js';
import { hasRouterStage, loadVectorModel } from '../_support/vector-model.js';
import { referenceRoute } from '../_support/reference.js';

const MAX_REPORTED = 100;
const suites = loadVectorSuites();

test('the vector set covers the gateway-stage reference cases', () => {
  const covered = new Set(suites.map((s) => s.reference));
  for (const n of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 22]) assert.ok(covered.has(n), `reference §10 case ${n} has no vector`);
  assert.ok(suites.every((s) => s.cases.length > 0 && s.cases.every((c) => c.line > 0)), 'every suite has cases with line numbers');
});

for (const suite of suites) {
  const label = `${suite.file}:${suite.line} ${suite.reference !== null ? `§10 #${suite.reference} ` : ''}${suite.title}${suite.unverified ? ' (unverified)' : ''}`;
  test(label, () => {
    const { model, gateway } = loadVectorModel(suite.resources);
    const failures: string[] = [];
    // Suites without a provider, router or node test the gateway stage alone (a gateway-only table).
    const routerStage = hasRouterStage(suite.resources);
    for (const hostnameMode of suite.modes) {
      const router = loadTable(compileGatewayTable(model, gateway, { hostnameMode, routerStage }));
      for (const c of suite.cases) {
        const options: RouteOptions = {};
        if (c.random !== undefined) options.random = () => c.random!;
        if (c.stickyKey !== undefined) options.stickyKey = c.stickyKey;
        if (c.allTargets !== undefined) options.allTargets = c.allTargets;
        const decision = router.route(c.request, options);
        compare(failures, c, `compiled/${hostnameMode}`, decision);
        checkMatch(failures, c, hostnameMode, router.match(c.request), decision);
        compare(failures, c, `reference/${hostnameMode}`, referenceRoute(model, gateway, c.request, { hostnameMode, routerStage, ...options }));
      }
    }
    if (failures.length > 0) assert.fail(failures.slice(0, MAX_REPORTED).join('\n\n'));
  });
}

function compare(failures: string[], c: VectorCase, engine: string, got: Decision): void {
  const wrong = Object.entries(c.expect).filter(([k, v]) => !same((got as unknown as Record<string, unknown>)[k], v));
  if (wrong.length === 0) return;
  failures.push(
    `${c.file}:${c.line}: case ${JSON.stringify(c.name)} [${engine}]\n` +
      `  request: ${JSON.stringify(c.request)}\n` +
      wrong.map(([k, v]) => `  ${k}: expected ${JSON.stringify(v)}, got ${JSON.stringify((got as unknown as Record<string, unknown>)[k])}`).join('\n'),
  );
}

/** Scalars by Object.is; objects (endpoint, timeout, retryPolicy, targets) structurally. */
function same(a: unknown, b: unknown): boolean {
  if (a !== null && b !== null && typeof a === 'object' && typeof b === 'object') return JSON.stringify(canon(a)) === JSON.stringify(canon(b));
  return Object.is(a, b);
}

function canon(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(canon);
  if (x !== null && typeof x === 'object') return Object.fromEntries(Object.keys(x).sort().map((k) => [k, canon((x as Record<string, unknown>)[k])]));
  return x;
}

/** match() against route(): the same gateway route (also one whose targets all weigh 0), its target among the described, the rewrite kind the path shows. */
function checkMatch(failures: string[], c: VectorCase, mode: string, m: RouteMatch | null, d: Decision): void {
  const where = `${c.file}:${c.line} ${c.name} (match/${mode})`;
  if ((m?.gatewayRoute ?? null) !== d.gatewayRoute) {
    failures.push(`${where}: match() names ${m?.gatewayRoute ?? 'no route'}, route() ${d.gatewayRoute ?? 'no route'}`);
    return;
  }
  if (m === null || !d.matched) return;
  if (!m.targets.some((t) => t.virtualService === d.virtualService && t.port === d.targetPort)) failures.push(`${where}: route() picked ${d.virtualService}:${d.targetPort}, not a target match() describes`);
  const requestPath = c.request.path.replace(/[?#].*$/, '');
  const upstream = (d.path ?? '').replace(/[?#].*$/, '');
  if (m.pathRewrite === 'none' && upstream !== requestPath && !/\/\/|\/\.|^[^/]/.test(requestPath)) failures.push(`${where}: pathRewrite 'none' but route() rewrote ${requestPath} to ${upstream}`);
  if (m.hostnameRewrite && d.authority !== d.virtualService) failures.push(`${where}: hostnameRewrite true but the authority ${d.authority} is not the service ${d.virtualService}`);
  if (!m.hostnameRewrite && d.authority !== (c.request.authority ?? null)) failures.push(`${where}: hostnameRewrite false but the authority ${d.authority} is not the request's ${c.request.authority}`);
}

/**
 * Running route-test files: each case's request through the gateway (manifests compiled, or a
 * compiled table), its decision compared with the expectation as a subset, and route coverage —
 * which gateway routes and router routes some case's decision went through.
 */
import { readFileSync } from 'node:fs';
import { InputError, MeshrouteError, UsageError, ValidationError } from '../../errors.js';
import { compile } from '../../api/compile.js';
import { loadFiles } from '../../model/load-model.js';
import { seededRandom, type Decision, type RouteOptions, type RouteRequest } from '../../evaluate/index.js';
import { routingOf, type Routing } from '../../analyze/routing-source.js';
import { routeId } from '../../analyze/routing-views.js';
import { reachableFromGateway } from '../../analyze/route-requests.js';
import { requestFromArgs } from '../request-args.js';
import type { LoadedTestFile } from './load.js';
import type { RouteTestCaseData, RouteTestExpectData } from './schema.js';

/** One field where a decision differs from what the case expects. */
export interface Mismatch {
  /** JSON pointer into the decision, e.g. `/gatewayRoute`, `/targets/1/weight`. */
  field: string;
  expected: unknown;
  actual: unknown;
}

export interface CaseResult {
  file: string;
  line: number;
  name: string;
  passed: boolean;
  request: RouteRequest | null;
  decision: Decision | null;
  /** expect: its mismatches; expectAny: the mismatches of the closest alternative. */
  mismatches: Mismatch[];
  /** A case that could not run (bad URL, unknown gateway, invalid manifests). */
  error: string | null;
}

export interface RouteSet {
  total: number;
  covered: string[];
  uncovered: string[];
}

export interface SuiteResult {
  file: string;
  gateway: string | null;
  cases: CaseResult[];
  gatewayRoutes: RouteSet;
  /** Router routes a request from this gateway can reach (the denominator of coverage). */
  routerRoutes: RouteSet;
  /** Router routes no gateway route leads to (no target on their router's listener of their protocol): left out of coverage, listed. */
  unreachable: string[];
  /** The suite could not run at all (manifests invalid, table unreadable): the reason. */
  error: string | null;
}

/** Files testing the same gateway of the same inputs share one router (and one coverage entry). */
export function suiteKey(t: LoadedTestFile): string {
  return JSON.stringify([t.manifests, t.table, t.data.gateway ?? null, t.data.hostnameMode ?? null]);
}

export function runSuite(t: LoadedTestFile, cache: Map<string, Routing>): SuiteResult & { key: string } {
  let routing: Routing;
  try {
    routing = routingFor(t, cache);
  } catch (err) {
    if (!(err instanceof MeshrouteError)) throw err;
    const empty = { total: 0, covered: [], uncovered: [] };
    const error = err instanceof ValidationError ? `${err.message} ("meshroute validate" lists every finding)` : err.message;
    return { key: suiteKey(t), file: t.file, gateway: null, cases: [], gatewayRoutes: empty, routerRoutes: empty, unreachable: [], error };
  }
  const hit = new Set<string>();
  const cases = t.data.cases.map((c, i) => runCase(routing, c, t.file, t.caseLines[i]!, hit));
  const views = routing.views;
  const routes = views.routerRoutes.filter((v) => reachableFromGateway(views, v));
  const set = (ids: string[]): RouteSet => ({ total: ids.length, covered: ids.filter((id) => hit.has(id)), uncovered: ids.filter((id) => !hit.has(id)) });
  return {
    key: suiteKey(t),
    file: t.file,
    gateway: views.gateway,
    cases,
    gatewayRoutes: set(views.gatewayRoutes.map(routeId)),
    routerRoutes: set(routes.map(routeId)),
    unreachable: views.routerRoutes.filter((v) => !reachableFromGateway(views, v)).map(routeId),
    error: null,
  };
}

function routingFor(t: LoadedTestFile, cache: Map<string, Routing>): Routing {
  const key = suiteKey(t);
  const cached = cache.get(key);
  if (cached) return cached;
  const options = { ...(t.data.gateway === undefined ? {} : { gateway: t.data.gateway }), ...(t.data.hostnameMode === undefined ? {} : { hostnameMode: t.data.hostnameMode }) };
  let routing: Routing;
  if (t.table !== null) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(t.table);
    } catch (err) {
      throw new InputError('INPUT_NOT_FOUND', `${t.table}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: t.table });
    }
    routing = routingOf(bytes, options);
  } else {
    routing = routingOf(compile(loadFiles(t.manifests!), options));
  }
  cache.set(key, routing);
  return routing;
}

function runCase(routing: Routing, c: RouteTestCaseData, file: string, line: number, hit: Set<string>): CaseResult {
  const base = { file, line, name: c.name };
  let request: RouteRequest;
  try {
    request = requestFromArgs({ url: c.request.url, method: c.request.method, headers: [], port: c.request.port === undefined ? undefined : String(c.request.port), protocol: c.request.protocol });
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    return { ...base, passed: false, request: null, decision: null, mismatches: [], error: err.message };
  }
  if (c.request.headers) request.headers = c.request.headers;
  const options: RouteOptions = { random: seededRandom(c.seed ?? 0) };
  if (c.stickyKey !== undefined) options.stickyKey = c.stickyKey;
  if (c.allTargets) options.allTargets = true;
  const decision = routing.router.route(request, options);
  if (decision.gatewayRoute !== null && decision.stage !== 'gateway') hit.add(decision.gatewayRoute);
  if (decision.virtualRouter !== null && decision.route !== null) hit.add(`${decision.virtualRouter}/${decision.route}`);
  const alternatives = c.expect ? [c.expect] : c.expectAny!;
  const tries = alternatives.map((e) => mismatches(e, decision));
  const best = tries.reduce((a, b) => (b.length < a.length ? b : a));
  return { ...base, passed: tries.some((m) => m.length === 0), request, decision, mismatches: best, error: null };
}

/** Where `decision` differs from the expectation: every expected field, objects as subsets, arrays element by element. */
export function mismatches(expected: RouteTestExpectData, decision: Decision): Mismatch[] {
  const out: Mismatch[] = [];
  const walk = (want: unknown, got: unknown, at: string): void => {
    if (want !== null && typeof want === 'object' && !Array.isArray(want)) {
      if (got === null || typeof got !== 'object' || Array.isArray(got)) { out.push({ field: at, expected: want, actual: got ?? null }); return; }
      for (const [k, v] of Object.entries(want)) walk(v, (got as Record<string, unknown>)[k], `${at}/${k}`);
      return;
    }
    if (Array.isArray(want)) {
      if (!Array.isArray(got) || got.length !== want.length) { out.push({ field: at, expected: want, actual: got ?? null }); return; }
      want.forEach((w, i) => walk(w, got[i], `${at}/${i}`));
      return;
    }
    if (want !== (got ?? null)) out.push({ field: at, expected: want, actual: got ?? null });
  };
  walk(expected, decision, '');
  return out;
}

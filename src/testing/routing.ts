/**
 * Arbitraries from a user's own mesh: requests that satisfy a given route, near misses that break
 * exactly one of its criteria, and `assertRouting` to check a property of the decisions over them.
 * Every request is verified by the evaluator's explain() before it is handed out (docs/testing.md).
 */
import fc from 'fast-check';
import { UsageError } from '../errors.js';
import type { MeshrouteOptions } from '../api/compile.js';
import { seededRandom } from '../evaluate/index.js';
import { routingOf, type Routing, type RoutingSource } from '../analyze/routing-source.js';
import type { CriterionKind, Decision, RouteOptions, RouteRequest } from '../evaluate/types.js';
import { routeId, type RouteView, type RoutingViews } from '../analyze/routing-views.js';
import { checkMatch, draftMatching, type BuiltRequest } from '../analyze/route-requests.js';
import { draftNearMiss } from '../analyze/near-misses.js';

export type { RoutingSource } from '../analyze/routing-source.js';

/** A gateway route by name, or a router route as `virtualRouter/route` or `{ router, route }` (App Mesh router name or its K8s name). */
export type RouteRef = string | { router: string; route: string };

export interface RequestForOptions extends MeshrouteOptions {
  /** Only requests the route wins (not merely matches: a higher-precedence route may take a match). */
  wins?: boolean;
}

export interface NearMissRequest {
  request: RouteRequest;
  /** The criterion of the route the request breaks (the others hold). */
  broken: CriterionKind;
}

/** Draws per generated value before giving up on a seed (filtered out, fast-check draws again). */
const ATTEMPTS_PER_SEED = 16;
/** Seeds tried up front to prove the route can be matched at all (a clear error beats a hung property). */
const FEASIBILITY_SEEDS = 64;

/** The options a generated request must be routed with: the gateway's weighted pick that reaches the route's router. */
const optionsOf = new WeakMap<object, RouteOptions>();

/**
 * The RouteOptions under which a request from requestFor / nearMissFor reaches its route: for a
 * router route behind a weighted gateway route, a `random` that picks the target leading to that
 * router. `{}` for any other request.
 */
export function routeOptionsFor(request: RouteRequest): RouteOptions {
  return optionsOf.get(request) ?? {};
}

/** Finds the route `ref` names among the gateway's routes and its routers' routes. */
function findRoute(views: RoutingViews, ref: RouteRef): RouteView {
  const all = [...views.gatewayRoutes, ...views.routerRoutes];
  const [router, route] = typeof ref === 'string' ? (ref.includes('/') ? [ref.slice(0, ref.lastIndexOf('/')), ref.slice(ref.lastIndexOf('/') + 1)] : [null, ref]) : [ref.router, ref.route];
  const found = router === null
    ? views.gatewayRoutes.filter((v) => v.name === route)
    : views.routerRoutes.filter((v) => v.name === route && (v.router === router || v.router.startsWith(router + '_')));
  if (found.length === 1) return found[0]!;
  const names = all.map(routeId).join(', ');
  if (found.length === 0) throw new UsageError('TESTING_UNKNOWN_ROUTE', `no route ${JSON.stringify(typeof ref === 'string' ? ref : `${ref.router}/${ref.route}`)} in gateway ${views.gateway} (routes: ${names})`);
  throw new UsageError('TESTING_UNKNOWN_ROUTE', `${JSON.stringify(ref)} names several routes (${found.map(routeId).join(', ')}); use the App Mesh router name`);
}

function wins(routing: Routing, view: RouteView, built: BuiltRequest): boolean {
  const d = routing.router.route(built.request, built.options);
  return view.stage === 'gateway' ? d.gatewayRoute === view.name && d.stage !== 'gateway' : d.virtualRouter === view.router && d.route === view.name;
}

/** A generated value from one seed: the first of a few drafts the evaluator confirms, or null. */
function fromSeed<T extends BuiltRequest>(seed: number, draft: (random: () => number) => T | null, accept: (b: T) => boolean): T | null {
  for (let i = 0; i < ATTEMPTS_PER_SEED; i++) {
    const b = draft(seededRandom((seed + i * 0x9e3779b9) >>> 0));
    if (b !== null && accept(b)) return b;
  }
  return null;
}

function feasible<T extends BuiltRequest>(view: RouteView, views: RoutingViews, what: string, make: (seed: number) => T | null): void {
  for (let seed = 0; seed < FEASIBILITY_SEEDS; seed++) if (make(seed) !== null) return;
  const port = view.route.port;
  const why = port !== 0 && !view.listeners.some((l) => l.port === port) ? ` (its match.port ${port} is not a listener port of ${view.router})`
    : view.stage === 'router' ? ' (no gateway route leads to its router on a listener of its protocol, or the rewrite and its criteria exclude each other)'
    : ' (its criteria exclude each other, or higher-precedence routes take every request it matches)';
  throw new UsageError('TESTING_NO_REQUEST', `could not build ${what} route ${routeId(view)} of gateway ${views.gateway}${why}`);
}

function remember<T extends BuiltRequest>(b: T): T {
  optionsOf.set(b.request, b.options);
  return b;
}

/**
 * Requests that satisfy every criterion of `route` (listener, protocol, virtual host, hostname,
 * path, method, scheme, headers, query) — with `{ wins: true }` only those it also wins. A router
 * route's requests enter through a gateway route that targets its router, with that route's path
 * rewrite inverted. Throws UsageError TESTING_UNKNOWN_ROUTE / TESTING_NO_REQUEST up front.
 */
export function requestFor(source: RoutingSource, route: RouteRef, options: RequestForOptions = {}): fc.Arbitrary<RouteRequest> {
  const routing = routingOf(source, options);
  const view = findRoute(routing.views, route);
  const make = (seed: number) => fromSeed(seed, (random) => draftMatching(routing.views, view, random), (b) => checkMatch(routing.router, view, b) && (!options.wins || wins(routing, view, b)));
  feasible(view, routing.views, options.wins ? 'a request that wins' : 'a request that matches', make);
  return fc.nat({ max: 0x7fffffff }).map(make).filter((b): b is BuiltRequest => b !== null).map((b) => remember(b).request);
}

/** Requests that break exactly one criterion of `route` (which one: `broken`). */
export function nearMissFor(source: RoutingSource, route: RouteRef, options: MeshrouteOptions = {}): fc.Arbitrary<NearMissRequest> {
  const routing = routingOf(source, options);
  const view = findRoute(routing.views, route);
  const make = (seed: number) => fromSeed(seed, (random) => draftNearMiss(routing.views, view, routing.router, random), () => true);
  feasible(view, routing.views, 'a near miss of', make);
  return fc.nat({ max: 0x7fffffff }).map(make).filter((b): b is NonNullable<typeof b> => b !== null).map((b) => ({ request: remember(b).request, broken: b.broken }));
}

export interface AssertRoutingOptions extends MeshrouteOptions {
  /** fast-check parameters (numRuns, seed, …). */
  params?: fc.Parameters<[unknown]>;
}

/**
 * Routes every generated request (or near miss) through `source` and checks `predicate` on the
 * decision: false or a throw fails with fast-check's report (seed, counterexample) plus the
 * request and the decision.
 */
export function assertRouting<T extends RouteRequest | NearMissRequest>(
  source: RoutingSource,
  requests: fc.Arbitrary<T>,
  predicate: (decision: Decision, request: RouteRequest, value: T) => boolean | void,
  options: AssertRoutingOptions = {},
): void {
  const { router } = routingOf(source, options);
  fc.assert(
    fc.property(requests, (value) => {
      const request = 'request' in value && typeof value.request === 'object' ? (value as NearMissRequest).request : (value as RouteRequest);
      const decision = router.route(request, routeOptionsFor(request));
      const ok = predicate(decision, request, value);
      if (ok === false) throw new Error(`routing property failed\n  request:  ${JSON.stringify(request)}\n  decision: ${JSON.stringify(decision)}`);
    }),
    options.params as fc.Parameters<[T]> | undefined,
  );
}

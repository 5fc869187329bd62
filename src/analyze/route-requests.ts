/**
 * Requests built from a route's own criteria: ones that satisfy every criterion of a gateway route
 * or of a router route (through a gateway route that leads to its router, inverting that route's
 * path rewrite). Construction is a best effort from the criteria; `checkMatch` / `brokenCriterion`
 * then ask the runtime's explain() whether a request really satisfies (or misses) the route, so a
 * caller can hand out only requests the evaluator itself confirmed. Near misses: ./near-misses.ts.
 */
import { HostKind, PathKind, PredicateKind, PredicateOp, ProviderKind, SCHEME_NAMES, PROTOCOL_NAMES } from '../table/layout.js';
import { Rewrite } from '../evaluate/rewrite.js';
import type { LoadedPredicate, LoadedRoute } from '../evaluate/loaded.js';
import type { CriterionKind, ExplainedRoute, RouteOptions, RouteRequest } from '../evaluate/types.js';
import type { Router } from '../evaluate/router.js';
import { headerValueHolds } from '../evaluate/match.js';
import type { RoutingViews, RouteView } from './routing-views.js';

export type Random = () => number;

export const WORDS = ['x', 'a', 'v1', 'v2', 'items', 'Zz9', 'red', 'true', 'false', 'canary', 'ünï', '42', 'a-b_c'];
const TAILS = ['', '', 'x', 'a/b', 'v1', 'items/42', 'index.html', 'Z_9-z', 'ünï'];
const METHODS = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'];
/** A host no virtual host of a generated mesh names (the `.invalid` TLD is reserved, RFC 2606). */
const OTHER_HOST = 'elsewhere.meshroute.invalid';
/** Characters a regex path sample must not contain: they end the path or get normalized away. */
const PATH_AVOID = '?#%';

/** A request and the route options that make the gateway's weighted pick lead to the route's router. */
export interface BuiltRequest {
  request: RouteRequest;
  options: RouteOptions;
}

export const pick = <T>(random: Random, xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

function joinTail(prefix: string, tail: string, random: Random): string {
  if (tail === '') return prefix;
  if (prefix.endsWith('/')) return prefix + tail;
  return prefix + (random() < 0.7 ? '/' : '') + tail;
}

/** A path (without query) that starts with `must` and satisfies the route's path criterion; null when none was found. */
function pathFor(r: LoadedRoute, view: RouteView, random: Random, must: string): string | null {
  switch (r.pathKind) {
    case PathKind.prefix: {
      const base = r.path.startsWith(must) ? r.path : must.startsWith(r.path) ? must : null;
      return base === null ? null : joinTail(base, pick(random, TAILS), random);
    }
    case PathKind.exact: return r.path.startsWith(must) ? r.path : null;
    case PathKind.regex: {
      for (let i = 0; i < 8; i++) {
        const s = view.pathSampler!.sample(random, PATH_AVOID);
        if (s === null) continue;
        if (s.startsWith(must)) return s;
        // A sample rarely starts with a gateway prefix by chance (`.*users.*` behind `/a`): put the prefix in front, keep what the regex accepts.
        for (const c of [must + s, must + s.slice(1), must + s.slice(must.length)]) if (r.regex!.fullMatch(c)) return c;
      }
      return null;
    }
    default: return joinTail(must || '/', pick(random, TAILS), random);
  }
}

/** A header value satisfying the predicate, or null for "leave the header out". */
export function valueFor(p: LoadedPredicate, sampler: RegexSampler | null, random: Random): string | null {
  const word = pick(random, WORDS);
  if (p.invert) {
    switch (p.op) {
      case PredicateOp.present: return null;
      case PredicateOp.exact: return p.value + '-' + word;
      case PredicateOp.prefix: return '~' + word;
      case PredicateOp.suffix: return p.value + '~';
      case PredicateOp.range: return String(p.end + BigInt(Math.floor(random() * 100)));
      default: return pick(random, ['', '~', word, '\u00a0']);
    }
  }
  switch (p.op) {
    case PredicateOp.present: return word;
    case PredicateOp.exact: return p.value;
    case PredicateOp.prefix: return p.value + (random() < 0.5 ? '' : word);
    case PredicateOp.suffix: return (random() < 0.5 ? '' : word) + p.value;
    case PredicateOp.regex: return sampler!.sample(random, ',');
    default: {
      const span = p.end - p.start;
      const step = span > 1000n ? BigInt(Math.floor(random() * 1000)) : span > 0n ? BigInt(Math.floor(random() * Number(span))) : 0n;
      return String(p.start + step);
    }
  }
}

type RegexSampler = NonNullable<RouteView['pathSampler']>;

interface Draft {
  path: string;
  query: [string, string][];
  headers: Map<string, string>;
  method: string;
  authority: string | undefined;
  port: number;
  scheme: 'http' | 'https' | undefined;
  protocol: RouteRequest['protocol'];
}

/**
 * Header and query criteria of `view`, satisfied into the draft. Several criteria on one header
 * name get one value that satisfies them all when one of their samples does (`suffix: color` with
 * an inverted `regex: [0-9]+`); otherwise, and for query parameters, the later criterion wins.
 */
function satisfyPredicates(view: RouteView, draft: Draft, random: Random): void {
  const preds = view.route.predicates;
  preds.forEach((p, i) => {
    // A presence criterion after another on the same name is met by the value already there.
    const present = p.op === PredicateOp.present && !p.invert;
    if (present && (p.kind === PredicateKind.query ? draft.query.some(([k]) => k === p.name) : draft.headers.has(p.name))) return;
    const v = p.kind === PredicateKind.header ? jointHeaderValue(view, i, random) : valueFor(p, view.predicateSamplers[i]!, random);
    if (p.kind === PredicateKind.query) {
      draft.query = draft.query.filter(([k]) => k !== p.name);
      draft.query.push([p.name, p.op === PredicateOp.present ? pick(random, WORDS) : p.value]);
    } else if (v === null) draft.headers.delete(p.name);
    else draft.headers.set(p.name, v);
  });
}

/** Tries per header name for a value that satisfies every criterion on it. */
const JOINT_TRIES = 16;

/**
 * A value for header criterion `i` of the view's route that also satisfies the route's other
 * criteria on the same name (null: leave the header out), sampled from each of them in turn; the
 * first sample of criterion `i` when none does.
 */
function jointHeaderValue(view: RouteView, i: number, random: Random): string | null {
  const preds = view.route.predicates;
  const first = valueFor(preds[i]!, view.predicateSamplers[i]!, random);
  const group = preds.map((_, k) => k).filter((k) => preds[k]!.kind === PredicateKind.header && preds[k]!.name === preds[i]!.name);
  if (group.length === 1) return first;
  const holdsAll = (v: string | null): boolean => group.every((k) => headerValueHolds(preds[k]!, v ?? undefined));
  if (holdsAll(first)) return first;
  for (let t = 0; t < JOINT_TRIES; t++) {
    const k = group[t % group.length]!;
    const v = valueFor(preds[k]!, view.predicateSamplers[k]!, random);
    if (holdsAll(v)) return v;
  }
  return first;
}

function hostFor(views: RoutingViews, r: LoadedRoute, random: Random): string | undefined {
  if (r.hostKind === HostKind.exact) return r.host;
  if (r.hostKind === HostKind.suffix) return (r.host.startsWith('.') ? pick(random, WORDS) : pick(random, WORDS) + '.') + r.host;
  // A host-less route is seen by requests whose host selects no named virtual host.
  if (views.hostnameMode === 'virtual-host' || random() < 0.5) return random() < 0.5 ? OTHER_HOST : undefined;
  return pick(random, ['shop.example.com', 'api.example.org']);
}

/**
 * The listener port a request for the route arrives on, and the request protocol to state when the
 * listener's differs (an http2 route on an http listener takes requests that say http2).
 */
function listenerFor(r: LoadedRoute, listeners: RouteView['listeners'], random: Random): { port: number; protocol: RouteRequest['protocol'] } | null {
  const ports = listeners.filter((l) => r.port === 0 || l.port === r.port);
  if (ports.length === 0) return null;
  const same = ports.filter((l) => l.protocol === r.protocol);
  const l = pick(random, same.length > 0 && random() < 0.8 ? same : ports);
  const name = PROTOCOL_NAMES[r.protocol];
  return { port: l.port, protocol: l.protocol === r.protocol || name === null || name === 'tcp' ? undefined : name };
}

function methodFor(r: LoadedRoute, random: Random): string {
  if (r.method !== null) return r.method;
  return PROTOCOL_NAMES[r.protocol] === 'grpc' ? 'POST' : pick(random, METHODS);
}

function toRequest(d: Draft): RouteRequest {
  // Query criteria compare the raw value (reference §7): no percent-encoding here.
  const query = d.query.length === 0 ? '' : '?' + d.query.map(([k, v]) => `${k}=${v}`).join('&');
  const request: RouteRequest = { method: d.method, path: d.path + query, port: d.port };
  if (d.authority !== undefined) request.authority = d.authority;
  if (d.headers.size > 0) request.headers = Object.fromEntries(d.headers);
  if (d.scheme !== undefined) request.scheme = d.scheme;
  if (d.protocol !== undefined) request.protocol = d.protocol;
  return request;
}

/** A random() that makes the weighted pick of `r` choose target `index` (docs/precedence.md §7). */
export function pickingTarget(r: LoadedRoute, index: number): () => number {
  if (!r.weighted || r.totalWeight <= 0) return () => 0;
  let cum = 0;
  for (let i = 0; i < index; i++) cum += r.targets[i]!.weight;
  const value = (cum + 0.5) / r.totalWeight;
  return () => value;
}

/** Gateway requests satisfying a gateway route's criteria (unverified). */
function draftForGatewayRoute(views: RoutingViews, view: RouteView, random: Random): BuiltRequest | null {
  const r = view.route;
  const listener = listenerFor(r, view.listeners, random);
  const path = pathFor(r, view, random, '');
  if (listener === null || path === null) return null;
  const draft: Draft = { path, query: [], headers: new Map(), method: methodFor(r, random), authority: hostFor(views, r, random), port: listener.port, protocol: listener.protocol, scheme: undefined };
  satisfyPredicates(view, draft, random);
  const weighted = r.targets.findIndex((t) => t.weight > 0);
  return { request: toRequest(draft), options: { random: pickingTarget(r, Math.max(0, weighted)) } };
}

/** Gateway route + target pairs whose target's router is `view.router` on a listener the route fits. */
function entriesTo(views: RoutingViews, view: RouteView): { gateway: RouteView; target: number }[] {
  const services = views.table.mesh?.services;
  const out: { gateway: RouteView; target: number }[] = [];
  for (const g of views.gatewayRoutes) {
    g.route.targets.forEach((t, i) => {
      const s = services?.get(t.virtualService);
      if (s === undefined || s.kind !== ProviderKind.virtualRouter || s.provider !== view.router) return;
      if (g.route.weighted && t.weight <= 0) return;
      const listener = t.port === null ? (view.listeners.length === 1 ? view.listeners[0]! : null) : view.listeners.find((l) => l.port === t.port) ?? null;
      if (listener === null || listener.protocol !== view.route.protocol || (view.route.port !== 0 && view.route.port !== listener.port)) return;
      out.push({ gateway: g, target: i });
    });
  }
  return out;
}

/** Whether some gateway route targets the router route's router on a listener of the route's protocol (and port). */
export function reachableFromGateway(views: RoutingViews, view: RouteView): boolean {
  return view.stage === 'gateway' || entriesTo(views, view).length > 0;
}

/** Gateway requests that reach the router route's router and satisfy its criteria there (unverified). */
function draftForRouterRoute(views: RoutingViews, view: RouteView, random: Random): BuiltRequest | null {
  const entries = entriesTo(views, view);
  if (entries.length === 0) return null;
  const { gateway, target } = pick(random, entries);
  const g = gateway.route;
  const r = view.route;
  const listener = listenerFor(g, gateway.listeners, random);
  if (listener === null) return null;
  const gPrefix = g.pathKind === PathKind.prefix ? g.path : '/';
  let path: string | null;
  switch (g.rewrite) {
    case Rewrite.replace:
      path = pathFor(g, gateway, random, '');
      break;
    case Rewrite.keep:
      path = g.pathKind === PathKind.regex ? pathFor(g, gateway, random, '') : pathFor(r, view, random, g.pathKind === PathKind.none ? '' : g.path);
      break;
    case Rewrite.cutPrefix: {
      const routerPath = pathFor(r, view, random, '/');
      path = routerPath === null ? null : gPrefix.endsWith('/') ? gPrefix + routerPath.slice(1) : gPrefix + routerPath;
      break;
    }
    default: {
      const must = gPrefix.endsWith('/') ? g.prefixValue : g.prefixValue.replace(/\/+$/, '') + '/';
      const routerPath = pathFor(r, view, random, must);
      if (routerPath === null) { path = null; break; }
      const rest = routerPath.slice(must.length);
      path = gPrefix.endsWith('/') ? gPrefix + rest : rest === '' ? gPrefix : gPrefix + '/' + rest;
    }
  }
  if (path === null) return null;
  const method = r.method ?? g.method ?? methodFor(r, random);
  const draft: Draft = { path, query: [], headers: new Map(), method, authority: hostFor(views, g, random), port: listener.port, protocol: listener.protocol, scheme: r.scheme === 0 ? undefined : SCHEME_NAMES[r.scheme] as 'http' | 'https' };
  satisfyPredicates(gateway, draft, random);
  satisfyPredicates(view, draft, random);
  return { request: toRequest(draft), options: { random: pickingTarget(g, target) } };
}

/** A request meant to satisfy every criterion of the route (check it with checkMatch). */
export function draftMatching(views: RoutingViews, view: RouteView, random: Random): BuiltRequest | null {
  return view.stage === 'gateway' ? draftForGatewayRoute(views, view, random) : draftForRouterRoute(views, view, random);
}

/** The route's entry in an explanation of the request: its criteria, as the evaluator checked them. */
export function explainedRoute(router: Router, view: RouteView, built: BuiltRequest): ExplainedRoute | null {
  const e = router.explain(built.request, built.options);
  if (view.stage === 'gateway') return e.routes.find((x) => x.rank === view.rank) ?? null;
  if (e.router === null || e.router.providerName !== view.router || e.router.listener === null) return null;
  return e.router.routes.find((x) => x.rank === view.rank) ?? null;
}

/** Whether the evaluator finds every criterion of the route true for the request. */
export function checkMatch(router: Router, view: RouteView, built: BuiltRequest): boolean {
  const x = explainedRoute(router, view, built);
  return x !== null && x.failed === null && x.criteria.every((c) => c.ok);
}

/** The one criterion of the route the request breaks; null unless exactly one fails. */
export function brokenCriterion(router: Router, view: RouteView, built: BuiltRequest): CriterionKind | null {
  const x = explainedRoute(router, view, built);
  if (x === null) return null;
  const failed = x.criteria.filter((c) => !c.ok);
  return failed.length === 1 ? failed[0]!.kind : null;
}

/**
 * diff(old, new): which requests two versions of a gateway's routing treat differently. Identical
 * tables are equivalent, exactly. Otherwise both versions route requests generated from the routes
 * of both (every route's matches and near misses, literals and their neighbours), and every request
 * they disagree on lands in a group keyed by (old winner → new winner, kinds of change), with the
 * first such request as the group's witness. A witness proves its difference; "no difference" from
 * generated requests is evidence, not proof — the result says which.
 */
import type { MeshrouteOptions } from '../api/compile.js';
import { seededRandom } from '../evaluate/pick.js';
import type { Decision, RouteOptions, RouteRequest } from '../evaluate/types.js';
import { draftMatching, pickingTarget } from './route-requests.js';
import { nearMissesOf } from './near-misses.js';
import { routingOf, type Routing, type RoutingSource } from './routing-source.js';
import type { RouteView } from './routing-views.js';

export interface DiffOptions extends MeshrouteOptions {
  /** Matching requests and near misses drawn per route of either version (default 12 each). */
  samplesPerRoute?: number;
  /** Seed of the request generator (default 1): the same inputs give the same report. */
  seed?: number;
}

export type ChangeKind = 'winner' | 'status' | 'rewrite' | 'target' | 'weight' | 'policy';

/** What one version does with a request: the winner, and per weighted gateway pick the rest of the decision. */
export interface Outcome {
  /** `gatewayRoute`, `gatewayRoute → router/route[, …]`, or `no match (404 at gateway)`. */
  winner: string;
  status: number | null;
  /** One per gateway target with weight > 0 (one for an unweighted route): the decision when that target is picked. */
  branches: Branch[];
}

/** The decision's fields when that branch's target is picked (outcome() lists them in this order). */
export type Branch = {
  /** Share of requests taking this branch (gateway weight / Σ weights). */
  share: number;
  /** Router-stage targets and weights (every one, no pick), or the provider node. */
  targets: { virtualNode: string; weight: number }[];
} & Pick<Decision, 'virtualService' | 'targetPort' | 'path' | 'authority' | 'virtualRouter' | 'route' | 'endpoint' | 'timeout' | 'retryPolicy'>;

export interface DiffGroup {
  old: string;
  new: string;
  changes: ChangeKind[];
  /** Generated requests in this group. */
  count: number;
  witness: { request: RouteRequest; old: Outcome; new: Outcome };
}

export interface DiffResult {
  equivalent: boolean;
  /**
   * true when the verdict is proven: identical tables (equivalent), or a witness request (not
   * equivalent — each group's witness shows its difference). false: no difference on `requests`
   * generated requests, which does not prove there is none.
   */
  exact: boolean;
  method: 'identical-tables' | 'generated-requests';
  gateway: { old: string; new: string };
  /** Requests routed through both versions. */
  requests: number;
  groups: DiffGroup[];
}

const DEFAULT_SAMPLES = 12;
/** Requests no route generator produces: the bare root, odd methods, an unknown host. */
const BASE_REQUESTS: RouteRequest[] = [
  { path: '/' }, { path: '/', method: 'POST' }, { path: '/x' }, { path: '/index.html', authority: 'unknown.example' },
];

/** Routes both versions of a gateway's routing and reports the requests they treat differently. */
export function diff(oldSource: RoutingSource, newSource: RoutingSource, options: DiffOptions = {}): DiffResult {
  const before = routingOf(oldSource, options);
  const after = routingOf(newSource, options);
  const gateway = { old: before.views.gateway, new: after.views.gateway };
  if (sameBytes(before.table, after.table)) return { equivalent: true, exact: true, method: 'identical-tables', gateway, requests: 0, groups: [] };
  const requests = probeRequests([before, after], options.samplesPerRoute ?? DEFAULT_SAMPLES, options.seed ?? 1);
  const groups = new Map<string, DiffGroup>();
  for (const request of requests) {
    const o = outcome(before, request);
    const n = outcome(after, request);
    const changes = changesBetween(o, n);
    if (changes.length === 0) continue;
    const key = `${o.winner}\u0000${n.winner}\u0000${changes.join(',')}`;
    const g = groups.get(key);
    if (g) {
      g.count++;
      // The shortest request of the group is the easiest witness to read.
      if (JSON.stringify(request).length < JSON.stringify(g.witness.request).length) g.witness = { request, old: o, new: n };
    } else groups.set(key, { old: o.winner, new: n.winner, changes, count: 1, witness: { request, old: o, new: n } });
  }
  const list = [...groups.values()].sort((a, b) => b.count - a.count || a.old.localeCompare(b.old) || a.new.localeCompare(b.new));
  return { equivalent: list.length === 0, exact: list.length > 0, method: 'generated-requests', gateway, requests: requests.length, groups: list };
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Matching requests and near misses of every route of every version, deduplicated, in a stable order. */
export function probeRequests(versions: Routing[], samples: number, seed: number): RouteRequest[] {
  const seen = new Set<string>();
  const out: RouteRequest[] = [];
  const add = (r: RouteRequest): void => {
    const key = JSON.stringify(r);
    if (!seen.has(key)) { seen.add(key); out.push(r); }
  };
  BASE_REQUESTS.forEach(add);
  versions.forEach((v, vi) => {
    const routes: RouteView[] = [...v.views.gatewayRoutes, ...v.views.routerRoutes];
    routes.forEach((view, ri) => {
      const random = seededRandom((seed * 0x9e3779b1 + vi * 0x85ebca6b + ri * 0xc2b2ae35) >>> 0);
      for (let i = 0; i < samples; i++) {
        const m = draftMatching(v.views, view, random);
        if (m) add(m.request);
        for (const miss of nearMissesOf(v.views, view, random)) add(miss.request);
      }
    });
  });
  return out;
}

/** The decision of one version for a request: every weighted gateway pick, every router target (no random pick). */
export function outcome(v: Routing, request: RouteRequest): Outcome {
  const first = v.router.route(request, { allTargets: true, random: () => 0 });
  const g = first.gatewayRoute === null ? undefined : gatewayRouteNamed(v, first.gatewayRoute);
  const picks: { share: number; options: RouteOptions }[] = [];
  if (g !== undefined && g.route.weighted && g.route.totalWeight > 0) {
    g.route.targets.forEach((t, i) => {
      if (t.weight > 0) picks.push({ share: t.weight / g.route.totalWeight, options: { allTargets: true, random: pickingTarget(g.route, i) } });
    });
  } else picks.push({ share: 1, options: { allTargets: true, random: () => 0 } });
  const decisions = picks.map((p) => ({ share: p.share, d: p.options.random === undefined ? first : v.router.route(request, p.options) }));
  const routes = [...new Set(decisions.filter((x) => x.d.route !== null).map((x) => `${x.d.virtualRouter}/${x.d.route}`))];
  const winner = first.gatewayRoute === null ? `no match (${first.status ?? 404} at gateway)` : routes.length > 0 ? `${first.gatewayRoute} → ${routes.join(', ')}` : first.gatewayRoute;
  return {
    winner,
    status: first.status,
    branches: decisions.map(({ share, d }) => ({
      share,
      virtualService: d.virtualService, targetPort: d.targetPort, path: d.path, authority: d.authority,
      virtualRouter: d.virtualRouter, route: d.route,
      targets: d.targets ? d.targets.map((t) => ({ virtualNode: t.virtualNode, weight: t.weight })) : d.virtualNode !== null ? [{ virtualNode: d.virtualNode, weight: 1 }] : [],
      endpoint: d.endpoint, timeout: d.timeout, retryPolicy: d.retryPolicy,
    })),
  };
}

const byName = new WeakMap<Routing, Map<string, RouteView>>();

/** The gateway route of that name (a map per version: outcome() looks one up per request). */
function gatewayRouteNamed(v: Routing, name: string): RouteView | undefined {
  let m = byName.get(v);
  if (m === undefined) {
    m = new Map();
    for (const r of v.views.gatewayRoutes) if (!m.has(r.name)) m.set(r.name, r);
    byName.set(v, m);
  }
  return m.get(name);
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The kinds of change between two outcomes of one request (empty: the same routing). */
export function changesBetween(o: Outcome, n: Outcome): ChangeKind[] {
  const changes: ChangeKind[] = [];
  if (o.winner !== n.winner) changes.push('winner');
  if (o.status !== n.status) changes.push('status');
  const ob = o.branches;
  const nb = n.branches;
  const pick = (bs: Branch[], f: (b: Branch) => unknown) => bs.map(f);
  // The authority follows the target service (host rewrite): only a change for the same service is a rewrite change.
  const rewritten = (bs: Branch[], others: Branch[]) => bs.map((b, i) => [b.path, others[i]?.virtualService === b.virtualService ? b.authority : null]);
  if (!same(rewritten(ob, nb), rewritten(nb, ob))) changes.push('rewrite');
  const destinations = (bs: Branch[]) => bs.map((b) => [b.virtualService, b.targetPort, b.virtualRouter, b.targets.map((t) => t.virtualNode), b.endpoint]);
  if (!same(destinations(ob), destinations(nb))) changes.push('target');
  else if (!same(pick(ob, (b) => [b.share, b.targets.map((t) => t.weight)]), pick(nb, (b) => [b.share, b.targets.map((t) => t.weight)]))) changes.push('weight');
  if (!same(pick(ob, (b) => [b.timeout, b.retryPolicy]), pick(nb, (b) => [b.timeout, b.retryPolicy]))) changes.push('policy');
  return changes;
}

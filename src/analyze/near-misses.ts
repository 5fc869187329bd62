/**
 * Near misses of a route: a request that satisfies every criterion (./route-requests.ts) with one
 * criterion broken — a path just outside the prefix, another method or host, a header or query
 * parameter dropped or off by a character, an inverted criterion made to hold what it inverts.
 */
import { HostKind, PathKind, PredicateKind, PredicateOp, SCHEME_NAMES } from '../table/layout.js';
import type { CriterionKind, RouteRequest } from '../evaluate/types.js';
import type { Router } from '../evaluate/router.js';
import type { RoutingViews, RouteView } from './routing-views.js';
import { brokenCriterion, checkMatch, draftMatching, pick, valueFor, WORDS, type BuiltRequest, type Random } from './route-requests.js';

export interface NearMiss extends BuiltRequest {
  /** The one criterion the request breaks. */
  broken: CriterionKind;
}

/** Ways to break one criterion of a matching request, per criterion kind the route has. */
function perturbations(view: RouteView, req: RouteRequest, random: Random): { kind: CriterionKind; request: RouteRequest }[] {
  const r = view.route;
  const out: { kind: CriterionKind; request: RouteRequest }[] = [];
  const [path, query] = splitQuery(req.path);
  if (view.stage === 'gateway' && r.pathKind !== PathKind.none) {
    const literal = r.pathKind === PathKind.regex ? path : r.path;
    const cut = literal.length > 1 ? literal.slice(0, -1) : '';
    const changed = r.pathKind === PathKind.exact ? pick(random, [path + 'x', cut || '/x']) : r.pathKind === PathKind.prefix ? (cut && !cut.endsWith('/') ? cut : '/' + pick(random, WORDS) + '~') : path + '~';
    out.push({ kind: 'path', request: { ...req, path: changed + query } });
  }
  if (r.method !== null) out.push({ kind: 'method', request: { ...req, method: r.method === 'GET' ? 'POST' : 'GET' } });
  if (view.stage === 'gateway' && r.hostKind !== HostKind.none) out.push({ kind: 'hostname', request: { ...req, authority: 'no-' + pick(random, WORDS) + '.invalid' } });
  if (r.scheme !== 0) out.push({ kind: 'scheme', request: { ...req, scheme: SCHEME_NAMES[r.scheme] === 'https' ? 'http' : 'https' } });
  const samplers = view.predicateSamplers;
  r.predicates.forEach((p, i) => {
    if (p.kind === PredicateKind.query) {
      // Raw pairs, as the criterion reads them (URLSearchParams would decode and re-encode).
      const pairs = query.slice(1).split('&').filter((x) => x !== '' && x.split('=')[0] !== p.name);
      if (p.op === PredicateOp.exact && random() < 0.5) pairs.push(`${p.name}=${p.value}~`);
      const qs = pairs.join('&');
      out.push({ kind: 'query', request: { ...req, path: path + (qs ? '?' + qs : '') } });
      return;
    }
    const headers = { ...(req.headers as Record<string, string> | undefined) };
    if (p.invert) {
      // Break an inverted criterion by satisfying the criterion it inverts (absent fails it too).
      const v = random() < 0.85 ? valueFor({ ...p, invert: false }, samplers[i]!, random) : null;
      if (v === null) delete headers[p.name];
      else headers[p.name] = v;
    } else if (p.op === PredicateOp.present || random() < 0.5) delete headers[p.name];
    else headers[p.name] = p.op === PredicateOp.exact ? p.value + '~' : p.op === PredicateOp.prefix ? '~' + p.value : p.op === PredicateOp.suffix ? p.value + '~' : p.op === PredicateOp.range ? String(p.end) : '\u0000';
    const { headers: _old, ...rest } = req;
    out.push({ kind: 'header', request: Object.keys(headers).length > 0 ? { ...rest, headers } : rest });
  });
  return out;
}

function splitQuery(path: string): [string, string] {
  const q = path.indexOf('?');
  return q < 0 ? [path, ''] : [path.slice(0, q), path.slice(q)];
}

/**
 * A request meant to break exactly one criterion of the route, verified: the base request matches,
 * exactly one criterion fails, and `broken` names it.
 */
export function draftNearMiss(views: RoutingViews, view: RouteView, router: Router, random: Random): NearMiss | null {
  const base = draftMatching(views, view, random);
  if (base === null || !checkMatch(router, view, base)) return null;
  const options = perturbations(view, base.request, random);
  if (options.length === 0) return null;
  const chosen = pick(random, options);
  const built = { request: chosen.request, options: base.options };
  const broken = brokenCriterion(router, view, built);
  return broken === null ? null : { ...built, broken };
}

/**
 * Every near miss of one request meant to match the route, each criterion broken once, unverified:
 * diff's probes, where a change to one criterion shows only on requests that break or keep that
 * very criterion (one random near miss per sample left a changed criterion untried too often).
 */
export function nearMissesOf(views: RoutingViews, view: RouteView, random: Random): BuiltRequest[] {
  const base = draftMatching(views, view, random);
  if (base === null) return [];
  return perturbations(view, base.request, random).map((p) => ({ request: p.request, options: base.options }));
}

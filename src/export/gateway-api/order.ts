/**
 * App Mesh order vs Gateway API order. App Mesh tries a gateway's flattened rules first-match in
 * priority order (docs/precedence.md); Gateway API sorts every rule of the routes sharing a
 * hostname by specificity — Exact path, longest PathPrefix, method, most headers, most query
 * parameters — and uses route age/name and rule order only to break ties (reference §2). This
 * lists the pairs of written rules that can match one request and that the two orders rank the
 * other way round. The checker then tells whether a request really routes differently (the pair
 * is only a candidate: a later rule that sends to the same backends changes nothing).
 * RegularExpression placement follows the target (Istio: after every PathPrefix, ranked by pattern
 * length; Envoy Gateway: before PathPrefix), as the checker's evaluator does.
 */
import type { GatewayApiWrite } from './write.js';
import type { GRPCRoute, HTTPRoute, HTTPRouteMatch } from './objects.js';
import { sourceComment } from './routes.js';
import { CAPABILITIES } from './capabilities.js';

export interface OrderConflict {
  /** Rule App Mesh tries first, and the rule Gateway API tries first. */
  appMeshFirst: string;
  gatewayApiFirst: string;
  /** The specificity rule that reverses them. */
  because: string;
}

export function orderConflicts(write: GatewayApiWrite): OrderConflict[] {
  const out: OrderConflict[] = [];
  const regex = CAPABILITIES[write.target].regexPrecedence;
  const routes = new Map(write.objects.filter((o): o is HTTPRoute | GRPCRoute => o.kind === 'HTTPRoute').map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  // Gateway-bound rules in App Mesh order, with their route's hostnames + listeners as the group.
  const rules = write.written
    .filter((w) => w.route.kind === 'HTTPRoute')
    .map((w) => {
      const route = routes.get(`${w.route.namespace}/${w.route.name}`) as HTTPRoute | undefined;
      const match = route?.spec.rules?.[w.ruleIndex]?.matches?.[0] ?? {};
      return { w, match, group: JSON.stringify([route?.spec.hostnames ?? [], route?.spec.parentRefs ?? []]) };
    })
    .sort((a, b) => a.w.flat - b.w.flat);
  for (let i = 0; i < rules.length; i++) {
    for (let j = i + 1; j < rules.length; j++) {
      const a = rules[i]!;
      const b = rules[j]!;
      if (a.group !== b.group || !mayOverlap(a.match, b.match)) continue;
      const because = moreSpecific(b.match, a.match, regex);
      if (because === null) continue;
      out.push({ appMeshFirst: sourceComment(write.flat.rules[a.w.flat]!), gatewayApiFirst: sourceComment(write.flat.rules[b.w.flat]!), because });
    }
  }
  return out;
}

// ------- internal functions -------

type RegexPrecedence = 'after-prefix' | 'before-prefix';

function pathKey(m: HTTPRouteMatch, regex: RegexPrecedence): [number, number, string] {
  const p = m.path ?? { type: 'PathPrefix', value: '/' };
  const type = p.type ?? 'PathPrefix';
  const rank = type === 'Exact' ? 3 : type === 'RegularExpression' ? (regex === 'after-prefix' ? 1 : 2) : regex === 'after-prefix' ? 2 : 1;
  return [rank, (p.value ?? '/').length, type];
}

/** Why Gateway API ranks `x` before `y`, or null when it does not (the checker's evaluator uses the same keys). */
function moreSpecific(x: HTTPRouteMatch, y: HTTPRouteMatch, regex: RegexPrecedence): string | null {
  const [xr, xl, xt] = pathKey(x, regex);
  const [yr, yl, yt] = pathKey(y, regex);
  if (xr !== yr) return xr > yr ? `${xt} path before ${yt}` : null;
  if (xl !== yl) return xl > yl ? (xt === 'Exact' ? null : `longer ${xt} first`) : null;
  const xm = x.method === undefined ? 0 : 1;
  const ym = y.method === undefined ? 0 : 1;
  if (xm !== ym) return xm > ym ? 'a method match first' : null;
  const xh = x.headers?.length ?? 0;
  const yh = y.headers?.length ?? 0;
  if (xh !== yh) return xh > yh ? 'more header matches first' : null;
  const xq = x.queryParams?.length ?? 0;
  const yq = y.queryParams?.length ?? 0;
  if (xq !== yq) return xq > yq ? 'more query parameter matches first' : null;
  return null;
}

function mayOverlap(a: HTTPRouteMatch, b: HTTPRouteMatch): boolean {
  if (a.method !== undefined && b.method !== undefined && a.method !== b.method) return false;
  for (const h of a.headers ?? []) {
    const o = (b.headers ?? []).find((x) => x.name.toLowerCase() === h.name.toLowerCase());
    if (o !== undefined && (h.type ?? 'Exact') === 'Exact' && (o.type ?? 'Exact') === 'Exact' && o.value !== h.value) return false;
  }
  const pa = a.path ?? { type: 'PathPrefix', value: '/' };
  const pb = b.path ?? { type: 'PathPrefix', value: '/' };
  if (pa.type === 'RegularExpression' || pb.type === 'RegularExpression') return true;
  const va = pa.value ?? '/';
  const vb = pb.value ?? '/';
  if (pa.type === 'Exact' && pb.type === 'Exact') return va === vb;
  if (pa.type === 'Exact') return segmentPrefix(vb, va);
  if (pb.type === 'Exact') return segmentPrefix(va, vb);
  return segmentPrefix(va, vb) || segmentPrefix(vb, va);
}

/** PathPrefix `prefix` matches `path` (segment-wise, trailing `/` ignored). */
function segmentPrefix(prefix: string, path: string): boolean {
  const p = prefix.replace(/\/+$/, '');
  return p === '' || path === p || path.startsWith(p + '/');
}

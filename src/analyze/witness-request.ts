/**
 * A concrete request that satisfies the non-path criteria of one or more routes of a group, on a
 * given path: the method, scheme, headers and query they need, a host that selects the group's
 * virtual host, the group's listener port and protocol. The path comes from the language search.
 */
import type { LoweredPredicate, LoweredRoute } from '../compile/lower.js';
import type { RouteRequest } from '../evaluate/types.js';
import { headerValueFor, type LangCache } from './criteria.js';
import type { Group } from './groups.js';

export type BuiltRequest =
  | { kind: 'request'; request: RouteRequest & { port: number } }
  /** No request satisfies the criteria together; `what` says which (e.g. `header x-a`). */
  | { kind: 'contradiction'; what: string }
  | { kind: 'undecided'; what: string };

/** Labels tried in front of a hostname suffix (and as whole hosts for host-less groups). */
const HOST_LABELS = ['a', 'b', 'w1', 'lint-witness'];
const HOSTLESS_HOSTS = ['example.test', 'a.example.test', 'lint-witness.invalid', 'w1.invalid'];

export function buildRequest(group: Group, routes: readonly LoweredRoute[], path: string, langs: LangCache): BuiltRequest {
  const method = agreeing(routes.map((r) => r.method));
  if (method === CONFLICT) return { kind: 'contradiction', what: 'method' };
  const scheme = agreeing(routes.map((r) => r.scheme));
  if (scheme === CONFLICT) return { kind: 'contradiction', what: 'scheme' };
  const host = hostFor(group, routes);
  if (host === null) return { kind: 'undecided', what: 'hostname' };
  if (host === CONFLICT) return { kind: 'contradiction', what: 'hostname' };
  const headers: Record<string, string> = {};
  for (const [name, preds] of byName(routes, 'header')) {
    const v = headerValueFor(preds as Extract<LoweredPredicate, { kind: 'header' }>[], langs);
    if (v.kind === 'contradiction') return { kind: 'contradiction', what: `${group.protocol === 'grpc' ? 'metadata' : 'header'} ${name}` };
    if (v.kind === 'undecided') return { kind: 'undecided', what: `header ${name}` };
    if (v.kind === 'value') headers[name] = v.value;
  }
  const query: string[] = [];
  for (const [name, preds] of byName(routes, 'query')) {
    const values = new Set(preds.flatMap((p) => (p.kind === 'query' && p.op === 'exact' ? [p.value] : [])));
    if (values.size > 1) return { kind: 'contradiction', what: `query ${name}` };
    const [v] = values;
    query.push(v === undefined ? name : `${name}=${v}`);
  }
  const request: RouteRequest & { port: number } = {
    method: method ?? (group.protocol === 'grpc' ? 'POST' : 'GET'),
    path: query.length > 0 ? `${path}?${query.join('&')}` : path,
    port: group.port,
  };
  if (host !== '') request.authority = host;
  if (Object.keys(headers).length > 0) request.headers = headers;
  if (group.protocol !== 'tcp') request.protocol = group.protocol;
  if (scheme !== null) request.scheme = scheme;
  return { kind: 'request', request };
}

// ------- internal functions -------

const CONFLICT = Symbol('conflict');

function agreeing<T>(xs: (T | null)[]): T | null | typeof CONFLICT {
  const set = new Set(xs.filter((x): x is T => x !== null));
  return set.size > 1 ? CONFLICT : ([...set][0] ?? null);
}

function byName(routes: readonly LoweredRoute[], kind: 'header' | 'query'): Map<string, LoweredPredicate[]> {
  const out = new Map<string, LoweredPredicate[]>();
  for (const r of routes) for (const p of r.predicates) if (p.kind === kind) out.set(p.name, [...(out.get(p.name) ?? []), p]);
  return out;
}

/**
 * The authority: it must satisfy every route's hostname criterion and, in virtual-host mode,
 * select the group's virtual host (an exact host of the group, else the longest suffix, else no
 * host of the gateway). '' = send no authority; null = none of the candidates works.
 */
function hostFor(group: Group, routes: readonly LoweredRoute[]): string | null | typeof CONFLICT {
  const wanted = routes.map((r) => r.hostname).filter((h): h is NonNullable<typeof h> => h !== null);
  const exacts = new Set(wanted.filter((h) => h.kind === 'exact').map((h) => h.value));
  if (exacts.size > 1) return CONFLICT;
  const candidates: string[] = [];
  if (group.host !== null) candidates.push(...hostsOf(group.host));
  for (const h of wanted) candidates.push(...hostsOf(h));
  if (wanted.length === 0 && group.host === null) candidates.push('', ...HOSTLESS_HOSTS);
  for (const c of candidates) {
    if (!wanted.every((h) => hostMatches(h, c))) continue;
    if (!selects(group, c)) continue;
    return c;
  }
  return null;
}

function hostsOf(h: { kind: 'exact' | 'suffix'; value: string }): string[] {
  return h.kind === 'exact' ? [h.value] : HOST_LABELS.map((l) => l + h.value);
}

function hostMatches(h: { kind: 'exact' | 'suffix'; value: string }, host: string): boolean {
  return h.kind === 'exact' ? host === h.value : host.length > h.value.length && host.endsWith(h.value);
}

/** The virtual host `host` selects is the group's (flat groups: any host does). */
function selects(group: Group, host: string): boolean {
  if (!group.virtualHosts) return true;
  const exact = group.otherHosts.find((h) => h.kind === 'exact' && h.value === host);
  let chosen: { kind: 'exact' | 'suffix'; value: string } | null = exact ?? null;
  if (chosen === null) {
    for (const h of group.otherHosts) {
      if (h.kind === 'suffix' && hostMatches(h, host) && (chosen === null || h.value.length > chosen.value.length)) chosen = h;
    }
  }
  if (group.host === null) return chosen === null;
  return chosen !== null && chosen.kind === group.host.kind && chosen.value === group.host.value;
}


/**
 * Flat rules → HTTPRoute / GRPCRoute objects bound to the Gateway. Rules are grouped by route kind,
 * hostname and listeners (each of those is per route in Gateway API, not per rule), kept in App
 * Mesh's order inside a group (Gateway API's last tie-break is rule order), and split so that no
 * route exceeds the CRD's 16 rules; each rule has exactly one match, so `ReplacePrefixMatch` always
 * sits beside a single PathPrefix match (CEL). Route names are numbered in App Mesh order, the
 * tie-break Gateway API applies between equally old routes.
 */
import type { FlatRule } from './flatten.js';
import { grpcMatchOf, httpMatchOf, type PrefixMode } from './match.js';
import type { WriterCapabilities } from './capabilities.js';
import { gatewayNamespace, k8sName, listenerName } from './gateway.js';
import { GATEWAY_API_V1, type GRPCRoute, type GRPCRouteRule, type HTTPRoute, type HTTPRouteFilter, type HTTPRouteRule, type ParentReference } from './objects.js';
import type { VirtualGateway } from '../../model/types.js';
import { formatDuration } from './duration.js';

/** CRD limit (reference §2 "CRD limits"). */
export const MAX_RULES_PER_ROUTE = 16;
export const MAX_BACKEND_REFS = 16;

export interface WrittenRule {
  /** Index into FlatGateway.rules. */
  flat: number;
  route: { kind: 'HTTPRoute' | 'GRPCRoute'; namespace: string; name: string };
  ruleIndex: number;
  /** What the writer changed or dropped (target limits, segment-wise prefixes); the checker decides whether routing differs. */
  notes: string[];
}

export interface SkippedRule {
  flat: number;
  unsupported: string[];
}

export interface WrittenRoutes {
  routes: (HTTPRoute | GRPCRoute)[];
  written: WrittenRule[];
  skipped: SkippedRule[];
  /** Comment before each rule object (yaml.ts). */
  comments: WeakMap<object, string>;
}

export interface RouteWriterOptions {
  prefixMode: PrefixMode;
  caps: WriterCapabilities;
  /** Namespace the routes are written to (the Gateway's). */
  namespace: string;
}

export function writeGatewayRoutes(gw: VirtualGateway, rules: readonly FlatRule[], options: RouteWriterOptions): WrittenRoutes {
  const namespace = gatewayNamespace(gw);
  const gwName = k8sName(gw.displayName);
  const protocolOf = new Map(gw.listeners.map((l) => [l.portMapping.port, l.portMapping.protocol]));
  const groups = new Map<string, { kind: 'HTTPRoute' | 'GRPCRoute'; hostname: string | null; ports: number[]; rules: { flat: number; rule: HTTPRouteRule | GRPCRouteRule; notes: string[] }[] }>();
  const out: WrittenRoutes = { routes: [], written: [], skipped: [], comments: new WeakMap() };

  rules.forEach((flat, i) => {
    if (flat.shadowedBy !== null) return;
    const extra: string[] = [];
    if (flat.ports.length === 0) extra.push('the gateway has no listener of this route\'s protocol and port');
    const host = hostnameOf(flat, extra);
    const built = writeRule(flat, options, extra);
    if ('unsupported' in built) {
      out.skipped.push({ flat: i, unsupported: built.unsupported });
      return;
    }
    const kind = flat.kind === 'grpc' ? 'GRPCRoute' : 'HTTPRoute';
    const key = JSON.stringify([kind, host, flat.ports]);
    let g = groups.get(key);
    if (g === undefined) groups.set(key, (g = { kind, hostname: host, ports: flat.ports, rules: [] }));
    out.comments.set(built.rule, sourceComment(flat));
    g.rules.push({ flat: i, rule: built.rule, notes: built.notes });
  });

  let n = 0;
  for (const g of groups.values()) {
    n++;
    const chunks = Math.ceil(g.rules.length / MAX_RULES_PER_ROUTE);
    for (let c = 0; c < chunks; c++) {
      const part = g.rules.slice(c * MAX_RULES_PER_ROUTE, (c + 1) * MAX_RULES_PER_ROUTE);
      const name = `${gwName}-${String(n).padStart(2, '0')}${chunks > 1 ? `-${String(c + 1).padStart(2, '0')}` : ''}`;
      const parentRefs: ParentReference[] = g.ports.map((port) => ({ name: gwName, sectionName: listenerName(protocolOf.get(port)!, port) }));
      const spec = { parentRefs, ...(g.hostname === null ? {} : { hostnames: [g.hostname] }), rules: part.map((r) => r.rule) };
      const route = g.kind === 'HTTPRoute'
        ? ({ apiVersion: GATEWAY_API_V1, kind: 'HTTPRoute', metadata: { name, namespace }, spec } as HTTPRoute)
        : ({ apiVersion: GATEWAY_API_V1, kind: 'GRPCRoute', metadata: { name, namespace }, spec } as GRPCRoute);
      out.routes.push(route);
      part.forEach((r, ruleIndex) => out.written.push({ flat: r.flat, route: { kind: g.kind, namespace, name }, ruleIndex, notes: r.notes }));
    }
  }
  return out;
}

/** Rules without grouping (GAMMA: one route per Service port), in the given order. */
export function writeGatewayRoutesFor(rules: readonly FlatRule[], options: RouteWriterOptions): { rules: { flat: number; rule: HTTPRouteRule | GRPCRouteRule; notes: string[] }[]; skipped: SkippedRule[]; comments: WeakMap<object, string> } {
  const out = { rules: [] as { flat: number; rule: HTTPRouteRule | GRPCRouteRule; notes: string[] }[], skipped: [] as SkippedRule[], comments: new WeakMap<object, string>() };
  rules.forEach((flat, i) => {
    if (flat.shadowedBy !== null) return;
    const built = writeRule(flat, options, []);
    if ('unsupported' in built) out.skipped.push({ flat: i, unsupported: built.unsupported });
    else {
      out.comments.set(built.rule, sourceComment(flat));
      out.rules.push({ flat: i, rule: built.rule, notes: built.notes });
    }
  });
  return out;
}

/** One flat rule as a route rule, or every reason it cannot be written. */
function writeRule(flat: FlatRule, options: RouteWriterOptions, extraUnsupported: string[]): { rule: HTTPRouteRule | GRPCRouteRule; notes: string[] } | { unsupported: string[] } {
  const unsupported = [...flat.unsupported, ...extraUnsupported];
  if (flat.backends.length > MAX_BACKEND_REFS) unsupported.push(`${flat.backends.length} backends (CRD limit ${MAX_BACKEND_REFS})`);
  const built = flat.kind === 'grpc' ? grpcRule(flat, options) : httpRule(flat, options);
  unsupported.push(...built.unsupported);
  if (unsupported.length > 0) return { unsupported };
  return { rule: built.rule, notes: [...built.notes, ...flat.notes] };
}

/** The comment line naming a rule's App Mesh source. */
export function sourceComment(flat: FlatRule): string {
  const s = flat.source;
  if (s.gatewayRoute === '') return `App Mesh: virtual service ${s.virtualService}${s.virtualRouter === null ? '' : ` → virtual router ${s.virtualRouter} route ${s.route}`}`;
  const tail = s.virtualRouter === null ? `virtual service ${s.virtualService}` : `virtual service ${s.virtualService} → virtual router ${s.virtualRouter} route ${s.route}`;
  return `App Mesh: gateway route ${s.gatewayRouteDisplay} → ${tail}`;
}

// ------- internal functions -------

/** App Mesh hostname.exact → the hostname; suffix `.example.com` → `*.example.com`; other suffixes have no form. */
function hostnameOf(flat: FlatRule, unsupported: string[]): string | null {
  const h = flat.hostname;
  if (h === null) return null;
  const host = h.kind === 'exact' ? h.value : h.value.startsWith('.') ? `*${h.value}` : null;
  if (host === null || !/^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host) || host.length > 253) {
    unsupported.push(`hostname ${h.kind} ${JSON.stringify(h.value)} has no Gateway API hostname form (wildcards are whole labels: *.example.com)`);
    return null;
  }
  return host;
}

function backendRefsOf(flat: FlatRule, routeNamespace: string) {
  return flat.backends.map((b) => ({ name: b.service.name, ...(b.service.namespace === routeNamespace ? {} : { namespace: b.service.namespace }), port: b.service.port, weight: b.weight }));
}

function httpRule(flat: FlatRule, options: RouteWriterOptions): { rule: HTTPRouteRule; notes: string[]; unsupported: string[] } {
  const m = httpMatchOf(flat, options.prefixMode, options.caps);
  const notes = [...m.notes];
  const rule: HTTPRouteRule = { matches: [m.match] };
  const rewrite: { hostname?: string; path?: { type: 'ReplaceFullPath'; replaceFullPath: string } | { type: 'ReplacePrefixMatch'; replacePrefixMatch: string } } = {};
  if (flat.rewrite.kind === 'prefix' && m.match.path?.type === 'PathPrefix') rewrite.path = { type: 'ReplacePrefixMatch', replacePrefixMatch: flat.rewrite.with };
  else if (flat.rewrite.kind === 'prefix') notes.push('prefix rewrite dropped: ReplacePrefixMatch needs a PathPrefix match');
  if (flat.rewrite.kind === 'full') rewrite.path = { type: 'ReplaceFullPath', replaceFullPath: flat.rewrite.value };
  if (flat.hostRewrite !== null) {
    if (/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(flat.hostRewrite)) rewrite.hostname = flat.hostRewrite;
    else notes.push(`host rewrite to ${flat.hostRewrite} dropped: not a Gateway API PreciseHostname`);
  }
  if (rewrite.path !== undefined || rewrite.hostname !== undefined) {
    if (options.caps.urlRewrite) rule.filters = [{ type: 'URLRewrite', urlRewrite: rewrite } as HTTPRouteFilter];
    else notes.push('URLRewrite dropped (the target has none): the backend receives the path and Host as they arrived');
  }
  rule.backendRefs = backendRefsOf(flat, options.namespace);
  const p = flat.policy;
  if (p !== null) {
    const requestMs = p.perRequestMs ?? 15_000;
    const retry = p.retry !== null && p.retry.maxRetries > 0 ? p.retry : null;
    if (options.caps.timeouts) {
      const timeouts: { request?: string; backendRequest?: string } = { request: formatDuration(requestMs) };
      if (retry !== null && options.caps.retry && retry.perRetryTimeoutMs <= requestMs) timeouts.backendRequest = formatDuration(retry.perRetryTimeoutMs);
      rule.timeouts = timeouts;
    } else notes.push(`timeout ${requestMs} ms not written (the target has no rule timeouts)`);
    if (retry !== null) {
      if (options.caps.retry) {
        rule.retry = { attempts: retry.maxRetries, ...(retry.httpStatusCodes.length > 0 ? { codes: retry.httpStatusCodes } : {}) };
        if (retry.otherEvents.length > 0) notes.push(`retry events ${retry.otherEvents.join(', ')} have no Gateway API form (codes only)`);
      } else notes.push(`retry policy (${retry.maxRetries} retries) not written (the target has no rules[].retry)`);
    }
  }
  return { rule, notes, unsupported: m.unsupported };
}

function grpcRule(flat: FlatRule, options: RouteWriterOptions): { rule: GRPCRouteRule; notes: string[]; unsupported: string[] } {
  const m = grpcMatchOf(flat, options.caps);
  const notes = [...m.notes];
  if (flat.hostRewrite !== null) notes.push(`host rewrite to ${flat.hostRewrite} dropped: GRPCRoute has no URLRewrite`);
  if (flat.policy !== null) notes.push('timeout and retry policy dropped: GRPCRoute has no timeouts or retry');
  const rule: GRPCRouteRule = { ...(Object.keys(m.match).length > 0 ? { matches: [m.match] } : {}), backendRefs: backendRefsOf(flat, options.namespace) };
  return { rule, notes, unsupported: m.unsupported };
}

/**
 * The naive reference router: ground truth for the property tests. A plain linear scan over the
 * model's gateway routes in the documented precedence order (docs/precedence.md), each criterion
 * evaluated straight from the model — no table, no index, no shared code with src/compile or
 * src/evaluate apart from the regex engine (compileRegex(p).fullMatch; its RE2 fidelity is tested
 * elsewhere). Written for obviousness, not speed.
 */
import { compileRegex } from '../../src/regex/index.js';
import type { GatewayRoute, HeaderMatch, MeshModel, Route, VirtualGateway, VirtualNode } from '../../src/model/types.js';
import type { Decision, Endpoint, RouteRequest } from '../../src/evaluate/index.js';

export interface ReferenceOptions {
  hostnameMode?: 'virtual-host' | 'flat';
  random?: (() => number) | undefined;
  /** Default true: continue into the router stage (docs/precedence.md §7); false = gateway stage only. */
  routerStage?: boolean;
  stickyKey?: string | undefined;
  allTargets?: boolean | undefined;
}

interface Req {
  method: string;
  path: string;
  query: string | null;
  authority: string | null;
  host: string;
  port: number | null;
  protocol: string | null;
  headers: Map<string, string>;
}

export function referenceRoute(model: MeshModel, gateway: VirtualGateway, request: RouteRequest, options: ReferenceOptions = {}): Decision {
  const mode = options.hostnameMode ?? 'virtual-host';
  const req = normalize(gateway, request);
  const listenerPorts = gateway.listeners.map((l) => l.portMapping.port);
  const ordered = orderedRoutes(model, gateway);
  let eligible = ordered.filter(
    (r) => req.port !== null && listenerPorts.includes(req.port) && r.spec.type === req.protocol && (r.spec.match.port === null || r.spec.match.port === req.port),
  );
  if (mode === 'virtual-host') {
    const chosen = chooseVirtualHost(eligible, req.host);
    eligible = eligible.filter((r) => hostKey(r) === chosen);
  }
  for (const r of eligible) {
    if (mode === 'flat' && !hostnameOk(r, req.host)) continue;
    if (!pathOk(r, req.path)) continue;
    if (r.spec.type !== 'grpc' && r.spec.match.method !== null && r.spec.match.method !== req.method) continue;
    const headers = r.spec.type === 'grpc' ? r.spec.match.metadata : r.spec.match.headers;
    if (!headers.every((h) => headerOk(h, req.headers))) continue;
    if (r.spec.type !== 'grpc' && !r.spec.match.queryParameters.every((q) => queryOk(q.name, q.exact, req.query))) continue;
    const draw = drawer(req, options);
    const d = decision(r, req, draw);
    if (!d.matched || options.routerStage === false) return d;
    return routerStage(model, gateway.meshName, d, request, req, options, draw);
  }
  return unmatched(req, null);
}

// ------- weighted picks (docs/precedence.md §7) -------

/** x in [0, total): FNV-1a 32 of the sticky header's UTF-8 bytes mod total, else floor(random × total) clamped. */
function drawer(req: Req, options: ReferenceOptions): (total: number) => number {
  const key = options.stickyKey;
  const value = key === undefined ? undefined : req.headers.get(lower(key));
  if (value !== undefined) {
    let h = 0x811c9dc5;
    for (const b of Buffer.from(value, 'utf8')) h = Number((BigInt((h ^ b) >>> 0) * 0x01000193n) % 2n ** 32n);
    return (total) => h % total;
  }
  const random = options.random ?? Math.random;
  return (total) => Math.min(total - 1, Math.max(0, Math.floor(random() * total)));
}

function pickWeighted<T extends { weight: number }>(targets: T[], draw: (total: number) => number): T | undefined {
  const total = targets.reduce((n, t) => n + t.weight, 0);
  if (total <= 0) return undefined;
  const x = draw(total);
  let cum = 0;
  return targets.find((t) => (cum += t.weight) > x);
}

// ------- the router stage, naively (reference §1, §3, §8.4) -------

function routerStage(model: MeshModel, mesh: string, d: Decision, request: RouteRequest, gwReq: Req, options: ReferenceOptions, draw: (total: number) => number): Decision {
  const fail = (): Decision => ({ ...d, matched: false, status: 404, grpcStatus: gwReq.protocol === 'grpc' ? 12 : null, stage: 'router', virtualNode: null, endpoint: null });
  const service = model.virtualServices.find((s) => s.meshName === mesh && s.name === d.virtualService);
  const provider = service?.provider ?? null;
  if (provider === null) return fail();
  if ('virtualNode' in provider) {
    const node = model.virtualNodes.find((n) => n.meshName === mesh && n.name === provider.virtualNode);
    return { ...d, virtualNode: provider.virtualNode, endpoint: node ? endpointOf(node, d.targetPort) : null };
  }
  const vr = model.virtualRouters.find((x) => x.meshName === mesh && x.name === provider.virtualRouter);
  const withRouter = { ...d, virtualRouter: provider.virtualRouter };
  if (!vr) return { ...fail(), virtualRouter: provider.virtualRouter };
  const listener = d.targetPort !== null ? vr.listeners.find((l) => l.port === d.targetPort) : vr.listeners.length === 1 ? vr.listeners[0] : undefined;
  if (!listener) return { ...fail(), virtualRouter: vr.name };
  const rreq = normalize(
    { listeners: [{ portMapping: listener }] } as unknown as VirtualGateway,
    { method: request.method ?? 'GET', path: d.path ?? '/', authority: d.authority ?? undefined, headers: request.headers, port: listener.port, scheme: request.scheme } as RouteRequest,
  );
  const scheme = request.scheme ?? 'http';
  const routes = model.routes.filter((r) => r.meshName === mesh && r.virtualRouterName === vr.name).sort(byRoutePrecedence);
  for (const r of routes) {
    if (r.spec.type !== listener.protocol) continue;
    if (r.spec.match.port !== null && r.spec.match.port !== listener.port) continue;
    if (r.spec.type !== 'tcp') {
      if (!routePathOk(r, rreq.path)) continue;
      const headers = r.spec.type === 'grpc' ? r.spec.match.metadata : r.spec.match.headers;
      if (!headers.every((h) => headerOk(h, rreq.headers))) continue;
      if (r.spec.type !== 'grpc') {
        const m = r.spec.match;
        if (m.method !== null && m.method !== rreq.method) continue;
        if (r.spec.type === 'http2' && m.scheme !== null && m.scheme !== scheme) continue;
        if (!m.queryParameters.every((q) => queryOk(q.name, q.exact, rreq.query))) continue;
      }
    }
    const chosen = { ...withRouter, virtualRouter: vr.name, route: r.displayName, timeout: expectedTimeout(r), retryPolicy: expectedRetry(r) };
    if (options.allTargets) {
      const total = r.spec.weightedTargets.reduce((n, t) => n + t.weight, 0);
      return { ...chosen, targets: r.spec.weightedTargets.map((t) => ({ virtualNode: t.virtualNodeName, weight: t.weight, probability: total > 0 ? t.weight / total : 0 })) };
    }
    const t = pickWeighted(r.spec.weightedTargets, draw);
    if (t === undefined) return { ...fail(), virtualRouter: vr.name, route: r.displayName, timeout: chosen.timeout, retryPolicy: chosen.retryPolicy };
    const node = model.virtualNodes.find((n) => n.meshName === mesh && n.name === t.virtualNodeName);
    return { ...chosen, virtualNode: t.virtualNodeName, endpoint: node ? endpointOf(node, t.port) : null };
  }
  return { ...fail(), virtualRouter: vr.name };
}

function endpointOf(node: VirtualNode, port: number | null): Endpoint | null {
  const p = port ?? (node.listeners.length === 1 ? node.listeners[0]!.portMapping.port : null);
  const sd = node.serviceDiscovery;
  if (sd === null) return null;
  if ('dns' in sd) return { hostname: sd.dns.hostname, port: p };
  return { namespaceName: sd.awsCloudMap.namespaceName, serviceName: sd.awsCloudMap.serviceName, attributes: sd.awsCloudMap.attributes.map((a) => ({ key: a.key, value: a.value })), port: p };
}

const toMs = (d: { unit: string; value: number } | null | undefined): number | null => (d ? (d.unit === 's' ? d.value * 1000 : d.value) : null);

function expectedTimeout(r: Route): Decision['timeout'] {
  if (r.spec.type === 'tcp') {
    const idle = toMs(r.spec.timeout?.idle);
    return idle === null ? null : { perRequestMs: null, idleMs: idle };
  }
  return { perRequestMs: toMs(r.spec.timeout?.perRequest) ?? 15000, idleMs: toMs(r.spec.timeout?.idle) };
}

function expectedRetry(r: Route): Decision['retryPolicy'] {
  const p = r.spec.retryPolicy;
  if (p === null) return null;
  const codes: number[] = [];
  const add = (...c: number[]) => { for (const x of c) if (!codes.includes(x)) codes.push(x); };
  for (const e of p.httpRetryEvents) {
    if (e === 'server-error') add(500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511);
    if (e === 'gateway-error') add(502, 503, 504);
    if (e === 'client-error') add(409);
  }
  return {
    maxRetries: p.maxRetries, perRetryTimeoutMs: toMs(p.perRetryTimeout), httpRetryEvents: [...p.httpRetryEvents],
    httpStatusCodes: codes.sort((a, b) => a - b), streamError: p.httpRetryEvents.includes('stream-error'),
    tcpRetryEvents: [...p.tcpRetryEvents], grpcRetryEvents: [...p.grpcRetryEvents],
  };
}

/** A route's literal: prefix, exact, gRPC `/<service>/<method>` (exact) or `/<service>/` (prefix). */
function routeLiteral(r: Route): { value: string; exact: boolean } | null {
  const s = r.spec;
  if (s.type === 'tcp') return null;
  if (s.type === 'grpc') {
    if (s.match.serviceName === null) return null;
    return s.match.methodName !== null ? { value: `/${s.match.serviceName}/${s.match.methodName}`, exact: true } : { value: `/${s.match.serviceName}/`, exact: false };
  }
  if (s.match.prefix !== null) return { value: s.match.prefix, exact: false };
  if (s.match.path !== null && 'exact' in s.match.path) return { value: s.match.path.exact, exact: true };
  return null;
}

function routePathOk(r: Route, path: string): boolean {
  const s = r.spec;
  if (s.type === 'tcp') return true;
  const lit = routeLiteral(r);
  if (lit !== null) return lit.exact ? path === lit.value : path.startsWith(lit.value);
  if (s.type !== 'grpc' && s.match.path !== null && 'regex' in s.match.path) return fullMatch(s.match.path.regex, path);
  return true;
}

function routeSortKey(r: Route): (number | Buffer)[] {
  const lit = routeLiteral(r);
  const s = r.spec;
  const criteria = s.type === 'tcp' ? 0 : s.type === 'grpc' ? s.match.metadata.length : s.match.headers.length + s.match.queryParameters.length + (s.match.method ? 1 : 0) + (s.match.scheme ? 1 : 0);
  return [
    s.priority ?? 1001,
    lit === null ? 1 : 0,
    lit === null ? 0 : -Buffer.byteLength(lit.value),
    lit === null ? 0 : lit.exact ? 0 : 1,
    -criteria,
    Buffer.from(r.name), Buffer.from(r.displayName), Buffer.from(r.namespace ?? ''),
  ];
}

function byRoutePrecedence(a: Route, b: Route): number {
  return compareKeys(routeSortKey(a), routeSortKey(b));
}

// ------- precedence, as docs/precedence.md states it -------

/** Sorting is the slow part of this naive scan; the order of one model's routes is computed once. */
const orderCache = new WeakMap<MeshModel, Map<string, GatewayRoute[]>>();

function orderedRoutes(model: MeshModel, gateway: VirtualGateway): GatewayRoute[] {
  let byGateway = orderCache.get(model);
  if (byGateway === undefined) orderCache.set(model, (byGateway = new Map()));
  const id = gateway.meshName + '/' + gateway.name;
  let ordered = byGateway.get(id);
  if (ordered === undefined) {
    ordered = model.gatewayRoutes.filter((r) => r.virtualGatewayName === gateway.name && r.meshName === gateway.meshName).sort(byPrecedence);
    byGateway.set(id, ordered);
  }
  return ordered;
}

function sortKey(r: GatewayRoute): (number | Buffer)[] {
  const literal = literalOf(r);
  const criteria =
    (r.spec.match.hostname ? 1 : 0) +
    (r.spec.type === 'grpc' ? r.spec.match.metadata.length : r.spec.match.headers.length + r.spec.match.queryParameters.length + (r.spec.match.method ? 1 : 0));
  return [
    r.spec.priority ?? 1001,
    literal === null ? 1 : 0,
    literal === null ? 0 : -Buffer.byteLength(literal.value),
    literal === null ? 0 : literal.exact ? 0 : 1,
    -criteria,
    Buffer.from(r.name),
    Buffer.from(r.displayName),
    Buffer.from(r.namespace ?? ''),
  ];
}

function byPrecedence(a: GatewayRoute, b: GatewayRoute): number {
  return compareKeys(sortKey(a), sortKey(b));
}

/** Sort keys compared field by field: numbers ascending, byte strings bytewise. */
function compareKeys(ka: readonly (number | Buffer)[], kb: readonly (number | Buffer)[]): number {
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i]!;
    const y = kb[i]!;
    const c = typeof x === 'number' ? x - (y as number) : Buffer.compare(x, y as Buffer);
    if (c !== 0) return c;
  }
  return 0;
}

/** The literal path a route matches on: prefix, exact, or the gRPC `/<service>/` prefix. */
function literalOf(r: GatewayRoute): { value: string; exact: boolean } | null {
  if (r.spec.type === 'grpc') return r.spec.match.serviceName === null ? null : { value: `/${r.spec.match.serviceName}/`, exact: false };
  if (r.spec.match.prefix !== null) return { value: r.spec.match.prefix, exact: false };
  if (r.spec.match.path !== null && 'exact' in r.spec.match.path) return { value: r.spec.match.path.exact, exact: true };
  return null;
}

// ------- hostnames -------

/** Envoy's case rule for hosts and header names (absl::AsciiStrToLower): only A–Z fold; `İ`, `K` (U+212A) stay. */
function lower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 32));
}

function hostKey(r: GatewayRoute): string {
  const h = r.spec.match.hostname;
  if (h === null) return '*';
  return 'exact' in h ? 'exact:' + lower(h.exact) : 'suffix:' + lower(h.suffix);
}

/** Envoy virtual-host choice: an exact host, else the longest matching suffix, else the host-less routes. */
function chooseVirtualHost(routes: GatewayRoute[], host: string): string {
  const keys = routes.map(hostKey);
  if (keys.includes('exact:' + host)) return 'exact:' + host;
  let best = '*';
  let bestLength = -1;
  for (const k of keys) {
    if (!k.startsWith('suffix:')) continue;
    const suffix = k.slice('suffix:'.length);
    if (host.length > suffix.length && host.endsWith(suffix) && suffix.length > bestLength) {
      best = k;
      bestLength = suffix.length;
    }
  }
  return best;
}

function hostnameOk(r: GatewayRoute, host: string): boolean {
  const h = r.spec.match.hostname;
  if (h === null) return true;
  if ('exact' in h) return host === lower(h.exact);
  const s = lower(h.suffix);
  return host.endsWith(s) && host.length > s.length;
}

// ------- path, headers, query -------

const regexCache = new Map<string, (s: string) => boolean>();
function fullMatch(pattern: string, s: string): boolean {
  let m = regexCache.get(pattern);
  if (m === undefined) {
    const compiled = compileRegex(pattern);
    m = (x) => compiled.fullMatch(x);
    regexCache.set(pattern, m);
  }
  return m(s);
}

function pathOk(r: GatewayRoute, path: string): boolean {
  if (r.spec.type === 'grpc') return r.spec.match.serviceName === null || path.startsWith('/' + r.spec.match.serviceName + '/');
  const m = r.spec.match;
  if (m.prefix !== null) return path.startsWith(m.prefix);
  if (m.path === null) return true;
  return 'exact' in m.path ? path === m.path.exact : fullMatch(m.path.regex, path);
}

function headerOk(h: HeaderMatch, headers: Map<string, string>): boolean {
  const value = headers.get(lower(h.name));
  if (value === undefined) return h.match === null && h.invert;
  let ok: boolean;
  const m = h.match;
  if (m === null) ok = true;
  else if ('exact' in m) ok = value === m.exact;
  else if ('prefix' in m) ok = value.startsWith(m.prefix);
  else if ('suffix' in m) ok = value.endsWith(m.suffix);
  else if ('regex' in m) ok = fullMatch(m.regex, value);
  else {
    const trimmed = value.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, '');
    if (!/^[+-]?[0-9]+$/.test(trimmed)) ok = false;
    else {
      const n = BigInt(trimmed.replace(/^\+/, ''));
      ok = n >= -(2n ** 63n) && n < 2n ** 63n && n >= BigInt(Math.trunc(m.range.start)) && n < BigInt(Math.trunc(m.range.end));
    }
  }
  return h.invert ? !ok : ok;
}

function queryOk(name: string, exact: string | null, query: string | null): boolean {
  if (query === null) return false;
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key !== name) continue;
    const value = eq < 0 ? '' : part.slice(eq + 1);
    return exact === null || value === exact;
  }
  return false;
}

// ------- the request -------

function normalize(gateway: VirtualGateway, request: RouteRequest): Req {
  let raw = request.path;
  const hash = raw.indexOf('#');
  if (hash >= 0) raw = raw.slice(0, hash);
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const authority = request.authority ?? null;
  const listeners = gateway.listeners.map((l) => l.portMapping);
  let port: number | null = request.port ?? null;
  if (port === null && authority !== null) {
    const m = /:([0-9]{1,5})$/.exec(authority);
    if (m && !authority.endsWith(']') && listeners.some((l) => l.port === Number(m[1]))) port = Number(m[1]);
  }
  if (port === null && listeners.length === 1) port = listeners[0]!.port;
  const headers = new Map<string, string>();
  const entries: [string, string | string[]][] =
    request.headers === undefined ? [] : Symbol.iterator in Object(request.headers) ? [...(request.headers as Iterable<[string, string]>)] : Object.entries(request.headers);
  for (const [k, v] of entries) {
    if (Array.isArray(v) && v.length === 0) continue;
    const value = Array.isArray(v) ? v.join(',') : v;
    const key = lower(k);
    headers.set(key, headers.has(key) ? headers.get(key) + ',' + value : value);
  }
  return {
    method: request.method ?? 'GET',
    path: removeDotSegmentsThenMergeSlashes(path),
    query: q < 0 ? null : raw.slice(q + 1),
    authority,
    host: lower(authority ?? ''),
    port,
    protocol: request.protocol ?? listeners.find((l) => l.port === port)?.protocol ?? null,
    headers,
  };
}

/** RFC 3986 §5.2.4, literally (the A–E loop), then `//` → `/` until none is left. */
function removeDotSegmentsThenMergeSlashes(path: string): string {
  let input = path.startsWith('/') ? path : '/' + path;
  let output = '';
  while (input.length > 0) {
    if (input.startsWith('../')) input = input.slice(3);
    else if (input.startsWith('./')) input = input.slice(2);
    else if (input.startsWith('/./')) input = input.slice(2);
    else if (input === '/.') input = '/';
    else if (input.startsWith('/../')) {
      input = input.slice(3);
      output = output.slice(0, Math.max(0, output.lastIndexOf('/')));
    } else if (input === '/..') {
      input = '/';
      output = output.slice(0, Math.max(0, output.lastIndexOf('/')));
    } else if (input === '.' || input === '..') input = '';
    else {
      const next = input.indexOf('/', 1);
      const seg = next < 0 ? input : input.slice(0, next);
      output += seg;
      input = next < 0 ? '' : input.slice(next);
    }
  }
  while (output.includes('//')) output = output.replace('//', '/');
  return output === '' ? '/' : output;
}

// ------- the decision -------

function decision(r: GatewayRoute, req: Req, draw: (total: number) => number): Decision {
  const targets = r.spec.action.targets;
  const target = targets.length === 1 && !r.spec.action.weighted ? targets[0]! : pickWeighted(targets, draw);
  if (target === undefined) return unmatched(req, r.displayName);
  const rewrite = r.spec.action.rewrite;
  const path = newPath(r, req.path);
  return {
    matched: true, status: null, grpcStatus: null, stage: null,
    gatewayRoute: r.displayName, virtualService: target.virtualServiceName, targetPort: target.port,
    path: req.query === null ? path : `${path}?${req.query}`,
    authority: rewrite?.hostname?.defaultTargetHostname === 'DISABLED' ? req.authority : target.virtualServiceName,
    virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null,
  };
}

/** Reference §8: path.exact rewrite; else prefix rules for prefix (and path-less = `/`) HTTP matches. */
function newPath(r: GatewayRoute, path: string): string {
  if (r.spec.type === 'grpc') return path;
  const rewrite = r.spec.action.rewrite;
  if (rewrite?.path) return rewrite.path.exact;
  const m = r.spec.match;
  if (m.path !== null && m.prefix === null) return path;
  const prefix = m.prefix ?? '/';
  const rest = path.substring(prefix.length);
  if (rewrite?.prefix?.value) {
    const value = rewrite.prefix.value;
    if (prefix.endsWith('/')) return value + rest;
    let head = value;
    while (head.endsWith('/')) head = head.slice(0, -1);
    let tail = rest;
    while (tail.startsWith('/')) tail = tail.slice(1);
    return rest === '' ? head + '/' : head + '/' + tail;
  }
  if (rewrite?.prefix?.defaultPrefix === 'DISABLED') return path;
  return rest.startsWith('/') ? rest : '/' + rest;
}

function unmatched(req: Req, gatewayRoute: string | null): Decision {
  return {
    matched: false, status: 404, grpcStatus: req.protocol === 'grpc' ? 12 : null, stage: 'gateway',
    gatewayRoute, virtualService: null, targetPort: null, path: null, authority: null,
    virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null,
  };
}

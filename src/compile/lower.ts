/**
 * Lowering: one model GatewayRoute → one LoweredRoute, the canonical form the precedence sort,
 * the index and the encoder work on. All App Mesh match shapes become a path criterion (literal
 * prefix / exact, regex, or none), a hostname criterion, a method and header/query predicates.
 */
import type { Duration, GatewayRoute, HeaderMatch, HttpMethod, PathMatch, QueryParameterMatch, RetryPolicy, Route, RouteTimeout } from '../model/types.js';
import { asciiLowerCase } from '../evaluate/ascii-case.js';

export type LoweredPath =
  | { kind: 'prefix' | 'exact'; value: string }
  | { kind: 'regex'; value: string }
  | { kind: 'none' };

export type LoweredPredicate =
  | { kind: 'header'; name: string; invert: boolean; op: 'present' }
  | { kind: 'header'; name: string; invert: boolean; op: 'exact' | 'prefix' | 'suffix' | 'regex'; value: string }
  | { kind: 'header'; name: string; invert: boolean; op: 'range'; start: bigint; end: bigint }
  | { kind: 'query'; name: string; op: 'present' }
  | { kind: 'query'; name: string; op: 'exact'; value: string };

export interface LoweredRoute {
  /** App Mesh name: the bytewise tie-break (DESIGN §2 rule 4). */
  name: string;
  displayName: string;
  namespace: string | null;
  /** `tcp` only for virtual-router routes (they match on port only). */
  protocol: 'http' | 'http2' | 'grpc' | 'tcp';
  port: number | null;
  priority: number | null;
  path: LoweredPath;
  /** Lower-cased hostname criterion. */
  hostname: { kind: 'exact' | 'suffix'; value: string } | null;
  method: HttpMethod | null;
  predicates: LoweredPredicate[];
  rewrite: {
    prefix: 'default' | 'disabled' | 'enabled' | 'value';
    prefixValue: string | null;
    pathExact: string | null;
    hostnameDisabled: boolean;
  };
  /**
   * Gateway routes: the virtual services (App Mesh names). Virtual-router routes: the virtual nodes
   * (App Mesh names) of `weightedTargets` — the field name is the table's, which stores either.
   */
  targets: { virtualServiceName: string; port: number | null; weight: number }[];
  weighted: boolean;
  /** Virtual-router http2 routes: the `scheme` criterion. */
  scheme: 'http' | 'https' | null;
  /** Virtual-router routes: timeout and retry policy as the JSON texts the decision carries (docs/cli.md); null for gateway routes. */
  policy: { timeout: string | null; retryPolicy: string | null } | null;
}

export function lowerGatewayRoute(gr: GatewayRoute): LoweredRoute {
  const spec = gr.spec;
  const action = spec.action;
  const targets = action.targets.map((t) => ({ virtualServiceName: t.virtualServiceName, port: t.port, weight: t.weight }));
  const hostnameDisabled = action.rewrite?.hostname?.defaultTargetHostname === 'DISABLED';
  if (spec.type === 'grpc') {
    const m = spec.match;
    return {
      name: gr.name, displayName: gr.displayName, namespace: gr.namespace, priority: spec.priority, targets, weighted: action.weighted,
      scheme: null, policy: null,
      protocol: 'grpc',
      port: m.port,
      path: grpcServicePath(m.serviceName),
      hostname: lowerHostname(m.hostname),
      method: null,
      predicates: m.metadata.map(lowerHeader),
      // gRPC gateway routes have no path rewrite (reference §2.1): the path is never touched.
      rewrite: { prefix: 'disabled', prefixValue: null, pathExact: null, hostnameDisabled },
    };
  }
  const m = spec.match;
  const rw = action.rewrite;
  const predicates = m.headers.map(lowerHeader);
  for (const q of m.queryParameters) predicates.push(lowerQuery(q));
  return {
    name: gr.name, displayName: gr.displayName, namespace: gr.namespace, priority: spec.priority, targets, weighted: action.weighted,
    scheme: null, policy: null,
    protocol: spec.type,
    port: m.port,
    path: lowerHttpPath(m.prefix, m.path),
    hostname: lowerHostname(m.hostname),
    method: m.method,
    predicates,
    rewrite: {
      prefix: rw?.prefix?.value != null ? 'value' : rw?.prefix?.defaultPrefix === 'DISABLED' ? 'disabled' : rw?.prefix?.defaultPrefix === 'ENABLED' ? 'enabled' : 'default',
      prefixValue: rw?.prefix?.value ?? null,
      pathExact: rw?.path?.exact ?? null,
      hostnameDisabled,
    },
  };
}

/**
 * A virtual-router route (reference §3). Same match shapes as a gateway route minus hostname and
 * rewrites; gRPC `serviceName` + `methodName` is the exact path `/<service>/<method>`, `serviceName`
 * alone the prefix `/<service>/`; a tcp route matches on port only. Targets are virtual nodes.
 */
export function lowerRoute(route: Route): LoweredRoute {
  const spec = route.spec;
  const targets = spec.weightedTargets.map((t) => ({ virtualServiceName: t.virtualNodeName, port: t.port, weight: t.weight }));
  const base = {
    name: route.name, displayName: route.displayName, namespace: route.namespace, priority: spec.priority, targets, weighted: true,
    hostname: null,
    rewrite: { prefix: 'disabled' as const, prefixValue: null, pathExact: null, hostnameDisabled: true },
    policy: { timeout: timeoutJson(spec.type, spec.timeout), retryPolicy: retryPolicyJson(spec.retryPolicy) },
  };
  if (spec.type === 'tcp') {
    return { ...base, protocol: 'tcp', port: spec.match.port, path: { kind: 'none' }, method: null, predicates: [], scheme: null };
  }
  if (spec.type === 'grpc') {
    const m = spec.match;
    const path: LoweredPath = m.serviceName === null ? { kind: 'none' } : m.methodName !== null ? { kind: 'exact', value: `/${m.serviceName}/${m.methodName}` } : grpcServicePath(m.serviceName);
    return { ...base, protocol: 'grpc', port: m.port, path, method: null, predicates: m.metadata.map(lowerHeader), scheme: null };
  }
  const m = spec.match;
  const predicates = m.headers.map(lowerHeader);
  for (const q of m.queryParameters) predicates.push(lowerQuery(q));
  return { ...base, protocol: spec.type, port: m.port, path: lowerHttpPath(m.prefix, m.path), method: m.method, predicates, scheme: spec.type === 'http2' ? m.scheme : null };
}

/** App Mesh's default per-request timeout of HTTP, HTTP/2 and gRPC routes (reference §3.1). */
export const DEFAULT_PER_REQUEST_MS = 15_000;

function ms(d: Duration | null | undefined): number | null {
  if (d === null || d === undefined) return null;
  return d.unit === 's' ? d.value * 1000 : d.value;
}

/** `{"perRequestMs", "idleMs"}` (docs/cli.md); perRequest defaults to 15 s except on tcp routes; null for a tcp route without idle. */
export function timeoutJson(type: Route['spec']['type'], t: RouteTimeout | null): string | null {
  if (type === 'tcp') {
    const idle = ms(t?.idle);
    return idle === null ? null : JSON.stringify({ perRequestMs: null, idleMs: idle });
  }
  return JSON.stringify({ perRequestMs: ms(t?.perRequest) ?? DEFAULT_PER_REQUEST_MS, idleMs: ms(t?.idle) });
}

/** HTTP retry events → status codes (reference §3.1). `stream-error` (refused stream) has no status code. */
export const RETRY_EVENT_STATUS: Readonly<Record<string, readonly number[]>> = {
  'server-error': [500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511],
  'gateway-error': [502, 503, 504],
  'client-error': [409],
  'stream-error': [],
};

export function retryPolicyJson(p: RetryPolicy | null): string | null {
  if (p === null) return null;
  const codes = new Set<number>();
  for (const e of p.httpRetryEvents) for (const c of RETRY_EVENT_STATUS[e] ?? []) codes.add(c);
  return JSON.stringify({
    maxRetries: p.maxRetries,
    perRetryTimeoutMs: ms(p.perRetryTimeout),
    httpRetryEvents: [...p.httpRetryEvents],
    httpStatusCodes: [...codes].sort((a, b) => a - b),
    streamError: p.httpRetryEvents.includes('stream-error'),
    tcpRetryEvents: [...p.tcpRetryEvents],
    grpcRetryEvents: [...p.grpcRetryEvents],
  });
}

/** gRPC `serviceName` matches `/<service>/<method>`: a literal prefix `/<service>/` (reference §6.2). */
function grpcServicePath(serviceName: string | null): LoweredPath {
  return serviceName === null ? { kind: 'none' } : { kind: 'prefix', value: `/${serviceName}/` };
}

function lowerHttpPath(prefix: string | null, path: PathMatch | null): LoweredPath {
  if (prefix !== null) return { kind: 'prefix', value: prefix };
  if (path === null) return { kind: 'none' };
  return 'exact' in path ? { kind: 'exact', value: path.exact } : { kind: 'regex', value: path.regex };
}

function lowerHostname(h: { exact: string } | { suffix: string } | null): LoweredRoute['hostname'] {
  if (h === null) return null;
  return 'exact' in h ? { kind: 'exact', value: asciiLowerCase(h.exact) } : { kind: 'suffix', value: asciiLowerCase(h.suffix) };
}

function lowerHeader(h: HeaderMatch): LoweredPredicate {
  const base = { kind: 'header', name: asciiLowerCase(h.name), invert: h.invert } as const;
  const m = h.match;
  if (m === null) return { ...base, op: 'present' };
  if ('range' in m) return { ...base, op: 'range', start: toInt64(m.range.start), end: toInt64(m.range.end) };
  // The first of these keys decides, as for a match object with several (the model has one).
  const op = (['exact', 'prefix', 'suffix'] as const).find((k) => k in m) ?? 'regex';
  return { ...base, op, value: (m as Record<typeof op, string>)[op] };
}

/** Query names are case-sensitive and raw (reference §7): kept verbatim. */
function lowerQuery(q: QueryParameterMatch): LoweredPredicate {
  return q.exact === null ? { kind: 'query', name: q.name, op: 'present' } : { kind: 'query', name: q.name, op: 'exact', value: q.exact };
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Range bounds are int64 in the API; the model carries numbers. Clamp to int64 after truncation. */
function toInt64(n: number): bigint {
  if (!Number.isFinite(n)) return n > 0 ? INT64_MAX : INT64_MIN;
  const b = BigInt(Math.trunc(n));
  return b < INT64_MIN ? INT64_MIN : b > INT64_MAX ? INT64_MAX : b;
}

/** The criteria DESIGN §2 rule 4 counts: headers + query parameters + method + hostname (+ scheme, router http2 routes). */
export function criteriaCount(r: LoweredRoute): number {
  return r.predicates.length + (r.method !== null ? 1 : 0) + (r.hostname !== null ? 1 : 0) + (r.scheme !== null ? 1 : 0);
}

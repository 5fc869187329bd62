/**
 * Lowering: one model GatewayRoute → one LoweredRoute, the canonical form the precedence sort,
 * the index and the encoder work on. All App Mesh match shapes become a path criterion (literal
 * prefix / exact, regex, or none), a hostname criterion, a method and header/query predicates.
 */
import type { GatewayRoute, HeaderMatch, HttpMethod, PathMatch, QueryParameterMatch } from '../model/types.js';

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
  protocol: 'http' | 'http2' | 'grpc';
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
  targets: { virtualServiceName: string; port: number | null; weight: number }[];
  weighted: boolean;
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
  return 'exact' in h ? { kind: 'exact', value: h.exact.toLowerCase() } : { kind: 'suffix', value: h.suffix.toLowerCase() };
}

function lowerHeader(h: HeaderMatch): LoweredPredicate {
  const name = h.name.toLowerCase();
  const m = h.match;
  if (m === null) return { kind: 'header', name, invert: h.invert, op: 'present' };
  if ('range' in m) return { kind: 'header', name, invert: h.invert, op: 'range', start: toInt64(m.range.start), end: toInt64(m.range.end) };
  if ('exact' in m) return { kind: 'header', name, invert: h.invert, op: 'exact', value: m.exact };
  if ('prefix' in m) return { kind: 'header', name, invert: h.invert, op: 'prefix', value: m.prefix };
  if ('suffix' in m) return { kind: 'header', name, invert: h.invert, op: 'suffix', value: m.suffix };
  return { kind: 'header', name, invert: h.invert, op: 'regex', value: m.regex };
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

/** The criteria DESIGN §2 rule 4 counts: headers + query parameters + method + hostname. */
export function criteriaCount(r: LoweredRoute): number {
  return r.predicates.length + (r.method !== null ? 1 : 0) + (r.hostname !== null ? 1 : 0);
}

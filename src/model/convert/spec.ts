/**
 * Converts schema-checked spec objects (API shape, which the K8s CRDs share field for field apart
 * from references) into the typed normalized model. Reference fields are resolved by the caller's
 * callbacks, because that is the only place the dialects differ: the API names the target, K8s
 * points at another object whose App Mesh name must be looked up.
 *
 * Inputs have passed the schema, but conversion still reads defensively: a value of the wrong type
 * becomes null, never an exception.
 */

import type {
  Duration,
  GatewayRouteRewrite,
  GatewayRouteSpec,
  GrpcGatewayRouteMatch,
  GrpcRouteMatch,
  HeaderMatch,
  HostnameMatch,
  HttpGatewayRouteMatch,
  HttpMethod,
  HttpRouteMatch,
  PathMatch,
  PortMapping,
  QueryParameterMatch,
  RetryPolicy,
  RouteSpec,
  RouteTimeout,
  ServiceDiscovery,
  StringMatch,
  WeightedTarget,
  GatewayRouteTarget,
  ListenerProtocol,
} from '../types.js';
import { HTTP_METHODS } from '../types.js';
import { isRecord } from '../load/classify.js';

export type Raw = Record<string, unknown>;

export const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) ? v : null);
export const rec = (v: unknown): Raw | null => (isRecord(v) ? v : null);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

export const GATEWAY_ROUTE_TYPES = ['httpRoute', 'http2Route', 'grpcRoute'] as const;
export const ROUTE_TYPES = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'] as const;

export function routeTypeKey<T extends string>(spec: Raw, keys: readonly T[]): T | null {
  const present = keys.filter((k) => isRecord(spec[k]));
  return present.length === 1 ? present[0]! : null;
}

export function typeOfKey(key: string): 'http' | 'http2' | 'grpc' | 'tcp' {
  return key === 'httpRoute' ? 'http' : key === 'http2Route' ? 'http2' : key === 'grpcRoute' ? 'grpc' : 'tcp';
}

// ---------------------------------------------------------------------------------------------
// Match primitives
// ---------------------------------------------------------------------------------------------

export function stringMatch(raw: unknown): StringMatch | null {
  const m = rec(raw);
  if (!m) return null;
  for (const k of ['exact', 'prefix', 'suffix', 'regex'] as const) {
    const v = str(m[k]);
    if (v !== null) return { [k]: v } as StringMatch;
  }
  const range = rec(m.range);
  if (range && typeof range.start === 'number' && typeof range.end === 'number') return { range: { start: range.start, end: range.end } };
  return null;
}

export function headerMatches(raw: unknown): HeaderMatch[] {
  return list(raw).flatMap((h) => {
    const r = rec(h);
    const name = r && str(r.name);
    if (!r || name === null) return [];
    return [{ name, invert: r.invert === true, match: r.match === undefined || r.match === null ? null : stringMatch(r.match) }];
  });
}

export function queryMatches(raw: unknown): QueryParameterMatch[] {
  return list(raw).flatMap((q) => {
    const r = rec(q);
    const name = r && str(r.name);
    if (!r || name === null) return [];
    const match = rec(r.match);
    return [{ name, exact: match ? str(match.exact) : null }];
  });
}

export function pathMatch(raw: unknown): PathMatch | null {
  const p = rec(raw);
  if (!p) return null;
  const exact = str(p.exact);
  if (exact !== null) return { exact };
  const regex = str(p.regex);
  return regex !== null ? { regex } : null;
}

export function hostnameMatch(raw: unknown): HostnameMatch | null {
  const h = rec(raw);
  if (!h) return null;
  const exact = str(h.exact);
  if (exact !== null) return { exact };
  const suffix = str(h.suffix);
  return suffix !== null ? { suffix: suffixAsEndingCharacters(suffix) } : null;
}

/**
 * `hostname.suffix` is "the specified ending characters of the host name" (App Mesh API), and App
 * Mesh renders it as the Envoy wildcard domain `*` + suffix ([RM-384]; AWS examples write
 * `.example.com`). A leading `*` written out (`*.example.com`, the Envoy / Gateway API spelling)
 * is read as that same wildcard, so both spellings mean "ends with `.example.com`"; the validator
 * warns (GR_HOSTNAME_SUFFIX_FORM). A lone `*` stays as written.
 */
export function suffixAsEndingCharacters(suffix: string): string {
  return suffix.length > 1 && suffix.charCodeAt(0) === 0x2a ? suffix.slice(1) : suffix;
}

export function method(raw: unknown): HttpMethod | null {
  return typeof raw === 'string' && (HTTP_METHODS as readonly string[]).includes(raw) ? (raw as HttpMethod) : null;
}

export function portMapping(raw: unknown): PortMapping | null {
  const pm = rec(raw);
  const port = pm && int(pm.port);
  const protocol = pm && str(pm.protocol);
  if (port === null || port === undefined || !protocol) return null;
  return { port, protocol: protocol as ListenerProtocol };
}

export function duration(raw: unknown): Duration | null {
  const d = rec(raw);
  if (!d || (d.unit !== 's' && d.unit !== 'ms') || typeof d.value !== 'number') return null;
  return { unit: d.unit, value: d.value };
}

// ---------------------------------------------------------------------------------------------
// Gateway routes
// ---------------------------------------------------------------------------------------------

export function httpGatewayMatch(raw: unknown): HttpGatewayRouteMatch {
  const m = rec(raw) ?? {};
  return {
    prefix: str(m.prefix),
    path: pathMatch(m.path),
    hostname: hostnameMatch(m.hostname),
    method: method(m.method),
    headers: headerMatches(m.headers),
    queryParameters: queryMatches(m.queryParameters),
    port: int(m.port),
  };
}

export function grpcGatewayMatch(raw: unknown): GrpcGatewayRouteMatch {
  const m = rec(raw) ?? {};
  return { serviceName: str(m.serviceName), hostname: hostnameMatch(m.hostname), metadata: headerMatches(m.metadata), port: int(m.port) };
}

export function gatewayRewrite(raw: unknown): GatewayRouteRewrite | null {
  const r = rec(raw);
  if (!r) return null;
  const prefix = rec(r.prefix);
  const path = rec(r.path);
  const hostname = rec(r.hostname);
  const enabled = (v: unknown) => (v === 'ENABLED' || v === 'DISABLED' ? v : null);
  return {
    prefix: prefix ? { defaultPrefix: enabled(prefix.defaultPrefix), value: str(prefix.value) } : null,
    path: path && str(path.exact) !== null ? { exact: str(path.exact)! } : null,
    hostname: hostname ? { defaultTargetHostname: enabled(hostname.defaultTargetHostname) } : null,
  };
}

/**
 * `targets` come from the caller: the single App Mesh target, or the `weightedTargets` extension.
 * Returns null when the spec has no single route type (reported by the rules).
 */
export function gatewayRouteSpec(spec: Raw, targets: GatewayRouteTarget[], weighted: boolean): GatewayRouteSpec | null {
  const key = routeTypeKey(spec, GATEWAY_ROUTE_TYPES);
  if (!key) return null;
  const route = spec[key] as Raw;
  const action = rec(route.action) ?? {};
  const priority = int(spec.priority);
  const rewrite = gatewayRewrite(action.rewrite);
  if (key === 'grpcRoute') {
    return { type: 'grpc', priority, match: grpcGatewayMatch(route.match), action: { targets, weighted, rewrite } };
  }
  return { type: typeOfKey(key) as 'http' | 'http2', priority, match: httpGatewayMatch(route.match), action: { targets, weighted, rewrite } };
}

// ---------------------------------------------------------------------------------------------
// Virtual router routes
// ---------------------------------------------------------------------------------------------

export function httpRouteMatch(raw: unknown): HttpRouteMatch {
  const m = rec(raw) ?? {};
  const scheme = m.scheme === 'http' || m.scheme === 'https' ? m.scheme : null;
  return {
    prefix: str(m.prefix),
    path: pathMatch(m.path),
    method: method(m.method),
    headers: headerMatches(m.headers),
    queryParameters: queryMatches(m.queryParameters),
    scheme,
    port: int(m.port),
  };
}

export function grpcRouteMatch(raw: unknown): GrpcRouteMatch {
  const m = rec(raw) ?? {};
  return { serviceName: str(m.serviceName), methodName: str(m.methodName), metadata: headerMatches(m.metadata), port: int(m.port) };
}

export function retryPolicy(raw: unknown, grpc: boolean): RetryPolicy | null {
  const r = rec(raw);
  if (!r) return null;
  const perRetryTimeout = duration(r.perRetryTimeout);
  if (int(r.maxRetries) === null || !perRetryTimeout) return null;
  const strings = (v: unknown) => list(v).filter((x): x is string => typeof x === 'string');
  return {
    maxRetries: int(r.maxRetries)!,
    perRetryTimeout,
    httpRetryEvents: strings(r.httpRetryEvents),
    tcpRetryEvents: strings(r.tcpRetryEvents),
    grpcRetryEvents: grpc ? strings(r.grpcRetryEvents) : [],
  };
}

export function routeTimeout(raw: unknown): RouteTimeout | null {
  const t = rec(raw);
  if (!t) return null;
  return { perRequest: duration(t.perRequest), idle: duration(t.idle) };
}

export function routeSpec(spec: Raw, weightedTargets: WeightedTarget[]): RouteSpec | null {
  const key = routeTypeKey(spec, ROUTE_TYPES);
  if (!key) return null;
  const route = spec[key] as Raw;
  const priority = int(spec.priority);
  const timeout = routeTimeout(route.timeout);
  switch (key) {
    case 'grpcRoute':
      return { type: 'grpc', priority, match: grpcRouteMatch(route.match), weightedTargets, retryPolicy: retryPolicy(route.retryPolicy, true), timeout };
    case 'tcpRoute':
      return { type: 'tcp', priority, match: { port: int(rec(route.match)?.port) }, weightedTargets, retryPolicy: null, timeout };
    default:
      return {
        type: typeOfKey(key) as 'http' | 'http2',
        priority,
        match: httpRouteMatch(route.match),
        weightedTargets,
        retryPolicy: retryPolicy(route.retryPolicy, false),
        timeout,
      };
  }
}

// ---------------------------------------------------------------------------------------------
// Nodes
// ---------------------------------------------------------------------------------------------

export function serviceDiscovery(raw: unknown): ServiceDiscovery {
  const sd = rec(raw);
  if (!sd) return null;
  const dns = rec(sd.dns);
  if (dns && str(dns.hostname) !== null) {
    const rt = dns.responseType === 'LOADBALANCER' || dns.responseType === 'ENDPOINTS' ? dns.responseType : null;
    return { dns: { hostname: str(dns.hostname)!, responseType: rt, ipPreference: str(dns.ipPreference) } };
  }
  const cm = rec(sd.awsCloudMap);
  if (cm && str(cm.namespaceName) !== null && str(cm.serviceName) !== null) {
    const attributes = list(cm.attributes).flatMap((a) => {
      const r = rec(a);
      return r && str(r.key) !== null && str(r.value) !== null ? [{ key: str(r.key)!, value: str(r.value)! }] : [];
    });
    return { awsCloudMap: { namespaceName: str(cm.namespaceName)!, serviceName: str(cm.serviceName)!, attributes, ipPreference: str(cm.ipPreference) } };
  }
  return null;
}

/** Listener fields other than portMapping, kept verbatim for `describe`. */
export function listenerExtra(raw: Raw): Raw {
  const { portMapping: _pm, ...rest } = raw;
  return rest;
}

/** The name part of an App Mesh ARN: `arn:aws:appmesh:region:acct:mesh/m/virtualService/name` → `name`. */
export function nameFromArn(arn: string): string | null {
  const m = /^arn:[^:]+:appmesh:[^:]*:[^:]*:mesh\/[^/]+\/[A-Za-z]+\/([^/]+)(?:\/[A-Za-z]+\/([^/]+))?$/.exec(arn);
  if (!m) return null;
  return m[2] ?? m[1] ?? null;
}

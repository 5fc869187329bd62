/**
 * Criterion checks (reference §7), shared by route() and explain(). A RequestState carries the
 * normalized request; its header map is built on first use only.
 */
import { HostKind, PathKind, PredicateKind, PredicateOp, SCHEME_NAMES } from '../table/layout.js';
import type { LoadedPredicate, LoadedRoute } from './loaded.js';
import { headerMap, parseInt64, queryValue } from './request.js';
import type { HeaderInput } from './types.js';
import { asciiLowerCase } from './ascii-case.js';

export interface RequestState {
  method: string;
  /** Normalized path without query — or, until `settled`, the raw path as given (settlePath). */
  path: string;
  settled: boolean;
  query: string | null;
  /** Raw authority, or null. */
  authority: string | null;
  /** Lower-cased authority, '' when absent; null until hostOf() needs it (most gateways never do). */
  host: string | null;
  port: number | null;
  protocol: number;
  /** Request scheme ('http' unless given): the router-stage http2 `scheme` criterion. */
  scheme: string;
  headersInput: HeaderInput | undefined;
  headers: Map<string, string> | null;
}

/**
 * The request's value of a (lower-case) header name. A plain-object header input is scanned for the
 * name in any case without building a map; other inputs (iterables, Maps) are indexed once.
 */
export function headerValue(req: RequestState, name: string): string | undefined {
  const input = req.headersInput;
  if (input === undefined || input === null) return undefined;
  if (req.headers === null && isPlainRecord(input)) return recordValue(input, name);
  if (req.headers === null) req.headers = headerMap(input);
  return req.headers.get(name);
}

function isPlainRecord(h: HeaderInput): h is Record<string, string | string[]> {
  return typeof (h as Iterable<unknown>)[Symbol.iterator] !== 'function';
}

function recordValue(rec: Record<string, string | string[]>, name: string): string | undefined {
  let out: string | undefined;
  for (const key in rec) {
    if (key !== name && (key.length !== name.length || asciiLowerCase(key) !== name)) continue;
    const v = rec[key]!;
    if (Array.isArray(v) && v.length === 0) continue;
    const s = Array.isArray(v) ? v.join(',') : String(v);
    out = out === undefined ? s : out + ',' + s;
  }
  return out;
}

/** The request's lower-cased authority ('' when absent), computed on first use. */
export function hostOf(req: RequestState): string {
  if (req.host === null) req.host = req.authority === null ? '' : asciiLowerCase(req.authority);
  return req.host;
}

/** hostname.exact: equal; hostname.suffix: ends with it and is longer (a wildcard matches ≥ 1 char). */
export function hostMatches(kind: number, host: string, requestHost: string): boolean {
  if (kind === HostKind.exact) return requestHost === host;
  return requestHost.length > host.length && requestHost.endsWith(host);
}

/** The path criterion, evaluated directly (the trie does it faster for literals in route()). */
export function pathMatches(r: LoadedRoute, path: string): boolean {
  switch (r.pathKind) {
    case PathKind.prefix: return path.startsWith(r.path);
    case PathKind.exact: return path === r.path;
    case PathKind.regex: return r.regex!.fullMatch(path);
    default: return true;
  }
}

/**
 * A header (or gRPC metadata) / query criterion. A missing header fails even when inverted, except
 * an inverted present-match, which holds exactly when the header is absent (Envoy HeaderUtility).
 */
export function predicateHolds(p: LoadedPredicate, req: RequestState): boolean {
  if (p.kind === PredicateKind.query) {
    const v = queryValue(req.query, p.name);
    return v !== undefined && (p.op === PredicateOp.present || v === p.value);
  }
  return headerValueHolds(p, headerValue(req, p.name));
}

/** A header criterion against the request's value of that header (undefined: the header is absent). */
export function headerValueHolds(p: LoadedPredicate, v: string | undefined): boolean {
  if (v === undefined) return p.op === PredicateOp.present && p.invert;
  const m = valueMatches(p, v);
  return p.invert ? !m : m;
}

function valueMatches(p: LoadedPredicate, v: string): boolean {
  switch (p.op) {
    case PredicateOp.present: return true;
    case PredicateOp.exact: return v === p.value;
    case PredicateOp.prefix: return v.startsWith(p.value);
    case PredicateOp.suffix: return v.endsWith(p.value);
    case PredicateOp.regex: return p.regex!.fullMatch(v);
    default: {
      const n = parseInt64(v);
      return n !== null && n >= p.start && n < p.end;
    }
  }
}

export function schemeHolds(r: LoadedRoute, req: RequestState): boolean {
  return r.scheme === 0 || SCHEME_NAMES[r.scheme] === req.scheme;
}

/** Everything but port, protocol, virtual host and path: method, scheme, then predicates in order. */
export function residualHolds(r: LoadedRoute, req: RequestState): boolean {
  if (r.method !== null && r.method !== req.method) return false;
  if (r.scheme !== 0 && SCHEME_NAMES[r.scheme] !== req.scheme) return false;
  const ps = r.predicates;
  for (let i = 0; i < ps.length; i++) if (!predicateHolds(ps[i]!, req)) return false;
  return true;
}

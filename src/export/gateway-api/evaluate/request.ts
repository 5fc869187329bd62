/** The request as the evaluator reads it: defaults applied, path split from its query, headers by lowercase name. */
import type { GatewayApiRequest, GatewayHeaderInput } from './types.js';

export interface NormalizedRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** '?…' including the '?', or ''. */
  query: string;
  /** Host without port, lowercased (hostnames are matched case-insensitively, port ignored: spec MUST). */
  host: string;
  /** The Host header as given (forwarded unchanged unless rewritten). */
  authority: string;
  port: number;
  scheme: 'http' | 'https';
  protocol: 'http' | 'http2' | 'grpc';
  /** Lowercase name → values in order. Repeated headers are joined with ',' for matching (as Envoy does). */
  headers: Map<string, string[]>;
}

export function normalizeRequest(req: GatewayApiRequest): NormalizedRequest {
  const q = req.path.indexOf('?');
  const authority = req.authority ?? '';
  const { host, port: authorityPort } = splitAuthority(authority);
  const scheme = req.scheme ?? 'http';
  return {
    method: req.method ?? 'GET',
    path: q < 0 ? req.path : req.path.slice(0, q),
    query: q < 0 ? '' : req.path.slice(q),
    host,
    authority,
    port: req.port ?? authorityPort ?? (scheme === 'https' ? 443 : 80),
    scheme,
    protocol: req.protocol ?? 'http',
    headers: headerMap(req.headers),
  };
}

/** host[:port] → lowercase host and the port; IPv6 literals `[…]:p` keep their brackets. */
export function splitAuthority(authority: string): { host: string; port: number | null } {
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(authority);
  if (m === null) return { host: authority.toLowerCase(), port: null };
  return { host: m[1]!.toLowerCase(), port: m[2] !== undefined ? Number(m[2]) : null };
}

function headerMap(headers: GatewayHeaderInput | undefined): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (name: string, value: string | string[]): void => {
    const key = name.toLowerCase();
    const list = map.get(key) ?? [];
    if (Array.isArray(value)) list.push(...value);
    else list.push(value);
    map.set(key, list);
  };
  if (headers === undefined) return map;
  if (Symbol.iterator in headers) for (const [n, v] of headers as Iterable<readonly [string, string]>) add(n, v);
  else for (const [n, v] of Object.entries(headers)) add(n, v);
  return map;
}

/** The value a header matcher sees: repeated values joined with ',' (Envoy); undefined when absent. */
export function headerValue(req: NormalizedRequest, lowerName: string): string | undefined {
  const values = req.headers.get(lowerName);
  return values === undefined || values.length === 0 ? undefined : values.join(',');
}

/**
 * The first value of query parameter `name` (spec: repeated request params are "purposely left
 * undefined"; the first is recommended). Raw, not percent-decoded; `?k` counts as k = ''.
 */
export function queryValue(req: NormalizedRequest, name: string): string | undefined {
  if (req.query.length <= 1) return undefined;
  for (const part of req.query.slice(1).split('&')) {
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (key === name) return eq < 0 ? '' : part.slice(eq + 1);
  }
  return undefined;
}

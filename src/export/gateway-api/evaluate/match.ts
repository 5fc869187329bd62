/** Does one HTTPRouteMatch / GRPCRouteMatch hold for a request ([HR] [GR] match semantics)? */
import type { GrpcMatch, HttpMatch, ValueMatch } from './compiled.js';
import { headerValue, queryValue, type NormalizedRequest } from './request.js';

/**
 * PathPrefix is element-wise on '/' and ignores a trailing '/' in the value: '/abc' and '/abc/'
 * both match '/abc', '/abc/', '/abc/def', not '/abcd' ([HR] PathMatchPathPrefix, PR #900).
 */
export function pathPrefixMatches(value: string, path: string): boolean {
  const prefix = value.endsWith('/') ? value.slice(0, -1) : value; // '/' → ''
  if (prefix === '') return true;
  return path === prefix || path.startsWith(`${prefix}/`);
}

export function httpMatchHolds(m: HttpMatch, req: NormalizedRequest): boolean {
  switch (m.pathType) {
    case 'Exact':
      if (req.path !== m.pathValue) return false;
      break;
    case 'PathPrefix':
      if (!pathPrefixMatches(m.pathValue, req.path)) return false;
      break;
    default:
      if (m.pathRegex === null || !m.pathRegex.fullMatch(req.path)) return false;
  }
  if (m.method !== null && m.method !== req.method) return false;
  return m.headers.every((h) => valueHolds(h, headerValue(req, h.name))) && m.query.every((q) => valueHolds(q, queryValue(req, q.name)));
}

function valueHolds(m: ValueMatch, value: string | undefined): boolean {
  if (value === undefined) return false;
  return m.type === 'Exact' ? value === m.value : m.regex !== null && m.regex.fullMatch(value);
}

/** `/package.Service/Method` → its two parts; null when the path is not of that form. */
export function grpcPathParts(path: string): { service: string; method: string } | null {
  const m = /^\/([^/]+)\/([^/]+)$/.exec(path);
  return m === null ? null : { service: m[1]!, method: m[2]! };
}

/** An omitted service or method matches any ([GR] GRPCMethodMatch). */
export function grpcMatchHolds(m: GrpcMatch, req: NormalizedRequest): boolean {
  const parts = grpcPathParts(req.path);
  if (parts === null) return m.service === null && m.method === null && m.headers.every((h) => valueHolds(h, headerValue(req, h.name)));
  if (m.type === 'Exact') {
    if (m.service !== null && m.service !== parts.service) return false;
    if (m.method !== null && m.method !== parts.method) return false;
  } else {
    if (m.service !== null && (m.serviceRegex === null || !m.serviceRegex.fullMatch(parts.service))) return false;
    if (m.method !== null && (m.methodRegex === null || !m.methodRegex.fullMatch(parts.method))) return false;
  }
  return m.headers.every((h) => valueHolds(h, headerValue(req, h.name)));
}

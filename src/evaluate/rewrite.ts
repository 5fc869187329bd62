/** Gateway rewrites (reference §8). Query strings are never touched. Imports nothing at runtime. */
import { PathKind, PrefixRewrite, Protocol } from '../table/layout.js';
import type { LoadedRoute } from './loaded.js';

/**
 * The upstream path (without query) for a matched route:
 * - `rewrite.path.exact` replaces the whole path;
 * - gRPC, exact and regex matches: unchanged (no default path rewrite, §8.3);
 * - prefix matches (a path-less HTTP match counts as prefix `/`): default = matched prefix → `/`
 *   without `//`; DISABLED = unchanged; `value` = matched prefix → value (§8.2).
 */
export function rewritePath(r: LoadedRoute, path: string): string {
  if (r.pathRewrite !== null) return r.pathRewrite;
  if (r.protocol === Protocol.grpc || r.pathKind === PathKind.exact || r.pathKind === PathKind.regex) return path;
  const prefix = r.pathKind === PathKind.prefix ? r.path : '/';
  switch (r.prefixRewrite) {
    case PrefixRewrite.disabled: return path;
    case PrefixRewrite.value: return replacePrefixWithValue(prefix, r.prefixValue, path);
    default: return replacePrefixDefault(prefix, path);
  }
}

/** `/chapter` + `/chapter/page` → `/page`; `/chapter1` → `/1`; `/chapter` → `/`. */
export function replacePrefixDefault(prefix: string, path: string): string {
  const n = prefix.length;
  if (path.charCodeAt(n) === 0x2f) return path.slice(n);
  // A prefix ending in `/` leaves that `/` in the path: slice from it rather than concatenate.
  return path.charCodeAt(n - 1) === 0x2f ? path.slice(n - 1) : '/' + path.slice(n);
}

/**
 * `value + rest` when the match prefix ends with `/` (documented); otherwise (unverified, reference
 * §8.2 UNK) the default rule's slash handling: value without trailing `/`, then `/` + rest.
 */
export function replacePrefixWithValue(prefix: string, value: string, path: string): string {
  const rest = path.slice(prefix.length);
  if (prefix.endsWith('/')) return value + rest;
  const head = value.replace(/\/+$/, '');
  return rest.length === 0 ? head + '/' : head + '/' + rest.replace(/^\/+/, '');
}

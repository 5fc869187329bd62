/** Gateway rewrites (reference §8). Query strings are never touched. Imports nothing at runtime. */
import { PathKind, PrefixRewrite, Protocol } from '../table/layout.js';
import type { LoadedRoute } from './loaded.js';

/** How a route rewrites the path, decided once at load (rewriteOf) so that route() only switches on it. */
export const Rewrite = { keep: 0, replace: 1, cutPrefix: 2, prefixToValue: 3 } as const;

/**
 * The route's rewrite and the length of the prefix it replaces:
 * - `rewrite.path.exact` replaces the whole path;
 * - gRPC, exact and regex matches: unchanged (no default path rewrite, §8.3);
 * - prefix matches (a path-less HTTP match counts as prefix `/`): default = matched prefix → `/`
 *   without `//`; DISABLED = unchanged; `value` = matched prefix → value (§8.2).
 */
export function rewriteOf(r: Pick<LoadedRoute, 'pathRewrite' | 'protocol' | 'pathKind' | 'path' | 'prefixRewrite'>): { rewrite: number; cut: number } {
  if (r.pathRewrite !== null) return { rewrite: Rewrite.replace, cut: 0 };
  if (r.protocol === Protocol.grpc || r.pathKind === PathKind.exact || r.pathKind === PathKind.regex) return { rewrite: Rewrite.keep, cut: 0 };
  const cut = r.pathKind === PathKind.prefix ? r.path.length : 1;
  switch (r.prefixRewrite) {
    case PrefixRewrite.disabled: return { rewrite: Rewrite.keep, cut: 0 };
    case PrefixRewrite.value: return { rewrite: Rewrite.prefixToValue, cut };
    default: return { rewrite: Rewrite.cutPrefix, cut };
  }
}

/** The upstream path (without query) for a matched route. */
export function rewritePath(r: LoadedRoute, path: string): string {
  switch (r.rewrite) {
    case Rewrite.keep: return path;
    case Rewrite.cutPrefix: return cutPrefix(r.cut, path);
    case Rewrite.replace: return r.pathRewrite!;
    default: return replacePrefixWithValue(path.slice(0, r.cut), r.prefixValue, path);
  }
}

/** The default rewrite of a prefix of `n` code units: `/chapter` + `/chapter/page` → `/page`; `/chapter1` → `/1`; `/chapter` → `/`. */
export function cutPrefix(n: number, path: string): string {
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

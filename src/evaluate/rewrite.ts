/** Gateway rewrites (reference §8). Query strings are never touched. Imports nothing at runtime. */
import { PathKind, PrefixRewrite, Protocol } from '../table/layout.js';

/** How a route rewrites the path, decided once at load (rewriteOf) so that route() only switches on it. */
export enum Rewrite { keep, replace, cutPrefix, prefixToValue }

/** What the rewrite reads of a loaded route (loaded.ts LoadedRoute has these fields; declared here so the two files do not import each other). */
export interface RouteRewriteFields {
  pathRewrite: string | null;
  protocol: number;
  pathKind: number;
  prefixRewrite: number;
  /** Rewrite, from rewriteOf. */
  rewrite: number;
  /** Length of the matched prefix (cutPrefix). */
  cut: number;
  path: string;
  prefixValue: string;
}

/**
 * The route's rewrite (with `cut`, the length of the matched prefix, for the last two):
 * - `rewrite.path.exact` replaces the whole path;
 * - gRPC, exact and regex matches: unchanged (no default path rewrite, §8.3);
 * - prefix matches (a path-less HTTP match counts as prefix `/`): default = matched prefix → `/`
 *   without `//`; DISABLED = unchanged; `value` = matched prefix → value (§8.2).
 */
export function rewriteOf(r: Pick<RouteRewriteFields, 'pathRewrite' | 'protocol' | 'pathKind' | 'prefixRewrite'>): Rewrite {
  if (r.pathRewrite !== null) return Rewrite.replace;
  if (r.protocol === Protocol.grpc || r.pathKind === PathKind.exact || r.pathKind === PathKind.regex || r.prefixRewrite === PrefixRewrite.disabled) return Rewrite.keep;
  return r.prefixRewrite === PrefixRewrite.value ? Rewrite.prefixToValue : Rewrite.cutPrefix;
}

/** The upstream path (without query) for a matched route. */
export function rewritePath(r: RouteRewriteFields, path: string): string {
  switch (r.rewrite) {
    case Rewrite.keep: return path;
    case Rewrite.cutPrefix: return cutPrefix(r.cut, path);
    case Rewrite.replace: return r.pathRewrite!;
    default: return replacePrefixWithValue(r.pathKind === PathKind.prefix ? r.path : '/', r.prefixValue, path);
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

/**
 * Rule filters applied to the winning match ([HR] HTTPRouteFilter): RequestHeaderModifier →
 * header edits, URLRewrite → new path / Host, RequestRedirect → Location. Response-side filters,
 * mirrors and ExtensionRef do not change where the request goes and are not modelled.
 */
import type { GRPCRouteFilter, HTTPPathModifier, HTTPRequestRedirectFilter, HTTPRouteFilter } from '../objects.js';
import type { HttpMatch } from './compiled.js';
import type { NormalizedRequest } from './request.js';
import type { HeaderEdit } from './types.js';

/**
 * ReplacePrefixMatch per the spec's table ([HR] HTTPPathModifier): the matched prefix (trailing
 * '/' ignored) is replaced by the value (trailing '/' ignored); what followed the prefix — '' or
 * '/…' — is kept; an empty result is '/'. `/foo/bar` with prefix `/foo` → `/xyz` gives `/xyz/bar`;
 * `/foo/` → `/xyz/`; with replacement '' or '/', `/foo` gives '/'.
 */
export function replacePrefixMatch(path: string, matchedPrefix: string, replacement: string): string {
  const prefix = matchedPrefix.endsWith('/') ? matchedPrefix.slice(0, -1) : matchedPrefix;
  const rest = path.slice(prefix.length);
  const head = replacement.endsWith('/') ? replacement.slice(0, -1) : replacement;
  const out = head + rest;
  return out === '' ? '/' : out;
}

/** The path a path modifier produces (query not included). */
export function modifyPath(mod: HTTPPathModifier, path: string, match: HttpMatch): string {
  if (mod.type === 'ReplaceFullPath') return mod.replaceFullPath;
  return replacePrefixMatch(path, match.pathValue, mod.replacePrefixMatch);
}

export interface Rewritten {
  path: string;
  authority: string;
  headerEdits: HeaderEdit[];
}

/** URLRewrite and RequestHeaderModifier of the rule; the query string survives a path rewrite (as Envoy's prefix/regex rewrites). */
export function applyRequestFilters(filters: readonly (HTTPRouteFilter | GRPCRouteFilter)[], req: NormalizedRequest, match: HttpMatch | null): Rewritten {
  let path = req.path;
  let authority = req.authority;
  const headerEdits: HeaderEdit[] = [];
  for (const f of filters) {
    if (f.type === 'URLRewrite') {
      if (f.urlRewrite.path !== undefined && match !== null) path = modifyPath(f.urlRewrite.path, req.path, match);
      if (f.urlRewrite.hostname !== undefined) authority = f.urlRewrite.hostname;
    } else if (f.type === 'RequestHeaderModifier') {
      const m = f.requestHeaderModifier;
      for (const h of m.set ?? []) headerEdits.push({ op: 'set', name: h.name.toLowerCase(), value: h.value });
      for (const h of m.add ?? []) headerEdits.push({ op: 'add', name: h.name.toLowerCase(), value: h.value });
      for (const n of m.remove ?? []) headerEdits.push({ op: 'remove', name: n.toLowerCase(), value: null });
    }
  }
  return { path: path + req.query, authority, headerEdits };
}

export function findRedirect(filters: readonly (HTTPRouteFilter | GRPCRouteFilter)[]): HTTPRequestRedirectFilter | null {
  for (const f of filters) if (f.type === 'RequestRedirect') return f.requestRedirect;
  return null;
}

/**
 * The Location of a RequestRedirect ([HR] HTTPRequestRedirectFilter): scheme and hostname default
 * to the request's; port defaults to the scheme's well-known port when `scheme` is set, else to the
 * listener port; the port is left out for http:80 and https:443; the path (with query) is kept
 * unless `path` modifies it.
 */
export function redirectLocation(r: HTTPRequestRedirectFilter, req: NormalizedRequest, listenerPort: number, match: HttpMatch | null): string {
  const scheme = r.scheme ?? req.scheme;
  const port = r.port ?? (r.scheme !== undefined ? (r.scheme === 'https' ? 443 : 80) : listenerPort);
  const showPort = !((scheme === 'http' && port === 80) || (scheme === 'https' && port === 443));
  const path = r.path !== undefined && match !== null ? modifyPath(r.path, req.path, match) : req.path;
  return `${scheme}://${r.hostname ?? req.host}${showPort ? `:${port}` : ''}${path}${req.query}`;
}

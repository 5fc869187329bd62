/**
 * The two-stage chain, flattened on the path: which request paths reach a router route through a
 * gateway route's rewrite, and what path the backend then receives. Gateway API applies only one
 * route level to Gateway traffic (GEP-1294, shared/reference/gateway-api.md §4), so the gateway
 * match and the router match must become one match on the *original* path, with one rewrite.
 *
 * The gateway rewrite f is App Mesh's (src/evaluate/rewrite.ts, docs/precedence.md §6): for a
 * prefix P it keeps P's tail `s` and puts a base B in front: f(P + s) = B + s, and when P does not
 * end in `/` also f(P + '/' + s) = B + s (the default rewrite never makes `//`). B is `/` for the
 * default rewrite, the custom value V when P ends in `/`, else V without trailing `/` plus `/`.
 */
import type { LoweredPath, LoweredRoute } from '../../compile/index.js';

/** The path criterion of one flattened match on the request as it arrives at the gateway. */
export type ComposedPath = LoweredPath;

/** How the backend's path is derived from the arriving path. */
export type PathRewrite =
  | { kind: 'keep' }
  /** Replace the matched prefix `match` (the composed PathPrefix) with `with`. */
  | { kind: 'prefix'; with: string }
  | { kind: 'full'; value: string };

export interface ComposedMatch {
  path: ComposedPath;
  rewrite: PathRewrite;
}

/** Why a pair could not be composed into Gateway API form (it is then reported unsupported). */
export interface CompositionFailure {
  unsupported: string;
}

/** The gateway stage's own path criterion and rewrite, before any router route is added. */
export function gatewayPathAndRewrite(gr: LoweredRoute): ComposedMatch {
  const rw = gr.rewrite;
  if (rw.pathExact !== null) return { path: gr.path, rewrite: { kind: 'full', value: rw.pathExact } };
  const base = prefixRewriteBase(gr);
  if (base === null) return { path: gr.path, rewrite: { kind: 'keep' } };
  const prefix = gr.path.kind === 'prefix' ? gr.path.value : '/';
  return { path: { kind: 'prefix', value: prefix }, rewrite: { kind: 'prefix', with: base } };
}

/**
 * Gateway path ∧ router path, across the gateway's rewrite. Returns every match whose union is the
 * set of arriving paths that reach the router route (0, 1 or 2 of them), or a failure when that set
 * has no Gateway API form (a regex on the far side of a prefix rewrite, or two regexes).
 * `testRegex` decides a regex on one literal path (RE2 full match).
 */
export function composePaths(gr: LoweredRoute, router: LoweredPath, testRegex: (pattern: string, path: string) => boolean): ComposedMatch[] | CompositionFailure {
  const first = gatewayPathAndRewrite(gr);
  const rw = first.rewrite;
  if (rw.kind === 'full') {
    // The router sees one constant path: the router route either always or never matches.
    return pathHolds(router, rw.value, testRegex) ? [first] : [];
  }
  if (rw.kind === 'keep') {
    const paths = conjoin(first.path, router, testRegex);
    return 'unsupported' in paths ? paths : paths.map((path) => ({ path, rewrite: rw }));
  }
  const prefix = (first.path as { value: string }).value;
  return throughPrefixRewrite(prefix, rw.with, router);
}

// ------- internal functions -------

/** B of the module comment, or null when the gateway route does not rewrite a prefix. */
function prefixRewriteBase(gr: LoweredRoute): string | null {
  if (gr.protocol === 'grpc' || gr.path.kind === 'exact' || gr.path.kind === 'regex') return null;
  const mode = gr.rewrite.prefix;
  if (mode === 'disabled') return null;
  if (mode !== 'value') return '/';
  const prefix = gr.path.kind === 'prefix' ? gr.path.value : '/';
  const value = gr.rewrite.prefixValue ?? '/';
  return prefix.endsWith('/') ? value : value.replace(/\/+$/, '') + '/';
}

/** The arriving-path prefixes `P + tail` (and `P/ + tail` when P does not end in `/`). */
function preimages(prefix: string, tail: string): string[] {
  if (prefix.endsWith('/') || tail === '') return [prefix + tail];
  return [prefix + '/' + tail, prefix + tail];
}

function throughPrefixRewrite(prefix: string, base: string, router: LoweredPath): ComposedMatch[] | CompositionFailure {
  switch (router.kind) {
    case 'none':
      return [{ path: { kind: 'prefix', value: prefix }, rewrite: { kind: 'prefix', with: base } }];
    case 'prefix': {
      const q = router.value;
      if (base.startsWith(q)) return [{ path: { kind: 'prefix', value: prefix }, rewrite: { kind: 'prefix', with: base } }];
      if (!q.startsWith(base)) return [];
      return preimages(prefix, q.slice(base.length)).map((value) => ({ path: { kind: 'prefix', value }, rewrite: { kind: 'prefix', with: q } }));
    }
    case 'exact': {
      const e = router.value;
      if (!e.startsWith(base)) return [];
      return preimages(prefix, e.slice(base.length)).map((value) => ({ path: { kind: 'exact', value }, rewrite: { kind: 'full', value: e } }));
    }
    case 'regex':
      return { unsupported: `router regex path ${JSON.stringify(router.value)} behind the gateway's prefix rewrite of ${JSON.stringify(prefix)}: the set of arriving paths it accepts has no Gateway API match` };
  }
}

/** Both criteria on the same path (no rewrite between them). */
function conjoin(a: LoweredPath, b: LoweredPath, testRegex: (pattern: string, path: string) => boolean): LoweredPath[] | CompositionFailure {
  if (a.kind === 'none') return [b];
  if (b.kind === 'none') return [a];
  if (a.kind === 'exact') return pathHolds(b, a.value, testRegex) ? [a] : [];
  if (b.kind === 'exact') return pathHolds(a, b.value, testRegex) ? [b] : [];
  if (a.kind === 'prefix' && b.kind === 'prefix') {
    if (a.value.startsWith(b.value)) return [a];
    return b.value.startsWith(a.value) ? [b] : [];
  }
  // A regex with a prefix `/` (every normalized path) is the regex alone; anything else is one
  // regex ∧ another language, which RE2 syntax cannot intersect.
  if (a.kind === 'prefix' && a.value === '/') return [b];
  if (b.kind === 'prefix' && b.value === '/') return [a];
  if (a.kind === 'regex' && b.kind === 'regex' && a.value === b.value) return [a];
  return { unsupported: `gateway path ${describePath(a)} and router path ${describePath(b)} both apply to the same path; their intersection has no Gateway API match` };
}

export function describePath(p: LoweredPath): string {
  return p.kind === 'none' ? 'any' : `${p.kind} ${JSON.stringify(p.value)}`;
}

function pathHolds(p: LoweredPath, path: string, testRegex: (pattern: string, path: string) => boolean): boolean {
  switch (p.kind) {
    case 'none': return true;
    case 'prefix': return path.startsWith(p.value);
    case 'exact': return path === p.value;
    case 'regex': return testRegex(p.value, path);
  }
}

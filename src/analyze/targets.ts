/**
 * Dead targets: where a route sends requests that cannot go on — a virtual service without a
 * provider, a weighted target of weight 0, and a gateway route whose rewritten requests no route of the target router can match.
 */
import type { MeshModel, PortMapping, VirtualRouter } from '../model/types.js';
import { normalizePath } from '../evaluate/request.js';
import type { LangCache } from './criteria.js';
import { accepts } from './criteria.js';
import type { LintFinding } from './findings.js';
import type { Group, Member } from './groups.js';
import { derivative, exactLang, findWitness, prependBytes, type Lang } from './languages.js';
import { pathLang, universe } from './paths.js';
import { finding, witness, type GroupAnalysis, type GroupContext } from './shadowing.js';

const UTF8 = new TextEncoder();

/** Gateway-route targets (services, router listeners, weights, rewrites into the router). */
export function gatewayTargets(ctx: GroupContext, analysis: GroupAnalysis, model: MeshModel, routerGroupsOf: (r: VirtualRouter) => Group[]): LintFinding[] {
  const out: LintFinding[] = [];
  const gateway = ctx.group.owner.kind === 'gateway' ? ctx.group.owner.gateway : null;
  if (gateway === null) return out;
  for (const m of ctx.group.members) {
    const request = analysis.reaching.get(m) ?? null;
    const r = m.lowered;
    const single = r.targets.length === 1;
    for (const t of r.targets) {
      const w = (shows: string) => (request === null ? null : witness(ctx, request, shows));
      if (r.weighted && t.weight === 0) {
        out.push(finding(ctx, 'LINT_WEIGHT_ZERO', m, [], `${r.displayName}: weighted target ${t.virtualServiceName} has weight 0 and is never picked`, w(`${t.virtualServiceName} has probability 0 among the route's targets`)));
      }
      const service = model.virtualServices.find((s) => s.meshName === gateway.meshName && s.name === t.virtualServiceName);
      if (service === undefined) continue; // a dangling reference is a validation error (REF_*)
      if (service.provider === null) {
        out.push(finding(ctx, 'LINT_SERVICE_NO_PROVIDER', m, [], `${r.displayName}: target ${t.virtualServiceName} has no provider (virtual node or router), so its requests end in 404`, single ? w(`reaches ${r.displayName}, then 404 at the router stage: ${t.virtualServiceName} has no provider`) : w(`reaches ${r.displayName}; when ${t.virtualServiceName} is picked, 404`)));
        continue;
      }
      if (!('virtualRouter' in service.provider)) continue;
      const routerName = service.provider.virtualRouter;
      const router = model.virtualRouters.find((x) => x.meshName === gateway.meshName && x.name === routerName);
      if (router === undefined) continue;
      const listener = routerListener(router, t.port);
      if (listener === null) continue; // no listener for the target port: a validation error (TARGET_PORT_*)
      if (request === null) continue; // shown only for a route some request reaches
      const unroutable = rewriteUnroutable(ctx.langs, m, routerGroupsOf(router).find((g) => g.port === listener.port) ?? null);
      if (unroutable === 'undecided') {
        out.push(finding(ctx, 'LINT_UNDECIDED', m, [], `cannot decide whether router ${router.name} has a route for what ${r.displayName} forwards: its prefix rewrite is not analyzed`, null));
      } else if (unroutable) {
        out.push(finding(ctx, 'LINT_REWRITE_UNROUTABLE', m, [], `${r.displayName}: no route of router ${router.name} (listener ${listener.port}/${listener.protocol}) matches any path it forwards${describeRewrite(m)}; its requests end in 404`, w(`reaches ${r.displayName}, forwarded as ${ctx.probe.rewrittenPath(request)}, then no route of ${router.name} matches`)));
      }
    }
  }
  return out;
}

/** Router-route targets of weight 0. */
export function routerTargets(ctx: GroupContext, analysis: GroupAnalysis): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of ctx.group.members) {
    const request = analysis.reaching.get(m) ?? null;
    const zero = m.lowered.targets.filter((t) => t.weight === 0);
    if (zero.length === 0 || m.lowered.targets.every((t) => t.weight === 0)) continue; // all zero: the loader rejects Σ = 0
    for (const t of zero) {
      out.push(finding(ctx, 'LINT_WEIGHT_ZERO', m, [], `${m.lowered.displayName}: weighted target ${t.virtualServiceName} has weight 0 and is never picked`, request === null ? null : witness(ctx, request, `${t.virtualServiceName} has probability 0 among the route's targets`)));
    }
  }
  return out;
}

/** The router listener a target reaches (docs/precedence.md §7). */
export function routerListener(router: VirtualRouter, port: number | null): PortMapping | null {
  if (port !== null) return router.listeners.find((l) => l.port === port) ?? null;
  return router.listeners.length === 1 ? router.listeners[0]! : null;
}

// ------- internal functions -------

/**
 * True when the paths the gateway route forwards (after its rewrite) and the paths of every route
 * of the router group share nothing — decided on paths alone, which is enough to show "no route
 * matches". 'undecided' for rewrites whose image is not computed (docs/lint.md says which).
 */
function rewriteUnroutable(langs: LangCache, m: Member, group: Group | null): boolean | 'undecided' {
  const images = forwardedPaths(langs, m);
  if (images === null) return 'undecided';
  if (group === null) return true; // no route of the listener's protocol at all
  const U = universe(langs);
  for (const rr of group.members) {
    const lr = pathLang(rr.lowered, langs);
    if (lr === null) return 'undecided';
    for (const image of images) {
      const r = findWitness({ all: [image, lr, U] });
      if (r.kind !== 'empty') return false;
    }
  }
  return true;
}

/**
 * The languages whose union holds every normalized path the router sees from this gateway route
 * (reference §8; src/evaluate/rewrite.ts): unchanged, a fixed path, or the matched prefix cut to
 * `/` (x = the rest after the prefix: x itself when it starts with `/`, else `/` + x; a rest of
 * `.`, `..`, `./y`, `../y` normalizes to `/` or `/y`); `value` + rest for a prefix and a value that
 * both end with `/`. null: not computed.
 */
function forwardedPaths(langs: LangCache, m: Member): Lang[] | null {
  const r = m.lowered;
  const U = universe(langs);
  if (r.rewrite.pathExact !== null) {
    const l = exactLang(normalizePath(r.rewrite.pathExact));
    return l === null ? null : [l];
  }
  const prefix = r.path.kind === 'prefix' ? r.path.value : r.path.kind === 'none' && r.protocol !== 'grpc' ? '/' : null;
  if (prefix === null || r.rewrite.prefix === 'disabled' || r.protocol === 'grpc') {
    const l = pathLang(r, langs);
    return l === null ? null : [l];
  }
  const rest = derivative(U, UTF8.encode(prefix)); // x with prefix·x a normalized path
  if (r.rewrite.prefix === 'value') {
    const v = r.rewrite.prefixValue ?? '';
    if (!prefix.endsWith('/') || !v.endsWith('/') || normalizePath(v) !== v) return null;
    return [prependBytes(UTF8.encode(v), rest)];
  }
  const slash = UTF8.encode('/');
  const out: Lang[] = [rest, prependBytes(slash, rest)];
  if (accepts(rest, '.') || accepts(rest, '..')) {
    const root = exactLang('/');
    if (root !== null) out.push(root);
  }
  out.push(prependBytes(slash, derivative(rest, UTF8.encode('./'))), prependBytes(slash, derivative(rest, UTF8.encode('../'))));
  return out;
}

function describeRewrite(m: Member): string {
  const rw = m.lowered.rewrite;
  if (rw.pathExact !== null) return ` (rewritten to ${rw.pathExact})`;
  if (rw.prefix === 'value') return ` (prefix rewritten to ${rw.prefixValue})`;
  if (rw.prefix === 'disabled') return '';
  return m.lowered.path.kind === 'prefix' || m.lowered.path.kind === 'none' ? ' (matched prefix rewritten to /)' : '';
}

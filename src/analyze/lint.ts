/**
 * lint(resources, options): what a routing configuration does that its author probably did not
 * mean — routes that can never win, orders only meshroute's tie-break decides, dead targets and
 * smells — each finding with a witness request that shows it (docs/lint.md). No Node-only imports:
 * it runs in the browser bundle too.
 */
import { ValidationError } from '../errors.js';
import { DEFAULT_HOSTNAME_MODE, type HostnameMode } from '../compile/build.js';
import { hasErrors } from '../model/diagnostics.js';
import { loadObjects, type LoadOptions, type LoadResult } from '../model/load-model.js';
import type { MeshModel, VirtualGateway, VirtualRouter } from '../model/types.js';
import { selectGateway } from '../api/gateway.js';
import { LangCache } from './criteria.js';
import type { LintFinding, LintResult, LintRouteRef, Witness } from './findings.js';
import { gatewayGroups, routerGroups, type Group, type Member } from './groups.js';
import { gatewayProbe, routerProbe, type Probe } from './probe.js';
import { analyzeGroup, type GroupAnalysis, type GroupContext } from './shadowing.js';
import { headerNeverHolds, smells } from './smells.js';
import { gatewayTargets, routerTargets } from './targets.js';

export interface LintOptions extends LoadOptions {
  /** App Mesh name, K8s name or namespace/name of the gateway; default: every gateway of the input. */
  gateway?: string;
  /** As for compile(); default `virtual-host`. */
  hostnameMode?: HostnameMode;
  /** Also list every route shown to win, with its witness (`reachable` in the result). */
  reachable?: boolean;
}

/** Throws ValidationError when the resources are invalid (lint reads valid meshes only), UsageError for an unknown gateway. */
export function lint(resources: unknown, options: LintOptions = {}): LintResult {
  const loaded = toLoadResult(resources, options);
  if (hasErrors(loaded.diagnostics)) throw new ValidationError(loaded.diagnostics);
  const model = loaded.model;
  const mode = options.hostnameMode ?? DEFAULT_HOSTNAME_MODE;
  const gateways = options.gateway === undefined ? model.virtualGateways : [selectGateway(model, options.gateway)];
  const routers = routersToLint(model, gateways, options.gateway !== undefined);
  const langs = new LangCache();
  const findings: LintFinding[] = [];
  const reached: { route: LintRouteRef; witness: Witness }[] = [];
  const collect = (ctx: GroupContext, analysis: GroupAnalysis): void => {
    for (const [m, request] of analysis.reaching) reached.push({ route: ctx.ref(m), witness: { ...ctx.at, request, shows: `${m.lowered.displayName} wins` } });
  };
  const groupsOfRouter = new Map<VirtualRouter, Group[]>();
  const routerGroupsOf = (r: VirtualRouter): Group[] => {
    let g = groupsOfRouter.get(r);
    if (g === undefined) groupsOfRouter.set(r, (g = routerGroups(model, r)));
    return g;
  };
  for (const gateway of gateways) {
    const probe = gatewayProbe(model, gateway, mode);
    for (const group of gatewayGroups(model, gateway, mode)) {
      const ctx = context(langs, group, probe, { at: 'gateway', gateway: gateway.name, virtualRouter: null });
      const { analysis, found } = lintGroup(ctx);
      collect(ctx, analysis);
      findings.push(...found, ...gatewayTargets(ctx, analysis, model, routerGroupsOf));
    }
  }
  for (const router of routers) {
    for (const group of routerGroupsOf(router)) {
      const listener = router.listeners.find((l) => l.port === group.port)!;
      if (listener.protocol === 'tcp') continue; // tcp routes match on port only: not analyzed
      const ctx = context(langs, group, routerProbe(model, router, listener), { at: 'router', gateway: null, virtualRouter: router.name });
      const { analysis, found } = lintGroup(ctx);
      collect(ctx, analysis);
      findings.push(...found, ...routerTargets(ctx, analysis));
    }
  }
  // A route in several groups (one per listener port) can win: claims about other groups do not make it unreachable.
  const wins = new Set(reached.map((r) => routeKey(r.route)));
  const aboutWinning = (f: LintFinding): boolean => f.code === 'LINT_NEVER_WINS' || (f.code === 'LINT_UNDECIDED' && f.message.includes('can win'));
  const unique = dedupe(findings.filter((f) => !(aboutWinning(f) && wins.has(routeKey(f.route))))).sort(compareFindings);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of unique) counts[f.severity]++;
  const result: LintResult = { gateways: gateways.map((g) => g.name), virtualRouters: routers.map((r) => r.name), findings: unique, counts };
  if (options.reachable) result.reachable = dedupeReached(reached);
  return result;
}

// ------- internal functions -------

/** Never-holding headers first (those routes skip the shadowing analysis), then shadowing and ties, then smells. */
function lintGroup(ctx: GroupContext): { analysis: GroupAnalysis; found: LintFinding[] } {
  const never = headerNeverHolds(ctx);
  for (const m of never.members) ctx.skip.add(m);
  const analysis = analyzeGroup(ctx);
  return { analysis, found: [...never.findings, ...analysis.findings, ...smells(ctx, analysis)] };
}

function context(langs: LangCache, group: Group, probe: Probe, at: GroupContext['at']): GroupContext {
  return { langs, group, probe, at, skip: new Set<Member>(), ref: (m) => refOf(group, m) };
}

function refOf(group: Group, m: Member): LintRouteRef {
  const res = m.resource;
  return {
    kind: res.kind, name: res.name, displayName: res.displayName, namespace: res.namespace,
    parent: group.owner.kind === 'gateway' ? group.owner.gateway.name : group.owner.router.name,
    file: res.source.file || null, line: res.source.line || null, column: res.source.column || null,
  };
}

/** With a gateway named: the routers its targets reach. Otherwise every router of the input. */
function routersToLint(model: MeshModel, gateways: VirtualGateway[], onlyReachable: boolean): VirtualRouter[] {
  if (!onlyReachable) return model.virtualRouters;
  const out = new Set<VirtualRouter>();
  for (const g of gateways) {
    for (const gr of model.gatewayRoutes) {
      if (gr.virtualGatewayName !== g.name || gr.meshName !== g.meshName) continue;
      for (const t of gr.spec.action.targets) {
        const s = model.virtualServices.find((x) => x.meshName === g.meshName && x.name === t.virtualServiceName);
        if (s?.provider && 'virtualRouter' in s.provider) {
          const name = s.provider.virtualRouter;
          const r = model.virtualRouters.find((x) => x.meshName === g.meshName && x.name === name);
          if (r) out.add(r);
        }
      }
    }
  }
  return [...out];
}

function routeKey(r: LintRouteRef): string {
  return JSON.stringify([r.kind, r.parent, r.namespace, r.name]);
}

function dedupeReached(xs: { route: LintRouteRef; witness: Witness }[]): { route: LintRouteRef; witness: Witness }[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(routeKey(x.route)) && seen.add(routeKey(x.route)) !== undefined);
}

/** A route in several groups (listeners, protocols) gets one finding per code and partners. */
function dedupe(findings: LintFinding[]): LintFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const id = JSON.stringify([f.code, f.route.kind, f.route.parent, f.route.name, f.related.map((r) => r.name), f.message]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function compareFindings(a: LintFinding, b: LintFinding): number {
  return cmp(a.route.file ?? '', b.route.file ?? '') || (a.route.line ?? 0) - (b.route.line ?? 0) || cmp(a.code, b.code) || cmp(a.message, b.message);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function toLoadResult(resources: unknown, options: LoadOptions): LoadResult {
  if (isLoadResult(resources)) return resources;
  if (isModel(resources)) return { model: resources, diagnostics: [], valid: true, stats: { files: 0, documents: 0, resources: {}, namespaces: 0, skipped: {} } };
  return loadObjects(resources, options);
}

function isModel(x: unknown): x is MeshModel {
  const o = x as Record<string, unknown> | null;
  return o !== null && typeof o === 'object' && Array.isArray(o.gatewayRoutes) && Array.isArray(o.virtualGateways) && Array.isArray(o.routes);
}

function isLoadResult(x: unknown): x is LoadResult {
  return x !== null && typeof x === 'object' && isModel((x as { model?: unknown }).model) && Array.isArray((x as { diagnostics?: unknown }).diagnostics);
}

/**
 * Gateway traffic, flattened: every (gateway route × router route) pair App Mesh can take for a
 * request entering the VirtualGateway becomes one or two *flat rules* on the arriving request — the
 * gateway match ∧ the router match composed across the gateway's rewrite (compose-path.ts), the
 * router route's weighted nodes as Services, its timeout and retry policy. The rules come out in
 * App Mesh's first-match order (docs/precedence.md §2 for the gateway, then each router's own
 * order), which is what the writer tries to keep and the precedence check compares with Gateway
 * API's.
 */
import { RETRY_EVENT_STATUS } from '../../compile/lower.js';
import { lowerGatewayRoute, lowerRoute, sortByPrecedence, gatewayRoutesOf, type LoweredPath, type LoweredPredicate, type LoweredRoute } from '../../compile/index.js';
import { compileRegex } from '../../regex/index.js';
import type { HttpMethod, MeshModel, Route, RouteSpec, VirtualGateway, VirtualNode, VirtualRouter } from '../../model/types.js';
import { serviceForNode, type ServiceRef } from './backends.js';
import { composePaths, type PathRewrite } from './compose-path.js';
import { shadowedBy } from './shadow.js';

/** The App Mesh resources a flat rule came from (the YAML comment and report.json name them). */
export interface RuleSource {
  /** Gateway route: App Mesh name, and `namespace/name` as the user wrote it (K8s) or the App Mesh name. */
  gatewayRoute: string;
  gatewayRouteDisplay: string;
  /** The gateway route's display name: what App Mesh decisions call it (`Decision.gatewayRoute`). */
  gatewayRouteName: string;
  virtualService: string;
  /** null when the virtual service's provider is a virtual node (or there is no router stage). */
  virtualRouter: string | null;
  route: string | null;
}

export interface FlatBackend {
  virtualNode: string;
  weight: number;
  service: ServiceRef;
}

export interface FlatPolicy {
  /** App Mesh perRequest (ms); null: App Mesh's 15 s default applies. */
  perRequestMs: number | null;
  retry: { maxRetries: number; perRetryTimeoutMs: number; httpStatusCodes: number[]; otherEvents: string[] } | null;
}

export interface FlatRule {
  source: RuleSource;
  /** Which route kind carries it: gRPC gateway routes become GRPCRoute rules. */
  kind: 'http' | 'grpc';
  /** Gateway listener ports the rule takes part on. */
  ports: number[];
  hostname: { kind: 'exact' | 'suffix'; value: string } | null;
  path: LoweredPath;
  rewrite: PathRewrite;
  /** Authority the backend receives (App Mesh's default target-hostname rewrite), null = unchanged. */
  hostRewrite: string | null;
  method: HttpMethod | null;
  predicates: LoweredPredicate[];
  /** http2 router routes' scheme criterion (no Gateway API form). */
  scheme: 'http' | 'https' | null;
  backends: FlatBackend[];
  policy: FlatPolicy | null;
  /** Why this rule cannot be written at all; the writer skips it and the pair is `unsupported`. */
  unsupported: string[];
  /** Things the writer assumed (Service names guessed from DNS names). */
  notes: string[];
  /** Index of an earlier rule that matches every request this one does (shadow.ts): not written. */
  shadowedBy: number | null;
}

/** Every App Mesh pair the gateway can route to, including those no request reaches (with why). */
export interface FlatPair {
  source: RuleSource;
  /** Indexes into FlatGateway.rules. */
  rules: number[];
  /** Set when App Mesh itself sends nothing through this pair (e.g. router path never reachable after the rewrite). */
  unreachable: string | null;
  unsupported: string[];
}

export interface FlatGateway {
  gateway: VirtualGateway;
  rules: FlatRule[];
  pairs: FlatPair[];
}

export function flattenGateway(model: MeshModel, gateway: VirtualGateway): FlatGateway {
  const mesh = gateway.meshName;
  const inMesh = <T extends { meshName: string; name: string }>(xs: T[]) => new Map(xs.filter((x) => x.meshName === mesh).map((x) => [x.name, x]));
  const services = inMesh(model.virtualServices);
  const routers = inMesh(model.virtualRouters);
  const nodes = inMesh(model.virtualNodes);
  const routesByName = new Map(model.routes.filter((r) => r.meshName === mesh).map((r) => [`${r.virtualRouterName}\u0000${r.name}`, r]));
  const out: FlatGateway = { gateway, rules: [], pairs: [] };
  const regexCache = new Map<string, (s: string) => boolean>();
  const testRegex = (pattern: string, path: string): boolean => {
    let m = regexCache.get(pattern);
    if (m === undefined) regexCache.set(pattern, (m = compileRegex(pattern).fullMatch));
    return m(path);
  };

  for (const gr of sortByPrecedence(gatewayRoutesOf(model, gateway).map(lowerGatewayRoute))) {
    const ports = gateway.listeners.map((l) => l.portMapping).filter((l) => l.protocol === gr.protocol && (gr.port === null || gr.port === l.port)).map((l) => l.port);
    const display = gr.namespace === null ? gr.name : `${gr.namespace}/${gr.displayName}`;
    const base = {
      kind: gr.protocol === 'grpc' ? ('grpc' as const) : ('http' as const),
      ports,
      hostname: gr.hostname,
      method: gr.method,
      predicates: gr.predicates,
    };
    const pair = (source: RuleSource, rules: Omit<FlatRule, keyof typeof base | 'source' | 'shadowedBy'>[], unreachable: string | null = null, unsupported: string[] = []) => {
      const idx: number[] = [];
      for (const r of rules) {
        idx.push(out.rules.length);
        out.rules.push({ ...base, source, ...r, shadowedBy: null });
      }
      out.pairs.push({ source, rules: idx, unreachable, unsupported });
    };

    if (gr.targets.length !== 1) {
      // meshroute's edge-canary extension: faithful only when every target is a node (weighted backendRefs).
      const vsNodes = gr.targets.map((t) => {
        const p = services.get(t.virtualServiceName)?.provider;
        return p && 'virtualNode' in p ? { t, node: nodes.get(p.virtualNode) } : null;
      });
      const source: RuleSource = { gatewayRoute: gr.name, gatewayRouteDisplay: display, gatewayRouteName: gr.displayName, virtualService: gr.targets.map((t) => t.virtualServiceName).join(','), virtualRouter: null, route: null };
      if (vsNodes.some((x) => x === null || x.node === undefined)) {
        pair(source, [], null, ['weighted gateway targets (meshroute extension) reach virtual routers: each target would need its own router stage after the split, which one Gateway API route level cannot express']);
        continue;
      }
      const backends: FlatBackend[] = [];
      const problems: string[] = [];
      const notes: string[] = [];
      for (const x of vsNodes) backendFor(x!.node!, x!.t.port, x!.t.weight, backends, problems, notes);
      const g = gatewayRule(gr, testRegex);
      pair(source, [{ ...g, scheme: null, backends, policy: null, unsupported: problems, notes, hostRewrite: hostRewriteOf(gr, gr.targets[0]!.virtualServiceName) }]);
      continue;
    }

    const target = gr.targets[0]!;
    const vs = services.get(target.virtualServiceName);
    const provider = vs?.provider ?? null;
    const hostRewrite = hostRewriteOf(gr, target.virtualServiceName);
    if (provider === null) {
      pair({ gatewayRoute: gr.name, gatewayRouteDisplay: display, gatewayRouteName: gr.displayName, virtualService: target.virtualServiceName, virtualRouter: null, route: null }, [], `virtual service ${target.virtualServiceName} has no provider: App Mesh answers 404`);
      continue;
    }
    if ('virtualNode' in provider) {
      const source: RuleSource = { gatewayRoute: gr.name, gatewayRouteDisplay: display, gatewayRouteName: gr.displayName, virtualService: target.virtualServiceName, virtualRouter: null, route: null };
      const node = nodes.get(provider.virtualNode);
      if (node === undefined) {
        pair(source, [], `virtual node ${provider.virtualNode} is not defined: App Mesh answers 404`);
        continue;
      }
      const backends: FlatBackend[] = [];
      const problems: string[] = [];
      const notes: string[] = [];
      backendFor(node, target.port, 1, backends, problems, notes);
      pair(source, [{ ...gatewayRule(gr, testRegex), scheme: null, backends, policy: null, unsupported: problems, notes, hostRewrite }]);
      continue;
    }
    const router = routers.get(provider.virtualRouter);
    const routerSource = (route: string | null): RuleSource => ({ gatewayRoute: gr.name, gatewayRouteDisplay: display, gatewayRouteName: gr.displayName, virtualService: target.virtualServiceName, virtualRouter: provider.virtualRouter, route });
    const listener = router === undefined ? undefined : routerListener(router, target.port);
    if (router === undefined || listener === undefined) {
      pair(routerSource(null), [], router === undefined ? `virtual router ${provider.virtualRouter} is not defined: App Mesh answers 404` : `virtual router ${router.name} has no listener for target port ${target.port ?? '(none)'}: App Mesh answers 404`);
      continue;
    }
    const routes = router.routeNames.map((n) => routesByName.get(`${router.name}\u0000${n}`)).filter((r): r is Route => r !== undefined);
    const lowered = sortByPrecedence(routes.filter((r) => r.spec.type === listener.protocol).map(lowerRoute)).filter((r) => r.port === null || r.port === listener.port);
    for (const rr of lowered) {
      const route = routes.find((r) => r.name === rr.name)!;
      const source = routerSource(rr.displayName);
      const combined = combineCriteria(gr, rr);
      if (typeof combined === 'string') {
        pair(source, [], combined);
        continue;
      }
      const composed = composePaths(gr, rr.path, testRegex);
      if ('unsupported' in composed) {
        pair(source, [], null, [composed.unsupported]);
        continue;
      }
      if (composed.length === 0) {
        pair(source, [], `no request path reaches router path ${rr.path.kind === 'none' ? 'any' : rr.path.value} through gateway route ${display}`);
        continue;
      }
      const { backends, problems, notes } = routeBackends(route, nodes);
      const rules = composed.map((c) => ({
        path: c.path,
        rewrite: c.rewrite,
        hostRewrite,
        method: combined.method,
        predicates: combined.predicates,
        scheme: rr.scheme,
        backends,
        policy: policyOf(route.spec),
        unsupported: problems,
        notes,
      }));
      const idx: number[] = [];
      for (const r of rules) {
        idx.push(out.rules.length);
        out.rules.push({ ...base, source, ...r, shadowedBy: null });
      }
      out.pairs.push({ source, rules: idx, unreachable: null, unsupported: [] });
    }
  }
  // Rules App Mesh never reaches (an earlier rule takes all their requests) are not written.
  const shadows = shadowedBy(out.rules);
  shadows.forEach((by, i) => (out.rules[i]!.shadowedBy = by));
  for (const pair of out.pairs) {
    if (pair.rules.length > 0 && pair.unreachable === null && pair.rules.every((r) => shadows[r] !== null)) {
      const by = out.rules[shadows[pair.rules[0]!]!]!.source;
      pair.unreachable = `every request it matches is taken first by gateway route ${by.gatewayRouteDisplay}${by.route === null ? '' : ` → route ${by.route}`} (App Mesh order); not written`;
    }
  }
  return out;
}

// ------- internal functions -------

function gatewayRule(gr: LoweredRoute, testRegex: (p: string, s: string) => boolean) {
  const composed = composePaths(gr, { kind: 'none' }, testRegex);
  // Against a path-less router match the composition is the gateway's own criterion and rewrite.
  const c = Array.isArray(composed) ? composed[0]! : { path: gr.path, rewrite: { kind: 'keep' as const } };
  return { path: c.path, rewrite: c.rewrite };
}

/** App Mesh's default host rewrite: the target virtual service name, unless DISABLED. gRPC routes rewrite it too. */
function hostRewriteOf(gr: LoweredRoute, virtualService: string): string | null {
  return gr.rewrite.hostnameDisabled ? null : virtualService;
}

function routerListener(router: VirtualRouter, port: number | null) {
  if (port !== null) return router.listeners.find((l) => l.port === port);
  return router.listeners.length === 1 ? router.listeners[0] : undefined;
}

/** Method and header/query criteria of both stages on one request; a string when they can never hold together. */
function combineCriteria(gr: LoweredRoute, rr: LoweredRoute): { method: HttpMethod | null; predicates: LoweredPredicate[] } | string {
  if (gr.method !== null && rr.method !== null && gr.method !== rr.method) return `gateway method ${gr.method} and router method ${rr.method} never hold together`;
  return { method: gr.method ?? rr.method, predicates: [...gr.predicates, ...rr.predicates] };
}

/** A router route's weighted targets as backends (the Services behind the nodes), with what cannot be carried over. */
export function routeBackends(route: Route, nodes: ReadonlyMap<string, VirtualNode>): { backends: FlatBackend[]; problems: string[]; notes: string[] } {
  const backends: FlatBackend[] = [];
  const problems: string[] = [];
  const notes: string[] = [];
  for (const t of route.spec.weightedTargets) {
    const node = nodes.get(t.virtualNodeName);
    if (node === undefined) problems.push(`virtual node ${t.virtualNodeName} is not defined`);
    else backendFor(node, t.port, t.weight, backends, problems, notes);
  }
  return { backends, problems, notes };
}

export function backendFor(node: VirtualNode, port: number | null, weight: number, into: FlatBackend[], problems: string[], notes: string[]): void {
  const r = serviceForNode(node, port);
  if ('unsupported' in r) problems.push(r.unsupported);
  else {
    into.push({ virtualNode: node.name, weight, service: r.service });
    if (r.note !== null) notes.push(r.note);
  }
}

function toMs(d: { unit: 's' | 'ms'; value: number }): number {
  return d.unit === 's' ? d.value * 1000 : d.value;
}

export function policyOf(spec: RouteSpec): FlatPolicy {
  const perRequest = spec.timeout?.perRequest ?? null;
  const rp = spec.retryPolicy;
  let retry: FlatPolicy['retry'] = null;
  if (rp !== null) {
    const codes = new Set<number>();
    const other: string[] = [];
    for (const e of rp.httpRetryEvents) {
      const c = RETRY_EVENT_STATUS[e];
      if (c !== undefined && c.length > 0) for (const x of c) codes.add(x);
      else other.push(e);
    }
    other.push(...rp.tcpRetryEvents, ...rp.grpcRetryEvents);
    retry = { maxRetries: rp.maxRetries, perRetryTimeoutMs: toMs(rp.perRetryTimeout), httpStatusCodes: [...codes].sort((a, b) => a - b), otherEvents: other };
  }
  return { perRequestMs: perRequest === null ? null : toMs(perRequest), retry };
}

/**
 * The proof: drive meshroute's App Mesh evaluator (compile().route, both stages, every weighted
 * target listed) and the independent Gateway API evaluator (evaluate/) with the same requests and
 * compare what reaches the backend — the Services and their shares, the rewritten path and
 * authority, 404s, the timeout and retry policy. Each difference is kept as a counterexample
 * (request + both decisions) on the App Mesh pair that decided it and on the pair whose written
 * rule Gateway API chose.
 */
import { compile } from '../../api/compile.js';
import type { Decision, RouteRequest } from '../../evaluate/index.js';
import type { MeshModel, VirtualGateway } from '../../model/types.js';
import { probeRequests, type ProbeCriteria, type ProbeRequest } from '../../analyze/probe-requests.js';
import { serviceForNode, serviceKey } from './backends.js';
import { createGatewayApiEvaluator } from './evaluate/index.js';
import type { GatewayApiDecision, GatewayApiEntry, GatewayApiEvaluatorOptions } from './evaluate/types.js';
import type { GatewayApiObject, HTTPRoute, HTTPRouteRule } from './objects.js';

/** What one side does with a request, in comparable form. */
export interface Outcome {
  /** 200 = forwarded; else the error or redirect status. */
  status: number;
  /** `namespace/name:port` → share of traffic (invalid refs as `invalid:<reason>`); null unless forwarded. */
  backends: Record<string, number> | null;
  path: string | null;
  authority: string | null;
  timeoutMs: number | null;
  retry: { attempts: number; codes: number[] } | null;
  /** Which App Mesh pair / Gateway API rule decided (`gateway route → router route` or `HTTPRoute ns/name rule i`). */
  decidedBy: string | null;
}

export type DivergenceKind = 'status' | 'backends' | 'path' | 'authority' | 'timeout' | 'retry';

export interface Counterexample {
  request: ProbeRequest;
  appMesh: Outcome;
  gatewayApi: Outcome;
}

export interface Divergence {
  kind: DivergenceKind;
  message: string;
  counterexample: Counterexample;
}

export interface CheckSubject {
  /** The App Mesh truth: a model and the gateway (or a synthetic gateway for GAMMA, mesh-check.ts). */
  model: MeshModel;
  gateway: VirtualGateway;
  /** The Gateway API objects and where requests enter them. */
  objects: readonly GatewayApiObject[];
  entry: GatewayApiEntry;
  /** App Mesh decision → pair key (null when App Mesh matched nothing). */
  appMeshPair: (d: Decision) => number | null;
  /** Gateway API decision → pair key of the written rule (null when no rule matched). */
  gatewayApiPair: (d: GatewayApiDecision) => number | null;
  /** Requests to check (probe-requests.ts). */
  criteria: readonly ProbeCriteria[];
  ports: readonly number[];
  /** How the target orders RegularExpression paths (evaluate/types.ts); default Istio's. */
  evaluatorOptions?: GatewayApiEvaluatorOptions;
  /** Listener port → request scheme / protocol. */
  listener: (port: number) => { scheme: 'http' | 'https'; protocol: 'http' | 'http2' | 'grpc' };
}

export interface CheckOptions {
  random?: number;
  seed?: number;
  /** Extra requests (e.g. a test's counterexamples to re-run). */
  requests?: readonly ProbeRequest[];
}

export interface CheckResult {
  checkedRequests: number;
  divergent: number;
  /** Pair key → its divergences, the first of each kind. */
  byPair: Map<number, Divergence[]>;
  /** Divergences neither side could attribute to a pair. */
  unattributed: Divergence[];
}

export function runCheck(subject: CheckSubject, options: CheckOptions = {}): CheckResult {
  const appMesh = compile(subject.model, { gateway: `${subject.gateway.name}` });
  const gatewayApi = createGatewayApiEvaluator(subject.objects, subject.evaluatorOptions ?? {});
  const requests = [...(options.requests ?? []), ...probeRequests(subject.criteria, subject.ports, { ...(options.random === undefined ? {} : { random: options.random }), seed: options.seed ?? 1 })];
  const result: CheckResult = { checkedRequests: 0, divergent: 0, byPair: new Map(), unattributed: [] };
  const weightedGatewayRoutes = new Map(subject.model.gatewayRoutes.filter((g) => g.spec.action.targets.length > 1 && g.virtualGatewayName === subject.gateway.name).map((g) => [g.displayName, g.spec.action.targets]));
  for (const req of requests) {
    result.checkedRequests++;
    const l = subject.listener(req.port);
    const amReq: RouteRequest = { method: req.method, path: req.path, headers: req.headers, port: req.port, protocol: l.protocol, scheme: l.scheme, ...(req.authority === null ? {} : { authority: req.authority }) };
    const am = appMeshOutcome(subject.model, appMesh, amReq, weightedGatewayRoutes);
    const gwDecision = gatewayApi.route({ method: req.method, path: req.path, headers: req.headers, port: req.port, scheme: l.scheme, protocol: l.protocol, ...(req.authority === null ? {} : { authority: req.authority }) }, subject.entry);
    const gw = gatewayApiOutcome(gwDecision, subject.objects);
    const kinds = compareOutcomes(am.outcome, gw);
    if (kinds.length === 0) continue;
    result.divergent++;
    const pairs = new Set<number>();
    const a = am.decision === null ? null : subject.appMeshPair(am.decision);
    const b = subject.gatewayApiPair(gwDecision);
    if (a !== null) pairs.add(a);
    if (b !== null) pairs.add(b);
    for (const kind of kinds) {
      const d: Divergence = { kind, message: describe(kind, am.outcome, gw), counterexample: { request: req, appMesh: am.outcome, gatewayApi: gw } };
      if (pairs.size === 0 && !result.unattributed.some((x) => x.kind === kind)) result.unattributed.push(d);
      for (const p of pairs) {
        let list = result.byPair.get(p);
        if (list === undefined) result.byPair.set(p, (list = []));
        if (!list.some((x) => x.kind === kind)) list.push(d);
      }
    }
  }
  return result;
}

/** Both evaluators on one request (tests re-run counterexamples with it). */
export function decideBoth(subject: CheckSubject, req: ProbeRequest): { appMesh: Outcome; gatewayApi: Outcome; kinds: DivergenceKind[] } {
  const appMesh = compile(subject.model, { gateway: subject.gateway.name });
  const l = subject.listener(req.port);
  const weighted = new Map(subject.model.gatewayRoutes.filter((g) => g.spec.action.targets.length > 1 && g.virtualGatewayName === subject.gateway.name).map((g) => [g.displayName, g.spec.action.targets]));
  const am = appMeshOutcome(subject.model, appMesh, { method: req.method, path: req.path, headers: req.headers, port: req.port, protocol: l.protocol, scheme: l.scheme, ...(req.authority === null ? {} : { authority: req.authority }) }, weighted).outcome;
  const gw = gatewayApiOutcome(createGatewayApiEvaluator(subject.objects, subject.evaluatorOptions ?? {}).route({ method: req.method, path: req.path, headers: req.headers, port: req.port, scheme: l.scheme, protocol: l.protocol, ...(req.authority === null ? {} : { authority: req.authority }) }, subject.entry), subject.objects);
  return { appMesh: am, gatewayApi: gw, kinds: compareOutcomes(am, gw) };
}

export function compareOutcomes(a: Outcome, b: Outcome): DivergenceKind[] {
  if (a.status !== b.status) return ['status'];
  if (a.status !== 200) return [];
  const kinds: DivergenceKind[] = [];
  if (!sameShares(a.backends!, b.backends!)) kinds.push('backends');
  if (a.path !== b.path) kinds.push('path');
  if ((a.authority ?? '').toLowerCase() !== (b.authority ?? '').toLowerCase()) kinds.push('authority');
  if (a.timeoutMs !== b.timeoutMs) kinds.push('timeout');
  if (JSON.stringify(a.retry) !== JSON.stringify(b.retry)) kinds.push('retry');
  return kinds;
}

// ------- internal functions -------

type Targets = { virtualServiceName: string; port: number | null; weight: number }[];

function appMeshOutcome(model: MeshModel, router: ReturnType<typeof compile>, req: RouteRequest, weighted: Map<string, Targets>): { outcome: Outcome; decision: Decision | null } {
  const first = router.route(req, { allTargets: true, random: () => 0 });
  if (!first.matched) return { outcome: notForwarded(404, first), decision: first };
  const targets = first.gatewayRoute === null ? undefined : weighted.get(first.gatewayRoute);
  if (targets === undefined) return { outcome: forwarded(model, [{ d: first, share: 1 }]), decision: first };
  // meshroute's edge canary: one decision per gateway target, each with its share.
  const total = targets.reduce((s, t) => s + t.weight, 0);
  const parts: { d: Decision; share: number }[] = [];
  let cumulative = 0;
  for (const t of targets) {
    if (t.weight > 0) {
      const x = (cumulative + 0.5) / total;
      const d = router.route(req, { allTargets: true, random: () => x });
      if (!d.matched) return { outcome: notForwarded(404, d), decision: d };
      parts.push({ d, share: t.weight / total });
    }
    cumulative += t.weight;
  }
  return { outcome: forwarded(model, parts), decision: first };
}

function notForwarded(status: number, d: Decision): Outcome {
  return { status, backends: null, path: null, authority: null, timeoutMs: null, retry: null, decidedBy: d.gatewayRoute === null ? null : pairLabel(d) };
}

function pairLabel(d: Decision): string {
  return `gateway route ${d.gatewayRoute}${d.route === null ? '' : ` → ${d.virtualRouter} route ${d.route}`}`;
}

function forwarded(model: MeshModel, parts: { d: Decision; share: number }[]): Outcome {
  const backends: Record<string, number> = {};
  const nodes = new Map(model.virtualNodes.map((n) => [n.name, n]));
  for (const { d, share } of parts) {
    const route = d.route === null ? undefined : model.routes.find((r) => r.virtualRouterName === d.virtualRouter && r.displayName === d.route);
    const list = d.targets ?? (d.virtualNode === null ? [] : [{ virtualNode: d.virtualNode, weight: 1, probability: 1 }]);
    for (const t of list) {
      if (t.probability === 0) continue;
      const node = nodes.get(t.virtualNode);
      const port = route?.spec.weightedTargets.find((w) => w.virtualNodeName === t.virtualNode)?.port ?? d.endpoint?.port ?? d.targetPort;
      const s = node === undefined ? null : serviceForNode(node, port ?? null);
      const key = s !== null && 'service' in s ? serviceKey(s.service) : `unresolved:${t.virtualNode}`;
      backends[key] = (backends[key] ?? 0) + share * t.probability;
    }
  }
  const d = parts[0]!.d;
  const retry = d.retryPolicy !== null && d.retryPolicy.maxRetries > 0 ? { attempts: d.retryPolicy.maxRetries, codes: d.retryPolicy.httpStatusCodes } : null;
  return { status: 200, backends, path: d.path, authority: d.authority, timeoutMs: d.timeout?.perRequestMs ?? null, retry, decidedBy: pairLabel(d) };
}

function gatewayApiOutcome(d: GatewayApiDecision, objects: readonly GatewayApiObject[]): Outcome {
  const by = d.matched === null ? null : `${d.matched.route.kind} ${d.matched.route.namespace}/${d.matched.route.name} rule ${d.matched.ruleIndex}`;
  if (d.outcome === 'error') return { status: d.status, backends: null, path: null, authority: null, timeoutMs: null, retry: null, decidedBy: by };
  if (d.outcome === 'redirect') return { status: d.status, backends: null, path: null, authority: null, timeoutMs: null, retry: null, decidedBy: by };
  const backends: Record<string, number> = {};
  for (const b of d.backends) {
    if (b.probability === 0) continue;
    const key = b.valid ? `${b.namespace}/${b.name}:${b.port}` : `invalid:${b.invalidReason}`;
    backends[key] = (backends[key] ?? 0) + b.probability;
  }
  let retry: Outcome['retry'] = null;
  if (d.matched !== null && d.matched.route.kind === 'HTTPRoute') {
    const route = objects.find((o): o is HTTPRoute => o.kind === 'HTTPRoute' && o.metadata.name === d.matched!.route.name && (o.metadata.namespace ?? 'default') === d.matched!.route.namespace);
    const rule: HTTPRouteRule | undefined = route?.spec.rules?.[d.matched.ruleIndex];
    if (rule?.retry?.attempts !== undefined && rule.retry.attempts > 0) retry = { attempts: rule.retry.attempts, codes: rule.retry.codes ?? [] };
  }
  return { status: 200, backends, path: d.path, authority: d.authority, timeoutMs: d.timeouts.requestMs, retry, decidedBy: by };
}

function sameShares(a: Record<string, number>, b: Record<string, number>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) if (Math.abs((a[k] ?? 0) - (b[k] ?? 0)) > 1e-9) return false;
  return true;
}

function describe(kind: DivergenceKind, a: Outcome, b: Outcome): string {
  switch (kind) {
    case 'status': return `App Mesh ${a.status === 200 ? 'forwards' : `answers ${a.status}`}, Gateway API ${b.status === 200 ? 'forwards' : `answers ${b.status}`}`;
    case 'backends': return `backends differ: App Mesh ${JSON.stringify(a.backends)}, Gateway API ${JSON.stringify(b.backends)}`;
    case 'path': return `upstream path differs: App Mesh ${a.path}, Gateway API ${b.path}`;
    case 'authority': return `upstream authority differs: App Mesh ${a.authority}, Gateway API ${b.authority}`;
    case 'timeout': return `request timeout differs: App Mesh ${a.timeoutMs} ms, Gateway API ${b.timeoutMs === null ? 'none' : `${b.timeoutMs} ms`}`;
    case 'retry': return `retry policy differs: App Mesh ${JSON.stringify(a.retry)}, Gateway API ${JSON.stringify(b.retry)}`;
  }
}

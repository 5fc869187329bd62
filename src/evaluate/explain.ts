/**
 * explain(): every route of the gateway in precedence order, each criterion checked directly (not
 * through the index) with ✔/✘, the first failing one named, and the winner marked. The winner is
 * the first route whose every criterion holds — the same route route() finds through the index
 * (pinned by the property test 'explain agrees with route').
 */
import { HOST_KIND_NAMES, HostKind, PATH_KIND_NAMES, PathKind, PredicateKind, PredicateOp, PREDICATE_OP_NAMES, Protocol } from '../table/layout.js';
import { ProviderKind, SCHEME_NAMES, VhostKind } from '../table/layout.js';
import { anyProtocolName, protocolName, type LoadedMesh, type LoadedPredicate, type LoadedRoute, type LoadedRouter, type LoadedTable, type LoadedVhost } from './loaded.js';
import { hostMatches, hostOf, pathMatches, predicateHolds, schemeHolds, type RequestState } from './match.js';
import { findGroup, normalizeRequest, routerListener, routerRequest, selectVhost } from './select.js';
import type { Criterion, CriterionKind, Decision, ExplainedRoute, Explanation, RouteRequest, RouterExplanation } from './types.js';

export function explainRequest(t: LoadedTable, request: RouteRequest, decision: Decision): Explanation {
  const rt = t.gateway;
  const req = normalizeRequest(rt, request);
  const listener = rt.listeners.find((l) => l.port === req.port) ?? null;
  const group = findGroup(rt, req);
  const vhost = group === undefined ? null : rt.virtualHost ? selectVhost(group, req) : null;
  const routes = explainRoutes(rt, req, listener !== null, vhost);
  return {
    decision,
    gateway: rt.name,
    hostnameMode: rt.virtualHost ? 'virtual-host' : 'flat',
    request: { method: req.method, path: req.path, query: req.query, host: hostOf(req), port: req.port, protocol: protocolName(req.protocol) },
    listener: listener === null ? null : { port: listener.port, protocol: protocolName(listener.protocol) ?? 'tcp' },
    virtualHost: vhost === null ? null : hostLabel(vhost.kind, vhost.host),
    routes,
    router: t.mesh === null ? null : explainRouterStage(t.mesh, request, decision),
  };
}

function explainRoutes(rt: LoadedRouter, req: RequestState, hasListener: boolean, vhost: LoadedVhost | null): ExplainedRoute[] {
  let won = false;
  return rt.routes.map((r): ExplainedRoute => {
    const criteria = routeCriteria(rt, r, req, hasListener, vhost);
    const failed = criteria.find((c) => !c.ok)?.kind ?? null;
    const outcome = won ? 'not-reached' : failed === null ? 'won' : 'failed';
    if (failed === null) won = true;
    return { rank: r.rank, name: r.name, priority: r.priority, protocol: anyProtocolName(r.protocol) ?? 'http', outcome, failed, criteria, target: describeTargets(r) };
  });
}

/**
 * The router stage of a decision whose gateway stage picked a service (null otherwise). Without a
 * provider, router or listener, `listener` is null, the request keeps the target port, and no route is listed.
 */
function explainRouterStage(mesh: LoadedMesh, request: RouteRequest, d: Decision): RouterExplanation | null {
  if (d.virtualService === null || d.path === null) return null;
  const svc = mesh.services.get(d.virtualService);
  const kind = svc?.kind ?? ProviderKind.none;
  const vr = kind === ProviderKind.virtualRouter ? mesh.routers.get(svc!.provider) : undefined;
  const listener = vr === undefined ? undefined : routerListener(vr.listeners, d.targetPort);
  const out: RouterExplanation = {
    virtualService: d.virtualService,
    provider: kind === ProviderKind.virtualNode ? 'virtualNode' : kind === ProviderKind.virtualRouter ? 'virtualRouter' : null,
    providerName: kind === ProviderKind.none ? null : svc!.provider,
    listener: null,
    request: { path: d.path, authority: d.authority, port: d.targetPort, protocol: null, scheme: request.scheme ?? 'http' },
    routes: [],
  };
  if (vr !== undefined && listener !== undefined) {
    const protocol = anyProtocolName(listener.protocol) ?? 'tcp';
    out.listener = { port: listener.port, protocol };
    out.request.port = listener.port;
    out.request.protocol = protocol;
    out.routes = explainRoutes(vr, normalizeRequest(vr, routerRequest(d, request, listener.port)), true, null);
  }
  return out;
}

function routeCriteria(rt: LoadedRouter, r: LoadedRoute, req: RequestState, hasListener: boolean, vhost: LoadedVhost | null): Criterion[] {
  const out: Criterion[] = [];
  const add = (kind: CriterionKind, description: string, ok: boolean): void => void out.push({ kind, description, ok });
  if (!hasListener) add('listener', `listener on port ${req.port ?? '(none)'}`, false);
  add('protocol', anyProtocolName(r.protocol) ?? '?', r.protocol === req.protocol);
  if (r.port !== 0) add('port', `port ${r.port}`, r.port === req.port);
  if (rt.virtualHost) {
    // A route belongs to the virtual host of its own hostname (HostKind and VhostKind share their codes).
    const ok = vhost !== null && r.hostKind === vhost.kind && (vhost.kind === VhostKind.any || r.host === vhost.host);
    add('virtual-host', `virtual host ${hostLabel(r.hostKind, r.host)}`, ok);
  } else if (r.hostKind !== HostKind.none) {
    add('hostname', `hostname ${HOST_KIND_NAMES[r.hostKind]} ${r.host}`, hostMatches(r.hostKind, r.host, hostOf(req)));
  }
  if (r.pathKind !== PathKind.none) add('path', describePath(r), pathMatches(r, req.path));
  if (r.method !== null) add('method', `method ${r.method}`, r.method === req.method);
  if (r.scheme !== 0) add('scheme', `scheme ${SCHEME_NAMES[r.scheme] ?? '?'}`, schemeHolds(r, req));
  for (const p of r.predicates) add(p.kind === PredicateKind.query ? 'query' : 'header', describePredicate(r, p), predicateHolds(p, req));
  return out;
}

/** `*`, `host` or `*suffix` for a HostKind or VhostKind code (the two share their codes: none/any 0, exact 1, suffix 2). */
function hostLabel(kind: number, host: string): string {
  return kind === HostKind.none ? '*' : kind === HostKind.exact ? host : '*' + host;
}

function describePath(r: LoadedRoute): string {
  if (r.protocol === Protocol.grpc) return r.pathKind === PathKind.exact ? `method ${r.path}` : `service ${r.path.slice(1, -1)}`;
  return `${PATH_KIND_NAMES[r.pathKind]} ${r.path}`;
}

function describePredicate(r: LoadedRoute, p: LoadedPredicate): string {
  const what = p.kind === PredicateKind.query ? 'query' : r.protocol === Protocol.grpc ? 'metadata' : 'header';
  const op = PREDICATE_OP_NAMES[p.op] ?? '?';
  const arg = p.op === PredicateOp.present ? '' : p.op === PredicateOp.range ? ` [${p.start}, ${p.end})` : ` ${JSON.stringify(p.value)}`;
  return `${p.invert ? 'not ' : ''}${what} ${p.name} ${op}${arg}`;
}

function describeTargets(r: LoadedRoute): string {
  const one = (t: LoadedRoute['targets'][number]): string => (t.port === null ? t.virtualService : `${t.virtualService}:${t.port}`);
  if (r.targets.length === 1 && !r.weighted) return one(r.targets[0]!);
  return r.targets.map((t) => `${one(t)} ${r.totalWeight > 0 ? Math.round((t.weight * 1000) / r.totalWeight) / 10 : 0}%`).join(', ');
}

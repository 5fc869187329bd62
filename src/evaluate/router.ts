/**
 * loadTable: table bytes → Router. route() and match() first try the fast path (fast-path.ts: one
 * walk decides most requests of a one-listener gateway). The full path normalizes the request,
 * picks the (listener port, protocol) group and the virtual host, walks the path trie collecting
 * candidate rank lists (each already in precedence order), merges them with the regex / path-less
 * list by rank, and returns the first candidate whose remaining criteria hold. Imports only
 * ../errors.js, the regex matcher and the table decoder.
 */
import { decodeTable } from '../table/decode.js';
import { HostKind, PathKind, Protocol, ProviderKind } from '../table/layout.js';
import { explainRequest } from './explain.js';
import { endpointOf, groupKey, loadTableData, type LoadedMesh, type LoadedNode, type LoadedRoute, type LoadedRouter, type LoadedTable, type LoadedVhost } from './loaded.js';
import { walkCodeUnits, walkUtf8 } from './trie.js';
import { headerValue, hostMatches, hostOf, residualHolds, type RequestState } from './match.js';
import { emptyRequestState, fillRequest, findGroup, routerListener, routerRequest, selectVhost, settlePath, Settled } from './select.js';
import { rewritePath } from './rewrite.js';
import { invalidRequest } from './request.js';
import type { Decision, Explanation, RouteMatch, RouteOptions, RouteRequest } from './types.js';
import { describeRoute } from './describe.js';
import { fnv1a32, NO_STICKY } from './pick.js';
import { asciiLowerCase } from './ascii-case.js';
import { decidedPath, decidedQuery, fastWinner, UNDECIDED } from './fast-path.js';

export interface Router {
  /** The gateway's App Mesh name. */
  readonly gateway: string;
  readonly hostnameMode: 'virtual-host' | 'flat';
  route(request: RouteRequest, options?: RouteOptions): Decision;
  /**
   * Which gateway route wins, or null (404): route()'s first half, without building a Decision. The
   * route's frozen description, shared by every request it wins (docs/api.md § match).
   */
  match(request: RouteRequest): RouteMatch | null;
  explain(request: RouteRequest, options?: RouteOptions): Explanation;
}

export interface LoadOptions {
  /** Which gateway router of the table (default: the first). */
  gateway?: string;
}

/** Scratch capacity for candidate lists; grows (rarely) for paths deeper than this many trie nodes. */
const INITIAL_LIST_SLOTS = 64;

export function loadTable(bytes: Uint8Array, options: LoadOptions = {}): Router {
  const t = loadTableData(decodeTable(bytes), options.gateway);
  const rt = t.gateway;
  const scratch = newScratch();
  const routerScratch = newScratch();
  const described: (RouteMatch | undefined)[] = [];
  return {
    gateway: rt.name,
    hostnameMode: rt.virtualHost ? 'virtual-host' : 'flat',
    route: (request, opts) => routeRequest(t, scratch, routerScratch, request, opts),
    match: (request) => {
      let winner = fastWinner(rt, request);
      if (winner === UNDECIDED) winner = winnerOf(rt, scratch, fillRequest(rt, request, scratch.req));
      return winner < 0 ? null : (described[winner] ??= describeRoute(rt.routes[winner]!));
    },
    explain: (request, opts) => explainRequest(t, request, routeRequest(t, scratch, routerScratch, request, opts)),
  };
}

/** Per-router reusable state of route(): candidate list cursors, the normalized request. */
export interface Scratch { starts: Int32Array; ends: Int32Array; depth: number; req: RequestState }

export function newScratch(): Scratch {
  return { starts: new Int32Array(INITIAL_LIST_SLOTS), ends: new Int32Array(INITIAL_LIST_SLOTS), depth: 0, req: emptyRequestState() };
}

function routeRequest(t: LoadedTable, scratch: Scratch, routerScratch: Scratch, request: RouteRequest, options: RouteOptions | undefined): Decision {
  const rt = t.gateway;
  // Without options nothing reads the request's headers for a sticky pick: the fast path may decide.
  const fastRank = options === undefined ? fastWinner(rt, request) : UNDECIDED;
  let d: Decision;
  let protocol: number;
  let sticky = NO_STICKY;
  let random = Math.random;
  if (fastRank !== UNDECIDED) {
    protocol = rt.fastGroup!.protocol;
    if (fastRank < 0) return noMatch(protocol);
    const raw = request.path;
    d = decide(rt.routes[fastRank]!, protocol, decidedPath(raw), decidedQuery(raw), request.authority ?? null, random, sticky);
  } else {
    const req = fillRequest(rt, request, scratch.req);
    const winner = winnerOf(rt, scratch, req);
    protocol = req.protocol;
    if (winner < 0) return noMatch(protocol);
    if (options !== undefined) {
      sticky = stickyHash(req, options);
      random = options.random ?? Math.random;
      if (typeof random !== 'function') invalidRequest('options.random', 'a function', random);
    }
    d = decide(rt.routes[winner]!, protocol, req.path, req.query, req.authority, random, sticky);
  }
  if (!d.matched || t.mesh === null) return d;
  return routerStage(t.mesh, routerScratch, d, request, options, random, sticky, protocol === Protocol.grpc);
}

/** The gateway route that wins a filled request (its rank), -1 when none: listener group, virtual host, then findWinner. */
function winnerOf(rt: LoadedRouter, scratch: Scratch, req: RequestState): number {
  const group = findGroup(rt, req);
  const vhost = group === undefined ? null : rt.virtualHost ? selectVhost(group, req) : group.any;
  return vhost === null ? -1 : findWinner(rt, scratch, vhost, req);
}

/** The sticky key's FNV-1a 32 hash, or NO_STICKY without a sticky key (or without that header). */
function stickyHash(req: RequestState, options: RouteOptions | undefined): number {
  const key = options?.stickyKey;
  if (key === undefined) return NO_STICKY;
  if (typeof key !== 'string') invalidRequest('options.stickyKey', 'a header name (string)', key);
  const v = headerValue(req, asciiLowerCase(key));
  return v === undefined ? NO_STICKY : fnv1a32(v);
}

/**
 * The router stage (reference §1, §8.4): the chosen service's provider. A virtual node: that node.
 * A virtual router: its routes for the listener on the target port (or its only listener), matched
 * against the rewritten request, then a weighted target. No provider, no listener, no route, or no
 * target with weight > 0: not matched, 404 (gRPC 12), stage `router`, the gateway part kept.
 */
function routerStage(
  mesh: LoadedMesh, scratch: Scratch, d: Decision, request: RouteRequest, options: RouteOptions | undefined,
  random: () => number, sticky: number, grpc: boolean,
): Decision {
  const svc = mesh.services.get(d.virtualService!);
  if (svc === undefined || svc.kind === ProviderKind.none) return routerNoMatch(d, grpc);
  if (svc.kind === ProviderKind.virtualNode) {
    d.virtualNode = svc.provider;
    const node = mesh.nodes.get(svc.provider);
    d.endpoint = node === undefined ? null : endpointOf(node, d.targetPort ?? onlyPort(node));
    return d;
  }
  d.virtualRouter = svc.provider;
  const vr = mesh.routers.get(svc.provider);
  const listener = vr === undefined ? undefined : routerListener(vr.listeners, d.targetPort);
  if (vr === undefined || listener === undefined) return routerNoMatch(d, grpc);
  const req = fillRequest(vr, routerRequest(d, request, listener.port), scratch.req);
  const group = vr.groups.get(groupKey(listener.port, listener.protocol));
  const winner = group === undefined || group.any === null ? -1 : findWinner(vr, scratch, group.any, req);
  if (winner < 0) return routerNoMatch(d, grpc);
  const r = vr.routes[winner]!;
  d.route = r.name;
  d.timeout = r.timeout;
  d.retryPolicy = r.retryPolicy;
  if (options?.allTargets === true) {
    d.targets = r.targets.map((x) => ({ virtualNode: x.virtualService, weight: x.weight, probability: r.totalWeight > 0 ? x.weight / r.totalWeight : 0 }));
    return d;
  }
  const i = pickTarget(r, random, sticky);
  if (i < 0) return routerNoMatch(d, grpc);
  const target = r.targets[i]!;
  d.virtualNode = target.virtualService;
  const node = mesh.nodes.get(target.virtualService);
  d.endpoint = node === undefined ? null : endpointOf(node, target.port ?? onlyPort(node));
  return d;
}

function onlyPort(node: LoadedNode): number | null {
  return node.listenerPorts.length === 1 ? node.listenerPorts[0]! : null;
}

function routerNoMatch(d: Decision, grpc: boolean): Decision {
  d.matched = false;
  d.status = 404;
  d.grpcStatus = grpc ? 12 : null;
  d.stage = 'router';
  d.virtualNode = null;
  d.endpoint = null;
  return d;
}

/** Candidate lists from the trie walk and the other-list, merged by rank; first full match wins. */
export function findWinner(rt: LoadedRouter, scratch: Scratch, vhost: LoadedVhost, req: RequestState): number {
  let n = 0;
  if (vhost.otherEnd > vhost.otherStart) {
    scratch.starts[0] = vhost.otherStart;
    scratch.ends[0] = vhost.otherEnd;
    n = 1;
  }
  if (vhost.root >= 0) {
    let walked: number;
    do walked = walkCodeUnits(rt.trie, scratch, vhost.root, req.path, n, rt.maxLists);
    while (!req.settled && mustWalkAgain(rt, req, scratch, walked));
    // A non-ASCII code unit on the way: walk again over the path's UTF-8 bytes.
    n = walked >= 0 ? walked : walkUtf8(rt.trie, scratch, vhost.root, req.path, n, rt.maxLists);
  } else {
    settlePath(req, 0);
  }
  const lists = rt.lists;
  const { starts, ends } = scratch;
  for (;;) {
    let best = -1;
    let bestRank = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      if (starts[i]! < ends[i]!) {
        const rank = lists[starts[i]!]!;
        if (rank < bestRank) { bestRank = rank; best = i; }
      }
    }
    if (best < 0) return -1;
    starts[best]!++;
    const r = rt.routes[bestRank]!;
    if (r.pathKind === PathKind.regex && !r.regex!.fullMatch(req.path)) continue;
    if (!rt.virtualHost && r.hostKind !== HostKind.none && !hostMatches(r.hostKind, r.host, hostOf(req))) continue;
    if (!r.hasResidual || residualHolds(r, req)) return bestRank;
  }
}

/**
 * Settles the request path after a first walk over it as given. The walk matched [0, depth) to
 * plain literals, so only the rest is checked. A changed path needs a second walk — except when
 * only a query (or fragment) was cut off past where the walk stopped: the same lists result, the
 * exact list apart, which a path ending at depth would add.
 */
function mustWalkAgain(rt: LoadedRouter, req: RequestState, scratch: Scratch, walked: number): boolean {
  const vouched = walked >= 0 && rt.plainLiterals;
  const settled = settlePath(req, vouched ? Math.max(scratch.depth - 1, 0) : 0);
  // walked < 0: the byte walk follows, over the settled path.
  if (walked < 0 || settled === Settled.unchanged) return false;
  return settled === Settled.normalized || !vouched || req.path.length === scratch.depth;
}

/**
 * The gateway stage's decision for winner `r` and the settled request (its parts passed as values:
 * the reused request state may change when `random` re-enters route()).
 */
function decide(r: LoadedRoute, protocol: number, settledPath: string, query: string | null, authority: string | null, random: () => number, sticky: number): Decision {
  const path = rewritePath(r, settledPath);
  let service = r.onlyService;
  let port = r.onlyPort;
  if (r.only === null) {
    const pick = pickTarget(r, random, sticky);
    if (pick < 0) return noMatch(protocol, r.name);
    service = r.targets[pick]!.virtualService;
    port = r.targets[pick]!.port;
  }
  return {
    matched: true, status: null, grpcStatus: null, stage: null,
    gatewayRoute: r.name, virtualService: service, targetPort: port,
    path: query === null ? path : path + '?' + query,
    // The host becomes the target service's name unless defaultTargetHostname is DISABLED (§8.1).
    authority: r.hostRewriteDisabled ? authority : service,
    virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null,
  };
}

/**
 * Index of the chosen target: the only one, or weighted (weight 0 is never chosen); -1 when every
 * weight is 0. x = sticky hash mod total weight, else floor(random() × total) clamped into
 * [0, total); the first target whose cumulative weight exceeds x (docs/precedence.md §7).
 */
export function pickTarget(r: LoadedRoute, random: () => number, sticky: number = NO_STICKY): number {
  if (r.targets.length === 1 && !r.weighted) return 0;
  if (r.totalWeight <= 0) return -1;
  let x = sticky >= 0 ? sticky % r.totalWeight : Math.floor(random() * r.totalWeight);
  if (!(x >= 0)) x = 0;
  if (x >= r.totalWeight) x = r.totalWeight - 1;
  let cum = 0;
  for (let i = 0; i < r.targets.length; i++) {
    cum += r.targets[i]!.weight;
    if (x < cum) return i;
  }
  return -1;
}

/** No gateway route matched: 404 (gRPC status 12), stage `gateway` (reference §6.4). */
export function noMatch(protocol: number, gatewayRoute: string | null = null): Decision {
  return {
    matched: false, status: 404, grpcStatus: protocol === Protocol.grpc ? 12 : null, stage: 'gateway',
    gatewayRoute, virtualService: null, targetPort: null, path: null, authority: null,
    virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null,
  };
}

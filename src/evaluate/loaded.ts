/**
 * The runtime form of a decoded table: strings resolved, automata loaded once, trie nodes in flat
 * typed arrays. Built once per loadTable; route() only reads it.
 */
import { TableFormatError } from '../errors.js';
import { loadAutomaton, type Automaton } from '../regex/matcher.js';
import {
  DiscoveryKind, HostKind, METHOD_NAMES, NONE, PathKind, PredicateOp, PRIORITY_UNSET, PROTOCOL_NAMES, ROUTER_FLAG_VIRTUAL_HOST,
  ROUTE_FLAG_HOST_REWRITE_DISABLED, ROUTE_FLAG_WEIGHTED, RouterKind, VhostKind,
} from '../table/layout.js';
import type { DecodedTable, RouterRecord } from '../table/types.js';
import type { Endpoint, RetryPolicyOut, TimeoutPolicy } from './types.js';
import { NO_RANK, packTrie, slashChildOf } from './trie.js';
import { rewriteOf } from './rewrite.js';

export interface LoadedPredicate {
  kind: number;
  op: number;
  invert: boolean;
  name: string;
  value: string;
  regex: Automaton | null;
  start: bigint;
  end: bigint;
}

export interface LoadedTarget {
  virtualService: string;
  port: number | null;
  weight: number;
}

export interface LoadedRoute {
  // Fields route() reads on every candidate and winner come first: an object's first cache lines.
  pathKind: number;
  /** A method, scheme or predicate to check once the path (and host) matched. */
  hasResidual: boolean;
  /** Matches every request that reaches it on its path: no residual, no regex, no host criterion (fast-path.ts). */
  unconditional: boolean;
  hostKind: number;
  regex: Automaton | null;
  /** How decide() rewrites the path (rewrite.ts Rewrite) and the length of the prefix it replaces. */
  rewrite: number;
  cut: number;
  /** The target when there is one and it is not weighted (route() needs no pick), else null. */
  only: LoadedTarget | null;
  /** `only`'s service and port, copied here: decide() reads them without another object. */
  onlyService: string;
  onlyPort: number | null;
  hostRewriteDisabled: boolean;
  name: string;
  pathRewrite: string | null;
  protocol: number;
  prefixRewrite: number;
  /** Literal or regex source; '' when path-less. */
  path: string;
  weighted: boolean;
  targets: LoadedTarget[];
  totalWeight: number;
  prefixValue: string;
  rank: number;
  host: string;
  method: string | null;
  priority: number | null;
  port: number;
  predicates: LoadedPredicate[];
  /** Scheme code (router-stage http2 routes); 0 = none. */
  scheme: number;
  /** Router-stage routes: parsed from the policies section (frozen; shared by every decision). */
  timeout: TimeoutPolicy | null;
  retryPolicy: RetryPolicyOut | null;
}

export interface LoadedVhost {
  kind: number;
  host: string;
  /** Offset of the trie root in LoadedRouter.trie, -1 when no literal route. */
  root: number;
  otherStart: number;
  otherEnd: number;
  /** The other-list's first rank, NO_RANK when it is empty. */
  otherHead: number;
  /** The trie root's child for `/` (every walk's first step), -1 for none. */
  slashChild: number;
}

export interface LoadedGroup {
  port: number;
  protocol: number;
  exact: Map<string, LoadedVhost>;
  /** Suffix virtual hosts, longest suffix first. */
  suffixes: LoadedVhost[];
  any: LoadedVhost | null;
  /** No exact or suffix virtual host: every request gets `any` (no host lookup). */
  hostless: boolean;
  /** The last authority selectVhost saw and its answer (a one-entry memo; the answer depends on nothing else). */
  lastAuthority: string | null;
  lastVhost: LoadedVhost | null;
}

export interface LoadedRouter {
  name: string;
  virtualHost: boolean;
  routes: LoadedRoute[];
  /** key = port * 8 + protocol code. */
  groups: Map<number, LoadedGroup>;
  /** The only group, when there is one. */
  onlyGroup: LoadedGroup | null;
  /** The group of a request that names no port or protocol, when there is one listener and the fast path pays (fast-path.ts); else null. */
  fastGroup: LoadedGroup | null;
  listeners: { port: number; protocol: number }[];
  /** Every trie of the table, packed (trie.ts); a virtual host's `root` is an offset in it. */
  trie: Int32Array;
  /** No trie label holds `?`, `#`, `//` or `/.`: a path prefix the walk matched needs no more checking. */
  plainLiterals: boolean;
  /** Most candidate lists one trie walk can collect (two per node on the deepest path). */
  maxLists: number;
  lists: Int32Array;
}

/** The packed tries shared by a table's routers, and each table node's offset in them. */
interface TrieArrays { trie: Int32Array; offsets: Int32Array; plain: boolean; maxLists: number; lists: Int32Array }

/** Records [first, first + count) of a decoded section (the decoder checked the range). */
function part<T>(records: T[], first: number, count: number): T[] {
  return records.slice(first, first + count);
}

export function groupKey(port: number, protocol: number): number {
  return port * 8 + protocol;
}

export interface LoadedNode {
  name: string;
  /** Endpoint without its port (filled per decision); null without service discovery. */
  discovery: { hostname: string } | { namespaceName: string; serviceName: string; attributes: { key: string; value: string }[] } | null;
  listenerPorts: number[];
}

/** The router stage of a table: providers, virtual routers and nodes by App Mesh name. */
export interface LoadedMesh {
  services: Map<string, { kind: number; provider: string }>;
  routers: Map<string, LoadedRouter>;
  nodes: Map<string, LoadedNode>;
}

export interface LoadedTable {
  gateway: LoadedRouter;
  /** null: a gateway-only table. */
  mesh: LoadedMesh | null;
}

/** The gateway router (by name, default the first) and, in a two-stage table, the router stage. */
export function loadTableData(d: DecodedTable, gateway?: string): LoadedTable {
  const rec = d.routers.find((r) => r.kind === RouterKind.gateway && (gateway === undefined || d.strings[r.name] === gateway));
  if (rec === undefined) {
    throw new TableFormatError('table-no-gateway', gateway === undefined ? 'table has no gateway router' : `table has no gateway router named ${gateway}`, 0);
  }
  const automata = d.regexRanges.map((r) => loadAutomatonChecked(d.bytes, r.offset, r.length));
  const arrays = loadTrieArrays(d);
  const gw = loadRouterRecord(d, rec, automata, arrays);
  if (d.mesh === null) return { gateway: gw, mesh: null };
  const m = d.mesh;
  const s = (i: number): string => (i === NONE ? '' : d.strings[i]!);
  const routers = new Map<string, LoadedRouter>();
  for (const r of d.routers) {
    // Only the gateway's mesh: names are unique per mesh.
    if (r.kind === RouterKind.virtualRouter && r.mesh === rec.mesh && !routers.has(s(r.name))) routers.set(s(r.name), loadRouterRecord(d, r, automata, arrays));
  }
  const services = new Map<string, { kind: number; provider: string }>();
  for (const sv of m.services) if (!services.has(s(sv.name))) services.set(s(sv.name), { kind: sv.providerKind, provider: s(sv.provider) });
  const nodes = new Map<string, LoadedNode>();
  for (const n of m.vnodes) {
    const attributes = part(m.attributes, n.firstAttribute, n.attributeCount).map((a) => ({ key: s(a.key), value: s(a.value) }));
    const discovery = n.discovery === DiscoveryKind.dns ? { hostname: s(n.host) }
      : n.discovery === DiscoveryKind.cloudMap ? { namespaceName: s(n.host), serviceName: s(n.service), attributes } : null;
    const listenerPorts = part(m.nodeListeners, n.firstListener, n.listenerCount).map((l) => l.port);
    if (!nodes.has(s(n.name))) nodes.set(s(n.name), { name: s(n.name), discovery, listenerPorts });
  }
  return { gateway: gw, mesh: { services, routers, nodes } };
}

/** A fresh endpoint object for `node` at `port` (the decision owns it). */
export function endpointOf(node: LoadedNode, port: number | null): Endpoint | null {
  const sd = node.discovery;
  if (sd === null) return null;
  if ('hostname' in sd) return { hostname: sd.hostname, port };
  return { namespaceName: sd.namespaceName, serviceName: sd.serviceName, attributes: sd.attributes.map((a) => ({ ...a })), port };
}

/** Policy JSON from the table; malformed text is a format error (the reader is given untrusted bytes). */
function parsePolicy<T>(d: DecodedTable, i: number | undefined): T | null {
  if (i === undefined || i === NONE) return null;
  try {
    return deepFreeze(JSON.parse(d.strings[i]!)) as T;
  } catch {
    throw new TableFormatError('table-value', 'policy is not JSON', 0);
  }
}

function deepFreeze(x: unknown): unknown {
  if (x !== null && typeof x === 'object') {
    for (const v of Object.values(x)) deepFreeze(v);
    Object.freeze(x);
  }
  return x;
}

function loadRouterRecord(d: DecodedTable, rec: RouterRecord, automata: Automaton[], arrays: TrieArrays): LoadedRouter {
  const s = (i: number): string => (i === NONE ? '' : d.strings[i]!);
  const virtualHost = (rec.flags & ROUTER_FLAG_VIRTUAL_HOST) !== 0;
  const routes: LoadedRoute[] = [];
  for (let i = 0; i < rec.routeCount; i++) {
    const r = d.routes[rec.firstRoute + i]!;
    const targets = part(d.targets, r.firstTarget, r.targetCount).map((t) => ({ virtualService: s(t.virtualService), port: t.port === 0 ? null : t.port, weight: t.weight }));
    const method = METHOD_NAMES[r.method] ?? null;
    const hasResidual = method !== null || r.scheme !== 0 || r.predicateCount > 0;
    const policy = d.mesh?.policies[rec.firstRoute + i];
    const weighted = (r.flags & ROUTE_FLAG_WEIGHTED) !== 0;
    const pathRewrite = r.pathRewrite === NONE ? null : s(r.pathRewrite);
    const path = s(r.path);
    const rewrite = rewriteOf({ pathRewrite, protocol: r.protocol, pathKind: r.pathKind, prefixRewrite: r.prefixRewrite });
    routes.push({
      pathKind: r.pathKind,
      hasResidual,
      unconditional: !hasResidual && r.pathKind !== PathKind.regex && (virtualHost || r.hostKind === HostKind.none),
      hostKind: r.hostKind,
      regex: r.pathRegex === NONE ? null : automata[r.pathRegex]!,
      rewrite,
      // A path-less HTTP match counts as prefix `/`.
      cut: r.pathKind === PathKind.prefix ? path.length : 1,
      only: targets.length === 1 && !weighted ? targets[0]! : null,
      onlyService: targets[0]?.virtualService ?? '',
      onlyPort: targets[0]?.port ?? null,
      hostRewriteDisabled: (r.flags & ROUTE_FLAG_HOST_REWRITE_DISABLED) !== 0,
      name: s(r.name),
      pathRewrite,
      protocol: r.protocol,
      prefixRewrite: r.prefixRewrite,
      path,
      weighted,
      targets,
      totalWeight: targets.reduce((n, t) => n + t.weight, 0),
      prefixValue: s(r.prefixValue),
      rank: i,
      host: r.hostKind === HostKind.none ? '' : s(r.host),
      method,
      priority: r.priority === PRIORITY_UNSET ? null : r.priority,
      port: r.port,
      predicates: part(d.predicates, r.firstPredicate, r.predicateCount).map((p) => ({
        kind: p.kind, op: p.op, invert: p.invert, name: s(p.name), value: s(p.value),
        regex: p.op === PredicateOp.regex ? automata[p.aux]! : null,
        start: p.op === PredicateOp.range ? d.ranges[p.aux]!.start : 0n,
        end: p.op === PredicateOp.range ? d.ranges[p.aux]!.end : 0n,
      })),
      scheme: r.scheme,
      timeout: parsePolicy<TimeoutPolicy>(d, policy?.timeout),
      retryPolicy: parsePolicy<RetryPolicyOut>(d, policy?.retryPolicy),
    });
  }
  const groups = loadGroups(d, rec, arrays);
  const listeners = part(d.listeners, rec.firstListener, rec.listenerCount);
  const onlyGroup = groups.size === 1 ? [...groups.values()][0]! : null;
  // The fast path pays one trie walk for nothing when the best candidate has other criteria: only
  // tables where most routes have none take it (a table of header-matched routes does not).
  const unconditional = routes.reduce((n, r) => n + (r.unconditional ? 1 : 0), 0);
  const fastGroup = listeners.length === 1 && 2 * unconditional >= routes.length ? groups.get(groupKey(listeners[0]!.port, listeners[0]!.protocol)) ?? null : null;
  return {
    trie: arrays.trie, plainLiterals: arrays.plain, maxLists: arrays.maxLists, lists: arrays.lists, name: s(rec.name), virtualHost, routes, groups,
    onlyGroup, fastGroup, listeners,
  };
}

/** The decoder checked ranges; the automaton loader checks the automaton itself. Anything else it throws is still a format error. */
function loadAutomatonChecked(bytes: Uint8Array, offset: number, length: number): Automaton {
  try {
    return loadAutomaton(bytes, offset, length);
  } catch (e) {
    if (e instanceof TableFormatError) throw e;
    throw new TableFormatError('regex-invalid', `automaton does not load: ${(e as Error).message}`, offset);
  }
}

function loadGroups(d: DecodedTable, rec: RouterRecord, { trie, offsets, lists }: TrieArrays): Map<number, LoadedGroup> {
  const groups = new Map<number, LoadedGroup>();
  for (let g = rec.firstGroup; g < rec.firstGroup + rec.groupCount; g++) {
    const grp = d.groups[g]!;
    const out: LoadedGroup = { port: grp.port, protocol: grp.protocol, exact: new Map(), suffixes: [], any: null, hostless: false, lastAuthority: null, lastVhost: null };
    for (let v = grp.firstVhost; v < grp.firstVhost + grp.vhostCount; v++) {
      const vh = d.vhosts[v]!;
      const lv: LoadedVhost = { kind: vh.kind, host: vh.host === NONE ? '' : d.strings[vh.host]!, root: vh.nodeCount > 0 ? offsets[vh.firstNode]! : -1, otherStart: vh.otherStart, otherEnd: vh.otherStart + vh.otherCount,
        otherHead: vh.otherCount > 0 ? lists[vh.otherStart]! : NO_RANK,
        slashChild: vh.nodeCount > 0 ? slashChildOf(trie, offsets[vh.firstNode]!) : -1,
      };
      if (vh.kind === VhostKind.exact) out.exact.set(lv.host, lv);
      else if (vh.kind === VhostKind.suffix) out.suffixes.push(lv);
      else out.any = lv;
    }
    // Longest suffix first is the selection rule; do not trust the stored order for it.
    out.suffixes.sort((a, b) => b.host.length - a.host.length);
    out.hostless = out.exact.size === 0 && out.suffixes.length === 0;
    groups.set(groupKey(grp.port, grp.protocol), out);
  }
  return groups;
}

function loadTrieArrays(d: DecodedTable): TrieArrays {
  const lists = Int32Array.from(d.lists);
  const { trie, offsets, plain, maxLists } = packTrie(d.nodes, d.bytes, d.stringBlobOffset, lists);
  return { trie, offsets, plain, maxLists, lists };
}

export function protocolName(code: number): 'http' | 'http2' | 'grpc' | null {
  const p = PROTOCOL_NAMES[code];
  return p === 'http' || p === 'http2' || p === 'grpc' ? p : null;
}

export function anyProtocolName(code: number): 'http' | 'http2' | 'grpc' | 'tcp' | null {
  return PROTOCOL_NAMES[code] ?? null;
}


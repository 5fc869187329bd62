/**
 * The runtime form of a decoded table: strings resolved, automata loaded once, trie nodes in flat
 * typed arrays. Built once per loadTable; route() only reads it.
 */
import { TableFormatError } from '../errors.js';
import { loadAutomaton, type Automaton } from '../regex/matcher.js';
import {
  HostKind, METHOD_NAMES, NONE, PredicateOp, PRIORITY_UNSET, PROTOCOL_NAMES, ROUTER_FLAG_VIRTUAL_HOST,
  ROUTE_FLAG_HOST_REWRITE_DISABLED, ROUTE_FLAG_WEIGHTED, RouterKind, VhostKind,
} from '../table/layout.js';
import type { DecodedTable, RouterRecord } from '../table/types.js';

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
  rank: number;
  name: string;
  protocol: number;
  pathKind: number;
  /** Literal or regex source; '' when path-less. */
  path: string;
  regex: Automaton | null;
  hostKind: number;
  host: string;
  method: string | null;
  priority: number | null;
  port: number;
  predicates: LoadedPredicate[];
  targets: LoadedTarget[];
  totalWeight: number;
  weighted: boolean;
  prefixRewrite: number;
  prefixValue: string;
  pathRewrite: string | null;
  hostRewriteDisabled: boolean;
}

export interface LoadedVhost {
  kind: number;
  host: string;
  /** Trie root node index, -1 when no literal route. */
  root: number;
  otherStart: number;
  otherEnd: number;
}

export interface LoadedGroup {
  port: number;
  protocol: number;
  exact: Map<string, LoadedVhost>;
  /** Suffix virtual hosts, longest suffix first. */
  suffixes: LoadedVhost[];
  any: LoadedVhost | null;
}

export interface LoadedRouter {
  name: string;
  virtualHost: boolean;
  routes: LoadedRoute[];
  /** key = port * 8 + protocol code. */
  groups: Map<number, LoadedGroup>;
  listeners: { port: number; protocol: number }[];
  /** Table bytes: trie labels address them. */
  bytes: Uint8Array;
  /** All trie nodes, NODE_STRIDE ints each (fields N_*), so one node's fields share a cache line. */
  trie: Int32Array;
  lists: Int32Array;
}

export function groupKey(port: number, protocol: number): number {
  return port * 8 + protocol;
}

export function loadRouter(d: DecodedTable, gateway?: string): LoadedRouter {
  const rec = d.routers.find((r) => r.kind === RouterKind.gateway && (gateway === undefined || d.strings[r.name] === gateway));
  if (rec === undefined) {
    throw new TableFormatError('table-no-gateway', gateway === undefined ? 'table has no gateway router' : `table has no gateway router named ${gateway}`, 0);
  }
  const automata = d.regexRanges.map((r) => loadAutomatonChecked(d.bytes, r.offset, r.length));
  const s = (i: number): string => (i === NONE ? '' : d.strings[i]!);
  const routes: LoadedRoute[] = [];
  for (let i = 0; i < rec.routeCount; i++) {
    const r = d.routes[rec.firstRoute + i]!;
    const targets = d.targets.slice(r.firstTarget, r.firstTarget + r.targetCount).map((t) => ({ virtualService: s(t.virtualService), port: t.port === 0 ? null : t.port, weight: t.weight }));
    routes.push({
      rank: i,
      name: s(r.name),
      protocol: r.protocol,
      pathKind: r.pathKind,
      path: s(r.path),
      regex: r.pathRegex === NONE ? null : automata[r.pathRegex]!,
      hostKind: r.hostKind,
      host: r.hostKind === HostKind.none ? '' : s(r.host),
      method: METHOD_NAMES[r.method] ?? null,
      priority: r.priority === PRIORITY_UNSET ? null : r.priority,
      port: r.port,
      predicates: d.predicates.slice(r.firstPredicate, r.firstPredicate + r.predicateCount).map((p) => ({
        kind: p.kind, op: p.op, invert: p.invert, name: s(p.name), value: s(p.value),
        regex: p.op === PredicateOp.regex ? automata[p.aux]! : null,
        start: p.op === PredicateOp.range ? d.ranges[p.aux]!.start : 0n,
        end: p.op === PredicateOp.range ? d.ranges[p.aux]!.end : 0n,
      })),
      targets,
      totalWeight: targets.reduce((n, t) => n + t.weight, 0),
      weighted: (r.flags & ROUTE_FLAG_WEIGHTED) !== 0,
      prefixRewrite: r.prefixRewrite,
      prefixValue: s(r.prefixValue),
      pathRewrite: r.pathRewrite === NONE ? null : s(r.pathRewrite),
      hostRewriteDisabled: (r.flags & ROUTE_FLAG_HOST_REWRITE_DISABLED) !== 0,
    });
  }
  return { ...loadTrieArrays(d), name: s(rec.name), virtualHost: (rec.flags & ROUTER_FLAG_VIRTUAL_HOST) !== 0, routes, groups: loadGroups(d, rec), listeners: d.listeners.slice(rec.firstListener, rec.firstListener + rec.listenerCount) };
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

function loadGroups(d: DecodedTable, rec: RouterRecord): Map<number, LoadedGroup> {
  const groups = new Map<number, LoadedGroup>();
  for (let g = rec.firstGroup; g < rec.firstGroup + rec.groupCount; g++) {
    const grp = d.groups[g]!;
    const out: LoadedGroup = { port: grp.port, protocol: grp.protocol, exact: new Map(), suffixes: [], any: null };
    for (let v = grp.firstVhost; v < grp.firstVhost + grp.vhostCount; v++) {
      const vh = d.vhosts[v]!;
      const lv: LoadedVhost = { kind: vh.kind, host: vh.host === NONE ? '' : d.strings[vh.host]!, root: vh.nodeCount > 0 ? vh.firstNode : -1, otherStart: vh.otherStart, otherEnd: vh.otherStart + vh.otherCount };
      if (vh.kind === VhostKind.exact) out.exact.set(lv.host, lv);
      else if (vh.kind === VhostKind.suffix) out.suffixes.push(lv);
      else out.any = lv;
    }
    // Longest suffix first is the selection rule; do not trust the stored order for it.
    out.suffixes.sort((a, b) => b.host.length - a.host.length);
    groups.set(groupKey(grp.port, grp.protocol), out);
  }
  return groups;
}

/** Node fields in LoadedRouter.trie (absolute label start; first label byte for child search). */
export const N_LABEL_START = 0;
export const N_LABEL_LENGTH = 1;
export const N_FIRST_BYTE = 2;
export const N_FIRST_CHILD = 3;
export const N_CHILD_COUNT = 4;
export const N_PREFIX_START = 5;
export const N_PREFIX_COUNT = 6;
export const N_EXACT_START = 7;
export const N_EXACT_COUNT = 8;
export const NODE_STRIDE = 9;

function loadTrieArrays(d: DecodedTable): Pick<LoadedRouter, 'bytes' | 'trie' | 'lists'> {
  const trie = new Int32Array(d.nodes.length * NODE_STRIDE);
  d.nodes.forEach((node, i) => {
    const o = i * NODE_STRIDE;
    trie[o + N_LABEL_START] = d.stringBlobOffset + node.labelStart;
    trie[o + N_LABEL_LENGTH] = node.labelLength;
    trie[o + N_FIRST_BYTE] = node.labelLength > 0 ? d.bytes[d.stringBlobOffset + node.labelStart] ?? -1 : -1;
    trie[o + N_FIRST_CHILD] = node.firstChild;
    trie[o + N_CHILD_COUNT] = node.childCount;
    trie[o + N_PREFIX_START] = node.prefixStart;
    trie[o + N_PREFIX_COUNT] = node.prefixCount;
    trie[o + N_EXACT_START] = node.exactStart;
    trie[o + N_EXACT_COUNT] = node.exactCount;
  });
  return { bytes: d.bytes, trie, lists: Int32Array.from(d.lists) };
}

export function protocolName(code: number): 'http' | 'http2' | 'grpc' | null {
  const p = PROTOCOL_NAMES[code];
  return p === 'http' || p === 'http2' || p === 'grpc' ? p : null;
}


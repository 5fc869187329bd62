/**
 * compileGatewayTable: the gateway routes bound to one VirtualGateway → decision-table bytes.
 * Pipeline: lower (lower.ts) → order (precedence.ts) → group per (listener port, protocol) and
 * virtual host → index (index-trie.ts) → encode (../table). Deterministic: the model's array order
 * never matters, only the precedence order does.
 */
import { compileRegex, type RegexOptions } from '../regex/index.js';
import type { GatewayRoute, MeshModel, VirtualGateway } from '../model/types.js';
import {
  HostKind, METHOD_NAMES, NONE, PathKind, PredicateKind, PredicateOp, PrefixRewrite, PRIORITY_UNSET,
  Protocol, ROUTER_FLAG_VIRTUAL_HOST, ROUTE_FLAG_HOST_REWRITE_DISABLED, ROUTE_FLAG_WEIGHTED, RouterKind, VhostKind,
} from '../table/layout.js';
import { encodeTable } from '../table/encode.js';
import type { GroupRecord, NodeRecord, PredicateRecord, RouteRecord, TableData, TargetRecord, VhostRecord } from '../table/types.js';
import { lowerGatewayRoute, type LoweredRoute } from './lower.js';
import { compareBytes, decidingRule, isTieBreak, sortByPrecedence, type DecidingRule } from './precedence.js';
import { appendAll, appendTrie, type TrieEntry } from './index-trie.js';
import { regexLiteralPrefix } from './regex-prefix.js';

export type HostnameMode = 'virtual-host' | 'flat';

export interface CompileOptions {
  /**
   * `virtual-host` (default; docs/precedence.md explains the evidence): a request whose host matches
   * a route's hostname sees only that hostname's routes, like an Envoy virtual host. `flat`: the
   * hostname is one more criterion.
   */
  hostnameMode?: HostnameMode;
  /** Passed to compileRegex for every path / header regex. */
  regex?: RegexOptions;
}

export const DEFAULT_HOSTNAME_MODE: HostnameMode = 'virtual-host';

/** Two routes of one group whose order only meshroute's tie-breaks (DESIGN §2 rule 4) decide. */
export interface Tie {
  gateway: string;
  port: number;
  protocol: 'http' | 'http2' | 'grpc';
  /** Display names, in the order the table tries them. */
  first: string;
  second: string;
  decidedBy: 'criteria-count' | 'name' | 'identical';
  priority: number | null;
  /** The shared literal path, or null when both are regex / path-less. */
  path: string | null;
}

export interface GatewayTableBuild {
  table: Uint8Array;
  ties: Tie[];
  /** Routes in precedence order (rank = index). */
  routes: LoweredRoute[];
}

const REQUEST_PROTOCOLS = ['http', 'http2', 'grpc'] as const;
const UTF8 = new TextEncoder();

/** The gateway routes bound to `gateway` (same gateway name and mesh). */
export function gatewayRoutesOf(model: MeshModel, gateway: VirtualGateway): GatewayRoute[] {
  return model.gatewayRoutes.filter((r) => r.virtualGatewayName === gateway.name && r.meshName === gateway.meshName);
}

export function compileGatewayTable(model: MeshModel, gateway: VirtualGateway, options: CompileOptions = {}): Uint8Array {
  return buildGatewayTable(model, gateway, options).table;
}

/** The tie report alone (DESIGN §2 rule 4: "the analyzer reports every tie that only these rules decide"). */
export function analyzeTies(model: MeshModel, gateway: VirtualGateway, options: CompileOptions = {}): Tie[] {
  return buildGatewayTable(model, gateway, options).ties;
}

export function buildGatewayTable(model: MeshModel, gateway: VirtualGateway, options: CompileOptions = {}): GatewayTableBuild {
  const mode = options.hostnameMode ?? DEFAULT_HOSTNAME_MODE;
  const routes = sortByPrecedence(gatewayRoutesOf(model, gateway).map(lowerGatewayRoute));
  const b = new TableBuilder(options);
  const gatewayName = b.str(gateway.name);
  const meshName = b.str(gateway.meshName);
  const routeRecords = routes.map((r) => b.route(r));
  // Every string is interned above; trie labels below address the blob laid out now.
  const blob = b.blobOffsets();

  const listeners = [...gateway.listeners].map((l) => l.portMapping).sort((x, y) => x.port - y.port || Protocol[x.protocol] - Protocol[y.protocol]);
  const byProtocol = new Map<string, Member[]>(REQUEST_PROTOCOLS.map((p) => [p, []]));
  routes.forEach((r, rank) => byProtocol.get(r.protocol)!.push({ r, rank }));
  const groups: GroupRecord[] = [];
  const vhosts: VhostRecord[] = [];
  const nodes: NodeRecord[] = [];
  const lists: number[] = [];
  const ties: Tie[] = [];
  const seenPorts = new Set<number>();
  for (const l of listeners) {
    if (seenPorts.has(l.port)) continue;
    seenPorts.add(l.port);
    for (const protocol of REQUEST_PROTOCOLS) {
      const members = byProtocol.get(protocol)!.filter(({ r }) => r.port === null || r.port === l.port);
      if (members.length === 0) continue;
      const firstVhost = vhosts.length;
      for (const part of partitionHosts(members, mode)) {
        const literal: TrieEntry[] = [];
        const other: number[] = [];
        for (const { r, rank } of part.members) {
          const entry = trieEntry(b, blob, r, rank);
          if (entry === null) other.push(rank);
          else literal.push(entry);
        }
        const otherStart = lists.length;
        appendAll(lists, other);
        const firstNode = nodes.length;
        const nodeCount = appendTrie(literal, nodes, lists);
        vhosts.push({ kind: part.kind, host: part.host === null ? NONE : b.str(part.host), firstNode, nodeCount, otherStart: other.length > 0 ? otherStart : 0, otherCount: other.length });
        appendAll(ties, findTies(gateway.name, l.port, protocol, part.members.map((m) => m.r)));
      }
      groups.push({ port: l.port, protocol: Protocol[protocol], firstVhost, vhostCount: vhosts.length - firstVhost });
    }
  }
  const data: TableData = {
    flags: 0,
    strings: b.strings,
    routers: [{
      kind: RouterKind.gateway, name: gatewayName, mesh: meshName,
      flags: mode === 'virtual-host' ? ROUTER_FLAG_VIRTUAL_HOST : 0,
      firstRoute: 0, routeCount: routeRecords.length, firstGroup: 0, groupCount: groups.length,
      firstListener: 0, listenerCount: seenPorts.size,
    }],
    listeners: dedupePorts(listeners).map((l) => ({ port: l.port, protocol: Protocol[l.protocol] })),
    groups, vhosts, nodes, lists,
    routes: routeRecords,
    predicates: b.predicates,
    ranges: b.ranges,
    targets: b.targets,
    regexes: b.regexes,
  };
  if (b.strings.length !== blob.length) throw new Error('string pool grew after the blob layout was fixed');
  return { table: encodeTable(data, b.strings.map((s) => b.utf8(s))), ties: dedupeTies(ties), routes };
}

// ------- internal functions -------

/**
 * Where a route sits in the path index: literal paths (prefix, exact, gRPC service) under their
 * literal; regex paths under their literal prefix when they have one (regex-prefix.ts — the regex
 * is still checked on the candidate); null = the vhost's `other` list (path-less, or a regex with
 * no literal prefix), tried on every request.
 */
function trieEntry(b: TableBuilder, blob: number[], r: LoweredRoute, rank: number): TrieEntry | null {
  if (r.path.kind === 'prefix' || r.path.kind === 'exact') {
    return { literal: r.path.value, bytes: b.utf8(r.path.value), blobOffset: blob[b.str(r.path.value)]!, kind: r.path.kind, rank };
  }
  if (r.path.kind === 'regex') {
    const prefix = regexLiteralPrefix(r.path.value);
    // The prefix is the pattern's first characters, so its bytes are at the pattern string's offset.
    if (prefix !== '') return { literal: prefix, bytes: b.utf8(prefix), blobOffset: blob[b.str(r.path.value)]!, kind: 'prefix', rank };
  }
  return null;
}

function dedupePorts<T extends { port: number }>(listeners: T[]): T[] {
  return listeners.filter((l, i) => listeners.findIndex((x) => x.port === l.port) === i);
}

interface Member { r: LoweredRoute; rank: number }
interface HostPart { kind: number; host: string | null; members: Member[] }

/**
 * Virtual hosts of a group, in the order the table stores them: exact hosts bytewise, suffixes
 * longest first then bytewise, then the host-less routes (`any`). Flat mode: one `any` with all.
 */
function partitionHosts(members: Member[], mode: HostnameMode): HostPart[] {
  if (mode === 'flat') return [{ kind: VhostKind.any, host: null, members }];
  const parts = new Map<string, HostPart>();
  for (const m of members) {
    const h = m.r.hostname;
    const id = h === null ? 'any' : `${h.kind}:${h.value}`;
    let p = parts.get(id);
    if (p === undefined) {
      p = { kind: h === null ? VhostKind.any : h.kind === 'exact' ? VhostKind.exact : VhostKind.suffix, host: h?.value ?? null, members: [] };
      parts.set(id, p);
    }
    p.members.push(m);
  }
  return [...parts.values()].sort(compareHostParts);
}

function compareHostParts(a: HostPart, b: HostPart): number {
  const order = (p: HostPart): number => (p.kind === VhostKind.exact ? 0 : p.kind === VhostKind.suffix ? 1 : 2);
  if (order(a) !== order(b)) return order(a) - order(b);
  if (a.host === null || b.host === null) return 0;
  const x = UTF8.encode(a.host);
  const y = UTF8.encode(b.host);
  return a.kind === VhostKind.suffix && x.length !== y.length ? y.length - x.length : compareBytes(x, y);
}

/**
 * Adjacent routes of one ordered list whose order a tie-break decided and which can both match
 * one request: both regex / path-less, or the same literal. (Different literals of equal length
 * never match the same path, so their order is immaterial.)
 */
function findTies(gateway: string, port: number, protocol: Tie['protocol'], ordered: LoweredRoute[]): Tie[] {
  const out: Tie[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1]!;
    const b = ordered[i]!;
    const { rule } = decidingRule(a, b);
    if (!isTieBreak(rule) || !canOverlap(a, b)) continue;
    out.push({
      gateway, port, protocol, first: a.displayName, second: b.displayName,
      decidedBy: rule as Exclude<DecidingRule, 'priority' | 'literal-before-other' | 'literal-length' | 'exact-before-prefix'>,
      priority: a.priority, path: a.path.kind === 'prefix' || a.path.kind === 'exact' ? a.path.value : null,
    });
  }
  return out;
}

function canOverlap(a: LoweredRoute, b: LoweredRoute): boolean {
  const literal = (r: LoweredRoute): boolean => r.path.kind === 'prefix' || r.path.kind === 'exact';
  if (!literal(a) && !literal(b)) return true;
  return literal(a) && literal(b) && a.path.kind === b.path.kind && 'value' in a.path && 'value' in b.path && a.path.value === b.path.value;
}

function dedupeTies(ties: Tie[]): Tie[] {
  const seen = new Set<string>();
  return ties.filter((t) => {
    const id = JSON.stringify([t.port, t.protocol, t.first, t.second]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** Interns strings and regexes in first-use order and collects the per-route arrays. */
class TableBuilder {
  readonly strings: string[] = [];
  readonly regexes: Uint8Array[] = [];
  readonly predicates: PredicateRecord[] = [];
  readonly ranges: { start: bigint; end: bigint }[] = [];
  readonly targets: TargetRecord[] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly regexIndex = new Map<string, number>();
  private readonly utf8Cache = new Map<string, Uint8Array>();
  constructor(private readonly options: CompileOptions) {}

  /** Offset of each interned string in the string blob (strings concatenated in index order). */
  blobOffsets(): number[] {
    let at = 0;
    return this.strings.map((s) => {
      const o = at;
      at += this.utf8(s).length;
      return o;
    });
  }

  utf8(s: string): Uint8Array {
    let u = this.utf8Cache.get(s);
    if (u === undefined) this.utf8Cache.set(s, (u = UTF8.encode(s)));
    return u;
  }

  str(s: string): number {
    let i = this.stringIndex.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }

  /** Regexes are compiled here, at table build time, and embedded as automata. */
  regex(pattern: string): number {
    let i = this.regexIndex.get(pattern);
    if (i === undefined) {
      i = this.regexes.length;
      this.regexes.push(compileRegex(pattern, this.options.regex).bytes);
      this.regexIndex.set(pattern, i);
    }
    return i;
  }

  route(r: LoweredRoute): RouteRecord {
    const firstPredicate = this.predicates.length;
    for (const p of r.predicates) this.predicates.push(this.predicate(p));
    const firstTarget = this.targets.length;
    for (const t of r.targets) this.targets.push({ virtualService: this.str(t.virtualServiceName), port: t.port ?? 0, weight: t.weight });
    const pathKind = PathKind[r.path.kind];
    return {
      name: this.str(r.displayName),
      protocol: Protocol[r.protocol],
      pathKind,
      hostKind: r.hostname === null ? HostKind.none : HostKind[r.hostname.kind],
      method: r.method === null ? 0 : METHOD_NAMES.indexOf(r.method),
      priority: r.priority ?? PRIORITY_UNSET,
      port: r.port ?? 0,
      path: r.path.kind === 'none' ? NONE : this.str(r.path.value),
      pathRegex: r.path.kind === 'regex' ? this.regex(r.path.value) : NONE,
      host: r.hostname === null ? NONE : this.str(r.hostname.value),
      firstPredicate,
      predicateCount: r.predicates.length,
      firstTarget,
      targetCount: r.targets.length,
      prefixRewrite: PrefixRewrite[r.rewrite.prefix],
      flags: (r.weighted ? ROUTE_FLAG_WEIGHTED : 0) | (r.rewrite.hostnameDisabled ? ROUTE_FLAG_HOST_REWRITE_DISABLED : 0),
      prefixValue: r.rewrite.prefix === 'value' && r.rewrite.prefixValue !== null ? this.str(r.rewrite.prefixValue) : NONE,
      pathRewrite: r.rewrite.pathExact === null ? NONE : this.str(r.rewrite.pathExact),
    };
  }

  private predicate(p: LoweredRoute['predicates'][number]): PredicateRecord {
    const kind = PredicateKind[p.kind];
    const invert = p.kind === 'header' ? p.invert : false;
    const name = this.str(p.name);
    switch (p.op) {
      case 'present':
        return { kind, op: PredicateOp.present, invert, name, value: NONE, aux: NONE };
      case 'range':
        this.ranges.push({ start: p.start, end: p.end });
        return { kind, op: PredicateOp.range, invert, name, value: NONE, aux: this.ranges.length - 1 };
      case 'regex':
        return { kind, op: PredicateOp.regex, invert, name, value: this.str(p.value), aux: this.regex(p.value) };
      default:
        return { kind, op: PredicateOp[p.op], invert, name, value: this.str(p.value), aux: NONE };
    }
  }
}

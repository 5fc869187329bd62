/**
 * compileGatewayTable: the gateway routes bound to one VirtualGateway → decision-table bytes.
 * Pipeline: lower (lower.ts) → order (precedence.ts) → group per (listener port, protocol) and
 * virtual host → index (index-trie.ts) → encode (../table). Deterministic: the model's array order
 * never matters, only the precedence order does.
 */
import { compileRegex, type RegexOptions } from '../regex/index.js';
import type { GatewayRoute, MeshModel, PortMapping, Route, VirtualGateway, VirtualNode, VirtualRouter, VirtualService } from '../model/types.js';
import {
  DiscoveryKind, HostKind, METHOD_NAMES, NONE, PathKind, ProviderKind, Scheme, PredicateKind, PredicateOp, PrefixRewrite, PRIORITY_UNSET,
  Protocol, ROUTER_FLAG_VIRTUAL_HOST, ROUTE_FLAG_HOST_REWRITE_DISABLED, ROUTE_FLAG_WEIGHTED, RouterKind, VhostKind,
} from '../table/layout.js';
import { encodeTable } from '../table/encode.js';
import type {
  GroupRecord, ListenerRecord, MeshData, NodeRecord, PolicyRecord, PredicateRecord, RouteRecord, RouterRecord, TableData, TargetRecord, VhostRecord,
} from '../table/types.js';
import { lowerGatewayRoute, lowerRoute, type LoweredRoute } from './lower.js';
import { compareBytes, compareUtf8, decidingRule, isTieBreak, sortByPrecedence, type DecidingRule } from './precedence.js';
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
  /**
   * Default true: the table also holds every virtual router, virtual service provider and virtual
   * node reachable from the gateway (sections 13–17), and route() makes the two-stage decision.
   * false: a gateway-only table (decisions end at the gateway stage, as in issue 4).
   */
  routerStage?: boolean;
}

export const DEFAULT_HOSTNAME_MODE: HostnameMode = 'virtual-host';

/** Two routes of one group whose order only meshroute's tie-breaks (DESIGN §2 rule 4) decide. */
export interface Tie {
  gateway: string;
  /** App Mesh name of the virtual router for a tie between its routes; null for gateway routes. */
  virtualRouter: string | null;
  port: number;
  protocol: 'http' | 'http2' | 'grpc' | 'tcp';
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
  /** Gateway routes in precedence order (rank = index). */
  routes: LoweredRoute[];
  /** App Mesh names of the virtual routers compiled into the table (router stage). */
  virtualRouters: string[];
  /** App Mesh names of the virtual nodes whose endpoints the table holds. */
  virtualNodes: string[];
}

const REQUEST_PROTOCOLS = ['http', 'http2', 'grpc'] as const;
/** A virtual router's listeners and routes may also be tcp (reference §3.1). */
const ROUTER_PROTOCOLS = ['http', 'http2', 'grpc', 'tcp'] as const;
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
  const b = tableBuilder(options);
  const gatewayName = b.str(gateway.name);
  const meshName = b.str(gateway.meshName);
  const routeRecords = routes.map((r) => b.route(r));
  // Router stage (issue 5): every virtual router and node reachable from the gateway's targets.
  const reach = options.routerStage === false ? null : reachable(model, gateway, routes);
  const vrParts = (reach?.routers ?? []).map((vr) => {
    const name = b.str(vr.router.name);
    const lowered = sortByPrecedence(vr.routes.map(lowerRoute));
    return { vr: vr.router, name, lowered, records: lowered.map((r) => b.route(r)) };
  });
  const mesh = reach === null ? null : b.mesh(reach, routeRecords.length, vrParts.map((p) => p.lowered));
  // Every string is interned above; trie labels below address the blob laid out now.
  const blob = b.blobOffsets();

  const out: Layout = { groups: [], vhosts: [], nodes: [], lists: [], listeners: [], ties: [] };
  const gwListeners = gateway.listeners.map((l) => l.portMapping);
  const gwRouter = layoutRouter(b, blob, out, routes, gwListeners, REQUEST_PROTOCOLS, mode, { gateway: gateway.name, virtualRouter: null });
  const routers: RouterRecord[] = [{
    kind: RouterKind.gateway, name: gatewayName, mesh: meshName,
    flags: mode === 'virtual-host' ? ROUTER_FLAG_VIRTUAL_HOST : 0,
    firstRoute: 0, routeCount: routeRecords.length, ...gwRouter,
  }];
  let firstRoute = routeRecords.length;
  for (const p of vrParts) {
    const layout = layoutRouter(b, blob, out, p.lowered, p.vr.listeners, ROUTER_PROTOCOLS, 'flat', { gateway: gateway.name, virtualRouter: p.vr.name });
    routers.push({ kind: RouterKind.virtualRouter, name: p.name, mesh: meshName, flags: 0, firstRoute, routeCount: p.records.length, ...layout });
    firstRoute += p.records.length;
  }
  const data: TableData = {
    flags: 0,
    strings: b.strings,
    routers,
    listeners: out.listeners,
    groups: out.groups, vhosts: out.vhosts, nodes: out.nodes, lists: out.lists,
    routes: [...routeRecords, ...vrParts.flatMap((p) => p.records)],
    predicates: b.predicates,
    ranges: b.ranges,
    targets: b.targets,
    regexes: b.regexes,
    mesh,
  };
  if (b.strings.length !== blob.length) throw new Error('string pool grew after the blob layout was fixed');
  return {
    table: encodeTable(data, b.strings.map((s) => b.utf8(s))), ties: dedupeTies(out.ties), routes,
    virtualRouters: vrParts.map((p) => p.vr.name), virtualNodes: (reach?.nodes ?? []).map((n) => n.name),
  };
}

interface Layout { groups: GroupRecord[]; vhosts: VhostRecord[]; nodes: NodeRecord[]; lists: number[]; listeners: ListenerRecord[]; ties: Tie[] }

/**
 * One router's groups (per listener port and request protocol), virtual hosts, tries and listeners,
 * appended to `out`; ranks are relative to the router's first route. Ties are reported under
 * `tieOwner` (the gateway, and the virtual router for router routes).
 */
function layoutRouter(
  b: TableBuilder, blob: number[], out: Layout, routes: LoweredRoute[], portMappings: PortMapping[],
  protocols: readonly LoweredRoute['protocol'][], mode: HostnameMode, tieOwner: { gateway: string; virtualRouter: string | null },
): Pick<RouterRecord, 'firstGroup' | 'groupCount' | 'firstListener' | 'listenerCount'> {
  const listeners = [...portMappings].sort((x, y) => x.port - y.port || Protocol[x.protocol] - Protocol[y.protocol]);
  const byProtocol = new Map<string, Member[]>(protocols.map((p) => [p, []]));
  routes.forEach((r, rank) => byProtocol.get(r.protocol)?.push({ r, rank }));
  const firstGroup = out.groups.length;
  const firstListener = out.listeners.length;
  const seenPorts = new Set<number>();
  for (const l of listeners) {
    if (seenPorts.has(l.port)) continue;
    seenPorts.add(l.port);
    for (const protocol of protocols) {
      const members = byProtocol.get(protocol)!.filter(({ r }) => r.port === null || r.port === l.port);
      if (members.length === 0) continue;
      const firstVhost = out.vhosts.length;
      for (const part of partitionHosts(members, mode)) {
        const literal: TrieEntry[] = [];
        const other: number[] = [];
        for (const { r, rank } of part.members) {
          const entry = trieEntry(b, blob, r, rank);
          if (entry === null) other.push(rank);
          else literal.push(entry);
        }
        const otherStart = out.lists.length;
        appendAll(out.lists, other);
        const firstNode = out.nodes.length;
        const nodeCount = appendTrie(literal, out.nodes, out.lists);
        out.vhosts.push({ kind: part.kind, host: part.host === null ? NONE : b.str(part.host), firstNode, nodeCount, otherStart: other.length > 0 ? otherStart : 0, otherCount: other.length });
        appendAll(out.ties, findTies(tieOwner, l.port, protocol, part.members.map((m) => m.r)));
      }
      out.groups.push({ port: l.port, protocol: Protocol[protocol], firstVhost, vhostCount: out.vhosts.length - firstVhost });
    }
  }
  for (const l of dedupePorts(listeners)) out.listeners.push({ port: l.port, protocol: Protocol[l.protocol] });
  return { firstGroup, groupCount: out.groups.length - firstGroup, firstListener, listenerCount: seenPorts.size };
}

/** What the gateway can reach: its targets' virtual services, their router providers (with routes) and every virtual node behind them. */
export interface Reachable {
  services: { name: string; provider: VirtualService['provider'] }[];
  routers: { router: VirtualRouter; routes: Route[] }[];
  nodes: VirtualNode[];
}

export function reachable(model: MeshModel, gateway: VirtualGateway, routes: readonly LoweredRoute[]): Reachable {
  const mesh = gateway.meshName;
  const byName = <T extends { name: string; meshName: string }>(xs: T[]): Map<string, T> => new Map(xs.filter((x) => x.meshName === mesh).map((x) => [x.name, x]));
  const services = byName(model.virtualServices);
  const routers = byName(model.virtualRouters);
  const nodes = byName(model.virtualNodes);
  const serviceNames = new Set<string>();
  for (const r of routes) for (const t of r.targets) serviceNames.add(t.virtualServiceName);
  const outServices: Reachable['services'] = [...serviceNames].sort(compareUtf8).map((name) => ({ name, provider: services.get(name)?.provider ?? null }));
  const routerNames = new Set<string>();
  const nodeNames = new Set<string>();
  for (const s of outServices) {
    if (s.provider === null) continue;
    if ('virtualNode' in s.provider) nodeNames.add(s.provider.virtualNode);
    else if (routers.has(s.provider.virtualRouter)) routerNames.add(s.provider.virtualRouter);
  }
  const outRouters = [...routerNames].sort(compareUtf8).map((name) => {
    const router = routers.get(name)!;
    const rs = model.routes.filter((r) => r.meshName === mesh && r.virtualRouterName === name);
    for (const r of rs) for (const t of r.spec.weightedTargets) nodeNames.add(t.virtualNodeName);
    return { router, routes: rs };
  });
  const outNodes = [...nodeNames].sort(compareUtf8).flatMap((n) => (nodes.has(n) ? [nodes.get(n)!] : []));
  return { services: outServices, routers: outRouters, nodes: outNodes };
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
function findTies(owner: { gateway: string; virtualRouter: string | null }, port: number, protocol: Tie['protocol'], ordered: LoweredRoute[]): Tie[] {
  const out: Tie[] = [];
  for (let i = 1; i < ordered.length; i++) {
    const a = ordered[i - 1]!;
    const b = ordered[i]!;
    const { rule } = decidingRule(a, b);
    if (!isTieBreak(rule) || !canOverlap(a, b)) continue;
    out.push({
      gateway: owner.gateway, virtualRouter: owner.virtualRouter, port, protocol, first: a.displayName, second: b.displayName,
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
    const id = JSON.stringify([t.virtualRouter, t.port, t.protocol, t.first, t.second]);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * Interns strings and regexes in first-use order and collects the per-route arrays. Closures over
 * the builder's state rather than a class (smaller minified: no `this.`).
 */
function tableBuilder(options: CompileOptions) {
  const strings: string[] = [];
  const regexes: Uint8Array[] = [];
  const predicates: PredicateRecord[] = [];
  const ranges: { start: bigint; end: bigint }[] = [];
  const targets: TargetRecord[] = [];
  const stringIndex = new Map<string, number>();
  const regexIndex = new Map<string, number>();
  const utf8Cache = new Map<string, Uint8Array>();

  /** Offset of each interned string in the string blob (strings concatenated in index order). */
  function blobOffsets(): number[] {
    let at = 0;
    return strings.map((s) => {
      const o = at;
      at += utf8(s).length;
      return o;
    });
  }

  function utf8(s: string): Uint8Array {
    let u = utf8Cache.get(s);
    if (u === undefined) utf8Cache.set(s, (u = UTF8.encode(s)));
    return u;
  }

  function str(s: string): number {
    let i = stringIndex.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringIndex.set(s, i);
    }
    return i;
  }

  /** Regexes are compiled here, at table build time, and embedded as automata. */
  function regex(pattern: string): number {
    let i = regexIndex.get(pattern);
    if (i === undefined) {
      i = regexes.length;
      regexes.push(compileRegex(pattern, options.regex).bytes);
      regexIndex.set(pattern, i);
    }
    return i;
  }

  function route(r: LoweredRoute): RouteRecord {
    const firstPredicate = predicates.length;
    for (const p of r.predicates) predicates.push(predicate(p));
    const firstTarget = targets.length;
    for (const t of r.targets) targets.push({ virtualService: str(t.virtualServiceName), port: t.port ?? 0, weight: t.weight });
    const pathKind = PathKind[r.path.kind];
    return {
      name: str(r.displayName),
      protocol: Protocol[r.protocol],
      pathKind,
      hostKind: r.hostname === null ? HostKind.none : HostKind[r.hostname.kind],
      method: r.method === null ? 0 : METHOD_NAMES.indexOf(r.method),
      priority: r.priority ?? PRIORITY_UNSET,
      port: r.port ?? 0,
      path: r.path.kind === 'none' ? NONE : str(r.path.value),
      pathRegex: r.path.kind === 'regex' ? regex(r.path.value) : NONE,
      host: r.hostname === null ? NONE : str(r.hostname.value),
      firstPredicate,
      predicateCount: r.predicates.length,
      firstTarget,
      targetCount: r.targets.length,
      prefixRewrite: PrefixRewrite[r.rewrite.prefix],
      flags: (r.weighted ? ROUTE_FLAG_WEIGHTED : 0) | (r.rewrite.hostnameDisabled ? ROUTE_FLAG_HOST_REWRITE_DISABLED : 0),
      prefixValue: r.rewrite.prefix === 'value' && r.rewrite.prefixValue !== null ? str(r.rewrite.prefixValue) : NONE,
      pathRewrite: r.rewrite.pathExact === null ? NONE : str(r.rewrite.pathExact),
      scheme: r.scheme === null ? Scheme.none : Scheme[r.scheme],
    };
  }

  /** Sections 13–17: services, nodes (discovery, attributes, listeners), and one policy per route record (gateway routes: none). */
  function mesh(reach: Reachable, gatewayRouteCount: number, routerRoutes: LoweredRoute[][]): MeshData {
    const services = reach.services.map((s) => ({
      name: str(s.name),
      providerKind: s.provider === null ? ProviderKind.none : 'virtualNode' in s.provider ? ProviderKind.virtualNode : ProviderKind.virtualRouter,
      provider: s.provider === null ? NONE : str('virtualNode' in s.provider ? s.provider.virtualNode : s.provider.virtualRouter),
    }));
    const attributes: MeshData['attributes'] = [];
    const nodeListeners: ListenerRecord[] = [];
    const vnodes = reach.nodes.map((n) => {
      const sd = n.serviceDiscovery;
      const firstAttribute = attributes.length;
      const firstListener = nodeListeners.length;
      for (const l of n.listeners) nodeListeners.push({ port: l.portMapping.port, protocol: Protocol[l.portMapping.protocol] });
      if (sd !== null && 'awsCloudMap' in sd) for (const a of sd.awsCloudMap.attributes) attributes.push({ key: str(a.key), value: str(a.value) });
      return {
        name: str(n.name),
        discovery: sd === null ? DiscoveryKind.none : 'dns' in sd ? DiscoveryKind.dns : DiscoveryKind.cloudMap,
        host: sd === null ? NONE : 'dns' in sd ? str(sd.dns.hostname) : str(sd.awsCloudMap.namespaceName),
        service: sd !== null && 'awsCloudMap' in sd ? str(sd.awsCloudMap.serviceName) : NONE,
        firstAttribute, attributeCount: attributes.length - firstAttribute,
        firstListener, listenerCount: nodeListeners.length - firstListener,
      };
    });
    const policies: PolicyRecord[] = [];
    for (let i = 0; i < gatewayRouteCount; i++) policies.push({ timeout: NONE, retryPolicy: NONE });
    for (const rs of routerRoutes) {
      for (const r of rs) {
        policies.push({
          timeout: r.policy?.timeout == null ? NONE : str(r.policy.timeout),
          retryPolicy: r.policy?.retryPolicy == null ? NONE : str(r.policy.retryPolicy),
        });
      }
    }
    return { services, vnodes, nodeListeners, attributes, policies };
  }

  function predicate(p: LoweredRoute['predicates'][number]): PredicateRecord {
    const kind = PredicateKind[p.kind];
    const invert = p.kind === 'header' ? p.invert : false;
    const name = str(p.name);
    switch (p.op) {
      case 'present':
        return { kind, op: PredicateOp.present, invert, name, value: NONE, aux: NONE };
      case 'range':
        ranges.push({ start: p.start, end: p.end });
        return { kind, op: PredicateOp.range, invert, name, value: NONE, aux: ranges.length - 1 };
      case 'regex':
        return { kind, op: PredicateOp.regex, invert, name, value: str(p.value), aux: regex(p.value) };
      default:
        return { kind, op: PredicateOp[p.op], invert, name, value: str(p.value), aux: NONE };
    }
  }

  return { strings, regexes, predicates, ranges, targets, blobOffsets, utf8, str, route, mesh };
}

type TableBuilder = ReturnType<typeof tableBuilder>;

/**
 * The decision table as plain data: what the compiler builds, `encodeTable` writes and
 * `decodeTable` returns. Field meanings are specified in docs/table-format.md; codes are the
 * constants of layout.ts. Indices are absolute into the arrays of the same table unless a comment
 * says otherwise. This file imports nothing.
 */

export interface RouterRecord {
  /** RouterKind: 1 gateway (issue 4), 2 virtual router (issue 5). */
  kind: number;
  name: number;
  mesh: number;
  /** ROUTER_FLAG_* bits. */
  flags: number;
  firstRoute: number;
  routeCount: number;
  firstGroup: number;
  groupCount: number;
  firstListener: number;
  listenerCount: number;
}

export interface ListenerRecord {
  port: number;
  protocol: number;
}

/** The routes that take part for one (listener port, request protocol), split into virtual hosts. */
export interface GroupRecord {
  port: number;
  protocol: number;
  firstVhost: number;
  vhostCount: number;
}

/**
 * One virtual host of a group: exact ones sorted bytewise by host, then suffix ones by length
 * descending then bytewise, then at most one `any` (host-less routes; the only one in flat mode).
 */
export interface VhostRecord {
  kind: number;
  /** String index of the lower-cased hostname / suffix; NONE for `any`. */
  host: number;
  /** Trie nodes [firstNode, firstNode + nodeCount), BFS order, root first. */
  firstNode: number;
  nodeCount: number;
  /** Routes with a regex path or no path criterion, ascending rank (lists section). */
  otherStart: number;
  otherCount: number;
}

/** A radix-trie node over UTF-8 bytes of literal paths (prefix / exact / gRPC `/<service>/`). */
export interface NodeRecord {
  /** Edge label: bytes [labelStart, labelStart + labelLength) of the string blob; empty for a root. */
  labelStart: number;
  labelLength: number;
  /** Children are nodes [firstChild, firstChild + childCount) of the same trie, sorted by first label byte. */
  firstChild: number;
  childCount: number;
  /** Ranks (lists section) of routes whose prefix ends exactly here, ascending. */
  prefixStart: number;
  prefixCount: number;
  /** Ranks of routes whose exact path ends exactly here, ascending. */
  exactStart: number;
  exactCount: number;
}

export interface RouteRecord {
  /** String index of the display name (K8s metadata.name / API gatewayRouteName). */
  name: number;
  protocol: number;
  pathKind: number;
  hostKind: number;
  /** METHOD_NAMES index; 0 = no method criterion. */
  method: number;
  /** 0..1000, or PRIORITY_UNSET. */
  priority: number;
  /** 0 = no port criterion. */
  port: number;
  /** String index of the literal (prefix/exact) or regex source; NONE without a path criterion. */
  path: number;
  /** Regex index of a regex path; NONE otherwise. */
  pathRegex: number;
  /** String index of the lower-cased hostname / suffix; NONE without one. */
  host: number;
  firstPredicate: number;
  predicateCount: number;
  firstTarget: number;
  targetCount: number;
  prefixRewrite: number;
  /** ROUTE_FLAG_* bits. */
  flags: number;
  /** String index of `rewrite.prefix.value`; NONE unless prefixRewrite = value. */
  prefixValue: number;
  /** String index of `rewrite.path.exact`; NONE without a path rewrite. */
  pathRewrite: number;
  /** Scheme code (router-stage http2 routes); 0 = no scheme criterion. Byte 37, reserved (0) before issue 5. */
  scheme: number;
}

export interface PredicateRecord {
  /** PredicateKind: header (or gRPC metadata) / query parameter. */
  kind: number;
  op: number;
  invert: boolean;
  /** String index of the name (lower-cased for headers). */
  name: number;
  /** String index of the operand (exact/prefix/suffix/regex source); NONE for present and range. */
  value: number;
  /** Regex index for op regex, range index for op range; NONE otherwise. */
  aux: number;
}

/** A header range `[start, end)` over signed 64-bit integers. */
export interface RangeRecord {
  start: bigint;
  end: bigint;
}

export interface TargetRecord {
  virtualService: number;
  /** 0 = no target port. */
  port: number;
  weight: number;
}

/** A virtual service reachable from the gateway and its provider (router stage). */
export interface ServiceRecord {
  /** String index of the App Mesh name. */
  name: number;
  /** ProviderKind. */
  providerKind: number;
  /** String index of the provider's App Mesh name (a virtual node or a kind-2 router); NONE for none. */
  provider: number;
}

/** A virtual node reachable from the gateway: its service discovery and listeners (router stage). */
export interface VnodeRecord {
  name: number;
  /** DiscoveryKind. */
  discovery: number;
  /** DNS hostname, or Cloud Map namespaceName; NONE without discovery. */
  host: number;
  /** Cloud Map serviceName; NONE otherwise. */
  service: number;
  firstAttribute: number;
  attributeCount: number;
  /** Listeners: records [firstListener, +listenerCount) of the nodeListeners section. */
  firstListener: number;
  listenerCount: number;
}

export interface AttributeRecord {
  key: number;
  value: number;
}

/** Per route record (parallel to the routes section): JSON texts of timeout and retry policy. */
export interface PolicyRecord {
  timeout: number;
  retryPolicy: number;
}

/** The router-stage sections; null in a gateway-only table. */
export interface MeshData {
  services: ServiceRecord[];
  vnodes: VnodeRecord[];
  nodeListeners: ListenerRecord[];
  attributes: AttributeRecord[];
  policies: PolicyRecord[];
}

export interface TableData {
  /** Router stage (issue 5); null = gateway-only table (no sections 13–17). */
  mesh: MeshData | null;
  flags: number;
  strings: string[];
  routers: RouterRecord[];
  listeners: ListenerRecord[];
  groups: GroupRecord[];
  vhosts: VhostRecord[];
  nodes: NodeRecord[];
  lists: number[];
  routes: RouteRecord[];
  predicates: PredicateRecord[];
  ranges: RangeRecord[];
  targets: TargetRecord[];
  /** Serialized automata (src/regex), loaded by the runtime with loadAutomaton. */
  regexes: Uint8Array[];
}

/** A section as found in the directory. */
export interface SectionEntry {
  kind: number;
  offset: number;
  length: number;
}

/** What decodeTable returns: the data plus what the reader needs to address the raw bytes. */
export interface DecodedTable extends TableData {
  version: number;
  totalLength: number;
  checksum: number;
  sections: SectionEntry[];
  /** Byte offset (into the table bytes) of the string blob; node labels are relative to it. */
  stringBlobOffset: number;
  /** Byte offset of each string in the blob (parallel to strings). */
  stringOffsets: Uint32Array;
  /** Absolute byte ranges of each automaton within the table bytes (parallel to regexes). */
  regexRanges: { offset: number; length: number }[];
  bytes: Uint8Array;
}

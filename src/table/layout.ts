/**
 * Byte layout of the decision table (docs/table-format.md is the prose version of this file).
 * Every number is little-endian and fixed width; every collection is a flat array of fixed-size
 * records addressed by index, so an AssemblyScript reader (issue 6) mirrors it with plain loads.
 * This file imports nothing: the runtime decoder depends on it.
 */

/** "MRTB" — MeshRoute TaBle. */
export const MAGIC = 0x4254524d;
/** Bumped on any change an older reader would misread. Readers reject other versions. */
export const FORMAT_VERSION = 1;
export const HEADER_SIZE = 24;
/** Header field offsets. */
export const H_MAGIC = 0;
export const H_VERSION = 4;
export const H_HEADER_SIZE = 6;
export const H_FLAGS = 8;
export const H_TOTAL_LENGTH = 12;
export const H_CHECKSUM = 16;
export const H_SECTION_COUNT = 20;
/** No table-level flag is defined yet; a reader rejects unknown bits (they would change meaning). */
export const KNOWN_FLAGS = 0;

export const DIR_ENTRY_SIZE = 12;
/** Directory entry fields (u32 each): section kind, offset, length. */
export const D_KIND = 0;
export const D_OFFSET = 4;
export const D_LENGTH = 8;
/** Sections start on 4-byte boundaries so a WASM reader can use aligned loads. */
export const SECTION_ALIGN = 4;
/**
 * Upper bound on sections: the directory must stay small to validate; 64 leaves room for every
 * section kind foreseen (issue 5 adds endpoints) many times over.
 */
export const MAX_SECTIONS = 64;

/** Section kinds. Readers skip kinds they do not know, so later issues can add sections. */
export enum SectionKind {
  strings = 1,
  routers = 2,
  listeners = 3,
  groups = 4,
  vhosts = 5,
  nodes = 6,
  lists = 7,
  routes = 8,
  predicates = 9,
  ranges = 10,
  targets = 11,
  regex = 12,
  // Router stage (issue 5). Optional: all five present together, or none (a gateway-only table).
  services = 13,
  vnodes = 14,
  nodeListeners = 15,
  attributes = 16,
  policies = 17,
}
export type SectionKindName = keyof typeof SectionKind;
/** Every kind this version requires exactly once, in file order (regex last: its size is engine-specific). */
export const REQUIRED_SECTIONS: readonly SectionKindName[] = [
  'strings', 'routers', 'listeners', 'groups', 'vhosts', 'nodes', 'lists', 'routes', 'predicates', 'ranges', 'targets', 'regex',
];

/** The router-stage sections: a table has all of them (in this order, after regex) or none. */
export const MESH_SECTIONS: readonly SectionKindName[] = ['services', 'vnodes', 'nodeListeners', 'attributes', 'policies'];

/** Fixed record sizes (bytes) of the array sections; each array section starts with a u32 count. */
export enum RecordSize {
  routers = 40,
  listeners = 8,
  groups = 16,
  vhosts = 24,
  nodes = 24,
  lists = 4,
  routes = 48,
  predicates = 16,
  ranges = 16,
  targets = 12,
  services = 12,
  vnodes = 32,
  nodeListeners = 8,
  attributes = 8,
  policies = 8,
}
/**
 * Byte offset and width of every field of every record, in byte order (docs/table-format.md). The JS
 * decoder reads the fields in this order through one cursor; the AssemblyScript reader loads them by
 * these offsets, as constants generated from this object (scripts/gen-wasm-layout.ts →
 * wasm/assembly/table/layout.ts; test/table/layout-fields.test.ts checks both). Widths are bytes;
 * a field missing from a record's offsets is reserved.
 */
export const RECORD_FIELDS = {
  routers: { kind: [0, 4], name: [4, 4], mesh: [8, 4], flags: [12, 4], firstRoute: [16, 4], routeCount: [20, 4], firstGroup: [24, 4], groupCount: [28, 4], firstListener: [32, 4], listenerCount: [36, 4] },
  listeners: { port: [0, 4], protocol: [4, 4] },
  groups: { port: [0, 4], protocol: [4, 4], firstVhost: [8, 4], vhostCount: [12, 4] },
  vhosts: { kind: [0, 4], host: [4, 4], firstNode: [8, 4], nodeCount: [12, 4], otherStart: [16, 4], otherCount: [20, 4] },
  nodes: { labelStart: [0, 4], labelLength: [4, 2], childCount: [6, 2], firstChild: [8, 4], prefixStart: [12, 4], exactStart: [16, 4], prefixCount: [20, 2], exactCount: [22, 2] },
  routes: {
    name: [0, 4], protocol: [4, 1], pathKind: [5, 1], hostKind: [6, 1], method: [7, 1], priority: [8, 2], port: [10, 2], path: [12, 4], pathRegex: [16, 4], host: [20, 4],
    firstPredicate: [24, 4], predicateCount: [28, 2], targetCount: [30, 2], firstTarget: [32, 4], prefixRewrite: [36, 1], scheme: [37, 1], flags: [39, 1], prefixValue: [40, 4], pathRewrite: [44, 4],
  },
  predicates: { kind: [0, 1], op: [1, 1], invert: [2, 1], name: [4, 4], value: [8, 4], aux: [12, 4] },
  lists: { rank: [0, 4] },
  ranges: { start: [0, 8], end: [8, 8] },
  targets: { virtualService: [0, 4], port: [4, 4], weight: [8, 4] },
  services: { name: [0, 4], providerKind: [4, 4], provider: [8, 4] },
  vnodes: { name: [0, 4], discovery: [4, 4], host: [8, 4], service: [12, 4], firstAttribute: [16, 4], attributeCount: [20, 4], firstListener: [24, 4], listenerCount: [28, 4] },
  nodeListeners: { port: [0, 4], protocol: [4, 4] },
  attributes: { key: [0, 4], value: [4, 4] },
  policies: { timeout: [0, 4], retryPolicy: [4, 4] },
} as const satisfies Record<keyof typeof RecordSize, Record<string, readonly [number, 1 | 2 | 4 | 8]>>;

/** Blob sections (strings, regex) start with a u32 count then count × {u32 offset, u32 length}. */
export const BLOB_ENTRY_SIZE = 8;
/** Blob entry fields (u32 each), relative to the blob. */
export const BLOB_OFFSET = 0;
export const BLOB_LENGTH = 4;

/** "No value" in a u32 reference field. */
export const NONE = 0xffffffff;
/** "Priority not set" in the u16 priority field (App Mesh priorities are 0..1000). */
export const PRIORITY_UNSET = 0xffff;
/** Largest priority App Mesh accepts; unset ranks after it (DESIGN §2 rule 2). */
export const MAX_PRIORITY = 1000;
/** u16 count fields (node list counts, child counts, predicate / target counts). */
export const MAX_U16 = 0xffff;

export enum RouterKind { gateway = 1, virtualRouter = 2 }
/** Router flag bit: hostnames select a virtual host first (else hostname is a plain criterion). */
export const ROUTER_FLAG_VIRTUAL_HOST = 1;
export const KNOWN_ROUTER_FLAGS = ROUTER_FLAG_VIRTUAL_HOST;

export const Protocol = { http: 1, http2: 2, grpc: 3, tcp: 4 } as const;
export type ProtocolName = keyof typeof Protocol;
export const PROTOCOL_NAMES: readonly (ProtocolName | null)[] = [null, 'http', 'http2', 'grpc', 'tcp'];

export enum PathKind { none = 0, prefix = 1, exact = 2, regex = 3 }
export const PATH_KIND_NAMES = ['none', 'prefix', 'exact', 'regex'] as const;
export type PathKindName = (typeof PATH_KIND_NAMES)[number];

export enum HostKind { none = 0, exact = 1, suffix = 2 }
export const HOST_KIND_NAMES = ['none', 'exact', 'suffix'] as const;
export type HostKindName = (typeof HOST_KIND_NAMES)[number];

/** Methods by code (0 = no method criterion); the order is the model's HTTP_METHODS. */
export const METHOD_NAMES = [null, 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

export enum PredicateKind { header = 1, query = 2 }
export enum PredicateOp { present = 0, exact = 1, prefix = 2, suffix = 3, regex = 4, range = 5 }
export const PREDICATE_OP_NAMES = ['present', 'exact', 'prefix', 'suffix', 'regex', 'range'] as const;
export type PredicateOpName = (typeof PREDICATE_OP_NAMES)[number];

/** Prefix-rewrite mode of a route; `default` = no prefix block (App Mesh default applies). */
export enum PrefixRewrite { default = 0, disabled = 1, value = 2, enabled = 3 }
export const PREFIX_REWRITE_NAMES = ['default', 'disabled', 'value', 'enabled'] as const;
/** Route flag bits (route record byte 39). */
export const ROUTE_FLAG_WEIGHTED = 1;
export const ROUTE_FLAG_HOST_REWRITE_DISABLED = 2;
export const KNOWN_ROUTE_FLAGS = ROUTE_FLAG_WEIGHTED | ROUTE_FLAG_HOST_REWRITE_DISABLED;

export enum VhostKind { any = 0, exact = 1, suffix = 2 }
export const VHOST_KIND_NAMES = ['any', 'exact', 'suffix'] as const;

/** Route record byte 37 (router-stage http2 routes): the `scheme` criterion. */
export enum Scheme { none = 0, http = 1, https = 2 }
export const SCHEME_NAMES = [null, 'http', 'https'] as const;

/** Virtual service provider kind (services section). */
export enum ProviderKind { none = 0, virtualNode = 1, virtualRouter = 2 }
/** Virtual node service discovery kind (vnodes section). */
export enum DiscoveryKind { none = 0, dns = 1, cloudMap = 2 }

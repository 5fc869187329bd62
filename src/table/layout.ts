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
/** Blob sections (strings, regex) start with a u32 count then count × {u32 offset, u32 length}. */
export const BLOB_ENTRY_SIZE = 8;

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

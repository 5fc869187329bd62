/**
 * decodeTable: bytes → DecodedTable. The bytes are untrusted: every offset, length, count and index
 * is checked before use, so corrupt input gives a TableFormatError (code + byte offset) — never an
 * out-of-bounds read, a hang or a bare exception. Work is linear in the table size.
 * Imports only ../errors.js and this folder's layout/crc32/types (the runtime depends on it).
 *
 * Size matters here (the browser runtime's budget, docs/runtime-size.md): records are read field by
 * field through one cursor, and references are checked by a few shared helpers. The order of
 * the checks — which decides the code and offset reported for a table with several faults — is the
 * order docs/table-format.md lists them in and must not change.
 */
import { TableFormatError } from '../errors.js';
import {
  BLOB_ENTRY_SIZE, DIR_ENTRY_SIZE, FORMAT_VERSION, HEADER_SIZE, H_CHECKSUM, H_FLAGS, H_HEADER_SIZE, H_MAGIC,
  H_SECTION_COUNT, H_TOTAL_LENGTH, H_VERSION, KNOWN_FLAGS, KNOWN_ROUTER_FLAGS, KNOWN_ROUTE_FLAGS, MAGIC, MAX_PRIORITY,
  MAX_SECTIONS, METHOD_NAMES, NONE, ProviderKind, DiscoveryKind, Scheme, PathKind, HostKind, PredicateOp, PredicateKind, PrefixRewrite, PRIORITY_UNSET,
  Protocol, RecordSize, RouterKind, SECTION_ALIGN, SectionKind, VhostKind,
} from './layout.js';
import { tableChecksum } from './crc32.js';
import type {
  AttributeRecord, DecodedTable, ListenerRecord, MeshData, PolicyRecord, PredicateRecord, RouteRecord, RouterRecord, SectionEntry, ServiceRecord, TargetRecord, VhostRecord, VnodeRecord,
} from './types.js';

function fail(code: string, message: string, offset: number): never {
  throw new TableFormatError(code, message, offset);
}

export function decodeTable(bytes: Uint8Array): DecodedTable {
  if (!(bytes instanceof Uint8Array)) fail('table-type', 'table must be a Uint8Array', 0);
  const total = bytes.length;
  if (total < HEADER_SIZE) fail('table-truncated', `${total} bytes: shorter than the header`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, total);
  const u32 = (o: number): number => view.getUint32(o, true);

  // ------- header and directory -------
  if (u32(H_MAGIC) !== MAGIC) fail('table-magic', 'bad magic: not a meshroute table', H_MAGIC);
  const version = view.getUint16(H_VERSION, true);
  if (version !== FORMAT_VERSION) fail('table-version', `unsupported table format version ${version}`, H_VERSION);
  if (view.getUint16(H_HEADER_SIZE, true) !== HEADER_SIZE) fail('table-header', 'bad header size', H_HEADER_SIZE);
  const flags = u32(H_FLAGS);
  if ((flags & ~KNOWN_FLAGS) !== 0) fail('table-flags', 'unknown table flags', H_FLAGS);
  if (u32(H_TOTAL_LENGTH) !== total) fail('table-length', `length is not ${total}`, H_TOTAL_LENGTH);
  const checksum = u32(H_CHECKSUM);
  if (tableChecksum(bytes, H_CHECKSUM, total) !== checksum) fail('table-checksum', 'checksum mismatch', H_CHECKSUM);
  const count = u32(H_SECTION_COUNT);
  const dirEnd = HEADER_SIZE + count * DIR_ENTRY_SIZE;
  if (count > MAX_SECTIONS || dirEnd > total) fail('table-directory', `${count} sections`, H_SECTION_COUNT);
  const sections: SectionEntry[] = [];
  for (let e = HEADER_SIZE; e < dirEnd; e += DIR_ENTRY_SIZE) {
    const s = { kind: u32(e), offset: u32(e + 4), length: u32(e + 8) };
    if (s.offset < dirEnd || s.offset % SECTION_ALIGN !== 0 || s.length > total - s.offset) fail('table-directory', `section ${s.kind} outside the data`, e);
    if (sections.some((o) => o.kind === s.kind)) fail('table-section-duplicate', `section ${s.kind} twice`, e);
    sections.push(s);
  }
  const sec = (kind: number): SectionEntry | undefined => sections.find((s) => s.kind === kind);
  for (let k = SectionKind.strings; k <= SectionKind.regex; k++) if (sec(k) === undefined) fail('table-section-missing', `section ${k} missing`, HEADER_SIZE);

  // ------- sections -------
  const base: number[] = [];
  const size: number[] = [];
  const all: unknown[][] = [];
  /** Read cursor of the record readers: g(w) reads the next field (w bytes, unsigned). */
  let p = 0;
  const g = (w = 4): number => {
    const v = w === 1 ? bytes[p]! : w === 2 ? view.getUint16(p, true) : u32(p);
    p += w;
    return v;
  };
  const i64 = (): bigint => ((p += 8), view.getBigInt64(p - 8, true));
  const u32x2 = () => ({ port: g(), protocol: g() });
  /** An array section: u32 count, then count records of RecordSize bytes, each read by `read` (in byte order). */
  const records = <T>(kind: SectionKind, recSize: RecordSize, read: () => T): T[] => {
    const s = sec(kind)!;
    const n = s.length < 4 ? -1 : u32(s.offset);
    size[kind] = recSize;
    base[kind] = s.offset + 4;
    if (n < 0 || n * recSize + 4 !== s.length) fail('table-section-size', `section ${kind}: bad record count`, s.offset);
    const out: T[] = (all[kind] = new Array(n));
    for (let i = 0; i < n; i++) {
      p = s.offset + 4 + i * recSize;
      out[i] = read();
    }
    return out;
  };
  /** A blob section (strings, regex): u32 count, count × {u32 offset, u32 length}, then the blob. */
  const blobs = (kind: number): { blob: number; end: number; entries: { offset: number; length: number }[] } => {
    const s = sec(kind)!;
    const n = s.length < 4 ? -1 : u32(s.offset);
    if (n < 0 || n > (s.length - 4) / BLOB_ENTRY_SIZE) fail('table-section-size', `section ${kind}: bad entry count`, s.offset);
    const blob = s.offset + 4 + n * BLOB_ENTRY_SIZE;
    const end = s.offset + s.length;
    const entries = new Array(n);
    // Entries in order without overlap: each blob byte belongs to at most one entry, so decoding the
    // strings and validating the automata is linear in the table size (aliased entries were not).
    for (let i = 0, e = s.offset + 4, next = 0; i < n; i++, e += BLOB_ENTRY_SIZE) {
      const off = u32(e);
      const len = u32(e + 4);
      if (off > end - blob || len > end - blob - off) fail('table-index', `entry ${i} outside its blob`, e);
      if (off < next) fail('table-layout', `entry ${i} overlaps the previous one`, e);
      next = off + len;
      entries[i] = { offset: blob + off, length: len };
    }
    return { blob, end, entries };
  };

  const str = blobs(SectionKind.strings);
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  const strings = str.entries.map((e) => {
    try {
      return utf8.decode(bytes.subarray(e.offset, e.offset + e.length));
    } catch {
      return fail('table-utf8', 'string is not valid UTF-8', e.offset);
    }
  });
  const regex = blobs(SectionKind.regex);
  const d = {
    version, flags, totalLength: total, checksum, sections, strings,
    stringBlobOffset: str.blob,
    stringOffsets: Uint32Array.from(str.entries, (e) => e.offset - str.blob),
    regexRanges: regex.entries,
    regexes: regex.entries.map((e) => bytes.subarray(e.offset, e.offset + e.length)),
    bytes,
  } as DecodedTable;
  // Field by field, in byte order (docs/table-format.md); `p++` skips a reserved byte.
  d.routers = records(SectionKind.routers, RecordSize.routers, () => ({ kind: g(), name: g(), mesh: g(), flags: g(), firstRoute: g(), routeCount: g(), firstGroup: g(), groupCount: g(), firstListener: g(), listenerCount: g() }));
  d.listeners = records(SectionKind.listeners, RecordSize.listeners, u32x2);
  d.groups = records(SectionKind.groups, RecordSize.groups, () => ({ port: g(), protocol: g(), firstVhost: g(), vhostCount: g() }));
  d.vhosts = records(SectionKind.vhosts, RecordSize.vhosts, () => ({ kind: g(), host: g(), firstNode: g(), nodeCount: g(), otherStart: g(), otherCount: g() }));
  d.nodes = records(SectionKind.nodes, RecordSize.nodes, () => ({ labelStart: g(), labelLength: g(2), childCount: g(2), firstChild: g(), prefixStart: g(), exactStart: g(), prefixCount: g(2), exactCount: g(2) }));
  d.lists = records(SectionKind.lists, RecordSize.lists, g);
  d.routes = records(SectionKind.routes, RecordSize.routes, () => ({
    name: g(), protocol: g(1), pathKind: g(1), hostKind: g(1), method: g(1), priority: g(2), port: g(2), path: g(), pathRegex: g(), host: g(),
    firstPredicate: g(), predicateCount: g(2), targetCount: g(2), firstTarget: g(), prefixRewrite: g(1), scheme: g(1), flags: (p++, g(1)), prefixValue: g(), pathRewrite: g(),
  }));
  d.predicates = records(SectionKind.predicates, RecordSize.predicates, () => ({ kind: g(1), op: g(1), invert: g(1) !== 0, name: (p++, g()), value: g(), aux: g() }));
  d.ranges = records(SectionKind.ranges, RecordSize.ranges, () => ({ start: i64(), end: i64() }));
  d.targets = records(SectionKind.targets, RecordSize.targets, () => ({ virtualService: g(), port: g(), weight: g() }));
  // The router-stage sections: all present (a two-stage table) or none (gateway-only).
  let meshCount = 0;
  for (let k = SectionKind.services; k <= SectionKind.policies; k++) if (sec(k)) meshCount++;
  if (meshCount > 0 && meshCount < 5) fail('table-section-missing', 'router-stage sections must all be present', HEADER_SIZE);
  const mesh: MeshData | null = meshCount === 0 ? null : {
    services: records(SectionKind.services, RecordSize.services, () => ({ name: g(), providerKind: g(), provider: g() })),
    vnodes: records(SectionKind.vnodes, RecordSize.vnodes, () => ({ name: g(), discovery: g(), host: g(), service: g(), firstAttribute: g(), attributeCount: g(), firstListener: g(), listenerCount: g() })),
    nodeListeners: records(SectionKind.nodeListeners, RecordSize.nodeListeners, u32x2),
    attributes: records(SectionKind.attributes, RecordSize.attributes, () => ({ key: g(), value: g() })),
    policies: records(SectionKind.policies, RecordSize.policies, () => ({ timeout: g(), retryPolicy: g() })),
  };
  d.mesh = mesh;
  validate(d, base, size, all, str.end - str.blob, u32);
  return d;
}

// ------- cross-references -------

/**
 * Layout: every range a record references (a route's predicates and targets, a router's routes /
 * groups / listeners, a group's vhosts, a vhost's nodes, every non-empty rank list, a node's
 * attributes and listeners) must start exactly where the previous one of its kind ended — the order
 * the encoder writes them in. So each record is referenced, and checked, exactly once: validation
 * stays linear in the table size even for hostile tables whose references all point at one huge range.
 */
function validate(d: DecodedTable, base: number[], size: number[], all: unknown[][], blobLength: number, u32: (o: number) => number): void {
  const at = (kind: number, i: number): number => base[kind]! + i * size[kind]!;
  /** Calls fn(record, its byte offset) for each record of section `kind`. */
  const each = <T>(kind: number, fn: (r: T, o: number) => void): void => all[kind]!.forEach((r, i) => fn(r as T, at(kind, i)));
  /** Next expected first index per section kind (the layout cursors). */
  const cursor: number[] = new Array(18).fill(0);
  const nStr = d.strings.length;
  /** The string field at byte `where` (or string `i`, when the error is reported elsewhere): a string, or NONE if optional. */
  const str = (where: number, optional: boolean, i = u32(where)): void => {
    if (i === NONE ? !optional : i >= nStr) fail('table-index', `string ${i} out of range`, where);
  };
  /** The string field at byte `where`: NONE exactly when `none` (else a string). */
  const strIff = (where: number, none: boolean): void => {
    str(where, none);
    if (none && u32(where) !== NONE) fail('table-value', 'unexpected string', where);
  };
  /** Records [first, first + count) of section `kind` exist. */
  const range = (kind: number, first: number, count: number, where: number): void => {
    const total = all[kind]!.length;
    if (first > total || count > total - first) fail('table-index', `range [${first}, +${count}) out of ${total}`, where);
  };
  /** range() plus the layout rule. */
  const tile = (kind: number, first: number, count: number, where: number): void => {
    range(kind, first, count, where);
    if (first !== cursor[kind]) fail('table-layout', `section ${kind} range not at ${cursor[kind]}`, where);
    cursor[kind] += count;
  };
  /** Every record of section `kind` was in some range. */
  const referenced = (kind: number): void => {
    const n = all[kind]!.length - cursor[kind]!;
    if (n !== 0) fail('table-layout', `${n} records of section ${kind} not referenced`, HEADER_SIZE);
  };
  const value = (bad: boolean, what: string, where: number): void => {
    if (bad) fail('table-value', `bad ${what}`, where);
  };
  /** A port outside 1–65535 or a protocol outside http..`max`. */
  const badPort = (l: { port: number; protocol: number }, max: number = Protocol.tcp): boolean => l.protocol < Protocol.http || l.protocol > max || l.port < 1 || l.port > 0xffff;
  // tcp routes and groups belong to virtual routers, which only two-stage tables hold (the WASM reader agrees).
  const maxProtocol = d.mesh === null ? Protocol.grpc : Protocol.tcp;
  const { routes, lists, nodes } = d;

  each<ListenerRecord>(SectionKind.listeners, (l, o) => value(badPort(l), 'listener', o));
  each<RouteRecord>(SectionKind.routes, (r, o) => {
    str(o, false);
    value(r.protocol < Protocol.http || r.protocol > maxProtocol, 'route protocol', o + 4);
    value(r.protocol === Protocol.tcp && (r.pathKind !== PathKind.none || r.hostKind !== HostKind.none || r.method !== 0 || r.predicateCount !== 0 || r.scheme !== Scheme.none), 'tcp route criteria', o + 4);
    value(r.scheme > Scheme.https, 'scheme', o + 37);
    value(r.pathKind > PathKind.regex, 'path kind', o + 5);
    strIff(o + 12, r.pathKind === PathKind.none);
    if (r.pathKind === PathKind.regex ? r.pathRegex >= d.regexes.length : r.pathRegex !== NONE) fail('table-index', 'bad path regex', o + 16);
    value(r.hostKind > HostKind.suffix, 'host kind', o + 6);
    strIff(o + 20, r.hostKind === HostKind.none);
    value(r.method >= METHOD_NAMES.length, 'method', o + 7);
    value(r.priority > MAX_PRIORITY && r.priority !== PRIORITY_UNSET, 'priority', o + 8);
    range(SectionKind.predicates, r.firstPredicate, r.predicateCount, o + 24);
    range(SectionKind.targets, r.firstTarget, r.targetCount, o + 32);
    value(r.prefixRewrite > PrefixRewrite.enabled, 'prefix rewrite', o + 36);
    if ((r.flags & ~KNOWN_ROUTE_FLAGS) !== 0) fail('table-flags', 'unknown route flags', o + 39);
    str(o + 40, r.prefixRewrite !== PrefixRewrite.value);
    str(o + 44, true);
    tile(SectionKind.predicates, r.firstPredicate, r.predicateCount, o + 24);
    tile(SectionKind.targets, r.firstTarget, r.targetCount, o + 32);
  });
  each<PredicateRecord>(SectionKind.predicates, (p, o) => {
    str(o + 4, false);
    value(p.kind !== PredicateKind.header && p.kind !== PredicateKind.query, 'predicate kind', o);
    value(p.op > PredicateOp.range, 'predicate op', o + 1);
    value(p.kind === PredicateKind.query && p.op !== PredicateOp.exact && p.op !== PredicateOp.present, 'query predicate op', o + 1);
    strIff(o + 8, p.op === PredicateOp.present || p.op === PredicateOp.range);
    const auxLimit = p.op === PredicateOp.regex ? d.regexes.length : p.op === PredicateOp.range ? d.ranges.length : -1;
    if (auxLimit < 0 ? p.aux !== NONE : p.aux >= auxLimit) fail('table-index', 'bad regex/range index', o + 12);
  });
  each<TargetRecord>(SectionKind.targets, (t, o) => {
    str(o, false);
    value(t.port > 0xffff, 'target port', o);
  });

  /** A list of route ranks: each rank < the router's route count, strictly ascending. */
  const list = (start: number, count: number, routeCount: number, where: number): void => {
    if (count === 0) return;
    tile(SectionKind.lists, start, count, where);
    for (let i = start, prev = -1; i < start + count; prev = lists[i++]!) {
      if (lists[i]! >= routeCount || lists[i]! <= prev) fail('table-list-order', 'route list not ascending or out of range', where);
    }
  };
  /**
   * A trie must be laid out breadth-first with contiguous children: node i's children start exactly
   * where the previous nodes' children end, after i. That makes it a tree (no cycles, no sharing),
   * reachable from its root, and checkable in one pass.
   */
  const trie = (vh: VhostRecord, router: RouterRecord): void => {
    const first = vh.firstNode;
    const end = first + vh.nodeCount;
    const firstByte = (c: number): number => (nodes[c]!.labelLength > 0 && nodes[c]!.labelStart < blobLength ? d.bytes[d.stringBlobOffset + nodes[c]!.labelStart]! : -1);
    let next = first + 1;
    for (let i = first; i < end; i++) {
      const n = nodes[i]!;
      const o = at(SectionKind.nodes, i);
      if (n.firstChild !== next || n.firstChild <= i || n.childCount > end - next) fail('table-trie', 'trie not breadth-first', o);
      next += n.childCount;
      if ((i === first) !== (n.labelLength === 0)) fail('table-trie', 'empty label off the root', o);
      if (n.labelStart > blobLength || n.labelLength > blobLength - n.labelStart) fail('table-index', 'label outside the string blob', o);
      for (let c = n.firstChild, prev = -1; c < next; prev = firstByte(c++)) if (firstByte(c) <= prev) fail('table-trie', 'children not sorted', o);
      list(n.prefixStart, n.prefixCount, router.routeCount, o + 12);
      list(n.exactStart, n.exactCount, router.routeCount, o + 16);
    }
    if (vh.nodeCount > 0 && next !== end) fail('table-trie', 'unreachable trie nodes', at(SectionKind.nodes, first));
  };

  each<RouterRecord>(SectionKind.routers, (r, o) => {
    value(r.kind !== RouterKind.gateway && r.kind !== RouterKind.virtualRouter, 'router kind', o);
    if ((r.flags & ~KNOWN_ROUTER_FLAGS) !== 0) fail('table-flags', 'unknown router flags', o);
    str(o, false, r.name);
    str(o, false, r.mesh);
    range(SectionKind.routes, r.firstRoute, r.routeCount, o);
    range(SectionKind.groups, r.firstGroup, r.groupCount, o);
    range(SectionKind.listeners, r.firstListener, r.listenerCount, o);
    tile(SectionKind.routes, r.firstRoute, r.routeCount, o + 16);
    tile(SectionKind.groups, r.firstGroup, r.groupCount, o + 24);
    tile(SectionKind.listeners, r.firstListener, r.listenerCount, o + 32);
    for (let g = r.firstGroup; g < r.firstGroup + r.groupCount; g++) {
      const grp = d.groups[g]!;
      const go = at(SectionKind.groups, g);
      value(badPort(grp, maxProtocol), 'group', go);
      range(SectionKind.vhosts, grp.firstVhost, grp.vhostCount, go);
      tile(SectionKind.vhosts, grp.firstVhost, grp.vhostCount, go + 8);
      for (let v = grp.firstVhost; v < grp.firstVhost + grp.vhostCount; v++) {
        const vh = d.vhosts[v]!;
        const vo = at(SectionKind.vhosts, v);
        value(vh.kind > VhostKind.suffix, 'vhost kind', vo);
        strIff(vo + 4, vh.kind === VhostKind.any);
        tile(SectionKind.nodes, vh.firstNode, vh.nodeCount, vo + 8);
        list(vh.otherStart, vh.otherCount, r.routeCount, vo + 16);
        trie(vh, r);
      }
    }
  });
  for (let k: number = SectionKind.listeners; k <= SectionKind.targets; k++) if (k !== SectionKind.ranges) referenced(k);

  // Router-stage sections: references in range, enums known, attributes and node listeners tiled by the nodes in order.
  const m = d.mesh;
  if (m === null) return;
  each<ServiceRecord>(SectionKind.services, (s, o) => {
    str(o, false);
    value(s.providerKind > ProviderKind.virtualRouter, 'provider kind', o + 4);
    strIff(o + 8, s.providerKind === ProviderKind.none);
  });
  each<VnodeRecord>(SectionKind.vnodes, (n, o) => {
    str(o, false);
    value(n.discovery > DiscoveryKind.cloudMap, 'service discovery kind', o + 4);
    strIff(o + 8, n.discovery === DiscoveryKind.none);
    strIff(o + 12, n.discovery !== DiscoveryKind.cloudMap);
    tile(SectionKind.attributes, n.firstAttribute, n.attributeCount, o + 16);
    tile(SectionKind.nodeListeners, n.firstListener, n.listenerCount, o + 24);
  });
  referenced(SectionKind.attributes);
  referenced(SectionKind.nodeListeners);
  each<ListenerRecord>(SectionKind.nodeListeners, (l, o) => value(badPort(l), 'node listener', o));
  each<AttributeRecord>(SectionKind.attributes, (a, o) => {
    str(o, false);
    str(o + 4, false);
  });
  if (m.policies.length !== routes.length) fail('table-section-size', `${m.policies.length} policy records for ${routes.length} routes`, base[SectionKind.policies]! - 4);
  each<PolicyRecord>(SectionKind.policies, (p, o) => {
    str(o, true);
    str(o + 4, true);
  });
}

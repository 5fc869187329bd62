/**
 * decodeTable: bytes → DecodedTable. The bytes are untrusted: every offset, length, count and index
 * is checked before use, so corrupt input gives a TableFormatError (code + byte offset) — never an
 * out-of-bounds read, a hang or a bare exception. Work is linear in the table size.
 * Imports only ../errors.js and this folder's layout/crc32/types (the runtime depends on it).
 */
import { TableFormatError } from '../errors.js';
import {
  BLOB_ENTRY_SIZE, DIR_ENTRY_SIZE, FORMAT_VERSION, HEADER_SIZE, H_CHECKSUM, H_FLAGS, H_HEADER_SIZE, H_MAGIC,
  H_SECTION_COUNT, H_TOTAL_LENGTH, H_VERSION, KNOWN_FLAGS, KNOWN_ROUTER_FLAGS, KNOWN_ROUTE_FLAGS, MAGIC, MAX_PRIORITY,
  MAX_SECTIONS, MESH_SECTIONS, METHOD_NAMES, NONE, ProviderKind, DiscoveryKind, Scheme, PathKind, HostKind, PredicateOp, PredicateKind, PrefixRewrite, PRIORITY_UNSET,
  Protocol, RecordSize, REQUIRED_SECTIONS, RouterKind, SECTION_ALIGN, SectionKind, VhostKind,
  type SectionKindName,
} from './layout.js';
import { tableChecksum } from './crc32.js';
import type {
  DecodedTable, GroupRecord, MeshData, NodeRecord, PredicateRecord, RouteRecord, RouterRecord, SectionEntry, VhostRecord, VnodeRecord,
} from './types.js';

function fail(code: string, message: string, offset: number): never {
  throw new TableFormatError(code, message, offset);
}

export function decodeTable(bytes: Uint8Array): DecodedTable {
  if (!(bytes instanceof Uint8Array)) fail('table-type', 'table must be a Uint8Array', 0);
  if (bytes.length < HEADER_SIZE) fail('table-truncated', `table has ${bytes.length} bytes, header needs ${HEADER_SIZE}`, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const header = readHeader(view, bytes);
  const sections = readDirectory(view, header.sectionCount, bytes.length);
  const at = (name: SectionKindName): SectionEntry => sections.find((s) => s.kind === SectionKind[name])!;

  const stringsSec = readBlobs(view, at('strings'), 'strings');
  const strings = decodeStrings(bytes, stringsSec);
  const regexSec = readBlobs(view, at('regex'), 'regex');
  const d: DecodedTable = {
    version: header.version,
    flags: header.flags,
    totalLength: header.total,
    checksum: header.checksum,
    sections,
    strings,
    stringBlobOffset: stringsSec.blobOffset,
    stringOffsets: Uint32Array.from(stringsSec.entries.map((e) => e.offset - stringsSec.blobOffset)),
    regexRanges: regexSec.entries,
    regexes: regexSec.entries.map((e) => bytes.subarray(e.offset, e.offset + e.length)),
    routers: readRecords(view, at('routers'), RecordSize.routers, readRouter),
    listeners: readRecords(view, at('listeners'), RecordSize.listeners, (v, o) => ({ port: v.getUint32(o, true), protocol: v.getUint32(o + 4, true) })),
    groups: readRecords(view, at('groups'), RecordSize.groups, readGroup),
    vhosts: readRecords(view, at('vhosts'), RecordSize.vhosts, readVhost),
    nodes: readRecords(view, at('nodes'), RecordSize.nodes, readNode),
    lists: readRecords(view, at('lists'), RecordSize.lists, (v, o) => v.getUint32(o, true)),
    routes: readRecords(view, at('routes'), RecordSize.routes, readRoute),
    predicates: readRecords(view, at('predicates'), RecordSize.predicates, readPredicate),
    ranges: readRecords(view, at('ranges'), RecordSize.ranges, (v, o) => ({ start: v.getBigInt64(o, true), end: v.getBigInt64(o + 8, true) })),
    targets: readRecords(view, at('targets'), RecordSize.targets, (v, o) => ({ virtualService: v.getUint32(o, true), port: v.getUint32(o + 4, true), weight: v.getUint32(o + 8, true) })),
    mesh: readMesh(view, sections),
    bytes,
  };
  validateReferences(d, sections);
  return d;
}

/** The router-stage sections: all present (a two-stage table) or none (gateway-only). */
function readMesh(view: DataView, sections: SectionEntry[]): MeshData | null {
  const present = MESH_SECTIONS.filter((n) => sections.some((s) => s.kind === SectionKind[n]));
  if (present.length === 0) return null;
  if (present.length !== MESH_SECTIONS.length) fail('table-section-missing', `router-stage sections must all be present (found ${present.join(', ')})`, HEADER_SIZE);
  const at = (name: SectionKindName): SectionEntry => sections.find((s) => s.kind === SectionKind[name])!;
  const u = (v: DataView, o: number, i: number): number => v.getUint32(o + 4 * i, true);
  return {
    services: readRecords(view, at('services'), RecordSize.services, (v, o) => ({ name: u(v, o, 0), providerKind: u(v, o, 1), provider: u(v, o, 2) })),
    vnodes: readRecords(view, at('vnodes'), RecordSize.vnodes, (v, o): VnodeRecord => ({
      name: u(v, o, 0), discovery: u(v, o, 1), host: u(v, o, 2), service: u(v, o, 3),
      firstAttribute: u(v, o, 4), attributeCount: u(v, o, 5), firstListener: u(v, o, 6), listenerCount: u(v, o, 7),
    })),
    nodeListeners: readRecords(view, at('nodeListeners'), RecordSize.nodeListeners, (v, o) => ({ port: u(v, o, 0), protocol: u(v, o, 1) })),
    attributes: readRecords(view, at('attributes'), RecordSize.attributes, (v, o) => ({ key: u(v, o, 0), value: u(v, o, 1) })),
    policies: readRecords(view, at('policies'), RecordSize.policies, (v, o) => ({ timeout: u(v, o, 0), retryPolicy: u(v, o, 1) })),
  };
}

// ------- header and directory -------

interface Header { version: number; flags: number; total: number; checksum: number; sectionCount: number }

function readHeader(view: DataView, bytes: Uint8Array): Header {
  if (view.getUint32(H_MAGIC, true) !== MAGIC) fail('table-magic', 'not a meshroute table (bad magic)', H_MAGIC);
  const version = view.getUint16(H_VERSION, true);
  if (version !== FORMAT_VERSION) fail('table-version', `unsupported table format version ${version} (this reader: ${FORMAT_VERSION})`, H_VERSION);
  if (view.getUint16(H_HEADER_SIZE, true) !== HEADER_SIZE) fail('table-header', 'unexpected header size', H_HEADER_SIZE);
  const flags = view.getUint32(H_FLAGS, true);
  if ((flags & ~KNOWN_FLAGS) !== 0) fail('table-flags', `unknown table flags 0x${flags.toString(16)}`, H_FLAGS);
  const total = view.getUint32(H_TOTAL_LENGTH, true);
  if (total !== bytes.length) fail('table-length', `header says ${total} bytes, got ${bytes.length}`, H_TOTAL_LENGTH);
  const checksum = view.getUint32(H_CHECKSUM, true);
  if (tableChecksum(bytes, H_CHECKSUM, total) !== checksum) fail('table-checksum', 'checksum mismatch (corrupt or truncated table)', H_CHECKSUM);
  const sectionCount = view.getUint32(H_SECTION_COUNT, true);
  return { version, flags, total, checksum, sectionCount };
}

function readDirectory(view: DataView, count: number, total: number): SectionEntry[] {
  if (count > MAX_SECTIONS) fail('table-directory', `${count} sections (max ${MAX_SECTIONS})`, H_SECTION_COUNT);
  const dirEnd = HEADER_SIZE + count * DIR_ENTRY_SIZE;
  if (dirEnd > total) fail('table-directory', 'section directory runs past the end', H_SECTION_COUNT);
  const out: SectionEntry[] = [];
  for (let i = 0; i < count; i++) {
    const e = HEADER_SIZE + i * DIR_ENTRY_SIZE;
    const s = { kind: view.getUint32(e, true), offset: view.getUint32(e + 4, true), length: view.getUint32(e + 8, true) };
    if (s.offset < dirEnd || s.offset % SECTION_ALIGN !== 0 || s.length > total - s.offset) {
      fail('table-directory', `section ${s.kind} [${s.offset}, +${s.length}) outside the data`, e);
    }
    if (out.some((o) => o.kind === s.kind)) fail('table-section-duplicate', `section ${s.kind} appears twice`, e);
    out.push(s);
  }
  for (const name of REQUIRED_SECTIONS) {
    if (!out.some((s) => s.kind === SectionKind[name])) fail('table-section-missing', `required section ${name} missing`, HEADER_SIZE);
  }
  return out;
}

// ------- sections -------

function readRecords<T>(view: DataView, s: SectionEntry, size: number, read: (v: DataView, at: number) => T): T[] {
  if (s.length < 4) fail('table-section-size', `section ${s.kind} too short for its count`, s.offset);
  const count = view.getUint32(s.offset, true);
  if (count * size + 4 !== s.length) fail('table-section-size', `section ${s.kind}: ${count} records of ${size} bytes do not fill ${s.length} bytes`, s.offset);
  const out: T[] = new Array(count);
  for (let i = 0; i < count; i++) out[i] = read(view, s.offset + 4 + i * size);
  return out;
}

interface Blobs { blobOffset: number; blobLength: number; entries: { offset: number; length: number }[] }

function readBlobs(view: DataView, s: SectionEntry, what: string): Blobs {
  if (s.length < 4) fail('table-section-size', `${what} section too short`, s.offset);
  const count = view.getUint32(s.offset, true);
  if (count > (s.length - 4) / BLOB_ENTRY_SIZE) fail('table-section-size', `${what}: ${count} entries do not fit`, s.offset);
  const blobOffset = s.offset + 4 + count * BLOB_ENTRY_SIZE;
  const blobLength = s.offset + s.length - blobOffset;
  const entries: { offset: number; length: number }[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const e = s.offset + 4 + i * BLOB_ENTRY_SIZE;
    const off = view.getUint32(e, true);
    const len = view.getUint32(e + 4, true);
    if (off > blobLength || len > blobLength - off) fail('table-index', `${what} ${i} outside its blob`, e);
    entries[i] = { offset: blobOffset + off, length: len };
  }
  return { blobOffset, blobLength, entries };
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function decodeStrings(bytes: Uint8Array, blobs: Blobs): string[] {
  return blobs.entries.map((e) => {
    try {
      return UTF8.decode(bytes.subarray(e.offset, e.offset + e.length));
    } catch {
      return fail('table-utf8', 'string is not valid UTF-8', e.offset);
    }
  });
}

function readRouter(v: DataView, o: number): RouterRecord {
  const f = (i: number): number => v.getUint32(o + 4 * i, true);
  return { kind: f(0), name: f(1), mesh: f(2), flags: f(3), firstRoute: f(4), routeCount: f(5), firstGroup: f(6), groupCount: f(7), firstListener: f(8), listenerCount: f(9) };
}
function readGroup(v: DataView, o: number): GroupRecord {
  return { port: v.getUint32(o, true), protocol: v.getUint32(o + 4, true), firstVhost: v.getUint32(o + 8, true), vhostCount: v.getUint32(o + 12, true) };
}
function readVhost(v: DataView, o: number): VhostRecord {
  const f = (i: number): number => v.getUint32(o + 4 * i, true);
  return { kind: f(0), host: f(1), firstNode: f(2), nodeCount: f(3), otherStart: f(4), otherCount: f(5) };
}
function readNode(v: DataView, o: number): NodeRecord {
  return {
    labelStart: v.getUint32(o, true), labelLength: v.getUint16(o + 4, true), childCount: v.getUint16(o + 6, true),
    firstChild: v.getUint32(o + 8, true), prefixStart: v.getUint32(o + 12, true), exactStart: v.getUint32(o + 16, true),
    prefixCount: v.getUint16(o + 20, true), exactCount: v.getUint16(o + 22, true),
  };
}
function readRoute(v: DataView, o: number): RouteRecord {
  return {
    name: v.getUint32(o, true), protocol: v.getUint8(o + 4), pathKind: v.getUint8(o + 5), hostKind: v.getUint8(o + 6), method: v.getUint8(o + 7),
    priority: v.getUint16(o + 8, true), port: v.getUint16(o + 10, true), path: v.getUint32(o + 12, true), pathRegex: v.getUint32(o + 16, true),
    host: v.getUint32(o + 20, true), firstPredicate: v.getUint32(o + 24, true), predicateCount: v.getUint16(o + 28, true),
    targetCount: v.getUint16(o + 30, true), firstTarget: v.getUint32(o + 32, true), prefixRewrite: v.getUint8(o + 36), scheme: v.getUint8(o + 37),
    flags: v.getUint8(o + 39), prefixValue: v.getUint32(o + 40, true), pathRewrite: v.getUint32(o + 44, true),
  };
}
function readPredicate(v: DataView, o: number): PredicateRecord {
  return { kind: v.getUint8(o), op: v.getUint8(o + 1), invert: v.getUint8(o + 2) !== 0, name: v.getUint32(o + 4, true), value: v.getUint32(o + 8, true), aux: v.getUint32(o + 12, true) };
}

// ------- cross-references -------

/** Byte offset of record i of an array section (for error reports). */
function recAt(sections: SectionEntry[], name: SectionKindName, size: number, i: number): number {
  const s = sections.find((x) => x.kind === SectionKind[name])!;
  return s.offset + 4 + i * size;
}

/**
 * Layout cursors. Every range a record references (a route's predicates and targets, a router's
 * routes / groups / listeners, a group's vhosts, a vhost's nodes, every non-empty rank list) must
 * start exactly where the previous one of its kind ended — the order the encoder writes them in.
 * So each record is referenced, and checked, exactly once: validation stays linear in the table
 * size even for hostile tables whose references all point at one huge range.
 */
interface Cursors { route: number; group: number; listener: number; vhost: number; node: number; list: number; predicate: number; target: number }

function tile(c: Cursors, kind: keyof Cursors, first: number, count: number, at: number): void {
  if (first !== c[kind]) fail('table-layout', `${kind} range starts at ${first}, expected ${c[kind]} (ranges must follow each other)`, at);
  c[kind] += count;
}

function validateReferences(d: DecodedTable, sections: SectionEntry[]): void {
  const cursors: Cursors = { route: 0, group: 0, listener: 0, vhost: 0, node: 0, list: 0, predicate: 0, target: 0 };
  const nStr = d.strings.length;
  const str = (i: number, where: number, optional: boolean): void => {
    if (i === NONE ? !optional : i >= nStr) fail('table-index', `string index ${i} out of range`, where);
  };
  const range = (first: number, count: number, total: number, what: string, where: number): void => {
    if (first > total || count > total - first) fail('table-index', `${what} [${first}, +${count}) out of range (${total})`, where);
  };
  const protocolOk = (p: number): boolean => p >= Protocol.http && p <= Protocol.tcp;

  d.listeners.forEach((l, i) => {
    if (!protocolOk(l.protocol) || l.port < 1 || l.port > 0xffff) fail('table-value', 'bad listener', recAt(sections, 'listeners', RecordSize.listeners, i));
  });
  d.routes.forEach((r, i) => {
    const at = recAt(sections, 'routes', RecordSize.routes, i);
    validateRoute(d, r, at, str, range);
    tile(cursors, 'predicate', r.firstPredicate, r.predicateCount, at + 24);
    tile(cursors, 'target', r.firstTarget, r.targetCount, at + 32);
  });
  d.predicates.forEach((p, i) => validatePredicate(d, p, recAt(sections, 'predicates', RecordSize.predicates, i), str));
  d.targets.forEach((t, i) => {
    const at = recAt(sections, 'targets', RecordSize.targets, i);
    str(t.virtualService, at, false);
    if (t.port > 0xffff) fail('table-value', 'bad target port', at);
  });
  d.routers.forEach((r, i) => {
    const at = recAt(sections, 'routers', RecordSize.routers, i);
    if (r.kind !== RouterKind.gateway && r.kind !== RouterKind.virtualRouter) fail('table-value', `unknown router kind ${r.kind}`, at);
    if ((r.flags & ~KNOWN_ROUTER_FLAGS) !== 0) fail('table-flags', 'unknown router flags', at);
    str(r.name, at, false);
    str(r.mesh, at, false);
    range(r.firstRoute, r.routeCount, d.routes.length, 'router routes', at);
    range(r.firstGroup, r.groupCount, d.groups.length, 'router groups', at);
    range(r.firstListener, r.listenerCount, d.listeners.length, 'router listeners', at);
    tile(cursors, 'route', r.firstRoute, r.routeCount, at + 16);
    tile(cursors, 'group', r.firstGroup, r.groupCount, at + 24);
    tile(cursors, 'listener', r.firstListener, r.listenerCount, at + 32);
    for (let g = r.firstGroup; g < r.firstGroup + r.groupCount; g++) validateGroup(d, g, r, sections, str, range, cursors);
  });
  const totals: [keyof Cursors, number][] = [
    ['route', d.routes.length], ['group', d.groups.length], ['listener', d.listeners.length], ['vhost', d.vhosts.length],
    ['node', d.nodes.length], ['list', d.lists.length], ['predicate', d.predicates.length], ['target', d.targets.length],
  ];
  for (const [kind, total] of totals) {
    if (cursors[kind] !== total) fail('table-layout', `${total - cursors[kind]} ${kind} records not referenced`, HEADER_SIZE);
  }
  if (d.mesh !== null) validateMesh(d, d.mesh, sections, str, range);
}

/** Router-stage sections: references in range, enums known, attributes and node listeners tiled by the nodes in order. */
function validateMesh(d: DecodedTable, m: MeshData, sections: SectionEntry[], str: StrCheck, range: RangeCheck): void {
  m.services.forEach((s, i) => {
    const at = recAt(sections, 'services', RecordSize.services, i);
    str(s.name, at, false);
    if (s.providerKind > ProviderKind.virtualRouter) fail('table-value', 'bad provider kind', at + 4);
    str(s.provider, at + 8, s.providerKind === ProviderKind.none);
    if (s.providerKind === ProviderKind.none && s.provider !== NONE) fail('table-value', 'provider-less service with a provider', at + 8);
  });
  let attr = 0;
  let lis = 0;
  m.vnodes.forEach((n, i) => {
    const at = recAt(sections, 'vnodes', RecordSize.vnodes, i);
    str(n.name, at, false);
    if (n.discovery > DiscoveryKind.cloudMap) fail('table-value', 'bad service discovery kind', at + 4);
    str(n.host, at + 8, n.discovery === DiscoveryKind.none);
    if (n.discovery === DiscoveryKind.none && n.host !== NONE) fail('table-value', 'node without discovery has a host', at + 8);
    str(n.service, at + 12, n.discovery !== DiscoveryKind.cloudMap);
    if (n.discovery !== DiscoveryKind.cloudMap && n.service !== NONE) fail('table-value', 'only Cloud Map has a service name', at + 12);
    range(n.firstAttribute, n.attributeCount, m.attributes.length, 'node attributes', at + 16);
    if (n.firstAttribute !== attr) fail('table-layout', 'node attributes must follow each other', at + 16);
    attr += n.attributeCount;
    range(n.firstListener, n.listenerCount, m.nodeListeners.length, 'node listeners', at + 24);
    if (n.firstListener !== lis) fail('table-layout', 'node listeners must follow each other', at + 24);
    lis += n.listenerCount;
  });
  if (attr !== m.attributes.length || lis !== m.nodeListeners.length) fail('table-layout', 'node attributes or listeners not referenced', HEADER_SIZE);
  m.nodeListeners.forEach((l, i) => {
    if (l.protocol < Protocol.http || l.protocol > Protocol.tcp || l.port < 1 || l.port > 0xffff) fail('table-value', 'bad node listener', recAt(sections, 'nodeListeners', RecordSize.nodeListeners, i));
  });
  m.attributes.forEach((a, i) => {
    const at = recAt(sections, 'attributes', RecordSize.attributes, i);
    str(a.key, at, false);
    str(a.value, at + 4, false);
  });
  if (m.policies.length !== d.routes.length) fail('table-section-size', `${m.policies.length} policy records for ${d.routes.length} routes`, sections.find((s) => s.kind === SectionKind.policies)!.offset);
  m.policies.forEach((p, i) => {
    const at = recAt(sections, 'policies', RecordSize.policies, i);
    str(p.timeout, at, true);
    str(p.retryPolicy, at + 4, true);
  });
}

type StrCheck = (i: number, where: number, optional: boolean) => void;
type RangeCheck = (first: number, count: number, total: number, what: string, where: number) => void;

function validateRoute(d: DecodedTable, r: RouteRecord, at: number, str: StrCheck, range: RangeCheck): void {
  str(r.name, at, false);
  if (r.protocol < Protocol.http || r.protocol > Protocol.tcp) fail('table-value', `bad route protocol ${r.protocol}`, at + 4);
  if (r.protocol === Protocol.tcp && (r.pathKind !== PathKind.none || r.hostKind !== HostKind.none || r.method !== 0 || r.predicateCount !== 0 || r.scheme !== Scheme.none)) {
    fail('table-value', 'a tcp route matches on port only', at + 4);
  }
  if (r.scheme > Scheme.https) fail('table-value', 'bad scheme', at + 37);
  if (r.pathKind > PathKind.regex) fail('table-value', 'bad path kind', at + 5);
  str(r.path, at + 12, r.pathKind === PathKind.none);
  if (r.pathKind === PathKind.none && r.path !== NONE) fail('table-value', 'path-less route with a path', at + 12);
  if (r.pathKind === PathKind.regex ? r.pathRegex >= d.regexes.length : r.pathRegex !== NONE) fail('table-index', 'bad path regex', at + 16);
  if (r.hostKind > HostKind.suffix) fail('table-value', 'bad host kind', at + 6);
  str(r.host, at + 20, r.hostKind === HostKind.none);
  if (r.hostKind === HostKind.none && r.host !== NONE) fail('table-value', 'host-less route with a host', at + 20);
  if (r.method >= METHOD_NAMES.length) fail('table-value', 'bad method', at + 7);
  if (r.priority > MAX_PRIORITY && r.priority !== PRIORITY_UNSET) fail('table-value', 'bad priority', at + 8);
  range(r.firstPredicate, r.predicateCount, d.predicates.length, 'route predicates', at + 24);
  range(r.firstTarget, r.targetCount, d.targets.length, 'route targets', at + 32);
  if (r.prefixRewrite > PrefixRewrite.enabled) fail('table-value', 'bad prefix rewrite', at + 36);
  if ((r.flags & ~KNOWN_ROUTE_FLAGS) !== 0) fail('table-flags', 'unknown route flags', at + 39);
  str(r.prefixValue, at + 40, r.prefixRewrite !== PrefixRewrite.value);
  str(r.pathRewrite, at + 44, true);
}

function validatePredicate(d: DecodedTable, p: PredicateRecord, at: number, str: StrCheck): void {
  str(p.name, at + 4, false);
  if (p.kind !== PredicateKind.header && p.kind !== PredicateKind.query) fail('table-value', 'bad predicate kind', at);
  if (p.op > PredicateOp.range) fail('table-value', 'bad predicate op', at + 1);
  if (p.kind === PredicateKind.query && p.op !== PredicateOp.exact && p.op !== PredicateOp.present) fail('table-value', 'query predicates are exact or present', at + 1);
  const needsValue = p.op !== PredicateOp.present && p.op !== PredicateOp.range;
  str(p.value, at + 8, !needsValue);
  if (!needsValue && p.value !== NONE) fail('table-value', 'predicate operand not expected', at + 8);
  const auxLimit = p.op === PredicateOp.regex ? d.regexes.length : p.op === PredicateOp.range ? d.ranges.length : -1;
  if (auxLimit < 0 ? p.aux !== NONE : p.aux >= auxLimit) fail('table-index', 'bad predicate regex/range index', at + 12);
}

function validateGroup(d: DecodedTable, g: number, router: RouterRecord, sections: SectionEntry[], str: StrCheck, range: RangeCheck, cursors: Cursors): void {
  const grp = d.groups[g]!;
  const at = recAt(sections, 'groups', RecordSize.groups, g);
  if (grp.protocol < Protocol.http || grp.protocol > Protocol.tcp || grp.port < 1 || grp.port > 0xffff) fail('table-value', 'bad group', at);
  range(grp.firstVhost, grp.vhostCount, d.vhosts.length, 'group vhosts', at);
  tile(cursors, 'vhost', grp.firstVhost, grp.vhostCount, at + 8);
  for (let v = grp.firstVhost; v < grp.firstVhost + grp.vhostCount; v++) {
    const vh = d.vhosts[v]!;
    const vat = recAt(sections, 'vhosts', RecordSize.vhosts, v);
    if (vh.kind > VhostKind.suffix) fail('table-value', 'bad vhost kind', vat);
    str(vh.host, vat + 4, vh.kind === VhostKind.any);
    if (vh.kind === VhostKind.any && vh.host !== NONE) fail('table-value', 'any-vhost with a host', vat + 4);
    range(vh.firstNode, vh.nodeCount, d.nodes.length, 'vhost nodes', vat + 8);
    tile(cursors, 'node', vh.firstNode, vh.nodeCount, vat + 8);
    validateList(d, vh.otherStart, vh.otherCount, router.routeCount, vat + 16, range, cursors);
    validateTrie(d, vh, router, sections, range, cursors);
  }
}

/** A list of route ranks: inside the lists section, each rank < the router's route count, strictly ascending. */
function validateList(d: DecodedTable, start: number, count: number, routeCount: number, at: number, range: RangeCheck, cursors: Cursors): void {
  if (count === 0) return;
  range(start, count, d.lists.length, 'route list', at);
  tile(cursors, 'list', start, count, at);
  let prev = -1;
  for (let i = start; i < start + count; i++) {
    const rank = d.lists[i]!;
    if (rank >= routeCount || rank <= prev) fail('table-list-order', 'route list entry out of range or not ascending', at);
    prev = rank;
  }
}

/**
 * A trie must be laid out breadth-first with contiguous children: node i's children start exactly
 * where the previous nodes' children end, after i. That makes it a tree (no cycles, no sharing),
 * reachable from its root, and checkable in one pass.
 */
function validateTrie(d: DecodedTable, vh: VhostRecord, router: RouterRecord, sections: SectionEntry[], range: RangeCheck, cursors: Cursors): void {
  const first = vh.firstNode;
  const end = first + vh.nodeCount;
  const blobLength = stringBlobLength(d);
  let next = first + 1;
  for (let i = first; i < end; i++) {
    const n = d.nodes[i]!;
    const at = recAt(sections, 'nodes', RecordSize.nodes, i);
    if (n.firstChild !== next || n.firstChild <= i || n.childCount > end - next) fail('table-trie', 'trie is not a breadth-first tree', at);
    next += n.childCount;
    if ((i === first) !== (n.labelLength === 0)) fail('table-trie', 'only a trie root has an empty label', at);
    if (n.labelStart > blobLength || n.labelLength > blobLength - n.labelStart) fail('table-index', 'node label outside the string blob', at);
    let prevByte = -1;
    for (let c = n.firstChild; c < n.firstChild + n.childCount; c++) {
      const child = d.nodes[c]!;
      const b = child.labelLength > 0 && child.labelStart < blobLength ? d.bytes[d.stringBlobOffset + child.labelStart]! : -1;
      if (b <= prevByte) fail('table-trie', 'children not sorted by first label byte', at);
      prevByte = b;
    }
    validateList(d, n.prefixStart, n.prefixCount, router.routeCount, at + 12, range, cursors);
    validateList(d, n.exactStart, n.exactCount, router.routeCount, at + 16, range, cursors);
  }
  if (vh.nodeCount > 0 && next !== end) fail('table-trie', 'unreachable trie nodes', recAt(sections, 'nodes', RecordSize.nodes, first));
}

function stringBlobLength(d: DecodedTable): number {
  const s = d.sections.find((x) => x.kind === SectionKind.strings)!;
  return s.offset + s.length - d.stringBlobOffset;
}

/**
 * encodeTable: TableData → bytes (docs/table-format.md). Deterministic: the same data always gives
 * the same bytes. Build-time only.
 */
import { MeshrouteError } from '../errors.js';
import {
  BLOB_ENTRY_SIZE, DIR_ENTRY_SIZE, FORMAT_VERSION, HEADER_SIZE, H_CHECKSUM, H_FLAGS, H_HEADER_SIZE, H_MAGIC,
  H_SECTION_COUNT, H_TOTAL_LENGTH, H_VERSION, MAGIC, MAX_U16, MESH_SECTIONS, RecordSize, REQUIRED_SECTIONS, SECTION_ALIGN, SectionKind,
  type SectionKindName,
} from './layout.js';
import { tableChecksum } from './crc32.js';
import type { TableData } from './types.js';

const UTF8 = new TextEncoder();

/** Byte offset of each string inside the string blob (strings are concatenated in index order). */
export function stringBlobOffsets(strings: readonly string[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const s of strings) {
    out.push(at);
    at += UTF8.encode(s).length;
  }
  return out;
}

/**
 * `stringBytes`: the UTF-8 of data.strings when the caller already has it (the compiler does), so
 * the strings are not encoded twice.
 */
export function encodeTable(data: TableData, stringBytes?: readonly Uint8Array[]): Uint8Array {
  const names: SectionKindName[] = data.mesh === null ? [...REQUIRED_SECTIONS] : [...REQUIRED_SECTIONS, ...MESH_SECTIONS];
  const bodies = names.map((name) => encodeSection(data, name, stringBytes));
  const dirEnd = HEADER_SIZE + DIR_ENTRY_SIZE * bodies.length;
  let at = align(dirEnd);
  const placed = bodies.map((body) => {
    const offset = at;
    at = align(at + body.length);
    return offset;
  });
  const total = at;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(H_MAGIC, MAGIC, true);
  view.setUint16(H_VERSION, FORMAT_VERSION, true);
  view.setUint16(H_HEADER_SIZE, HEADER_SIZE, true);
  view.setUint32(H_FLAGS, data.flags, true);
  view.setUint32(H_TOTAL_LENGTH, total, true);
  view.setUint32(H_SECTION_COUNT, bodies.length, true);
  names.forEach((name, i) => {
    const entry = HEADER_SIZE + i * DIR_ENTRY_SIZE;
    view.setUint32(entry, SectionKind[name], true);
    view.setUint32(entry + 4, placed[i]!, true);
    view.setUint32(entry + 8, bodies[i]!.length, true);
    out.set(bodies[i]!, placed[i]!);
  });
  view.setUint32(H_CHECKSUM, tableChecksum(out, H_CHECKSUM, total), true);
  return out;
}

function align(n: number): number {
  return Math.ceil(n / SECTION_ALIGN) * SECTION_ALIGN;
}

function encodeSection(d: TableData, name: SectionKindName, stringBytes: readonly Uint8Array[] | undefined): Uint8Array {
  const m = d.mesh ?? { services: [], vnodes: [], nodeListeners: [], attributes: [], policies: [] };
  switch (name) {
    case 'services':
      return encodeRecords(m.services, RecordSize.services, (w, r) => { w.u32(r.name); w.u32(r.providerKind); w.u32(r.provider); });
    case 'vnodes':
      return encodeRecords(m.vnodes, RecordSize.vnodes, (w, r) => {
        w.u32(r.name); w.u32(r.discovery); w.u32(r.host); w.u32(r.service);
        w.u32(r.firstAttribute); w.u32(r.attributeCount); w.u32(r.firstListener); w.u32(r.listenerCount);
      });
    case 'nodeListeners':
      return encodeRecords(m.nodeListeners, RecordSize.nodeListeners, (w, r) => { w.u32(r.port); w.u32(r.protocol); });
    case 'attributes':
      return encodeRecords(m.attributes, RecordSize.attributes, (w, r) => { w.u32(r.key); w.u32(r.value); });
    case 'policies':
      return encodeRecords(m.policies, RecordSize.policies, (w, r) => { w.u32(r.timeout); w.u32(r.retryPolicy); });
    case 'strings':
      return encodeBlobs(stringBytes ?? d.strings.map((s) => UTF8.encode(s)));
    case 'regex':
      return encodeBlobs(d.regexes);
    case 'routers':
      return encodeRecords(d.routers, RecordSize.routers, (w, r) => {
        w.u32(r.kind); w.u32(r.name); w.u32(r.mesh); w.u32(r.flags); w.u32(r.firstRoute); w.u32(r.routeCount);
        w.u32(r.firstGroup); w.u32(r.groupCount); w.u32(r.firstListener); w.u32(r.listenerCount);
      });
    case 'listeners':
      return encodeRecords(d.listeners, RecordSize.listeners, (w, r) => { w.u32(r.port); w.u32(r.protocol); });
    case 'groups':
      return encodeRecords(d.groups, RecordSize.groups, (w, r) => {
        w.u32(r.port); w.u32(r.protocol); w.u32(r.firstVhost); w.u32(r.vhostCount);
      });
    case 'vhosts':
      return encodeRecords(d.vhosts, RecordSize.vhosts, (w, r) => {
        w.u32(r.kind); w.u32(r.host); w.u32(r.firstNode); w.u32(r.nodeCount); w.u32(r.otherStart); w.u32(r.otherCount);
      });
    case 'nodes':
      return encodeRecords(d.nodes, RecordSize.nodes, (w, r) => {
        w.u32(r.labelStart); w.u16(r.labelLength); w.u16(r.childCount); w.u32(r.firstChild);
        w.u32(r.prefixStart); w.u32(r.exactStart); w.u16(r.prefixCount); w.u16(r.exactCount);
      });
    case 'lists':
      return encodeRecords(d.lists, RecordSize.lists, (w, r) => w.u32(r));
    case 'routes':
      return encodeRecords(d.routes, RecordSize.routes, (w, r) => {
        w.u32(r.name); w.u8(r.protocol); w.u8(r.pathKind); w.u8(r.hostKind); w.u8(r.method);
        w.u16(r.priority); w.u16(r.port); w.u32(r.path); w.u32(r.pathRegex); w.u32(r.host);
        w.u32(r.firstPredicate); w.u16(r.predicateCount); w.u16(r.targetCount); w.u32(r.firstTarget);
        w.u8(r.prefixRewrite); w.u8(r.scheme); w.u8(0); w.u8(r.flags); w.u32(r.prefixValue); w.u32(r.pathRewrite);
      });
    case 'predicates':
      return encodeRecords(d.predicates, RecordSize.predicates, (w, r) => {
        w.u8(r.kind); w.u8(r.op); w.u8(r.invert ? 1 : 0); w.u8(0); w.u32(r.name); w.u32(r.value); w.u32(r.aux);
      });
    case 'ranges':
      return encodeRecords(d.ranges, RecordSize.ranges, (w, r) => { w.i64(r.start); w.i64(r.end); });
    case 'targets':
      return encodeRecords(d.targets, RecordSize.targets, (w, r) => { w.u32(r.virtualService); w.u32(r.port); w.u32(r.weight); });
  }
}

class Writer {
  readonly bytes: Uint8Array;
  private readonly view: DataView;
  at = 0;
  constructor(size: number) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  u8(v: number): void { this.view.setUint8(this.at, checkRange(v, 0xff)); this.at += 1; }
  u16(v: number): void { this.view.setUint16(this.at, checkRange(v, MAX_U16), true); this.at += 2; }
  u32(v: number): void { this.view.setUint32(this.at, checkRange(v, 0xffffffff), true); this.at += 4; }
  i64(v: bigint): void { this.view.setBigInt64(this.at, v, true); this.at += 8; }
}

function checkRange(v: number, max: number): number {
  if (!Number.isInteger(v) || v < 0 || v > max) {
    throw new MeshrouteError('table-field-range', `table field value ${v} does not fit (max ${max})`);
  }
  return v;
}

function encodeRecords<T>(items: readonly T[], size: number, write: (w: Writer, item: T) => void): Uint8Array {
  const w = new Writer(4 + items.length * size);
  w.u32(items.length);
  for (const item of items) {
    const start = w.at;
    write(w, item);
    if (w.at - start !== size) throw new Error(`record writer wrote ${w.at - start} bytes, expected ${size}`);
  }
  return w.bytes;
}

function encodeBlobs(blobs: readonly Uint8Array[]): Uint8Array {
  const dir = 4 + blobs.length * BLOB_ENTRY_SIZE;
  const total = dir + blobs.reduce((n, b) => n + b.length, 0);
  const w = new Writer(total);
  w.u32(blobs.length);
  let at = 0;
  for (const b of blobs) {
    w.u32(at);
    w.u32(b.length);
    at += b.length;
  }
  let pos = dir;
  for (const b of blobs) {
    w.bytes.set(b, pos);
    pos += b.length;
  }
  return w.bytes;
}

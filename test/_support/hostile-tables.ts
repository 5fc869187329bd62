/**
 * Hostile decision tables (issue 13 item 1): valid tables whose blob sections (strings, regex) are
 * re-laid so that many entries alias the same bytes, plus their legal counterparts (the same bytes
 * stored once per entry). Shared by the reader tests, the corruption fuzz and bench/load/hostile.bench.ts.
 */
import { tableChecksum } from '../../src/table/crc32.js';
import { BLOB_ENTRY_SIZE, H_CHECKSUM, H_SECTION_COUNT, H_TOTAL_LENGTH, HEADER_SIZE, DIR_ENTRY_SIZE, SECTION_ALIGN } from '../../src/table/layout.js';

export interface BlobEntry { offset: number; length: number }

/** The blob section `kind` of `table`: its entries (relative to the blob) and its blob bytes. */
export function readBlobSection(table: Uint8Array, kind: number): { entries: BlobEntry[]; blob: Uint8Array } {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const n = v.getUint32(H_SECTION_COUNT, true);
  for (let i = 0; i < n; i++) {
    const e = HEADER_SIZE + DIR_ENTRY_SIZE * i;
    if (v.getUint32(e, true) !== kind) continue;
    const off = v.getUint32(e + 4, true);
    const len = v.getUint32(e + 8, true);
    const count = v.getUint32(off, true);
    const entries = Array.from({ length: count }, (_, k) => ({ offset: v.getUint32(off + 4 + BLOB_ENTRY_SIZE * k, true), length: v.getUint32(off + 8 + BLOB_ENTRY_SIZE * k, true) }));
    const blobAt = off + 4 + BLOB_ENTRY_SIZE * count;
    return { entries, blob: table.slice(blobAt, off + len) };
  }
  throw new Error(`no section ${kind}`);
}

/** A blob section body: u32 count, the entries, the blob. */
export function blobSectionBody(entries: readonly BlobEntry[], blob: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + BLOB_ENTRY_SIZE * entries.length + blob.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, entries.length, true);
  entries.forEach((e, k) => {
    v.setUint32(4 + BLOB_ENTRY_SIZE * k, e.offset >>> 0, true);
    v.setUint32(8 + BLOB_ENTRY_SIZE * k, e.length >>> 0, true);
  });
  out.set(blob, 4 + BLOB_ENTRY_SIZE * entries.length);
  return out;
}

/** `table` with the body of section `kind` replaced, re-laid (directory, alignment, length, checksum fixed). */
export function withSectionBody(table: Uint8Array, kind: number, body: Uint8Array): Uint8Array {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const n = v.getUint32(H_SECTION_COUNT, true);
  const sections = Array.from({ length: n }, (_, i) => {
    const e = HEADER_SIZE + DIR_ENTRY_SIZE * i;
    const k = v.getUint32(e, true);
    const off = v.getUint32(e + 4, true);
    return { kind: k, body: k === kind ? body : table.subarray(off, off + v.getUint32(e + 8, true)) };
  });
  let at = HEADER_SIZE + DIR_ENTRY_SIZE * n;
  const placed = sections.map((s) => {
    at = Math.ceil(at / SECTION_ALIGN) * SECTION_ALIGN;
    const p = at;
    at += s.body.length;
    return p;
  });
  const out = new Uint8Array(at);
  out.set(table.subarray(0, HEADER_SIZE));
  const o = new DataView(out.buffer);
  sections.forEach((s, i) => {
    o.setUint32(HEADER_SIZE + DIR_ENTRY_SIZE * i, s.kind, true);
    o.setUint32(HEADER_SIZE + DIR_ENTRY_SIZE * i + 4, placed[i]!, true);
    o.setUint32(HEADER_SIZE + DIR_ENTRY_SIZE * i + 8, s.body.length, true);
    out.set(s.body, placed[i]!);
  });
  o.setUint32(H_TOTAL_LENGTH, out.length, true);
  o.setUint32(H_CHECKSUM, tableChecksum(out, H_CHECKSUM, out.length), true);
  return out;
}

/**
 * `table` with `count` extra entries in blob section `kind`, each holding `payload`: `alias` true
 * stores the payload once and points every extra entry at it (the hostile shape); false stores a
 * copy per entry (the legal shape of the same table, `count` times larger).
 */
export function withExtraBlobEntries(table: Uint8Array, kind: number, payload: Uint8Array, count: number, alias: boolean): Uint8Array {
  const { entries, blob } = readBlobSection(table, kind);
  const copies = alias ? 1 : count;
  const grown = new Uint8Array(blob.length + copies * payload.length);
  grown.set(blob);
  for (let c = 0; c < copies; c++) grown.set(payload, blob.length + c * payload.length);
  const extra = Array.from({ length: count }, (_, k) => ({ offset: blob.length + (alias ? 0 : k * payload.length), length: payload.length }));
  return withSectionBody(table, kind, blobSectionBody([...entries, ...extra], grown));
}

/**
 * `table` with entry `i` of blob section `kind` pointing at the bytes of entry `j` (offset and
 * length copied), checksum fixed: the aliasing corruption (issue 13). Indices wrap modulo the entry
 * count; null when the section has no entries.
 */
export function aliasBlobEntry(table: Uint8Array, kind: number, i: number, j: number): Uint8Array<ArrayBuffer> | null {
  const out = new Uint8Array(table);
  const v = new DataView(out.buffer);
  const n = v.getUint32(H_SECTION_COUNT, true);
  for (let s = 0; s < n; s++) {
    const e = HEADER_SIZE + DIR_ENTRY_SIZE * s;
    if (v.getUint32(e, true) !== kind) continue;
    const off = v.getUint32(e + 4, true);
    const count = v.getUint32(off, true);
    if (count === 0) return null;
    const at = (k: number): number => off + 4 + BLOB_ENTRY_SIZE * (k % count);
    v.setUint32(at(i), v.getUint32(at(j), true), true);
    v.setUint32(at(i) + 4, v.getUint32(at(j) + 4, true), true);
    v.setUint32(H_CHECKSUM, tableChecksum(out, H_CHECKSUM, out.length), true);
    return out;
  }
  return null;
}

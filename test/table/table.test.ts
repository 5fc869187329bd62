// The table format: round trip, header checks with their error codes, structural checks reached
// with a valid checksum, forward-compatible unknown sections.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TableFormatError } from '../../src/errors.js';
import { decodeTable, encodeTable, FORMAT_VERSION } from '../../src/table/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
import { HEADER_SIZE, H_CHECKSUM, H_FLAGS, H_SECTION_COUNT, H_VERSION, RecordSize, SectionKind } from '../../src/table/layout.js';
import { build, gr } from '../_support/quick.js';

function sample(): Uint8Array {
  return build([
    gr('a', { prefix: '/api', headers: [{ name: 'x', match: { range: { start: -5, end: 9 } } }], queryParameters: [{ name: 'q' }] }),
    gr('b', { path: { regex: '/v[0-9]+' }, hostname: { suffix: '.example.com' }, method: 'PUT' }, { priority: 3 }),
    gr('c', { serviceName: 'pkg.S', metadata: [{ name: 'd', invert: true, match: { regex: 'a.*' } }] }, { type: 'grpcRoute' }),
  ], {}, [{ port: 8080, protocol: 'http' }, { port: 9090, protocol: 'grpc' }]).table;
}

function refreshChecksum(bytes: Uint8Array): Uint8Array {
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(H_CHECKSUM, tableChecksum(bytes, H_CHECKSUM, bytes.length), true);
  return bytes;
}

function expectCode(bytes: Uint8Array, code: string): TableFormatError {
  try {
    decodeTable(bytes);
  } catch (e) {
    assert.ok(e instanceof TableFormatError, `expected TableFormatError, got ${e}`);
    assert.equal(e.code, code, e.message);
    return e;
  }
  return assert.fail(`expected ${code}`);
}

function sectionOffset(bytes: Uint8Array, kind: number): number {
  const v = new DataView(bytes.buffer, bytes.byteOffset);
  for (let i = 0; i < v.getUint32(H_SECTION_COUNT, true); i++) {
    if (v.getUint32(HEADER_SIZE + i * 12, true) === kind) return v.getUint32(HEADER_SIZE + i * 12 + 4, true);
  }
  throw new Error('no section');
}

test('decode(encode(data)) gives the data back, and encoding is deterministic', () => {
  const bytes = sample();
  const d = decodeTable(bytes);
  assert.equal(d.version, FORMAT_VERSION);
  const again = encodeTable(d);
  assert.ok(Buffer.from(again).equals(Buffer.from(bytes)));
  assert.equal(d.routes.length, 3);
  assert.equal(d.ranges[0]!.start, -5n);
  assert.deepEqual(d.strings.slice(0, 2), ['gw', 'mesh']);
});

test('header checks: magic, version, flags, length, checksum, truncation', () => {
  const t = sample();
  expectCode(t.slice(0, 10), 'table-truncated');
  const magic = new Uint8Array(t); magic[0] = 0x58;
  expectCode(refreshChecksum(magic), 'table-magic');
  const version = new Uint8Array(t); version[H_VERSION] = FORMAT_VERSION + 1;
  expectCode(refreshChecksum(version), 'table-version');
  const flags = new Uint8Array(t); flags[H_FLAGS] = 0x80;
  expectCode(refreshChecksum(flags), 'table-flags');
  expectCode(t.slice(0, t.length - 4), 'table-length');
  const sum = new Uint8Array(t); sum[t.length - 1] = sum[t.length - 1]! ^ 0xff;
  const e = expectCode(sum, 'table-checksum');
  assert.equal(e.offset, H_CHECKSUM);
});

test('structural checks behind a valid checksum: out-of-range string index, broken trie, unsorted list', () => {
  const t = sample();
  const routes = sectionOffset(t, SectionKind.routes);
  const badName = new Uint8Array(t);
  new DataView(badName.buffer).setUint32(routes + 4, 999, true);
  const e = expectCode(refreshChecksum(badName), 'table-index');
  assert.equal(e.offset, routes + 4 + 0 * RecordSize.routes + 0, 'the offset points at the bad field of route 0');

  const nodes = sectionOffset(t, SectionKind.nodes);
  const cyclic = new Uint8Array(t);
  new DataView(cyclic.buffer).setUint32(nodes + 4 + 8, 0, true); // root's firstChild → itself
  expectCode(refreshChecksum(cyclic), 'table-trie');

  const lists = sectionOffset(t, SectionKind.lists);
  const unsorted = new Uint8Array(t);
  new DataView(unsorted.buffer).setUint32(lists + 4, 77, true);
  expectCode(refreshChecksum(unsorted), 'table-list-order');
});

test('overlapping ranges are rejected, so hostile tables cannot make validation quadratic', () => {
  const t = sample();
  const routes = sectionOffset(t, SectionKind.routes);
  const shared = new Uint8Array(t);
  // route 1 claims route 0's targets as well: every range must start where the previous one ended.
  new DataView(shared.buffer).setUint32(routes + 4 + RecordSize.routes + 32, 0, true);
  const e = expectCode(refreshChecksum(shared), 'table-layout');
  assert.equal(e.offset, routes + 4 + RecordSize.routes + 32);
});

test('a section count that does not fit, or a missing section, is rejected', () => {
  const t = sample();
  const many = new Uint8Array(t);
  new DataView(many.buffer).setUint32(H_SECTION_COUNT, 1000, true);
  expectCode(refreshChecksum(many), 'table-directory');
  const missing = new Uint8Array(t);
  new DataView(missing.buffer).setUint32(HEADER_SIZE, 200, true); // strings section renamed to an unknown kind
  expectCode(refreshChecksum(missing), 'table-section-missing');
});

test('unknown section kinds are skipped (later issues add sections)', () => {
  const t = sample();
  const v = new DataView(t.buffer);
  const count = v.getUint32(H_SECTION_COUNT, true);
  // Rebuild with one extra directory entry pointing at an extra 8-byte section at the end.
  const shift = 12;
  const out = new Uint8Array(t.length + shift + 8);
  out.set(t.subarray(0, HEADER_SIZE + count * 12));
  out.set(t.subarray(HEADER_SIZE + count * 12), HEADER_SIZE + (count + 1) * 12);
  const o = new DataView(out.buffer);
  o.setUint32(H_SECTION_COUNT, count + 1, true);
  for (let i = 0; i < count; i++) o.setUint32(HEADER_SIZE + i * 12 + 4, o.getUint32(HEADER_SIZE + i * 12 + 4, true) + shift, true);
  o.setUint32(HEADER_SIZE + count * 12, 99, true);
  o.setUint32(HEADER_SIZE + count * 12 + 4, out.length - 8, true);
  o.setUint32(HEADER_SIZE + count * 12 + 8, 8, true);
  o.setUint32(12, out.length, true);
  refreshChecksum(out);
  const d = decodeTable(out);
  assert.equal(d.routes.length, 3);
  assert.ok(d.sections.some((s) => s.kind === 99));
});

test('tcp (protocol 4) belongs to virtual routers: a gateway-only table with a tcp group or route is rejected, as the WASM reader does', () => {
  const t = build([gr('a', { prefix: '/' })], { routerStage: false }).table;
  assert.equal(decodeTable(t).mesh, null, 'gateway-only table');
  const groups = sectionOffset(t, SectionKind.groups);
  const tcpGroup = new Uint8Array(t);
  new DataView(tcpGroup.buffer).setUint32(groups + 4 + 4, 4, true);
  assert.equal(expectCode(refreshChecksum(tcpGroup), 'table-value').offset, groups + 4);
  const routes = sectionOffset(t, SectionKind.routes);
  const tcpRoute = new Uint8Array(t);
  tcpRoute[routes + 4 + 4] = 4;
  expectCode(refreshChecksum(tcpRoute), 'table-value');
});

// Issue 13 item 9: src/table/layout.ts RECORD_FIELDS names every record field's offset and width; the
// AssemblyScript reader loads fields by the constants generated from it (scripts/gen-wasm-layout.ts).
// Here: the fields tile each record in byte order, and every field read at its offset in a real
// two-stage table is what the JS decoder (which reads the fields in order) decoded.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGatewayTable } from '../../src/compile/index.js';
import { decodeTable } from '../../src/table/index.js';
import { RECORD_FIELDS, RecordSize, SectionKind } from '../../src/table/layout.js';
import { modelFromApi } from '../_support/vector-model.js';
import fc from 'fast-check';
import { meshResourcesArb } from '../_support/mesh-arbitraries.js';

test('RECORD_FIELDS: each record\'s fields are in byte order, do not overlap and fit the record size', () => {
  for (const [section, fields] of Object.entries(RECORD_FIELDS)) {
    let end = 0;
    for (const [name, [offset, width]] of Object.entries(fields)) {
      assert.ok(offset >= end, `${section}.${name} at ${offset} overlaps the field before (ends at ${end})`);
      end = offset + width;
    }
    assert.ok(end <= RecordSize[section as keyof typeof RecordSize], `${section}: fields end at ${end}`);
  }
});

test('RECORD_FIELDS offsets read what the JS decoder decodes, for every field of every record of generated two-stage tables', () => {
  fc.assert(fc.property(meshResourcesArb(), (res) => {
    const { model, gateway } = modelFromApi(res);
    const table = compileGatewayTable(model, gateway);
    const d = decodeTable(table) as unknown as Record<string, unknown> & { sections: { kind: number; offset: number }[]; mesh: Record<string, unknown[]> | null };
    const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
    const read = (at: number, width: number): number | bigint => (width === 1 ? view.getUint8(at) : width === 2 ? view.getUint16(at, true) : width === 4 ? view.getUint32(at, true) : view.getBigInt64(at, true));
    for (const [section, fields] of Object.entries(RECORD_FIELDS)) {
      const records = (d[section] ?? d.mesh?.[section]) as unknown[] | undefined;
      if (records === undefined) continue;
      const base = d.sections.find((s) => s.kind === SectionKind[section as keyof typeof SectionKind])!.offset + 4;
      records.forEach((rec, i) => {
        for (const [name, [offset, width]] of Object.entries(fields)) {
          const raw = read(base + i * RecordSize[section as keyof typeof RecordSize] + offset, width);
          const decoded = typeof rec === 'object' ? (rec as Record<string, unknown>)[name] : rec;
          assert.equal(typeof decoded === 'boolean' ? (raw !== 0) : raw, decoded, `${section}[${i}].${name} at +${offset}`);
        }
      });
    }
  }), { numRuns: 60 });
});

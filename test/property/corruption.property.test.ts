// Property: the table reader survives untrusted bytes. For any valid table and any corruption
// (byte flips, overwritten runs, truncation, extension — with the checksum left stale or fixed up so
// the structural checks are reached), loadTable throws a TableFormatError or returns a router whose
// route() and explain() answer without throwing. Never another exception; a hang fails the test's timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TableFormatError } from '../../src/errors.js';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable, type Router } from '../../src/evaluate/index.js';
import { decodeTable } from '../../src/table/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
import { H_CHECKSUM } from '../../src/table/layout.js';
import { gatewayResourcesArb, requestFor, requestRecipeArb } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
import { meshRequestFor, meshRequestRecipeArb, meshResourcesArb } from '../_support/mesh-arbitraries.js';
import { runs } from './_config.js';
import { aliasBlobEntry, readBlobSection } from '../_support/hostile-tables.js';

const corruptionArb = fc.oneof(
  fc.array(fc.record({ at: fc.nat(), value: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }).map((flips) => ({ kind: 'flip' as const, flips })),
  fc.record({ at: fc.nat(), length: fc.integer({ min: 1, max: 16 }), value: fc.constantFrom(0, 0xff, 0x7f, 0x80) }).map((r) => ({ kind: 'fill' as const, ...r })),
  fc.nat().map((at) => ({ kind: 'truncate' as const, at })),
  fc.uint8Array({ minLength: 1, maxLength: 32 }).map((extra) => ({ kind: 'extend' as const, extra })),
  // Issue 13: a strings (1) or regex (12) blob entry pointing at another entry's bytes (checksum fixed).
  fc.record({ section: fc.constantFrom(1, 12), i: fc.nat(64), j: fc.nat(64) }).map((r) => ({ kind: 'alias' as const, ...r })),
);

type Corruption = typeof corruptionArb extends fc.Arbitrary<infer T> ? T : never;

/** The router, or null when loadTable rejected the bytes as it must: a TableFormatError with an offset inside them. */
function loadOrReject(bytes: Uint8Array): Router | null {
  try {
    return loadTable(bytes);
  } catch (e) {
    if (!(e instanceof TableFormatError)) throw new Error(`loadTable threw ${(e as Error)?.name}: ${(e as Error)?.message}`);
    assert.ok(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= bytes.length, `error offset ${e.offset} within the data`);
    return null;
  }
}

function corrupt(table: Uint8Array, c: Corruption, fixChecksum: boolean): Uint8Array {
  let out = new Uint8Array(table);
  if (c.kind === 'flip') for (const f of c.flips) out[f.at % out.length] = f.value;
  else if (c.kind === 'fill') out.fill(c.value, c.at % out.length, (c.at % out.length) + c.length);
  else if (c.kind === 'truncate') out = out.slice(0, c.at % out.length);
  else if (c.kind === 'alias') out = aliasBlobEntry(out, c.section, c.i, c.j) ?? out;
  else {
    const longer = new Uint8Array(out.length + c.extra.length);
    longer.set(out);
    longer.set(c.extra, out.length);
    out = longer;
  }
  if (fixChecksum && out.length >= H_CHECKSUM + 4) {
    new DataView(out.buffer).setUint32(12, out.length, true); // keep the length field consistent too
    new DataView(out.buffer).setUint32(H_CHECKSUM, tableChecksum(out, H_CHECKSUM, out.length), true);
  }
  return out;
}

test('corrupt or truncated tables give TableFormatError or a working router', { timeout: 120_000 }, () => {
  let rejected = 0;
  let survived = 0;
  fc.assert(
    fc.property(gatewayResourcesArb({ maxRoutes: 30 }), corruptionArb, fc.boolean(), fc.array(requestRecipeArb, { minLength: 3, maxLength: 3 }), (res, c, fix, recipes) => {
      const { model, gateway } = modelFromApi(res);
      const bytes = corrupt(compileGatewayTable(model, gateway), c, fix);
      const router = loadOrReject(bytes);
      if (router === null) {
        rejected++;
        return;
      }
      survived++;
      for (const recipe of recipes) {
        const req = requestFor(res, recipe);
        const d = router.route(req, { random: () => recipe.random });
        assert.equal(typeof d.matched, 'boolean');
        router.explain(req, { random: () => recipe.random });
      }
    }),
    { numRuns: runs(3000) },
  );
  assert.ok(rejected > 0 && survived > 0, `both outcomes occur (rejected ${rejected}, survived ${survived})`);
});

test('corrupt two-stage tables (router, service, node, policy sections) give TableFormatError or a working router', { timeout: 120_000 }, () => {
  let rejected = 0;
  let survived = 0;
  fc.assert(
    fc.property(meshResourcesArb(), corruptionArb, fc.boolean(), fc.array(meshRequestRecipeArb, { minLength: 3, maxLength: 3 }), (res, c, fix, recipes) => {
      const { model, gateway } = modelFromApi(res);
      const bytes = corrupt(compileGatewayTable(model, gateway), c, fix);
      const router = loadOrReject(bytes);
      if (router === null) {
        rejected++;
        return;
      }
      survived++;
      for (const recipe of recipes) {
        const req = meshRequestFor(res, recipe);
        const options = { random: () => recipe.random, stickyKey: recipe.mode === 1 ? 'x-a' : undefined, allTargets: recipe.mode === 2 };
        const d = router.route(req, options);
        assert.equal(typeof d.matched, 'boolean');
        JSON.stringify(router.explain(req, options));
      }
    }),
    { numRuns: runs(3000) },
  );
  assert.ok(rejected > 0 && survived > 0, `both outcomes occur (rejected ${rejected}, survived ${survived})`);
});

test('the checksum catches single-byte corruption anywhere', () => {
  const { model, gateway } = modelFromApi({
    virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } },
    gatewayRoutes: [{ gatewayRouteName: 'r', spec: { httpRoute: { match: { prefix: '/a', headers: [{ name: 'x', match: { regex: 'a.*' } }] }, action: { target: { virtualService: { virtualServiceName: 'vs' } } } } } }],
  });
  const table = compileGatewayTable(model, gateway);
  for (let i = 0; i < table.length; i++) {
    const bad = new Uint8Array(table);
    bad[i] = bad[i]! ^ 0x01;
    assert.throws(() => decodeTable(bad), (e: unknown) => e instanceof TableFormatError, `byte ${i}`);
  }
});

// Issue 13 item 1: an entry made to alias an earlier, non-empty entry overlaps it, and the reader
// says so (table-layout) instead of decoding or validating the same bytes again.
test('a blob entry aliasing an earlier non-empty entry is a table-layout error', () => {
  fc.assert(
    fc.property(gatewayResourcesArb({ maxRoutes: 12 }), fc.constantFrom(1, 12), fc.nat(), fc.nat(), (res, section, x, y) => {
      const { model, gateway } = modelFromApi(res);
      const table = compileGatewayTable(model, gateway);
      const { entries } = readBlobSection(table, section);
      if (entries.length < 2) return;
      const i = 1 + (x % (entries.length - 1));
      const j = y % i;
      if (entries[j]!.length === 0) return;
      const bad = aliasBlobEntry(table, section, i, j)!;
      assert.throws(() => loadTable(bad), (e: unknown) => e instanceof TableFormatError && e.code === 'table-layout', `aliasBlobEntry(table, ${section}, ${i}, ${j})`);
    }),
    { numRuns: runs(300) },
  );
});

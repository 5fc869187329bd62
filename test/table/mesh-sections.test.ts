// The router-stage sections (13–17, docs/table-format.md): present together or not at all, checked
// like every other section, and read back exactly; a gateway-only table still loads and stops at the
// gateway stage.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TableFormatError } from '../../src/errors.js';
import { compileGatewayTable } from '../../src/compile/index.js';
import { decodeTable, encodeTable } from '../../src/table/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
import { DiscoveryKind, NONE, Protocol, ProviderKind, RouterKind, Scheme } from '../../src/table/layout.js';
import type { TableData } from '../../src/table/types.js';
import { loadTable } from '../../src/evaluate/index.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { loadVectorModel } from '../_support/vector-model.js';

const suite = loadVectorSuites().find((s) => s.title === 'gRPC service + method, http2 scheme, tcp port-only routes')!;

function twoStage(): { data: TableData; bytes: Uint8Array } {
  const { model, gateway } = loadVectorModel(suite.resources);
  const bytes = compileGatewayTable(model, gateway);
  const { version: _v, totalLength: _t, checksum: _c, sections: _s, stringBlobOffset: _b, stringOffsets: _o, regexRanges: _r, bytes: _x, ...data } = decodeTable(bytes);
  return { data, bytes };
}

function expectCode(data: TableData, code: string): void {
  assert.throws(() => decodeTable(encodeTable(data)), (e: unknown) => e instanceof TableFormatError && e.code === code, code);
}

test('a two-stage table holds the gateway, every reachable router, service and node, and round-trips byte for byte', () => {
  const { data, bytes } = twoStage();
  assert.deepEqual(encodeTable(data), bytes);
  assert.deepEqual(data.routers.map((r) => [r.kind, data.strings[r.name]]), [
    [RouterKind.gateway, 'gw'], [RouterKind.virtualRouter, 'db-vr'], [RouterKind.virtualRouter, 'greeter-vr'], [RouterKind.virtualRouter, 'web-vr'],
  ]);
  const m = data.mesh!;
  assert.deepEqual(m.services.map((s) => [data.strings[s.name], s.providerKind]), [['db.svc', ProviderKind.virtualRouter], ['greeter.svc', ProviderKind.virtualRouter], ['web.svc', ProviderKind.virtualRouter]]);
  assert.ok(m.vnodes.every((n) => n.discovery === DiscoveryKind.dns));
  assert.equal(m.policies.length, data.routes.length, 'one policy record per route record');
  assert.ok(data.routes.some((r) => r.protocol === Protocol.tcp), 'tcp routes');
  assert.ok(data.routes.some((r) => r.scheme === Scheme.https), 'the scheme byte');
});

test('a gateway-only table has no router-stage sections and its decisions end at the gateway stage', () => {
  const { model, gateway } = loadVectorModel(suite.resources);
  const bytes = compileGatewayTable(model, gateway, { routerStage: false });
  assert.equal(decodeTable(bytes).mesh, null);
  const d = loadTable(bytes).route({ path: '/helloworld.Greeter/SayHello', port: 8080 });
  assert.deepEqual([d.matched, d.virtualService, d.virtualRouter, d.virtualNode], [true, 'greeter.svc', null, null]);
});

test('the reader rejects inconsistent router-stage sections', () => {
  const { data } = twoStage();
  const m = data.mesh!;
  expectCode({ ...data, mesh: { ...m, policies: m.policies.slice(1) } }, 'table-section-size');
  expectCode({ ...data, mesh: { ...m, services: [{ ...m.services[0]!, providerKind: 7 }, ...m.services.slice(1)] } }, 'table-value');
  expectCode({ ...data, mesh: { ...m, services: [{ ...m.services[0]!, providerKind: ProviderKind.none }, ...m.services.slice(1)] } }, 'table-value');
  expectCode({ ...data, mesh: { ...m, vnodes: [{ ...m.vnodes[0]!, firstListener: 1 }, ...m.vnodes.slice(1)] } }, 'table-layout');
  expectCode({ ...data, mesh: { ...m, vnodes: [{ ...m.vnodes[0]!, service: 0 }, ...m.vnodes.slice(1)] } }, 'table-value');
  expectCode({ ...data, mesh: { ...m, nodeListeners: [{ port: 0, protocol: Protocol.tcp }, ...m.nodeListeners.slice(1)] } }, 'table-value');
  const tcp = data.routes.findIndex((r) => r.protocol === Protocol.tcp);
  expectCode({ ...data, routes: data.routes.map((r, i) => (i === tcp ? { ...r, method: 1 } : r)) }, 'table-value');
  expectCode({ ...data, routes: data.routes.map((r, i) => (i === 0 ? { ...r, scheme: 3 } : r)) }, 'table-value');
  expectCode({ ...data, mesh: { ...m, policies: [{ timeout: 99999, retryPolicy: NONE }, ...m.policies.slice(1)] } }, 'table-index');
});

test('all five router-stage sections or none: a table missing one is rejected', () => {
  const { bytes } = twoStage();
  // Renumber the policies section (kind 17) to an unknown kind: readers skip unknown kinds, so the
  // table is well-formed except that the router stage is now incomplete.
  const d = decodeTable(bytes);
  const at = d.sections.findIndex((s) => s.kind === 17);
  const copy = new Uint8Array(bytes);
  const view = new DataView(copy.buffer);
  view.setUint32(24 + at * 12, 99, true);
  view.setUint32(16, 0, true);
  view.setUint32(16, tableChecksum(copy, 16, copy.length), true);
  assert.throws(() => decodeTable(copy), (e: unknown) => e instanceof TableFormatError && e.code === 'table-section-missing');
});

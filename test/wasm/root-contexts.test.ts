// Issue 13 item 5: Envoy runs every plugin with the same vm_id, code and VM configuration in one VM
// per worker, each with its own root context and proxy_on_configure (proxy-wasm-cpp-host src/wasm.cc,
// getOrCreateThreadLocalPlugin). The filter keeps one table per root context and a stream reads the
// table of the root context that created it; before, the last configuration served every plugin.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { build, gr } from '../_support/quick.js';
import { ensureFilterBuilt } from './_support.js';
import { MeshrouteFilter } from '../../wasm/host/index.js';

before(() => ensureFilterBuilt());

const tableA = (): Uint8Array => build([gr('a-only', { prefix: '/a' }, { vs: 'a.svc' })]).table;
const tableB = (): Uint8Array => build([gr('b-only', { prefix: '/b' }, { vs: 'b.svc' }), gr('b-a', { prefix: '/a' }, { vs: 'b-a.svc' })]).table;

test('two plugins in one VM keep their own tables: each stream is routed by its root context\'s table', () => {
  const f = new MeshrouteFilter(tableA()); // root context 1
  const second = f.host.addRootContext();
  assert.ok(f.host.configure(tableB(), second), 'the second plugin loads its table');
  assert.equal(f.route({ path: '/a/x' }).gatewayRoute, 'a-only', 'root context 1 still routes with table A (reproduce: MeshrouteFilter(A); addRootContext(); configure(B, 2))');
  assert.equal(f.route({ path: '/b/x' }).status, 404, 'table A has no /b route');
  assert.equal(f.route({ path: '/a/x' }, second).gatewayRoute, 'b-a');
  assert.equal(f.route({ path: '/b/x' }, second).gatewayRoute, 'b-only');
});

test('a failed reconfiguration of one plugin leaves both tables as they were', () => {
  const f = new MeshrouteFilter(tableA());
  const second = f.host.addRootContext();
  f.host.configure(tableB(), second);
  const corrupt = tableB();
  corrupt[30] = corrupt[30]! ^ 0xff;
  assert.equal(f.host.configure(corrupt, second), false);
  assert.equal(f.route({ path: '/b/x' }, second).gatewayRoute, 'b-only');
  assert.equal(f.route({ path: '/a/x' }).gatewayRoute, 'a-only');
});

test('a plugin without a configuration answers 503 for its streams while the other routes; deleting a plugin frees its table', () => {
  const f = new MeshrouteFilter(tableA());
  const idle = f.host.addRootContext();
  const r = f.route({ path: '/a/x' }, idle);
  assert.equal(r.status, 503, 'no table for this root context');
  assert.equal(f.route({ path: '/a/x' }).gatewayRoute, 'a-only');
  // Plugins come and go (listener updates): memory stays flat, root context 1 is untouched.
  const big = build(Array.from({ length: 200 }, (_, i) => gr(`r${i}`, { prefix: `/p${i}/` }))).table;
  const cycle = (): void => {
    const id = f.host.addRootContext();
    assert.ok(f.host.configure(big, id));
    assert.equal(f.route({ path: '/p7/x' }, id).gatewayRoute, 'r7');
    f.host.deleteRootContext(id);
  };
  for (let i = 0; i < 20; i++) cycle();
  const settled = f.host.memoryBytes;
  for (let i = 0; i < 200; i++) cycle();
  assert.equal(f.host.memoryBytes, settled, 'linear memory grew while plugins were added and deleted');
  assert.equal(f.route({ path: '/a/x' }).gatewayRoute, 'a-only');
});

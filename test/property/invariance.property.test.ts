// Property: the table depends on the resources, not on their order. For any generated gateway,
// shuffling its gateway routes (and its listeners) gives byte-identical table bytes, in both modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { gatewayResourcesArb } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
import { meshResourcesArb } from '../_support/mesh-arbitraries.js';
import { runs } from './_config.js';

test('input-order invariance: shuffled resources give byte-identical tables', () => {
  fc.assert(
    fc.property(
      gatewayResourcesArb({ maxRoutes: 60 }),
      fc.constantFrom('virtual-host' as const, 'flat' as const),
      fc.array(fc.nat(), { minLength: 200, maxLength: 200 }),
      (res, hostnameMode, keys) => {
        const { model, gateway } = modelFromApi(res);
        const a = compileGatewayTable(model, gateway, { hostnameMode, routerStage: false });
        const shuffled = model.gatewayRoutes.map((r, i) => ({ r, k: keys[i]! })).sort((x, y) => x.k - y.k).map((x) => x.r);
        const gw2 = { ...gateway, listeners: [...gateway.listeners].reverse() };
        const b = compileGatewayTable({ ...model, gatewayRoutes: shuffled }, gw2, { hostnameMode, routerStage: false });
        assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'tables differ after shuffling');
      },
    ),
    { numRuns: runs(400) },
  );
});

test('input-order invariance of two-stage tables: shuffled services, routers, routes and nodes give byte-identical tables', () => {
  const shuffle = <T>(xs: T[], keys: number[]): T[] => xs.map((x, i) => ({ x, k: keys[i % keys.length]! + i / 1000 })).sort((a, b) => a.k - b.k).map((e) => e.x);
  fc.assert(
    fc.property(meshResourcesArb(), fc.array(fc.nat(), { minLength: 50, maxLength: 50 }), (res, keys) => {
      const { model, gateway } = modelFromApi(res);
      const a = compileGatewayTable(model, gateway);
      const m2 = {
        ...model,
        gatewayRoutes: shuffle(model.gatewayRoutes, keys),
        virtualServices: shuffle(model.virtualServices, keys.slice(3)),
        virtualRouters: shuffle(model.virtualRouters.map((r) => ({ ...r, listeners: [...r.listeners].reverse() })), keys.slice(7)),
        routes: shuffle(model.routes, keys.slice(11)),
        virtualNodes: shuffle(model.virtualNodes, keys.slice(13)),
      };
      const b = compileGatewayTable(m2, gateway);
      assert.ok(Buffer.from(a).equals(Buffer.from(b)), 'two-stage tables differ after shuffling');
    }),
    { numRuns: runs(300) },
  );
});

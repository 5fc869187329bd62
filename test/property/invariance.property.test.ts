// Property: the table depends on the resources, not on their order. For any generated gateway,
// shuffling its gateway routes (and its listeners) gives byte-identical table bytes, in both modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileGatewayTable } from '../../src/compile/index.js';
import { gatewayResourcesArb } from '../_support/arbitraries.js';
import { modelFromApi } from '../_support/vector-model.js';
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

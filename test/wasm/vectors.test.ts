// The routing conformance vectors (test/vectors/routing/*.yaml) through the filter in the test host:
// every case's answer equals the JS runtime's decision (same table, same request), in each
// hostname mode the vector allows; weighted cases are made sticky with an x-request-id whose hash
// the runtime is given as its random value.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { loadVectorModel } from '../_support/vector-model.js';
import { ensureFilterBuilt, routeWeights, stickyDecision } from './_support.js';
import { MeshrouteFilter, expectedAnswer, type FilterRequest } from '../../wasm/host/index.js';

before(() => ensureFilterBuilt());

const suites = loadVectorSuites();

test('every vector case: filter ≡ JS runtime', () => {
  const failures: string[] = [];
  let cases = 0;
  for (const suite of suites) {
    const { model, gateway } = loadVectorModel(suite.resources);
    for (const hostnameMode of suite.modes) {
      const table = compileGatewayTable(model, gateway, { hostnameMode });
      const router = loadTable(table);
      const weights = routeWeights(table);
      const filter = new MeshrouteFilter(table);
      assert.ok(filter.configured, `${suite.file}: the filter rejected the table: ${JSON.stringify(filter.host.logs)}`);
      suite.cases.forEach((c, i) => {
        const { protocol: _p, ...rest } = c.request;
        const id = `vector-${i}-${c.random ?? 0}`;
        const headers = { ...(rest.headers as Record<string, string> | undefined ?? {}), 'x-request-id': id };
        const req: FilterRequest = { ...rest, headers: Array.isArray(rest.headers) ? [...rest.headers, ['x-request-id', id]] as [string, string][] : headers };
        const decision = stickyDecision(router, weights, req, id);
        const want = expectedAnswer(decision, req);
        const { result, ...got } = filter.route(req);
        cases++;
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          failures.push(`${c.file}:${c.line} ${c.name} [${hostnameMode}]\n  request ${JSON.stringify(req)}\n  want ${JSON.stringify(want)}\n  got  ${JSON.stringify(got)}\n  logs ${JSON.stringify(result.logs)}`);
        }
      });
    }
  }
  assert.ok(cases > 100, `only ${cases} vector cases`);
  if (failures.length > 0) assert.fail(`${failures.length} of ${cases} differ:\n` + failures.slice(0, 20).join('\n'));
});

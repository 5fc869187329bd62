// The router stage against recorded decisions of the issue-5 runtime: test/wasm/fixtures/two-stage.json
// holds two-stage tables (sections 13–17) compiled on the `mesh` branch (docs/examples/color-app and
// that branch's router-stage vectors) with the decision of its route(req, { stickyKey: 'x-request-id' })
// for each request, as the answer the filter must give. Regenerate after a table-format change:
// compile the same inputs with the merged compiler and route them with stickyKey x-request-id.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ensureFilterBuilt } from './_support.js';
import { MeshrouteFilter, type FilterRequest } from '../../wasm/host/index.js';

before(() => ensureFilterBuilt());

interface Fixture { source: string; suites: { name: string; table: string; cases: { request: FilterRequest; expect: Record<string, unknown>; virtualNode: string | null; stage: string | null }[] }[] }
const fixture = JSON.parse(readFileSync('test/wasm/fixtures/two-stage.json', 'utf8')) as Fixture;

test('two-stage tables: the filter answers as the issue-5 runtime decided (router stage, weighted node pick, router 404s)', () => {
  const failures: string[] = [];
  let cases = 0, nodes = 0, router404 = 0;
  for (const suite of fixture.suites) {
    const f = new MeshrouteFilter(Buffer.from(suite.table, 'base64'));
    assert.ok(f.configured, `${suite.name}: ${JSON.stringify(f.host.logs)}`);
    for (const c of suite.cases) {
      const { result, ...got } = f.route(c.request);
      const node = result.headers.find(([k]) => k === 'x-meshroute-virtual-node')?.[1] ?? null;
      const cluster = result.headers.find(([k]) => k === 'x-meshroute-cluster')?.[1] ?? null;
      cases++;
      if (node !== null) nodes++;
      if (c.stage === 'router') router404++;
      if (JSON.stringify(got) !== JSON.stringify(c.expect) || node !== c.virtualNode || cluster !== c.virtualNode) {
        failures.push(`${suite.name}: ${JSON.stringify(c.request)}\n  want ${JSON.stringify(c.expect)} node ${c.virtualNode}\n  got  ${JSON.stringify(got)} node ${node} cluster ${cluster}`);
      }
    }
  }
  assert.deepEqual(failures, []);
  assert.ok(cases > 100 && nodes > 50 && router404 > 5, `${cases} cases, ${nodes} with a node, ${router404} router 404s`);
});

test('fuzz: corrupted two-stage tables (checksum fixed up) never trap, on load or on requests', async () => {
  const { default: fc } = await import('fast-check');
  const { tableChecksum } = await import('../../src/table/crc32.js');
  const suite = fixture.suites[0]!;
  const t = new Uint8Array(Buffer.from(suite.table, 'base64'));
  const f = new MeshrouteFilter(t);
  let loaded = 0;
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 3 }), (edits) => {
    const m = t.slice();
    for (const [at, b] of edits) if (at < 16 || at >= 20) m[at] = b;
    new DataView(m.buffer).setUint32(16, tableChecksum(m, 16, m.length), true);
    if (f.host.configure(m)) loaded++;
    for (const c of suite.cases.slice(0, 6)) assert.equal(f.route(c.request).kind === 'trap', false);
  }), { numRuns: 600 });
  assert.ok(loaded > 0);
});

// Golden text dumps of compiled tables (test/table/golden/*.txt). A diff here is a behaviour or
// layout change: review it, then regenerate with MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs golden
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { compileGatewayTable } from '../../src/compile/index.js';
import { dumpTable } from '../../src/table/index.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { hasRouterStage, loadVectorModel } from '../_support/vector-model.js';

const UPDATE = process.env.MESHROUTE_UPDATE_GOLDEN === '1';
const GOLDEN = (name: string): string => `test/table/golden/${name}.txt`;

/** Golden cases: a few vector suites (by file and title) compiled in a given mode. */
const CASES = [
  { name: 'tie-breaks-virtual-host', file: 'm-tie-breaks.yaml', mode: 'virtual-host' as const },
  { name: 'hostname-modes-virtual-host', file: 'm-hostname-modes.yaml', mode: 'virtual-host' as const },
  { name: 'listener-ports-flat', file: '17-listener-ports.yaml', mode: 'flat' as const },
  { name: 'grpc-metadata', file: '18-grpc-service.yaml', mode: 'virtual-host' as const, title: 'gRPC metadata match' },
  { name: 'weighted-targets', file: 'm-weighted-targets.yaml', mode: 'virtual-host' as const },
  { name: 'router-stage-header-priority', file: '12-14-router-header-priority.yaml', mode: 'virtual-host' as const, title: 'priority ordering, header match types (virtual router)' },
];

const suites = loadVectorSuites();

for (const c of CASES) {
  test(`golden dump: ${c.name}`, () => {
    const suite = suites.find((s) => s.file.endsWith(c.file) && (c.title === undefined || s.title === c.title));
    assert.ok(suite, `vector ${c.file} not found`);
    const { model, gateway } = loadVectorModel(suite.resources);
    const dump = dumpTable(compileGatewayTable(model, gateway, { hostnameMode: c.mode, routerStage: hasRouterStage(suite.resources) }));
    const path = GOLDEN(c.name);
    if (UPDATE || !existsSync(path)) {
      if (!UPDATE) assert.fail(`${path} missing; create it with MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs golden`);
      writeFileSync(path, dump);
      return;
    }
    const want = readFileSync(path, 'utf8');
    assert.equal(dump, want, `${path} differs (from ${suite.file}:${suite.line}); if intended: MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs golden`);
  });
}

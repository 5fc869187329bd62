// diff() in the built entries: `meshroute` (Node ESM) compares two meshes; the browser bundle leaves
// it out for its size budget and says so with USAGE_NOT_IN_BROWSER (docs/bundle-size.md). Needs dist/
// (npm run build).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (file: string) => import(pathToFileURL(resolve(file)).href);

test('dist/index.js: diff() of an example with itself is exactly equivalent', async () => {
  const m = await load('dist/index.js');
  const mesh = m.loadFiles(['docs/examples/color-app']);
  assert.deepEqual({ ...m.diff(mesh, mesh), gateway: null }, { equivalent: true, exact: true, method: 'identical-tables', gateway: null, requests: 0, groups: [] });
});

test('dist/browser/index.js: diff() throws UsageError USAGE_NOT_IN_BROWSER', async () => {
  const m = await load('dist/browser/index.js');
  assert.throws(() => m.diff(new Uint8Array(), new Uint8Array()), (e: Error & { code?: string }) => e instanceof m.UsageError && e.code === 'USAGE_NOT_IN_BROWSER');
});

test('exportGatewayApi(): exports from dist/index.js; dist/browser/index.js throws UsageError USAGE_NOT_IN_BROWSER', async () => {
  const node = await load('dist/index.js');
  const result = node.exportGatewayApi(node.loadFiles(['docs/examples/edge-gateway']), { target: 'istio' });
  assert.ok(Object.keys(result.files).some((f) => f.endsWith('.httproute.yaml')) && 'report.json' in result.files, 'the Node entry writes routes and a report');
  const browser = await load('dist/browser/index.js');
  assert.throws(() => browser.exportGatewayApi([]), (e: Error & { code?: string }) => e instanceof browser.UsageError && e.code === 'USAGE_NOT_IN_BROWSER');
});

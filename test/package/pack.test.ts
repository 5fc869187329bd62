// The installable package: `npm pack`, install the tarball into a fresh temporary project (one
// `npm install`), then import it from ESM and from CJS, compile the edge-gateway example with
// `compile()` and route a request, and load the compiled table with `meshroute/runtime`'s
// `loadTable`. Needs the built dist/ (npm test builds first) and the npm registry for the
// package's own dependencies. Skipped only when MESHROUTE_SKIP_PACK=1 is set explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const skip = process.env.MESHROUTE_SKIP_PACK === '1' ? 'MESHROUTE_SKIP_PACK=1: package install test skipped on request' : false;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const example = resolve('docs/examples/edge-gateway/mesh.yaml');

const program = (kind: 'esm' | 'cjs') => `
${kind === 'esm'
  ? `import { compile, loadSources, loadTable as fullLoadTable } from 'meshroute';
import { loadTable } from 'meshroute/runtime';
import { readFileSync } from 'node:fs';`
  : `const { compile, loadSources, loadTable: fullLoadTable } = require('meshroute');
const { loadTable } = require('meshroute/runtime');
const { readFileSync } = require('node:fs');`}
const loaded = loadSources([{ file: 'mesh.yaml', text: readFileSync(${JSON.stringify(example)}, 'utf8') }]);
if (!loaded.valid) throw new Error('example invalid: ' + JSON.stringify(loaded.diagnostics));
const router = compile(loaded, { gateway: 'ingress-gw' });
const request = { method: 'GET', path: '/api/v1/data?x=1', authority: 'shop.example.com', headers: { 'x-canary': 'true' } };
const viaCompile = router.route(request);
const viaRuntime = loadTable(router.table).route(request);
const viaFull = fullLoadTable(router.table).route({ path: '/index.html', authority: 'shop.example.com' });
process.stdout.write(JSON.stringify({ viaCompile, viaRuntime, viaFull }));
`;

test('npm pack → npm install the tarball in an empty project → import from ESM and CJS and route', { skip, timeout: 300_000 }, () => {
  assert.ok(existsSync('dist/index.js') && existsSync('dist/cjs/index.js'), 'dist/ is not built: run npm run build');
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-pack-'));
  try {
    const quiet = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };
    execFileSync(npm, ['pack', '--pack-destination', dir, '--ignore-scripts', '--silent'], quiet);
    const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
    assert.ok(tarball, 'npm pack produced no tarball');
    const app = join(dir, 'app');
    execFileSync('mkdir', [app]);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'meshroute-consumer', version: '1.0.0', private: true }));
    execFileSync(npm, ['install', join(dir, tarball), '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { ...quiet, cwd: app });
    writeFileSync(join(app, 'check.mjs'), program('esm'));
    writeFileSync(join(app, 'check.cjs'), program('cjs'));
    for (const file of ['check.mjs', 'check.cjs']) {
      const out = JSON.parse(execFileSync(process.execPath, [file], { ...quiet, cwd: app }));
      assert.equal(out.viaCompile.matched, true, `${file}: ${JSON.stringify(out.viaCompile)}`);
      assert.equal(out.viaCompile.gatewayRoute, 'backend-canary-route', file);
      assert.equal(out.viaCompile.virtualService, 'backend-v2.shop.svc.cluster.local', file);
      assert.equal(out.viaCompile.path, '/data?x=1', file);
      assert.deepEqual(out.viaRuntime, out.viaCompile, `${file}: meshroute/runtime decides as compile() does`);
      assert.equal(out.viaFull.gatewayRoute, 'frontend-route', file);
    }
    // The CLI is installed as a bin too.
    const cli = execFileSync(join(app, 'node_modules/.bin/meshroute'), ['validate', resolve('docs/examples/edge-gateway'), '--json'], { ...quiet, cwd: app });
    assert.equal(JSON.parse(cli).valid, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// The installable package, as a user gets it (test/_support/packed.ts): a clean checkout without
// dist/ → `npm pack` (prepack builds) → `npm install` of the tarball into an empty project. Then
// import it from ESM and from CJS, compile the edge-gateway example with `compile()` and route a
// request, load the compiled table with `meshroute/runtime`'s `loadTable`, and run the installed
// bin. Needs the npm registry for the package's own dependencies. MESHROUTE_SKIP_PACK=1 skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACK_SKIP as skip, npm, packedPackage } from '../_support/packed.js';

const quiet = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'] };

const program = (kind: 'esm' | 'cjs') => `
${kind === 'esm'
  ? `import { compile, loadSources, loadTable as fullLoadTable } from 'meshroute';
import { loadTable } from 'meshroute/runtime';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);`
  : `const { compile, loadSources, loadTable: fullLoadTable } = require('meshroute');
const { loadTable } = require('meshroute/runtime');
const { readFileSync } = require('node:fs');`}
const example = require.resolve('meshroute/examples/edge-gateway/mesh.yaml');
const loaded = loadSources([{ file: 'mesh.yaml', text: readFileSync(example, 'utf8') }]);
if (!loaded.valid) throw new Error('example invalid: ' + JSON.stringify(loaded.diagnostics));
const router = compile(loaded, { gateway: 'ingress-gw' });
const request = { method: 'GET', path: '/api/v1/data?x=1', authority: 'shop.example.com', headers: { 'x-canary': 'true' } };
const viaCompile = router.route(request);
const viaRuntime = loadTable(router.table).route(request);
const viaFull = fullLoadTable(router.table).route({ path: '/index.html', authority: 'shop.example.com' });
process.stdout.write(JSON.stringify({ viaCompile, viaRuntime, viaFull }));
`;

test('npm pack of a clean checkout builds first: the tarball has the code, the bin and the examples', { skip, timeout: 600_000 }, () => {
  const pkg = packedPackage();
  for (const f of ['dist/index.js', 'dist/cli.js', 'dist/cjs/index.js', 'dist/runtime.js', 'dist/browser/index.js', 'dist/meshroute.global.js', 'dist/types/index.d.ts', 'dist/meshroute-filter.wasm', 'docs/examples/edge-gateway/mesh.yaml', 'README.md']) {
    assert.ok(pkg.files.includes(f), `${pkg.tarball} lacks ${f} (prepack must build dist/); it has: ${pkg.files.slice(0, 40).join(', ')}`);
  }
  assert.ok(!pkg.files.some((f) => f.startsWith('src/') || f.startsWith('test/')), 'sources and tests are not published');
});

test('the installed tarball imports from ESM and CJS and routes', { skip, timeout: 600_000 }, () => {
  const { app } = packedPackage();
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
});

test('the installed bin: `meshroute examples DIR` copies the example meshes out, and they validate', { skip, timeout: 600_000 }, () => {
  const { app, bin } = packedPackage();
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-examples-'));
  try {
    const copied = execFileSync(bin, ['examples', join(dir, 'ex')], { ...quiet, cwd: app });
    assert.match(copied, /edge-gateway/);
    assert.ok(existsSync(join(dir, 'ex', 'edge-gateway', 'mesh.yaml')), copied);
    assert.deepEqual(readdirSync(join(dir, 'ex')).sort(), ['color-app', 'edge-gateway', 'multi-listener-aws', 'node-gateway', 'route-tests', 'route-tests.schema.json', 'seed-article', 'worker']);
    // Each copied route-test file's $schema names a file that is there.
    for (const name of readdirSync(join(dir, 'ex', 'route-tests'))) {
      const file = join(dir, 'ex', 'route-tests', name);
      const ref = /\$schema["']?\s*:\s*["']?([^"'\s,]+)/.exec(readFileSync(file, 'utf8'))?.[1];
      assert.ok(ref !== undefined && existsSync(join(dir, 'ex', 'route-tests', ref)), `${name}: $schema ${ref} is not in the copy`);
    }
    const tested = execFileSync(bin, ['test', join(dir, 'ex', 'route-tests'), '--json'], { ...quiet, cwd: app });
    assert.ok(JSON.parse(tested).passed > 0, tested);
    const cli = execFileSync(bin, ['validate', join(dir, 'ex', 'edge-gateway'), '--json'], { ...quiet, cwd: app });
    assert.equal(JSON.parse(cli).valid, true);
    // `npx meshroute`, as the docs write it, finds the installed bin (the docs test shortcuts npx).
    const viaNpx = execFileSync(npm, ['exec', '--no', '--', 'meshroute', 'describe', join(dir, 'ex', 'color-app'), '--json'], { ...quiet, cwd: app });
    assert.equal(JSON.parse(viaNpx).valid, true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

// Package checks on the tarball a clean checkout packs (test/_support/packed.ts, shared with the other
// package tests): publint (package.json fields, exports, files) and @arethetypeswrong/cli (types
// resolve for node10, node16 from CJS and ESM, and bundlers). Both read the tarball, so neither runs
// `npm pack` here (whose prepack would rebuild dist/ under the other tests' feet).
// Skipped only when MESHROUTE_SKIP_PACK=1 is set explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { PACK_SKIP as skip, packedPackage } from '../_support/packed.js';

function run(bin: string, args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `${bin} ${args.join(' ')} failed:\n${out}`);
  return out;
}

test('publint --strict: no errors, warnings or suggestions', { skip, timeout: 600_000 }, () => {
  const out = run('node_modules/publint/src/cli.js', ['run', packedPackage().tarball, '--strict']);
  assert.match(out, /All good!/, out);
});

test('attw: types resolve for every entry and resolution mode', { skip, timeout: 600_000 }, () => {
  // The IIFE (window.meshroute) is exported only so a build can copy it (require.resolve); it is a
  // <script>, not a module to import, so it has no types by design.
  const out = run('node_modules/@arethetypeswrong/cli/dist/index.js', [packedPackage().tarball, '--format', 'table-flipped', '--exclude-entrypoints', 'dist/meshroute.global.js']);
  assert.match(out, /No problems found/, out);
});

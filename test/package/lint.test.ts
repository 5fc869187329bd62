// Package checks on the packed tarball: publint (package.json fields, exports, files) and
// @arethetypeswrong/cli (types resolve for node10, node16 from CJS and ESM, and bundlers).
// Needs the built dist/. Skipped only when MESHROUTE_SKIP_PACK=1 is set explicitly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const skip = process.env.MESHROUTE_SKIP_PACK === '1' ? 'MESHROUTE_SKIP_PACK=1: package checks skipped on request' : false;

function run(bin: string, args: string[]): string {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  const out = `${r.stdout}\n${r.stderr}`;
  assert.equal(r.status, 0, `${bin} ${args.join(' ')} failed:\n${out}`);
  return out;
}

test('publint --strict: no errors, warnings or suggestions', { skip, timeout: 120_000 }, () => {
  assert.ok(existsSync('dist/index.js'), 'dist/ is not built: run npm run build');
  const out = run('node_modules/publint/src/cli.js', ['--strict']);
  assert.match(out, /All good!/, out);
});

test('attw --pack: types resolve for every entry and resolution mode', { skip, timeout: 180_000 }, () => {
  assert.ok(existsSync('dist/index.js'), 'dist/ is not built: run npm run build');
  const out = run('node_modules/@arethetypeswrong/cli/dist/index.js', ['--pack', '.', '--format', 'table-flipped']);
  assert.match(out, /No problems found/, out);
});

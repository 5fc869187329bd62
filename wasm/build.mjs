// Builds dist/meshroute-filter.wasm from wasm/assembly (AssemblyScript 0.28, proxy-wasm ABI v0.2.1).
// Usage (from anywhere):  node wasm/build.mjs            → dist/meshroute-filter.wasm
//                         node wasm/build.mjs --control  → also .bench-tmp/null-filter.wasm and filter-logic.wasm (bench/wasm's controls)
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');

function build(entry, out, abort) {
  mkdirSync(dirname(join(root, out)), { recursive: true });
  // Built under a temporary name and renamed: concurrent test files may build at the same time.
  const tmp = `${out}.${process.pid}.tmp`;
  const args = [asc, entry, '-o', tmp, '-O3', '--noAssert', '--exportStart', '_initialize', '--use', `abort=${abort}`, '--runtime', 'incremental'];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  renameSync(join(root, tmp), join(root, out));
  console.log(`built ${out} (${statSync(join(root, out)).size} bytes)`);
}

build('wasm/assembly/index.ts', 'dist/meshroute-filter.wasm', 'wasm/assembly/abi/exports/abortHandler');
if (process.argv.includes('--control')) {
  build('wasm/assembly/null-filter.ts', '.bench-tmp/null-filter.wasm', 'wasm/assembly/null-filter/abortHandler');
  build('wasm/assembly/bench-entry.ts', '.bench-tmp/filter-logic.wasm', 'wasm/assembly/bench-entry/abortHandler');
}

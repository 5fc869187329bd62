// Builds dist/meshroute-filter.wasm from wasm/assembly (AssemblyScript 0.28, proxy-wasm ABI v0.2.1).
// Usage: node wasm/build.mjs   (from the repository root; also `npm run build:wasm`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'meshroute-filter.wasm');
mkdirSync(dirname(out), { recursive: true });
const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
const args = [
  asc, 'wasm/assembly/index.ts', '-o', out,
  '-O3', '--noAssert', '--exportStart', '_initialize', '--use', 'abort=wasm/assembly/abi/exports/abortHandler',
  '--runtime', 'incremental', '--exportRuntime', 'false',
];
const r = spawnSync(process.execPath, args.filter((a) => a !== '--exportRuntime' && a !== 'false'), { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(r.status ?? 1);
console.log(`built ${out} (${statSync(out).size} bytes)`);

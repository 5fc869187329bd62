// Shared by the wasm tests: builds dist/meshroute-filter.wasm when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FILTER_WASM_PATH } from '../../wasm/host/index.js';

function newestSource(dir: string): number {
  let t = 0;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const s = statSync(p);
    t = Math.max(t, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return t;
}

/** Builds the filter if needed (a fresh clone has no dist/). */
export function ensureFilterBuilt(): void {
  if (existsSync(FILTER_WASM_PATH) && statSync(FILTER_WASM_PATH).mtimeMs >= newestSource('wasm/assembly')) return;
  const r = spawnSync(process.execPath, ['wasm/build.mjs'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node wasm/build.mjs failed');
}

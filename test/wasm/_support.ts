// Shared by the wasm tests: builds dist/meshroute-filter.wasm when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FILTER_WASM_PATH, stickyRandom } from '../../wasm/host/index.js';
import { decodeTable } from '../../src/table/index.js';
import type { Decision, RouteRequest, Router } from '../../src/evaluate/index.js';

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

/** Total target weight of each route of the table's first gateway, by display name. */
export function routeWeights(table: Uint8Array): Map<string, number> {
  const d = decodeTable(table);
  const gw = d.routers.find((r) => r.kind === 1)!;
  const out = new Map<string, number>();
  for (let i = gw.firstRoute; i < gw.firstRoute + gw.routeCount; i++) {
    const r = d.routes[i]!;
    let total = 0;
    for (let t = r.firstTarget; t < r.firstTarget + r.targetCount; t++) total += d.targets[t]!.weight;
    out.set(d.strings[r.name]!, total);
  }
  return out;
}

/**
 * The runtime's decision when the filter's sticky pick applies (the request carries x-request-id
 * `id`): the winner does not depend on random(), so route once to find it, then again with the
 * random value that lands on stickyHash(id) mod its total weight.
 */
export function stickyDecision(router: Router, weights: Map<string, number>, req: RouteRequest, id: string): Decision {
  const first = router.route(req, { random: () => 0 });
  const total = first.gatewayRoute === null ? 0 : weights.get(first.gatewayRoute) ?? 0;
  return total > 0 ? router.route(req, { random: () => stickyRandom(id, total) }) : first;
}

// Shared by the wasm tests: builds dist/meshroute-filter.wasm when it is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { FILTER_WASM_PATH, stickyRandom } from '../../wasm/host/index.js';
import { decodeTable } from '../../src/table/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
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
  // A runtime with sticky keys (issue 5) takes `stickyKey` and ignores `random`; this one takes `random`.
  const sticky = { stickyKey: 'x-request-id' };
  const first = router.route(req, { ...sticky, random: () => 0 });
  // match() takes no options, so it may take the fast path (src/evaluate/fast-path.ts) that route() with options never does: the same winner.
  const fast = router.match(req);
  if ((fast?.gatewayRoute ?? null) !== first.gatewayRoute) {
    throw new Error(`match() names ${fast?.gatewayRoute ?? null}, route() ${first.gatewayRoute} for ${JSON.stringify(req)}`);
  }
  const total = first.gatewayRoute === null ? 0 : weights.get(first.gatewayRoute) ?? 0;
  return total > 0 ? router.route(req, { ...sticky, random: () => stickyRandom(id, total) }) : first;
}

/**
 * Re-lays a table with extra sections appended (kind, body), fixing the directory, the length and
 * the checksum: lets tests build two-stage tables (issue 5's sections 13–17) with this branch's compiler.
 */
export function withSections(table: Uint8Array, extra: { kind: number; body: Uint8Array }[]): Uint8Array {
  const v = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const n = v.getUint32(20, true);
  const sections: { kind: number; body: Uint8Array }[] = [];
  for (let i = 0; i < n; i++) {
    const e = 24 + 12 * i;
    const off = v.getUint32(e + 4, true), len = v.getUint32(e + 8, true);
    sections.push({ kind: v.getUint32(e, true), body: table.subarray(off, off + len) });
  }
  sections.push(...extra);
  let at = 24 + 12 * sections.length;
  const placed = sections.map((s) => { at = (at + 3) & ~3; const p = at; at += s.body.length; return p; });
  const out = new Uint8Array(at);
  out.set(table.subarray(0, 24));
  const o = new DataView(out.buffer);
  o.setUint32(20, sections.length, true);
  sections.forEach((s, i) => {
    o.setUint32(24 + 12 * i, s.kind, true);
    o.setUint32(28 + 12 * i, placed[i]!, true);
    o.setUint32(32 + 12 * i, s.body.length, true);
    out.set(s.body, placed[i]!);
  });
  o.setUint32(12, out.length, true);
  o.setUint32(16, tableChecksum(out, 16, out.length), true);
  return out;
}

/** An array section body: u32 count, then the records' u32 fields. */
export function u32Records(records: number[][]): Uint8Array {
  const fields = records.flat();
  const out = new Uint8Array(4 + 4 * fields.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, records.length, true);
  fields.forEach((f, i) => v.setUint32(4 + 4 * i, f >>> 0, true));
  return out;
}

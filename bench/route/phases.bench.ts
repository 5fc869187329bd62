/**
 * Where route()'s time goes (issue 4 diagnostic): cumulative stages of route() on the route
 * benchmark's workload, and the cost of the primitives every stage is built from on this machine.
 *
 *   node --import tsx bench/route/phases.bench.ts [--quick]
 *
 * For N = 10, 100, 1,000, 10,000 gateway routes (bench/route/workload.ts), each size in a fresh
 * process, the 1,000 requests go through, in interleaved rounds (same process, same JIT state):
 *   fill    fillRequest: the request copied into the router's reusable state;
 *   vhost   + findGroup + selectVhost: the listener group and the virtual host;
 *   winner  + findWinner: the trie walk, the path settled (query cut, normalization checked), the
 *           candidate lists merged by rank, the remaining criteria of each candidate;
 *   full    route() kept on its full path (an options object): + decide (the default prefix rewrite, the Decision object);
 *   fast    fastWinner alone: the fast path's one walk (src/evaluate/fast-path.ts), decided or not;
 *   route   the real route(): the fast path where it decides (the share is reported), else the full path.
 * and the primitives:
 *   walk     walkCodeUnits over the raw path alone (no settling);
 *   read     reading every code unit of the path once (charCodeAt in a loop): the floor of any
 *            algorithm that looks at the whole path in JavaScript;
 *   regex    one native regex test of the path (`/[?#]|\/[/.]/`, what settlePath uses on long rests);
 *   decision a 16-field object that escapes (the shape of a Decision).
 * ns per request: median over rounds of (round time / 1,000). Writes bench/results/phases.json
 * (rendered into bench/RESULTS.md by bench/run.ts).
 */
import { reportResult, runChild } from '../_child.js';
import { mkdirSync, writeFileSync } from 'node:fs';
import { compileGatewayTable } from '../../src/compile/index.js';
import { decodeTable } from '../../src/table/decode.js';
import { loadTableData } from '../../src/evaluate/loaded.js';
import { loadTable } from '../../src/evaluate/index.js';
import { findWinner, newScratch } from '../../src/evaluate/router.js';
import { emptyRequestState, fillRequest, findGroup, selectVhost } from '../../src/evaluate/select.js';
import { walkCodeUnits } from '../../src/evaluate/trie.js';
import { fastWinner, UNDECIDED } from '../../src/evaluate/fast-path.js';
import type { RouteRequest } from '../../src/evaluate/types.js';
import { modelFromApi } from '../../test/_support/vector-model.js';
import { makeWorkload } from './workload.js';
import { median } from '../_stats.js';

const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const SIZES = [10, 100, 1000, 10000];
const ROUND_BUDGET_MS = QUICK ? 1500 : 5000;
const OUT = 'bench/results/phases.json';
const STAGES = ['fill', 'vhost', 'winner', 'full', 'fast', 'route', 'walk', 'read', 'regex', 'decision'] as const;
type Stage = (typeof STAGES)[number];

interface Row { routes: number; pathUnits: number; ns: Record<Stage, number>; rounds: number; fastShare: number }

/** Any options object keeps route() off its fast path (src/evaluate/fast-path.ts): the full path, timed whole. */
const FULL_PATH = {};

/** Where `decision` stores its object, so that the allocation is not optimized away. */
let escaped: unknown = null;

function child(n: number): Row {
  const w = makeWorkload(n);
  const { model, gateway } = modelFromApi(w.resources);
  const bytes = compileGatewayTable(model, gateway, { routerStage: false });
  const rt = loadTableData(decodeTable(bytes)).gateway;
  const router = loadTable(bytes);
  const reqs: RouteRequest[] = w.requests;
  const paths = reqs.map((r) => r.path);
  const state = emptyRequestState();
  const scratch = newScratch();
  const root = rt.onlyGroup?.any?.root ?? -1;
  if (root < 0) throw new Error('the workload should have one listener group with a host-less trie');
  const NOT_PLAIN = /[?#]|\/[/.]/;
  const vhostOf = (r: RouteRequest) => {
    const req = fillRequest(rt, r, state);
    const g = findGroup(rt, req);
    return { req, vhost: g === undefined ? null : rt.virtualHost ? selectVhost(g, req) : g.any };
  };
  let sink = 0;
  const stage: Record<Stage, (i: number) => number> = {
    fill: (i) => fillRequest(rt, reqs[i]!, state).protocol,
    vhost: (i) => (vhostOf(reqs[i]!).vhost === null ? 0 : 1),
    winner: (i) => {
      const { req, vhost } = vhostOf(reqs[i]!);
      return vhost === null ? -1 : findWinner(rt, scratch, vhost, req);
    },
    full: (i) => (router.route(reqs[i]!, FULL_PATH).matched ? 1 : 0),
    fast: (i) => fastWinner(rt, reqs[i]!),
    route: (i) => (router.route(reqs[i]!).matched ? 1 : 0),
    walk: (i) => walkCodeUnits(rt.trie, scratch, root, paths[i]!, 0, rt.maxLists),
    read: (i) => {
      const p = paths[i]!;
      let x = 0;
      for (let k = 0; k < p.length; k++) x += p.charCodeAt(k);
      return x;
    },
    regex: (i) => (NOT_PLAIN.test(paths[i]!) ? 1 : 0),
    decision: (i) => {
      const d = { matched: true, status: null, grpcStatus: null, stage: null, gatewayRoute: paths[i]!, virtualService: paths[i]!, targetPort: i, path: paths[i]!, authority: paths[i]!,
        virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null };
      escaped = d;
      return d.targetPort;
    },
  };
  const times = Object.fromEntries(STAGES.map((s) => [s, [] as number[]])) as Record<Stage, number[]>;
  const end = performance.now() + ROUND_BUDGET_MS;
  let rounds = 0;
  while (performance.now() < end || rounds < 20) {
    for (const s of STAGES) {
      const f = stage[s];
      const t0 = performance.now();
      for (let i = 0; i < reqs.length; i++) sink += f(i);
      times[s].push(((performance.now() - t0) * 1e6) / reqs.length);
    }
    rounds++;
  }
  // The first quarter warms the JIT up.
  const ns = Object.fromEntries(STAGES.map((s) => [s, median(times[s].slice(rounds >> 2))])) as Record<Stage, number>;
  if (sink === 0.5) console.log(escaped);
  const fastShare = reqs.filter((r) => fastWinner(rt, r) !== UNDECIDED).length / reqs.length;
  return { routes: n, pathUnits: paths.reduce((a, p) => a + p.length, 0) / paths.length, ns, rounds, fastShare };
}

function parent(): void {
  const rows: Row[] = [];
  for (const n of SIZES) {
    const args = ['--import', 'tsx', 'bench/route/phases.bench.ts', '--child', String(n), ...(QUICK ? ['--quick'] : [])];
    const row = runChild<Row>(args, `phases benchmark at ${n} routes`);
    rows.push(row);
    console.log(`${String(n).padStart(5)} routes: ${STAGES.map((s) => `${s} ${row.ns[s].toFixed(1)}`).join('  ')} ns`);
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(OUT, JSON.stringify({ date: new Date().toISOString(), node: process.version, settings: { roundBudgetMs: ROUND_BUDGET_MS, quick: QUICK }, rows }, null, 2) + '\n');
  console.log(`wrote ${OUT}`);
}

const at = argv.indexOf('--child');
if (at >= 0) reportResult(child(Number(argv[at + 1])));
else parent();

/**
 * Agreement check of the side-by-side benchmark: every adapter must return meshroute's route for
 * every request of every workload before anything is timed. Also checks meshroute itself against
 * the plain-rule model (first match in App Mesh precedence order), so a wrong meshroute cannot make
 * every peer look wrong. Used by peers.bench.ts and test/bench/peers-agree.test.ts.
 */
import { ADAPTERS, DECODE_ONLY, MESHROUTE, type Adapter } from './adapters.js';
import { compileMeshroute } from './mesh-table.js';
import { makePeerWorkload, precedenceOrder, ruleMatches, WORKLOADS, type PeerWorkload, type WorkloadName } from './workload.js';

export interface Mismatch {
  router: string;
  workload: WorkloadName;
  path: string;
  cls: string;
  expected: string | undefined;
  got: string | undefined;
}

/** The plain-rule model's answer for each request. */
export function modelAnswers(w: PeerWorkload): (string | undefined)[] {
  const ordered = precedenceOrder(w.rules);
  return w.requests.map((r) => ordered.find((rule) => ruleMatches(rule, r.path))?.id);
}

/** Mismatches of one adapter against `expected` on workload `w`; a build error counts as a mismatch on every request. */
export function checkAdapter(a: Adapter, w: PeerWorkload, expected: readonly (string | undefined)[]): Mismatch[] {
  const out: Mismatch[] = [];
  let built;
  try {
    built = a.build(w);
  } catch (err) {
    return [{ router: a.name, workload: w.name, path: '(build)', cls: 'build', expected: 'a router', got: `threw ${(err as Error).message}` }];
  }
  w.requests.forEach((req, i) => {
    // Both string modes: the prebuilt input, and one made from a fresh copy of the path (what the fresh mode times).
    for (const input of [built.inputs[i], built.fromPath(Buffer.from(req.path, 'latin1').toString('latin1'))]) {
      let got: string | undefined;
      try {
        got = built.lookup(input);
      } catch (err) {
        got = `threw ${(err as Error).message}`;
      }
      if (got !== expected[i]) {
        out.push({ router: a.name, workload: w.name, path: req.path, cls: req.cls, expected: expected[i], got });
        break;
      }
    }
  });
  return out;
}

/** Every adapter (or the named ones) on every workload; meshroute is checked against the model, the others against meshroute. */
export function checkAll(names?: readonly string[], workloads: readonly WorkloadName[] = WORKLOADS): Mismatch[] {
  // decode-only is a control that answers nothing: it has nothing to agree on.
  const adapters = ADAPTERS.filter((a) => a.name !== DECODE_ONLY && (names === undefined || a.name === MESHROUTE || names.includes(a.name)));
  const mesh = ADAPTERS.find((a) => a.name === MESHROUTE)!;
  const out: Mismatch[] = [];
  for (const name of workloads) {
    const w = makePeerWorkload(name);
    compileMeshroute(w);
    const model = modelAnswers(w);
    out.push(...checkAdapter(mesh, w, model).map((m) => ({ ...m, router: `${MESHROUTE} (vs the precedence model)` })));
    const built = mesh.build(w);
    const expected = built.inputs.map((x) => built.lookup(x));
    for (const a of adapters) if (a.name !== MESHROUTE) out.push(...checkAdapter(a, w, expected));
  }
  return out;
}

/** A readable report: counts per router and workload, then the first mismatches of each. */
export function formatMismatches(ms: readonly Mismatch[], perRouter = 5): string {
  const groups = new Map<string, Mismatch[]>();
  for (const m of ms) {
    const k = `${m.router} on ${m.workload}`;
    groups.set(k, [...(groups.get(k) ?? []), m]);
  }
  const lines: string[] = [];
  for (const [k, g] of groups) {
    lines.push(`${k}: ${g.length} of 1000 requests disagree with meshroute`);
    for (const m of g.slice(0, perRouter)) lines.push(`  ${m.path} [${m.cls}]: expected ${m.expected ?? '(no route)'}, got ${m.got ?? '(no route)'}`);
  }
  lines.push('reproduce: node --import tsx bench/peers/peers.bench.ts --agree-only   (or node scripts/test.mjs test/bench/peers-agree)');
  return lines.join('\n');
}

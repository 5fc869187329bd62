/**
 * DFA minimization by partition refinement (Moore's algorithm): states are split by whether they
 * accept, then repeatedly by which blocks their transitions lead to, until nothing splits. Every
 * state that can never reach acceptance ends up with the dead state 0, so the matcher stops as
 * early as possible. States are renumbered in breadth-first order from the start (dead = 0), which
 * keeps dumps stable and drops unreachable states.
 */
import type { Dfa } from './dfa.js';

export function minimizeDfa(dfa: Dfa): Dfa {
  const { numStates: n, numClasses: nc, trans, accept } = dfa;
  let block = Int32Array.from(accept);
  let count = new Set(block).size;
  const sig = new Int32Array(nc + 1);
  for (;;) {
    // Signature of s: its block and the blocks of its targets; equal signatures share a new block.
    const buckets = new Map<number, number[]>(); // hash → new block ids with that hash
    const reps: number[] = []; // new block id → a state with that signature
    const next = new Int32Array(n);
    for (let s = 0; s < n; s++) {
      let h = (sig[0] = block[s]!);
      for (let c = 0; c < nc; c++) h = Math.imul(h ^ (sig[c + 1] = block[trans[s * nc + c]!]!), 0x01000193) | 0;
      const candidates = buckets.get(h);
      let id = -1;
      for (const b of candidates ?? []) if (sameSignature(reps[b]!, sig, block, trans, nc)) id = b;
      if (id < 0) {
        id = reps.length;
        reps.push(s);
        if (candidates) candidates.push(id);
        else buckets.set(h, [id]);
      }
      next[s] = id;
    }
    block = next;
    if (reps.length === count) break;
    count = reps.length;
  }
  return renumber(dfa, block);
}

function sameSignature(s: number, sig: Int32Array, block: Int32Array, trans: Uint16Array, nc: number): boolean {
  if (block[s] !== sig[0]) return false;
  for (let c = 0; c < nc; c++) if (block[trans[s * nc + c]!] !== sig[c + 1]) return false;
  return true;
}

/** Builds the quotient DFA over `block`, numbering blocks breadth-first from the start. */
function renumber(dfa: Dfa, block: Int32Array): Dfa {
  const { numClasses: nc, trans, accept } = dfa;
  const newId = new Map<number, number>([[block[0]!, 0]]);
  const rep: number[] = [0]; // one original state per new state
  const visit = (s: number): number => {
    const b = block[s]!;
    let id = newId.get(b);
    if (id === undefined) {
      id = rep.length;
      newId.set(b, id);
      rep.push(s);
    }
    return id;
  };
  const start = visit(dfa.start);
  const out: number[] = [];
  for (let i = 0; i < rep.length; i++) {
    const s = rep[i]!;
    for (let c = 0; c < nc; c++) out.push(visit(trans[s * nc + c]!));
  }
  return {
    classMap: dfa.classMap,
    numClasses: nc,
    numStates: rep.length,
    start,
    accept: Uint8Array.from(rep, (s) => accept[s]!),
    trans: Uint16Array.from(out),
  };
}

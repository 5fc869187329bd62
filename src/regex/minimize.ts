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
  let block = Array.from(accept, (a) => a);
  let count = new Set(block).size;
  for (;;) {
    const ids = new Map<string, number>();
    const next = new Array<number>(n);
    for (let s = 0; s < n; s++) {
      let key = String(block[s]);
      for (let c = 0; c < nc; c++) key += ',' + block[trans[s * nc + c]!];
      let id = ids.get(key);
      if (id === undefined) {
        id = ids.size;
        ids.set(key, id);
      }
      next[s] = id;
    }
    block = next;
    if (ids.size === count) break;
    count = ids.size;
  }
  return renumber(dfa, block);
}

/** Builds the quotient DFA over `block`, numbering blocks breadth-first from the start. */
function renumber(dfa: Dfa, block: readonly number[]): Dfa {
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

/**
 * Character NFA → complete DFA over an alphabet of code point classes (the intervals no set in the
 * NFA splits), by subset construction; then complement (flip acceptance — the DFA is complete, so
 * the dead state becomes accepting), Moore minimization, and trimming to the useful states.
 * Surrogates are outside the alphabet: they never occur in matched text (U+FFFD after encoding).
 */
import { MAX_RUNE, rangesContain } from './charset.js';
import type { CharNfa } from './char-nfa.js';

export interface CharDfa {
  /** Class k is the code points [classLo[k], classHi[k]]. */
  classLo: number[];
  classHi: number[];
  start: number;
  accept: boolean[];
  /** next[state][class] → state. */
  next: number[][];
}

export class CharDfaTooLarge extends Error {}

export function determinize(nfa: CharNfa, maxStates: number): CharDfa {
  const { classLo, classHi } = alphabet(nfa);
  const ids = new Map<string, number>();
  const sets: number[][] = [];
  const atStart: boolean[] = [];
  const intern = (set: number[], start: boolean): number => {
    const key = `${start ? 'S' : ''}${set.join(',')}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (sets.length >= maxStates) throw new CharDfaTooLarge(`more than ${maxStates} DFA states`);
    ids.set(key, sets.length);
    sets.push(set);
    atStart.push(start);
    return sets.length - 1;
  };
  const start = intern(closure(nfa, [nfa.start], true, false), true);
  const next: number[][] = [];
  const accept: boolean[] = [];
  for (let s = 0; s < sets.length; s++) {
    accept.push(closure(nfa, sets[s]!, atStart[s]!, true).includes(nfa.final));
    const row: number[] = [];
    for (let k = 0; k < classLo.length; k++) {
      const moved: number[] = [];
      for (const q of sets[s]!) for (const e of nfa.chars[q]!) if (rangesContain(e.ranges, classLo[k]!)) moved.push(e.to);
      row.push(intern(closure(nfa, moved, false, false), false));
    }
    next.push(row);
  }
  return { classLo, classHi, start, accept, next };
}

/** States reachable through ε edges, and begin / end anchor edges when they hold here; sorted. */
function closure(nfa: CharNfa, seeds: readonly number[], atStart: boolean, atEnd: boolean): number[] {
  const seen = new Set<number>();
  const stack = [...seeds];
  while (stack.length > 0) {
    const q = stack.pop()!;
    if (seen.has(q)) continue;
    seen.add(q);
    stack.push(...nfa.eps[q]!);
    if (atStart) stack.push(...nfa.begin[q]!);
    if (atEnd) stack.push(...nfa.end[q]!);
  }
  return [...seen].sort((a, b) => a - b);
}

/** The intervals of [0, MAX_RUNE] minus surrogates that no character edge splits. */
function alphabet(nfa: CharNfa): { classLo: number[]; classHi: number[] } {
  const cuts = new Set<number>([0, 0xd800, 0xe000, MAX_RUNE + 1]);
  for (const edges of nfa.chars) {
    for (const e of edges) {
      for (let i = 0; i < e.ranges.length; i += 2) {
        cuts.add(e.ranges[i]!);
        cuts.add(e.ranges[i + 1]! + 1);
      }
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const classLo: number[] = [];
  const classHi: number[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    if (sorted[i]! >= 0xd800 && sorted[i]! <= 0xdfff) continue;
    classLo.push(sorted[i]!);
    classHi.push(sorted[i + 1]! - 1);
  }
  return { classLo, classHi };
}

export function complementDfa(dfa: CharDfa): CharDfa {
  return { ...dfa, accept: dfa.accept.map((a) => !a) };
}

/** Moore partition refinement: states with the same acceptance and successor blocks merge. */
export function minimizeCharDfa(dfa: CharDfa): CharDfa {
  let block: number[] = dfa.accept.map((a) => (a ? 1 : 0));
  for (;;) {
    const ids = new Map<string, number>();
    const refined = dfa.next.map((row, s) => {
      const key = `${block[s]}|${row.map((t) => block[t]).join(',')}`;
      if (!ids.has(key)) ids.set(key, ids.size);
      return ids.get(key)!;
    });
    const stable = ids.size === new Set(block).size;
    block = refined;
    if (stable) break;
  }
  const count = Math.max(...block) + 1;
  const next: number[][] = Array.from({ length: count }, () => []);
  const accept: boolean[] = Array<boolean>(count).fill(false);
  dfa.next.forEach((row, s) => {
    next[block[s]!] = row.map((t) => block[t]!);
    accept[block[s]!] = dfa.accept[s]!;
  });
  return { ...dfa, start: block[dfa.start]!, accept, next };
}

/** The states on some path from the start to an accepting state (others never help a match). */
export function usefulStates(dfa: CharDfa): Set<number> {
  const reach = new Set<number>([dfa.start]);
  const stack = [dfa.start];
  const preds: number[][] = dfa.next.map(() => []);
  while (stack.length > 0) {
    const s = stack.pop()!;
    for (const t of dfa.next[s]!) {
      preds[t]!.push(s);
      if (!reach.has(t)) (reach.add(t), stack.push(t));
    }
  }
  const useful = new Set<number>();
  const back = [...reach].filter((s) => dfa.accept[s]);
  while (back.length > 0) {
    const s = back.pop()!;
    if (useful.has(s)) continue;
    useful.add(s);
    back.push(...preds[s]!);
  }
  return useful;
}

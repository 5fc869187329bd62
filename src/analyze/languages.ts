/**
 * Regular languages over UTF-8 bytes, built with this project's regex automata (src/regex): a
 * pattern becomes a minimized DFA; a language test is a search in the product of several DFAs.
 *
 *   findWitness({ all: [B, U], none: [A1, A2] })  →  the shortest string in B ∩ U ∖ (A1 ∪ A2)
 *
 * answers emptiness (null), intersection (no `none`), inclusion (B ⊆ A ⟺ B ∖ A empty) and gives
 * the shortest witness string at once (breadth-first search). Components that are dead prune a
 * branch; a `none` component in a state that accepts every continuation prunes it too — so prefix
 * literals cost only their length however many of them take part.
 */
import { buildDfa, type Dfa } from '../regex/dfa.js';
import { minimizeDfa } from '../regex/minimize.js';
import { compileProg } from '../regex/nfa.js';
import { parseRegex } from '../regex/parse.js';
import { simplify } from '../regex/simplify.js';
import { DEFAULT_MAX_PROGRAM_SIZE } from '../regex/compile.js';
import { MeshrouteError } from '../errors.js';

/**
 * DFA state budget for analysis. Larger than the table's (2,000: there it bounds table bytes) since
 * here it only bounds analysis time; a pattern past it makes its question "cannot decide".
 */
export const ANALYSIS_MAX_DFA_STATES = 10_000;

/**
 * Product states one search may visit. Prefix and exact literals keep the product close to the
 * literals' trie, so real gateways use a few hundred; past the budget the answer is "cannot decide".
 */
export const SEARCH_STATE_BUDGET = 50_000;

/** A DFA with the set of its states that accept every continuation ("universal"). */
export interface Lang {
  readonly dfa: Dfa;
  readonly start: number;
  /** 1 when every string read from this state on is accepted. */
  readonly universal: Uint8Array;
}

/** A language from an RE2 pattern (full match); null when its DFA exceeds the analysis budget. */
export function patternLang(pattern: string): Lang | null {
  let dfa: Dfa | null;
  try {
    dfa = buildDfa(compileProg(simplify(parseRegex(pattern)), pattern, DEFAULT_MAX_PROGRAM_SIZE), ANALYSIS_MAX_DFA_STATES);
  } catch (err) {
    if (err instanceof MeshrouteError) return null; // too complex (syntax was validated by the loader)
    throw err;
  }
  if (dfa === null) return null;
  const min = minimizeDfa(dfa);
  return { dfa: min, start: min.start, universal: universalStates(min) };
}

/** Escapes a literal for RE2 syntax (every character with a meaning gets a backslash). */
export function escapeLiteral(s: string): string {
  return s.replace(/[\\.+*?()|[\]{}^$]/g, '\\$&');
}

/** `s` exactly; null when `s` has a lone surrogate (requests then see U+FFFD: not decided here). */
export function exactLang(s: string): Lang | null {
  return hasLoneSurrogate(s) ? null : literalLang(UTF8.encode(s), false);
}

/** Every string starting with `s`. */
export function prefixLang(s: string): Lang | null {
  return hasLoneSurrogate(s) ? null : literalLang(UTF8.encode(s), true);
}

/**
 * A literal's DFA built directly (the regex pipeline would give the same automaton, ~50× slower):
 * state 1 + i has read i bytes; the last one accepts, and loops on every byte for a prefix. Note the
 * prefix loop accepts any byte, valid UTF-8 or not: questions are asked within NORMALIZED_PATHS or
 * header values, which are valid UTF-8.
 */
function literalLang(bytes: Uint8Array, prefix: boolean): Lang {
  const classMap = new Uint8Array(256); // class 0: bytes not in the literal
  const distinct = [...new Set(bytes)];
  distinct.forEach((b, k) => (classMap[b] = k + 1));
  const numClasses = distinct.length + 1;
  const numStates = bytes.length + 2;
  const trans = new Uint16Array(numStates * numClasses);
  const accept = new Uint8Array(numStates);
  for (let i = 0; i < bytes.length; i++) trans[(1 + i) * numClasses + classMap[bytes[i]!]!] = 2 + i;
  const last = 1 + bytes.length;
  accept[last] = 1;
  if (prefix) for (let c = 0; c < numClasses; c++) trans[last * numClasses + c] = last;
  const dfa: Dfa = { classMap, numClasses, numStates, start: 1, accept, trans };
  return { dfa, start: 1, universal: universalStates(dfa) };
}

const UTF8 = new TextEncoder();

/** The same language read after `bytes` (the Brzozowski derivative), by moving the start state. */
export function derivative(l: Lang, bytes: Uint8Array): Lang {
  let s = l.start;
  for (const b of bytes) s = l.dfa.trans[s * l.dfa.numClasses + l.dfa.classMap[b]!]!;
  return { dfa: l.dfa, start: s, universal: l.universal };
}

/** `bytes` followed by a string of `l`: a new DFA whose classes are single bytes. */
export function prependBytes(bytes: Uint8Array, l: Lang): Lang {
  const { dfa } = l;
  const n = dfa.numStates;
  const k = bytes.length;
  const numStates = n + k;
  const trans = new Uint16Array(numStates * 256);
  const accept = new Uint8Array(numStates);
  for (let s = 0; s < n; s++) {
    accept[s] = dfa.accept[s]!;
    for (let b = 0; b < 256; b++) trans[s * 256 + b] = dfa.trans[s * dfa.numClasses + dfa.classMap[b]!]!;
  }
  // New state n + i waits for bytes[i]; the last one continues at l's start.
  for (let i = 0; i < k; i++) trans[(n + i) * 256 + bytes[i]!] = i + 1 < k ? n + i + 1 : l.start;
  const classMap = Uint8Array.from({ length: 256 }, (_, b) => b);
  if (k === 0) return l;
  const out: Dfa = { classMap, numClasses: 256, numStates, start: n, accept, trans };
  return { dfa: out, start: n, universal: universalStates(out) };
}

export interface Formula {
  /** The string must be in every one of these. */
  all: readonly Lang[];
  /** …and in none of these. */
  none?: readonly Lang[];
}

/** `string`: the shortest witness (bytes decoded as UTF-8); null: the language is empty; 'budget': cannot decide. */
export type SearchResult = { kind: 'witness'; bytes: Uint8Array; text: string } | { kind: 'empty' } | { kind: 'budget' };

/** Breadth-first search of the product automaton; shortest witness first, nicer bytes first. */
export function findWitness(f: Formula, budget = SEARCH_STATE_BUDGET): SearchResult {
  const all = f.all;
  const none = f.none ?? [];
  const startAll = all.map((l) => l.start);
  if (startAll.some((s) => s === 0)) return { kind: 'empty' };
  const startNone = activeNone(none, none.map((_, i) => i), none.map((l) => l.start));
  if (startNone === null) return { kind: 'empty' };
  interface Node { all: number[]; none: [number, number][]; parent: number; byte: number }
  const nodes: Node[] = [{ all: startAll, none: startNone, parent: -1, byte: -1 }];
  const seen = new Set<string>([keyOf(startAll, startNone)]);
  const repsByActive = new Map<string, number[]>();
  for (let head = 0; head < nodes.length; head++) {
    const node = nodes[head]!;
    if (all.every((l, i) => l.dfa.accept[node.all[i]!] === 1) && node.none.every(([i, s]) => none[i]!.dfa.accept[s] !== 1)) {
      return witnessOf(nodes, head);
    }
    const activeKey = node.none.map(([i]) => i).join(',');
    let reps = repsByActive.get(activeKey);
    if (reps === undefined) repsByActive.set(activeKey, (reps = representatives(all, none, node.none)));
    for (const b of reps) {
      const nextAll = node.all.map((s, i) => step(all[i]!, s, b));
      if (nextAll.some((s) => s === 0)) continue;
      const nextNone = activeNone(none, node.none.map(([i]) => i), node.none.map(([i, s]) => step(none[i]!, s, b)));
      if (nextNone === null) continue;
      const key = keyOf(nextAll, nextNone);
      if (seen.has(key)) continue;
      if (seen.size >= budget) return { kind: 'budget' };
      seen.add(key);
      nodes.push({ all: nextAll, none: nextNone, parent: head, byte: b });
    }
  }
  return { kind: 'empty' };
}

/**
 * Up to `count` strings of the intersection of `all`, shortest first (breadth-first, nicer bytes
 * first), visiting at most `budget` product states: cheap candidates for witnesses, tested one by
 * one against other languages with `accepts` before a full product search is needed. `complete`
 * is set when the search ran out of strings (fewer than `count` exist: none at all means empty).
 */
export function enumerate(all: readonly Lang[], count: number, budget = 2_000): Uint8Array[] & { complete?: boolean } {
  const out: Uint8Array[] & { complete?: boolean } = [];
  const start = all.map((l) => l.start);
  if (start.some((s) => s === 0)) return out;
  const isAccepting = (states: number[]) => all.every((l, i) => l.dfa.accept[states[i]!] === 1);
  const nodes: { states: number[]; parent: number; byte: number }[] = [{ states: start, parent: -1, byte: -1 }];
  if (isAccepting(start)) out.push(new Uint8Array(0));
  const seen = new Set<string>([start.join(',')]);
  const reps = representatives(all, [], []);
  for (let head = 0; head < nodes.length; head++) {
    const node = nodes[head]!;
    for (const b of reps) {
      const next = node.states.map((s, i) => step(all[i]!, s, b));
      if (next.some((s) => s === 0)) continue;
      // Every accepted string counts (shortest strings often differ only in their last byte); a state is expanded once.
      if (isAccepting(next)) {
        const bytes = (witnessOf(nodes, head) as { bytes: Uint8Array }).bytes;
        const withB = new Uint8Array(bytes.length + 1);
        withB.set(bytes);
        withB[bytes.length] = b;
        out.push(withB);
        if (out.length >= count) return out;
      }
      const key = next.join(',');
      if (seen.has(key)) continue;
      if (seen.size >= budget) return out;
      seen.add(key);
      nodes.push({ states: next, parent: head, byte: b });
    }
  }
  out.complete = true; // every string of the intersection was seen: there are no more
  return out;
}

/** Whether `l` accepts the bytes `s`. */
export function acceptsBytes(l: Lang, s: Uint8Array): boolean {
  let st = l.start;
  const { trans, classMap, numClasses, accept } = l.dfa;
  for (let i = 0; i < s.length && st !== 0; i++) st = trans[st * numClasses + classMap[s[i]!]!]!;
  return accept[st] === 1;
}

export function decode(bytes: Uint8Array): string {
  return DECODER.decode(bytes);
}

// ------- internal functions -------

function step(l: Lang, s: number, b: number): number {
  return l.dfa.trans[s * l.dfa.numClasses + l.dfa.classMap[b]!]!;
}

/** The `none` components still alive (dead ones dropped); null when one accepts everything from here on. */
function activeNone(none: readonly Lang[], idx: number[], states: number[]): [number, number][] | null {
  const out: [number, number][] = [];
  for (let k = 0; k < idx.length; k++) {
    const s = states[k]!;
    if (s === 0) continue;
    if (none[idx[k]!]!.universal[s] === 1) return null;
    out.push([idx[k]!, s]);
  }
  return out;
}

function keyOf(all: number[], none: [number, number][]): string {
  let k = all.join(',') + '|';
  for (const [i, s] of none) k += `${i}:${s},`;
  return k;
}

function witnessOf(nodes: { parent: number; byte: number }[], at: number): SearchResult {
  const bytes: number[] = [];
  for (let i = at; nodes[i]!.parent >= 0; i = nodes[i]!.parent) bytes.push(nodes[i]!.byte);
  bytes.reverse();
  const u8 = Uint8Array.from(bytes);
  return { kind: 'witness', bytes: u8, text: DECODER.decode(u8) };
}

const DECODER = new TextDecoder();

/**
 * One byte per class of bytes no active component tells apart, the nicest byte of each class, the
 * classes in order of niceness: witnesses read like paths people write (`/a/b`, not `/\x00`).
 */
function representatives(all: readonly Lang[], none: readonly Lang[], active: [number, number][]): number[] {
  const cls = new Int32Array(256);
  const refine = (map: Uint8Array): void => {
    const ids = new Map<number, number>();
    for (let b = 0; b < 256; b++) {
      const key = cls[b]! * 65536 + map[b]!;
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      cls[b] = id;
    }
  };
  for (const l of all) refine(l.dfa.classMap);
  for (const [i] of active) refine(none[i]!.dfa.classMap);
  const taken = new Set<number>();
  const reps: number[] = [];
  for (const b of NICE_ORDER) {
    if (taken.has(cls[b]!)) continue;
    taken.add(cls[b]!);
    reps.push(b);
  }
  return reps;
}

/** Bytes by preference: lower-case letters, digits, upper case, common URL punctuation, other printable ASCII, non-ASCII, controls. */
const NICE_ORDER: number[] = (() => {
  const out: number[] = [];
  const add = (from: number, to: number): void => { for (let b = from; b <= to; b++) if (!out.includes(b)) out.push(b); };
  add(0x61, 0x7a);
  add(0x30, 0x39);
  add(0x41, 0x5a);
  for (const c of '/-_.~') add(c.charCodeAt(0), c.charCodeAt(0));
  add(0x21, 0x7e);
  add(0x80, 0xff);
  add(0x20, 0x20);
  add(0x00, 0x1f);
  add(0x7f, 0x7f);
  return out;
})();

/** States from which every continuation is accepted: those that cannot reach a rejecting state. */
function universalStates(dfa: Dfa): Uint8Array {
  const { numStates: n, numClasses: nc, trans, accept } = dfa;
  const reverse: number[][] = Array.from({ length: n }, () => []);
  for (let s = 0; s < n; s++) for (let c = 0; c < nc; c++) reverse[trans[s * nc + c]!]!.push(s);
  const rejects = new Uint8Array(n); // 1 = can reach a rejecting state
  const stack: number[] = [];
  for (let s = 0; s < n; s++) if (accept[s] !== 1) { rejects[s] = 1; stack.push(s); }
  while (stack.length > 0) {
    const s = stack.pop()!;
    for (const p of reverse[s]!) if (rejects[p] === 0) { rejects[p] = 1; stack.push(p); }
  }
  return rejects.map((r) => 1 - r);
}

function hasLoneSurrogate(s: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
}

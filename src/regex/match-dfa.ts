/** DFA execution of a validated automaton (see DfaMatcher). */
import type { Automaton, AutomatonData } from './automaton.js';

/**
 * A call stops accelerating after MAX_SHORT_SKIPS skips shorter than SHORT_SKIP characters: an
 * indexOf call costs a few table steps, so runs that short are cheaper to step through
 * (`(?:[^/]+/)+` on `a/b/c/…` enters its accelerated state every other character).
 */
const enum Skip {
  SHORT_SKIP = 4,
  MAX_SHORT_SKIPS = 2,
}

/**
 * The state every byte of [lo, hi] takes state `s` to, or -1 when they disagree. In a minimized
 * DFA each UTF-8 continuation step of an accelerated state has one such state; when it does not,
 * the state is simply not accelerated (a speed choice, never an answer change).
 */
function onlyTarget(d: Extract<AutomatonData, { kind: 'dfa' }>, s: number, lo: number, hi: number): number {
  const row = s * d.numClasses;
  const t = d.trans[row + d.classMap[lo]!]!;
  for (let b = lo + 1; b <= hi; b++) if (d.trans[row + d.classMap[b]!] !== t) return -1;
  return t;
}

/**
 * The one ASCII character that leaves DFA state `q` while every other character, ASCII or not,
 * loops back to it (the state of `[^/]*`, or of a trailing `.*`), or -1. `cont[s]` memoizes
 * onlyTarget(s, 0x80, 0xbf) (-2: not yet), so checking every state costs O(states × 256), not the
 * states × 64³ that following sets of states through three continuation bytes could cost on hostile bytes.
 */
function exitChar(d: Extract<AutomatonData, { kind: 'dfa' }>, q: number, cont: Int32Array): number {
  const { trans, classMap, numClasses: nc } = d;
  let exit = -1;
  for (let c = 0; c < 0x80; c++) {
    if (trans[q * nc + classMap[c]!] === q) continue;
    if (exit >= 0) return -1;
    exit = c;
  }
  // Every well-formed non-ASCII UTF-8 sequence (Unicode Table 3-7; strings encode to nothing else,
  // lone surrogates becoming U+FFFD) must lead back to q.
  for (let lead = 0xc2; lead < 0xf5; lead++) {
    let s = trans[q * nc + classMap[lead]!]!;
    for (let k = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3, first = true; k > 0 && s >= 0; k--, first = false) {
      const lo = first && lead === 0xe0 ? 0xa0 : first && lead === 0xf0 ? 0x90 : 0x80;
      const hi = first && lead === 0xed ? 0x9f : first && lead === 0xf4 ? 0x8f : 0xbf;
      if (lo !== 0x80 || hi !== 0xbf) s = onlyTarget(d, s, lo, hi);
      else s = cont[s]! !== -2 ? cont[s]! : (cont[s] = onlyTarget(d, s, 0x80, 0xbf));
    }
    if (s !== q) return -1;
  }
  return exit;
}

/**
 * DFA execution: one table lookup per byte. At load time transitions are rewritten to row offsets
 * (target × numClasses), so the hot loop is `s = trans[s + classMap[byte]]` with no multiply;
 * row offset 0 is the dead state.
 *
 * Acceleration: a state that only one ASCII character leaves (`[^/]+`, a trailing `.*`) is left
 * by searching for that character with `indexOf`, natively, instead of stepping through the run
 * (each character is still looked at once: linear time). Such states are renumbered to rows 1..k,
 * so one `s <= top` test per character covers both them and the dead state.
 */
export class DfaMatcher implements Automaton {
  private readonly classMap: Uint8Array;
  private readonly accept: Uint8Array;
  private readonly rows: Int32Array;
  private readonly nc: number;
  private readonly start: number;
  /** Row offsets ≤ top: the dead state and the accelerated ones. */
  private readonly top: number;
  /** The exit character of accelerated rows, by row offset. */
  private readonly exit: string[] = [];

  constructor(d: Extract<AutomatonData, { kind: 'dfa' }>) {
    const nc = d.numClasses;
    const exits = [-1];
    const order = [0];
    const cont = new Int32Array(d.numStates).fill(-2);
    for (let q = 1; q < d.numStates; q++) if ((exits[q] = exitChar(d, q, cont)) >= 0) order.push(q);
    const top = order.length - 1;
    for (let q = 1; q < d.numStates; q++) if (exits[q]! < 0) order.push(q);
    const row = new Int32Array(d.numStates);
    order.forEach((q, i) => (row[q] = i * nc));
    this.nc = nc;
    this.classMap = d.classMap;
    this.accept = new Uint8Array(d.numStates);
    this.rows = new Int32Array(d.trans.length);
    order.forEach((q, i) => {
      this.accept[i] = d.accept[q]!;
      for (let c = 0; c < nc; c++) this.rows[i * nc + c] = row[d.trans[q * nc + c]!]!;
      if (i > 0 && i <= top) this.exit[i * nc] = String.fromCharCode(exits[q]!);
    });
    this.top = top * nc;
    this.start = row[d.start]!;
  }

  fullMatch(input: string): boolean {
    const t = this.rows;
    const m = this.classMap;
    let top = this.top;
    let shortSkips = Skip.MAX_SHORT_SKIPS;
    let s = this.start;
    const n = input.length;
    for (let i = 0; i < n; i++) {
      if (s <= top) {
        if (s === 0) return false;
        const j = input.indexOf(this.exit[s]!, i);
        if (j < 0) break;
        if (j - i < Skip.SHORT_SKIP && --shortSkips === 0) top = 0;
        i = j;
      }
      let c = input.charCodeAt(i);
      if (c < 0x80) {
        s = t[s + m[c]!]!;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < n ? input.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
          i++;
        } else c = 0xfffd;
      }
      if (c < 0x800) {
        s = t[s + m[0xc0 | (c >> 6)]!]!;
      } else {
        if (c < 0x10000) {
          s = t[s + m[0xe0 | (c >> 12)]!]!;
        } else {
          s = t[s + m[0xf0 | (c >> 18)]!]!;
          s = t[s + m[0x80 | ((c >> 12) & 0x3f)]!]!;
        }
        s = t[s + m[0x80 | ((c >> 6) & 0x3f)]!]!;
      }
      s = t[s + m[0x80 | (c & 0x3f)]!]!;
    }
    return this.accept[s / this.nc] === 1; // s is a row offset: a multiple of nc
  }
}

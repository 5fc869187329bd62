/**
 * Byte-level NFA program → DFA for boolean full match, by subset construction over byte classes.
 *
 * Zero-width assertions use the one-byte look-behind technique: a DFA state is the set of NFA
 * instructions waiting for the next byte (RANGE and MATCH, plus ASSERTs not yet decided) together
 * with the few facts about the previous byte those ASSERTs need (start of text, after `\n`, after a
 * word byte). An ASSERT is decided when the next byte — or the end of the input — is known: on a
 * transition it is followed if it holds between the previous byte and the transition byte; at the
 * end of the input, `accept[state]` says whether MATCH is reachable with end-of-text facts.
 * Since RE2's `\b` is ASCII-only, looking at one byte is exact.
 */
import { Assertion } from './ast.js';
import { Op, usedAssertions, type Prog } from './prog.js';

/** A DFA over byte classes. State 0 is the dead state (no transition leaves it, it never accepts). */
export interface Dfa {
  readonly classMap: Uint8Array; // byte → class
  readonly numClasses: number;
  readonly numStates: number;
  readonly start: number;
  readonly accept: Uint8Array; // 1 if the input may end in this state
  readonly trans: Uint16Array; // [state * numClasses + class] → state
}

/**
 * Hard ceiling on DFA states: transitions are stored as u16, so larger DFAs are not encodable;
 * RegexOptions.maxDfaStates may only lower it.
 */
export const DFA_STATE_CEILING = 0xffff;

/**
 * Instruction visits allowed while building one DFA: bounds build time (~a few hundred ms at
 * worst) for huge programs; past it the compiler keeps the NFA, which is linear anyway.
 */
export const DFA_WORK_BUDGET = 20_000_000;

// Opcodes and assertions are enums (prog.ts, ast.ts): esbuild inlines them, so hot loops read no
// object property. The constants below are enums for the same reason.

/** `closure` modes for when the next byte is not known yet. */
const enum Holds {
  UNDECIDED = -1,
  UNDECIDED_AT_START = -2,
}

/** What `assertionsAt` needs to know about the previous byte. */
const enum Ctx {
  START = 1, // no byte read yet
  NEWLINE = 2, // the previous byte was \n
  WORD = 4, // the previous byte was an ASCII word byte
}

const LINE_ASSERTIONS = Assertion.BEGIN_LINE | Assertion.END_LINE;
const WORD_ASSERTIONS = Assertion.WORD_BOUNDARY | Assertion.NON_WORD_BOUNDARY;

export function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x61 && b <= 0x7a);
}

/** The assertions that hold between a byte read in context `ctx` and byte `b` (-1 = end of input). */
export function assertionsAt(ctx: number, b: number): number {
  let f = 0;
  if (ctx & Ctx.START) f |= Assertion.BEGIN_TEXT | Assertion.BEGIN_LINE;
  else if (ctx & Ctx.NEWLINE) f |= Assertion.BEGIN_LINE;
  if (b === 0x0a || b < 0) f |= Assertion.END_LINE;
  if (b < 0) f |= Assertion.END_TEXT;
  const nextWord = b >= 0 && isWordByte(b);
  f |= nextWord !== ((ctx & Ctx.WORD) !== 0) ? Assertion.WORD_BOUNDARY : Assertion.NON_WORD_BOUNDARY;
  return f;
}

/**
 * Partition of the 256 byte values into classes no instruction or assertion can tell apart:
 * boundaries at every RANGE edge, at \n when line assertions are used and at word-byte edges when
 * \b or \B are used. Returns the class of each byte and one representative byte per class.
 */
export function byteClasses(prog: Prog): { classMap: Uint8Array; reps: number[] } {
  const cut = new Uint8Array(257);
  for (let i = 0; i < prog.op.length; i++) {
    if (prog.op[i] !== Op.RANGE) continue;
    cut[prog.lo[i]!] = 1;
    cut[prog.hi[i]! + 1] = 1;
  }
  const used = usedAssertions(prog);
  if (used & LINE_ASSERTIONS) cut[0x0a] = cut[0x0b] = 1;
  if (used & WORD_ASSERTIONS) for (const b of [0x30, 0x3a, 0x41, 0x5b, 0x5f, 0x60, 0x61, 0x7b]) cut[b] = 1;
  const classMap = new Uint8Array(256);
  const reps: number[] = [0];
  for (let b = 1; b < 256; b++) {
    if (cut[b]) reps.push(b);
    classMap[b] = reps.length - 1;
  }
  return { classMap, reps };
}

/**
 * Subset construction; null when the DFA would need more than `maxStates` states or too much work.
 * Written as closures over the builder's state rather than a class (smaller minified: no ``).
 */
export function buildDfa(prog: Prog, maxStatesIn: number): Dfa | null {
  const maxStates = Math.min(maxStatesIn, DFA_STATE_CEILING);
  const n = prog.op.length;
  const used = usedAssertions(prog);
  const mark = new Int32Array(n);
  const stack = new Int32Array(3 * n + 1); // pushes ≤ seeds (≤ n) + two per SPLIT
  let gen = 0;
  let work = 0;
  const ids = new Map<string, number>();
  const sets: Int32Array[] = [];
  const ctxs: number[] = [];

  /** The state id of (set, ctx), adding it if new; -1 when the state budget is exhausted. */
  function intern(set: Int32Array, ctx: number): number {
    const key = `${set.join(',')}/${ctx}`;
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (sets.length >= maxStates) return -1;
    ids.set(key, sets.length);
    sets.push(set);
    ctxs.push(ctx);
    return sets.length - 1;
  }

  function hasAssert(set: Int32Array): boolean {
    return set.some((pc) => prog.op[pc] === Op.ASSERT);
  }

  /**
   * The previous-byte facts to remember after reading byte `b` into `set`. Only a set with
   * undecided ASSERTs needs any; it gets every fact the program's assertions use, because an ASSERT
   * can lead to further ASSERTs (`\z\B`) that are decided at the same position.
   */
  function contextAfter(set: Int32Array, b: number): number {
    if (!hasAssert(set)) return 0;
    let ctx = 0;
    if (used & Assertion.BEGIN_LINE && b === 0x0a) ctx |= Ctx.NEWLINE;
    if (used & WORD_ASSERTIONS && isWordByte(b)) ctx |= Ctx.WORD;
    return ctx;
  }

  /**
   * Instructions reachable from `seeds` through SPLITs and through ASSERTs whose bit is in `holds`.
   * With holds = UNDECIDED (the next byte is not known yet) ASSERTs are kept instead, except
   * BEGIN_TEXT ones, which can only hold at the start (UNDECIDED_AT_START). Returns the sorted
   * RANGE, MATCH and undecided ASSERT instructions.
   */
  function closure(seeds: ArrayLike<number>, holds: number): Int32Array {
    const g = ++gen;
    const { op, lo, out, out1 } = prog;
    const found: number[] = [];
    let sp = 0;
    for (let i = seeds.length - 1; i >= 0; i--) stack[sp++] = seeds[i]!;
    while (sp > 0) {
      const pc = stack[--sp]!;
      if (mark[pc] === g) continue;
      mark[pc] = g;
      work++;
      switch (op[pc]) {
        case Op.SPLIT:
          stack[sp++] = out1[pc]!;
          stack[sp++] = out[pc]!;
          break;
        case Op.ASSERT:
          if (holds === Holds.UNDECIDED_AT_START || (holds === Holds.UNDECIDED && lo[pc] !== Assertion.BEGIN_TEXT)) found.push(pc);
          else if (holds < 0) break;
          else if (lo[pc]! & holds) stack[sp++] = out[pc]!;
          break;
        case Op.RANGE:
        case Op.MATCH:
          found.push(pc);
          break;
        default:
          break;
      }
    }
    return Int32Array.from(found).sort();
  }

  const { classMap, reps } = byteClasses(prog);
  const numClasses = reps.length;
  intern(new Int32Array(0), 0); // state 0: dead
  const startSet = closure([prog.start], Holds.UNDECIDED_AT_START);
  const start = intern(startSet, hasAssert(startSet) ? Ctx.START : 0);
  if (start < 0) return null;
  const trans: number[] = [0];
  trans.length = numClasses;
  trans.fill(0);
  for (let s = 1; s < sets.length; s++) {
    const set = sets[s]!;
    const ctx = ctxs[s]!;
    const readyByFlags = new Map<number, Int32Array>(); // ≤ 4 distinct flag values per state
    const nextByTargets = new Map<string, number>(); // classes with the same targets share work
    for (let k = 0; k < numClasses; k++) {
      const b = reps[k]!;
      const flags = assertionsAt(ctx, b);
      let ready = readyByFlags.get(flags);
      if (ready === undefined) {
        ready = closure(set, flags);
        readyByFlags.set(flags, ready);
      }
      const targets: number[] = [];
      for (const pc of ready) {
        if (prog.op[pc] === Op.RANGE && prog.lo[pc]! <= b && b <= prog.hi[pc]!) targets.push(prog.out[pc]!);
      }
      const key = `${targets.join(',')}/${b === 0x0a ? 1 : 0}${isWordByte(b) ? 1 : 0}`;
      let t = nextByTargets.get(key);
      if (t === undefined) {
        const nextSet = closure(targets, Holds.UNDECIDED);
        t = intern(nextSet, contextAfter(nextSet, b));
        if (t < 0 || work > DFA_WORK_BUDGET) return null;
        nextByTargets.set(key, t);
      }
      trans.push(t);
    }
  }
  const numStates = sets.length;
  const accept = new Uint8Array(numStates);
  for (let s = 1; s < numStates; s++) {
    const ready = closure(sets[s]!, assertionsAt(ctxs[s]!, -1));
    accept[s] = ready.some((pc) => prog.op[pc] === Op.MATCH) ? 1 : 0;
  }
  return { classMap, numClasses, numStates, start, accept, trans: Uint16Array.from(trans) };
}

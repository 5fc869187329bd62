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

// Opcodes as module constants: hot loops then read no object property.
const RANGE = Op.RANGE;
const MATCH = Op.MATCH;
const SPLIT = Op.SPLIT;
const ASSERT = Op.ASSERT;
const BEGIN_TEXT = Assertion.BEGIN_TEXT;

/** `closure` modes for when the next byte is not known yet. */
const UNDECIDED = -1;
const UNDECIDED_AT_START = -2;

const CTX_START = 1; // no byte read yet
const CTX_NEWLINE = 2; // the previous byte was \n
const CTX_WORD = 4; // the previous byte was an ASCII word byte

const LINE_ASSERTIONS = Assertion.BEGIN_LINE | Assertion.END_LINE;
const WORD_ASSERTIONS = Assertion.WORD_BOUNDARY | Assertion.NON_WORD_BOUNDARY;

export function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x61 && b <= 0x7a);
}

/** The assertions that hold between a byte read in context `ctx` and byte `b` (-1 = end of input). */
export function assertionsAt(ctx: number, b: number): number {
  let f = 0;
  if (ctx & CTX_START) f |= Assertion.BEGIN_TEXT | Assertion.BEGIN_LINE;
  else if (ctx & CTX_NEWLINE) f |= Assertion.BEGIN_LINE;
  if (b === 0x0a || b < 0) f |= Assertion.END_LINE;
  if (b < 0) f |= Assertion.END_TEXT;
  const nextWord = b >= 0 && isWordByte(b);
  f |= nextWord !== ((ctx & CTX_WORD) !== 0) ? Assertion.WORD_BOUNDARY : Assertion.NON_WORD_BOUNDARY;
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

/** Subset construction; null when the DFA would need more than `maxStates` states or too much work. */
export function buildDfa(prog: Prog, maxStates: number): Dfa | null {
  return new DfaBuilder(prog, Math.min(maxStates, DFA_STATE_CEILING)).build();
}

class DfaBuilder {
  private readonly n: number;
  private readonly used: number;
  private readonly mark: Int32Array;
  private readonly stack: Int32Array;
  private gen = 0;
  private work = 0;
  private readonly ids = new Map<string, number>();
  private readonly sets: Int32Array[] = [];
  private readonly ctxs: number[] = [];
  constructor(
    private readonly prog: Prog,
    private readonly maxStates: number,
  ) {
    this.n = prog.op.length;
    this.used = usedAssertions(prog);
    this.mark = new Int32Array(this.n);
    this.stack = new Int32Array(3 * this.n + 1); // pushes ≤ seeds (≤ n) + two per SPLIT
  }

  build(): Dfa | null {
    const { classMap, reps } = byteClasses(this.prog);
    const numClasses = reps.length;
    this.intern(new Int32Array(0), 0); // state 0: dead
    const startSet = this.closure([this.prog.start], UNDECIDED_AT_START);
    const start = this.intern(startSet, this.hasAssert(startSet) ? CTX_START : 0);
    if (start < 0) return null;
    const trans: number[] = [0];
    trans.length = numClasses;
    trans.fill(0);
    for (let s = 1; s < this.sets.length; s++) {
      const set = this.sets[s]!;
      const ctx = this.ctxs[s]!;
      const readyByFlags = new Map<number, Int32Array>(); // ≤ 4 distinct flag values per state
      const nextByTargets = new Map<string, number>(); // classes with the same targets share work
      for (let k = 0; k < numClasses; k++) {
        const b = reps[k]!;
        const flags = assertionsAt(ctx, b);
        let ready = readyByFlags.get(flags);
        if (ready === undefined) {
          ready = this.closure(set, flags);
          readyByFlags.set(flags, ready);
        }
        const targets: number[] = [];
        for (const pc of ready) {
          if (this.prog.op[pc] === RANGE && this.prog.lo[pc]! <= b && b <= this.prog.hi[pc]!) targets.push(this.prog.out[pc]!);
        }
        const key = `${targets.join(',')}/${b === 0x0a ? 1 : 0}${isWordByte(b) ? 1 : 0}`;
        let t = nextByTargets.get(key);
        if (t === undefined) {
          const nextSet = this.closure(targets, UNDECIDED);
          t = this.intern(nextSet, this.contextAfter(nextSet, b));
          if (t < 0 || this.work > DFA_WORK_BUDGET) return null;
          nextByTargets.set(key, t);
        }
        trans.push(t);
      }
    }
    const numStates = this.sets.length;
    const accept = new Uint8Array(numStates);
    for (let s = 1; s < numStates; s++) {
      const ready = this.closure(this.sets[s]!, assertionsAt(this.ctxs[s]!, -1));
      accept[s] = ready.some((pc) => this.prog.op[pc] === MATCH) ? 1 : 0;
    }
    return { classMap, numClasses, numStates, start, accept, trans: Uint16Array.from(trans) };
  }

  /** The state id of (set, ctx), adding it if new; -1 when the state budget is exhausted. */
  private intern(set: Int32Array, ctx: number): number {
    const key = `${set.join(',')}/${ctx}`;
    const known = this.ids.get(key);
    if (known !== undefined) return known;
    if (this.sets.length >= this.maxStates) return -1;
    this.ids.set(key, this.sets.length);
    this.sets.push(set);
    this.ctxs.push(ctx);
    return this.sets.length - 1;
  }

  private hasAssert(set: Int32Array): boolean {
    return set.some((pc) => this.prog.op[pc] === ASSERT);
  }

  /**
   * The previous-byte facts to remember after reading byte `b` into `set`. Only a set with
   * undecided ASSERTs needs any; it gets every fact the program's assertions use, because an ASSERT
   * can lead to further ASSERTs (`\z\B`) that are decided at the same position.
   */
  private contextAfter(set: Int32Array, b: number): number {
    if (!this.hasAssert(set)) return 0;
    let ctx = 0;
    if (this.used & Assertion.BEGIN_LINE && b === 0x0a) ctx |= CTX_NEWLINE;
    if (this.used & WORD_ASSERTIONS && isWordByte(b)) ctx |= CTX_WORD;
    return ctx;
  }

  /**
   * Instructions reachable from `seeds` through SPLITs and through ASSERTs whose bit is in `holds`.
   * With holds = UNDECIDED (the next byte is not known yet) ASSERTs are kept instead, except
   * BEGIN_TEXT ones, which can only hold at the start (UNDECIDED_AT_START). Returns the sorted
   * RANGE, MATCH and undecided ASSERT instructions.
   */
  private closure(seeds: ArrayLike<number>, holds: number): Int32Array {
    const g = ++this.gen;
    const { op, lo, out, out1 } = this.prog;
    const found: number[] = [];
    let sp = 0;
    for (let i = seeds.length - 1; i >= 0; i--) this.stack[sp++] = seeds[i]!;
    while (sp > 0) {
      const pc = this.stack[--sp]!;
      if (this.mark[pc] === g) continue;
      this.mark[pc] = g;
      this.work++;
      switch (op[pc]) {
        case SPLIT:
          this.stack[sp++] = out1[pc]!;
          this.stack[sp++] = out[pc]!;
          break;
        case ASSERT:
          if (holds === UNDECIDED_AT_START || (holds === UNDECIDED && lo[pc] !== BEGIN_TEXT)) found.push(pc);
          else if (holds < 0) break;
          else if (lo[pc]! & holds) this.stack[sp++] = out[pc]!;
          break;
        case RANGE:
        case MATCH:
          found.push(pc);
          break;
        default:
          break;
      }
    }
    return Int32Array.from(found).sort();
  }
}

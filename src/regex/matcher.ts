/**
 * The regex runtime: reads a serialized automaton (docs/table-format.md § Regex automata) and matches strings
 * against it. Part of the zero-dependency runtime, so it imports nothing but ../errors.js.
 *
 * The bytes are untrusted (they come from a decision table file). `readAutomaton` checks every
 * header field, count, class, state and instruction reference once and throws TableFormatError with
 * the offending byte offset; afterwards matching cannot read out of bounds and, because every step
 * consumes one input byte, always ends. `fullMatch` allocates nothing: it walks the JS string with
 * charCodeAt and feeds its UTF-8 bytes to the automaton on the fly (lone surrogates as U+FFFD,
 * like TextEncoder).
 */
import { TableFormatError } from '../errors.js';

/*
 * Constants are members of const enums (exported under their old names below where other modules use
 * them): esbuild inlines enum members, but not the top-level consts of a module that imports something
 * (an import cycle could read them before they are set). Inlined, they cost the runtime bundle nothing.
 */

const enum Fmt {
  /** "MRRX" in little-endian byte order: identifies a meshroute regex automaton. */
  AUTOMATON_MAGIC = 0x5852524d,
  /** Bumped on any incompatible change of the encoding. */
  AUTOMATON_VERSION = 1,
  KIND_DFA = 1,
  KIND_NFA = 2,
  /** magic u32, version u16, kind u8, reserved u8, total length u32, count u32. */
  HEADER_SIZE = 16,
  /** DFA: numClasses u16, start u16, class map 256 × u8, then accept and transitions. */
  DFA_FIXED_SIZE = HEADER_SIZE + 4 + 256,
  /** NFA: start u32, reserved u32, then the instructions. */
  NFA_FIXED_SIZE = HEADER_SIZE + 8,
  /** One NFA instruction: op u8, a u8, b u8, reserved u8, out u32, out1 u32. */
  NFA_INST_SIZE = 12,
  /** DFA state ids are u16. */
  MAX_DFA_STATES = 0xffff,
}
export const AUTOMATON_MAGIC: number = Fmt.AUTOMATON_MAGIC;
export const AUTOMATON_VERSION: number = Fmt.AUTOMATON_VERSION;
export const KIND_DFA: number = Fmt.KIND_DFA;
export const KIND_NFA: number = Fmt.KIND_NFA;
export const HEADER_SIZE: number = Fmt.HEADER_SIZE;
export const DFA_FIXED_SIZE: number = Fmt.DFA_FIXED_SIZE;
export const NFA_FIXED_SIZE: number = Fmt.NFA_FIXED_SIZE;
export const NFA_INST_SIZE: number = Fmt.NFA_INST_SIZE;
export const MAX_DFA_STATES: number = Fmt.MAX_DFA_STATES;

/** NFA opcodes (same values as src/regex/prog.ts Op). */
const enum Op {
  OP_FAIL = 0,
  OP_MATCH = 1,
  OP_RANGE = 2,
  OP_SPLIT = 3,
  OP_ASSERT = 4,
}
export const OP_FAIL: number = Op.OP_FAIL;
export const OP_MATCH: number = Op.OP_MATCH;
export const OP_RANGE: number = Op.OP_RANGE;
export const OP_SPLIT: number = Op.OP_SPLIT;
export const OP_ASSERT: number = Op.OP_ASSERT;

/** Assertion bits (same values as src/regex/ast.ts Assertion). */
const enum As {
  BEGIN_LINE = 1,
  END_LINE = 2,
  BEGIN_TEXT = 4,
  END_TEXT = 8,
  WORD_BOUNDARY = 16,
  NON_WORD_BOUNDARY = 32,
}

export interface Automaton {
  /** Whether the whole of `input`, as UTF-8, matches. */
  fullMatch(input: string): boolean;
}

export type AutomatonData =
  | {
      readonly kind: 'dfa';
      readonly byteLength: number;
      readonly numStates: number;
      readonly numClasses: number;
      readonly start: number;
      readonly classMap: Uint8Array;
      readonly accept: Uint8Array;
      readonly trans: Uint16Array;
    }
  | {
      readonly kind: 'nfa';
      readonly byteLength: number;
      readonly numInsts: number;
      readonly start: number;
      readonly op: Uint8Array;
      readonly a: Uint8Array;
      readonly b: Uint8Array;
      readonly out: Int32Array;
      readonly out1: Int32Array;
    };

function corrupt(code: string, message: string, offset: number): never {
  throw new TableFormatError(code, `regex: ${message} (byte ${offset})`, offset);
}

/** Checks that `length` bytes starting at `offset` exist inside `limit`. */
function need(offset: number, length: number, limit: number): void {
  if (length > limit - offset) corrupt('TABLE_REGEX_TRUNCATED', 'truncated', offset);
}

/** Validates and decodes an automaton; throws TableFormatError (offsets are into `bytes`). */
export function readAutomaton(bytes: Uint8Array, offset = 0, length?: number): AutomatonData {
  if (!(bytes instanceof Uint8Array)) corrupt('TABLE_REGEX_TRUNCATED', 'not a Uint8Array', 0);
  const len = length ?? bytes.length - offset;
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(len) || offset < 0 || len < 0 || offset + len > bytes.length) {
    corrupt('TABLE_REGEX_TRUNCATED', `slice ${offset}+${len}`, Math.max(0, Math.min(offset, bytes.length)));
  }
  const end = offset + len;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  need(offset, Fmt.HEADER_SIZE, end);
  if (view.getUint32(offset, true) !== Fmt.AUTOMATON_MAGIC) corrupt('TABLE_REGEX_MAGIC', 'bad magic', offset);
  const version = view.getUint16(offset + 4, true);
  if (version !== Fmt.AUTOMATON_VERSION) corrupt('TABLE_REGEX_VERSION', `unsupported version ${version}`, offset + 4);
  const kind = bytes[offset + 6]!;
  if (bytes[offset + 7] !== 0) corrupt('TABLE_REGEX_FIELD', 'reserved byte ≠ 0', offset + 7);
  const total = view.getUint32(offset + 8, true);
  if (total > len) corrupt('TABLE_REGEX_TRUNCATED', `length ${total} > ${len}`, offset + 8);
  const count = view.getUint32(offset + 12, true);
  if (kind === Fmt.KIND_DFA) return readDfa(bytes, view, offset, total, count);
  if (kind === Fmt.KIND_NFA) return readNfa(bytes, view, offset, total, count);
  return corrupt('TABLE_REGEX_FIELD', `unknown kind ${kind}`, offset + 6);
}

function readDfa(bytes: Uint8Array, view: DataView, base: number, total: number, numStates: number): AutomatonData {
  if (numStates < 1 || numStates > Fmt.MAX_DFA_STATES) corrupt('TABLE_REGEX_FIELD', `state count ${numStates}`, base + 12);
  const end = base + total;
  need(base, Fmt.DFA_FIXED_SIZE, end);
  const numClasses = view.getUint16(base + Fmt.HEADER_SIZE, true);
  if (numClasses < 1 || numClasses > 256) corrupt('TABLE_REGEX_FIELD', `class count ${numClasses}`, base + Fmt.HEADER_SIZE);
  const start = view.getUint16(base + Fmt.HEADER_SIZE + 2, true);
  if (start >= numStates) corrupt('TABLE_REGEX_TARGET', `start ${start} ≥ ${numStates}`, base + Fmt.HEADER_SIZE + 2);
  const mapAt = base + Fmt.HEADER_SIZE + 4;
  const classMap = bytes.slice(mapAt, mapAt + 256);
  for (let i = 0; i < 256; i++) if (classMap[i]! >= numClasses) corrupt('TABLE_REGEX_FIELD', `class ${classMap[i]} ≥ ${numClasses}`, mapAt + i);
  const acceptAt = base + Fmt.DFA_FIXED_SIZE;
  const transAt = acceptAt + numStates;
  const expected = Fmt.DFA_FIXED_SIZE + numStates + 2 * numStates * numClasses;
  if (total !== expected) corrupt('TABLE_REGEX_FIELD', `length ${total} ≠ ${expected}`, base + 8);
  const accept = bytes.slice(acceptAt, transAt);
  for (let s = 0; s < numStates; s++) if (accept[s]! > 1) corrupt('TABLE_REGEX_FIELD', `accept flag ${accept[s]}`, acceptAt + s);
  if (accept[0] !== 0) corrupt('TABLE_REGEX_FIELD', 'dead state accepts', acceptAt);
  const trans = new Uint16Array(numStates * numClasses);
  for (let i = 0; i < trans.length; i++) {
    const t = view.getUint16(transAt + 2 * i, true);
    if (t >= numStates) corrupt('TABLE_REGEX_TARGET', `target ${t} ≥ ${numStates}`, transAt + 2 * i);
    if (i < numClasses && t !== 0) corrupt('TABLE_REGEX_TARGET', 'dead state leaves', transAt + 2 * i);
    trans[i] = t;
  }
  return { kind: 'dfa', byteLength: total, numStates, numClasses, start, classMap, accept, trans };
}

function readNfa(bytes: Uint8Array, view: DataView, base: number, total: number, numInsts: number): AutomatonData {
  const end = base + total;
  need(base, Fmt.NFA_FIXED_SIZE, end);
  if (numInsts < 1) corrupt('TABLE_REGEX_FIELD', 'no instructions', base + 12);
  const expected = Fmt.NFA_FIXED_SIZE + Fmt.NFA_INST_SIZE * numInsts;
  if (total !== expected) corrupt('TABLE_REGEX_FIELD', `length ${total} ≠ ${expected}`, base + 8);
  const start = view.getUint32(base + Fmt.HEADER_SIZE, true);
  if (start >= numInsts) corrupt('TABLE_REGEX_TARGET', `start ${start} ≥ ${numInsts}`, base + Fmt.HEADER_SIZE);
  if (view.getUint32(base + Fmt.HEADER_SIZE + 4, true) !== 0) corrupt('TABLE_REGEX_FIELD', 'reserved field ≠ 0', base + Fmt.HEADER_SIZE + 4);
  const op = new Uint8Array(numInsts);
  const a = new Uint8Array(numInsts);
  const b = new Uint8Array(numInsts);
  const out = new Int32Array(numInsts);
  const out1 = new Int32Array(numInsts);
  const zero = (cond: boolean, field: string, where: number): void => {
    if (!cond) corrupt('TABLE_REGEX_FIELD', `unused ${field} ≠ 0`, where);
  };
  const target = (t: number, where: number): void => {
    if (t >= numInsts) corrupt('TABLE_REGEX_TARGET', `target ${t} ≥ ${numInsts}`, where);
  };
  // Each instruction: known opcode, sane operands, targets in range, unused fields 0.
  for (let i = 0; i < numInsts; i++) {
    const at = base + Fmt.NFA_FIXED_SIZE + Fmt.NFA_INST_SIZE * i;
    const o = (op[i] = bytes[at]!);
    const x = (a[i] = bytes[at + 1]!);
    const y = (b[i] = bytes[at + 2]!);
    const t = (out[i] = view.getUint32(at + 4, true));
    const t1 = (out1[i] = view.getUint32(at + 8, true));
    if (bytes[at + 3] !== 0) corrupt('TABLE_REGEX_FIELD', 'reserved byte ≠ 0', at + 3);
    if (o > Op.OP_ASSERT) corrupt('TABLE_REGEX_FIELD', `unknown opcode ${o}`, at);
    // Operands: a byte range (RANGE), one assertion bit (ASSERT), or none.
    if (o === Op.OP_RANGE) {
      if (x > y) corrupt('TABLE_REGEX_FIELD', `empty range ${x}-${y}`, at + 1);
    } else if (o === Op.OP_ASSERT) {
      if (x === 0 || x > As.NON_WORD_BOUNDARY || (x & (x - 1)) !== 0) corrupt('TABLE_REGEX_FIELD', `bad assertion ${x}`, at + 1);
      zero(y === 0, 'operand', at + 2);
    } else zero(x === 0 && y === 0, 'operand', at + 1);
    // Targets: none (FAIL, MATCH), two (SPLIT), or one.
    if (o <= Op.OP_MATCH) zero(t === 0 && t1 === 0, 'target', at + 4);
    else {
      target(t, at + 4);
      if (o === Op.OP_SPLIT) target(t1, at + 8);
      else zero(t1 === 0, 'second target', at + 8);
    }
  }
  return { kind: 'nfa', byteLength: total, numInsts, start, op, a, b, out, out1 };
}

/**
 * Validates `length` bytes at `offset` and returns a matcher for them (throws TableFormatError).
 * An NFA whose positions fit one 32-bit word and that has no assertions runs bit-parallel; any
 * other NFA runs in lock-step with a lazy DFA cache, handing calls over to bit-parallel (which
 * takes assertions too, at ~1.7× its assertion-free cost) when the cache thrashes and the NFA fits
 * it. All give the same answers (tests check each).
 */
export function loadAutomaton(bytes: Uint8Array, offset = 0, length?: number): Automaton {
  const data = readAutomaton(bytes, offset, length);
  if (data.kind === 'dfa') return new DfaMatcher(data);
  const bits = bitParallelMatcher(data);
  return bits !== null && !bits.asserts ? bits : new NfaMatcher(data, bits);
}

/** The lock-step NFA matcher for an NFA automaton, whatever its size (for tests and benchmarks). */
export function lockStepMatcher(data: Extract<AutomatonData, { kind: 'nfa' }>): Automaton {
  return new NfaMatcher(data);
}

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
 * The one ASCII character that leaves DFA state `q` while every other character, ASCII or not,
 * loops back to it (the state of `[^/]*`, or of a trailing `.*`), or -1.
 */
function exitChar(d: Extract<AutomatonData, { kind: 'dfa' }>, q: number): number {
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
    let set = [trans[q * nc + classMap[lead]!]!];
    for (let k = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3, first = 1; k > 0; k--, first = 0) {
      const next: number[] = [];
      const lo = first && lead === 0xe0 ? 0xa0 : first && lead === 0xf0 ? 0x90 : 0x80;
      const hi = first && lead === 0xed ? 0x9f : first && lead === 0xf4 ? 0x8f : 0xbf;
      for (const s of set) {
        for (let b = lo; b <= hi; b++) {
          const t = trans[s * nc + classMap[b]!]!;
          if (!next.includes(t)) next.push(t);
        }
      }
      set = next;
    }
    if (set.length !== 1 || set[0] !== q) return -1;
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
class DfaMatcher implements Automaton {
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
    for (let q = 1; q < d.numStates; q++) if ((exits[q] = exitChar(d, q)) >= 0) order.push(q);
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

/** Previous-byte facts for assertions (as in src/regex/dfa.ts). */
const enum Ctx {
  CTX_START = 1,
  CTX_NEWLINE = 2,
  CTX_WORD = 4,
}

function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x61 && b <= 0x7a);
}

/** Assertions holding between a byte read in context `ctx` and byte `b` (-1 = end of input). */
function assertionsAt(ctx: number, b: number): number {
  let f = 0;
  if (ctx & Ctx.CTX_START) f |= As.BEGIN_TEXT | As.BEGIN_LINE;
  else if (ctx & Ctx.CTX_NEWLINE) f |= As.BEGIN_LINE;
  if (b === 0x0a || b < 0) f |= As.END_LINE;
  if (b < 0) f |= As.END_TEXT;
  const nextWord = b >= 0 && isWordByte(b);
  f |= nextWord !== ((ctx & Ctx.CTX_WORD) !== 0) ? As.WORD_BOUNDARY : As.NON_WORD_BOUNDARY;
  return f;
}

/**
 * Transition-table entries (states × byte classes) of the NFA matcher's lazy DFA cache: 256 KB per
 * NFA-form regex, which holds the working set of fallback patterns such as a 2,000-state DFA over
 * 8 classes; the cache is flushed when full.
 */
const enum Lazy {
  LAZY_CACHE_ENTRIES = 1 << 16,
  /** Bounds on the cache's state count, whatever the number of byte classes. */
  LAZY_CACHE_MIN_STATES = 64,
  LAZY_CACHE_MAX_STATES = 4096,
  /**
   * Instruction ids the cache may store across all its states' sets (256 KB); at least two full
   * sets are always allowed, so a flush always makes room.
   */
  LAZY_POOL_INTS = 1 << 16,
}
export const LAZY_CACHE_ENTRIES: number = Lazy.LAZY_CACHE_ENTRIES;
export const LAZY_CACHE_MIN_STATES: number = Lazy.LAZY_CACHE_MIN_STATES;
export const LAZY_CACHE_MAX_STATES: number = Lazy.LAZY_CACHE_MAX_STATES;
export const LAZY_POOL_INTS: number = Lazy.LAZY_POOL_INTS;

/**
 * Lock-step NFA simulation (Thompson/Pike without captures) with a lazy DFA cache, as RE2 does:
 * the set of instructions waiting for the next byte is advanced one byte at a time (at most the
 * program size of work per byte), and each (set, byte class) → set step is remembered in a
 * bounded cache, so repeated states cost one table lookup. When the cache is full it is flushed
 * (clearing only what was filled), which keeps every byte O(program size) — linear time. All
 * buffers are allocated here, at load time; matching allocates nothing.
 */
class NfaMatcher implements Automaton {
  private readonly op: Uint8Array;
  private readonly a: Uint8Array;
  private readonly b: Uint8Array;
  private readonly out: Int32Array;
  private readonly out1: Int32Array;
  private readonly start: number;
  private readonly n: number;
  private readonly usesAssert: boolean;
  /** Instructions waiting for the next byte (deduplicated by `pendingMark` == `pendingGen`). */
  private readonly pending: Int32Array;
  private readonly pendingMark: Int32Array;
  private pendingCount = 0;
  private pendingGen = 0;
  /** RANGE/MATCH instructions ready at the current position (after following SPLIT/ASSERT). */
  private readonly ready: Int32Array;
  private readonly visitMark: Int32Array;
  private readyCount = 0;
  private readonly stack: Int32Array;
  private gen = 0;
  private ctx: number = Ctx.CTX_START;
  // The lazy DFA cache. State 0 is the dead state (empty set) and is never flushed.
  private readonly classMap: Uint8Array;
  private readonly nc: number;
  private readonly trans: Int32Array; // [state * nc + class] → state, -1 = not computed yet
  private readonly setStart: Int32Array;
  private readonly setLen: Int32Array;
  private readonly stateCtx: Int32Array;
  private readonly acceptFlag: Int8Array; // -1 unknown, 0, 1
  private readonly hashSlot: Int32Array;
  private readonly pool: Int32Array;
  private poolUsed = 0;
  private numStates = 1;
  private readonly hash: Int32Array; // open addressing: state id + 1, 0 = empty
  private readonly maxStates: number;
  private readonly canon: Int32Array;
  private startId = -1;
  private flushes = 0;

  /** @param fallback a bit-parallel matcher for calls in which the cache thrashes (else the cache keeps flushing). */
  constructor(
    d: Extract<AutomatonData, { kind: 'nfa' }>,
    private readonly fallback: Automaton | null = null,
  ) {
    const n = d.numInsts;
    this.n = n;
    this.op = d.op;
    this.a = d.a;
    this.b = d.b;
    this.out = d.out;
    this.out1 = d.out1;
    this.start = d.start;
    this.pending = new Int32Array(n);
    this.pendingMark = new Int32Array(n);
    this.ready = new Int32Array(n);
    this.visitMark = new Int32Array(n);
    this.stack = new Int32Array(2 * n + 1); // pushes ≤ 1 + two per SPLIT
    this.canon = new Int32Array(n);
    let assertBits = 0;
    for (let i = 0; i < n; i++) if (d.op[i] === Op.OP_ASSERT) assertBits |= d.a[i]!;
    this.usesAssert = assertBits !== 0;
    this.classMap = nfaByteClasses(d, assertBits);
    this.nc = this.classMap[255]! + 1;
    const k = Math.min(Lazy.LAZY_CACHE_MAX_STATES, Math.max(Lazy.LAZY_CACHE_MIN_STATES, Math.floor(Lazy.LAZY_CACHE_ENTRIES / this.nc)));
    this.maxStates = k;
    this.trans = new Int32Array(k * this.nc).fill(-1);
    this.trans.fill(0, 0, this.nc);
    this.setStart = new Int32Array(k);
    this.setLen = new Int32Array(k);
    this.stateCtx = new Int32Array(k);
    this.acceptFlag = new Int8Array(k);
    this.hashSlot = new Int32Array(k);
    this.pool = new Int32Array(Math.max(2 * n + 2, Math.min(Lazy.LAZY_POOL_INTS, k * n)));
    this.hash = new Int32Array(1 << Math.ceil(Math.log2(4 * k))); // a power of two ≥ 4k: load ≤ 25 %, probing by mask
  }

  /** A fresh mark generation; marks are cleared when the counter would overflow. */
  private nextGen(): number {
    if (this.gen >= 0x3fffffff) {
      this.pendingMark.fill(0);
      this.visitMark.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  private addPending(pc: number): void {
    if (this.pendingMark[pc] === this.pendingGen) return;
    this.pendingMark[pc] = this.pendingGen;
    this.pending[this.pendingCount++] = pc;
  }

  /** Follows SPLITs and holding ASSERTs from every pending instruction into `ready`. */
  private expand(holds: number): void {
    const g = this.nextGen();
    const { op, a, out, out1, stack, visitMark } = this;
    this.readyCount = 0;
    for (let i = 0; i < this.pendingCount; i++) {
      let sp = 0;
      stack[sp++] = this.pending[i]!;
      while (sp > 0) {
        const pc = stack[--sp]!;
        if (visitMark[pc] === g) continue;
        visitMark[pc] = g;
        const o = op[pc]!;
        if (o === Op.OP_SPLIT) {
          stack[sp++] = out1[pc]!;
          stack[sp++] = out[pc]!;
        } else if (o === Op.OP_ASSERT) {
          if (a[pc]! & holds) stack[sp++] = out[pc]!;
        } else if (o === Op.OP_RANGE || o === Op.OP_MATCH) {
          this.ready[this.readyCount++] = pc;
        }
      }
    }
  }

  /** NFA step of the pending set on `byte` (ctx = facts about the previous byte). */
  private step(byte: number): void {
    this.expand(assertionsAt(this.ctx, byte));
    this.pendingGen = this.nextGen();
    this.pendingCount = 0;
    for (let i = 0; i < this.readyCount; i++) {
      const pc = this.ready[i]!;
      if (this.op[pc] === Op.OP_RANGE && this.a[pc]! <= byte && byte <= this.b[pc]!) this.addPending(this.out[pc]!);
    }
    this.ctx = this.usesAssert ? (byte === 0x0a ? Ctx.CTX_NEWLINE : 0) | (isWordByte(byte) ? Ctx.CTX_WORD : 0) : 0;
  }

  /** Makes cached state `id` the pending set. */
  private load(id: number): void {
    this.pendingGen = this.nextGen();
    this.pendingCount = 0;
    const from = this.setStart[id]!;
    for (let i = 0; i < this.setLen[id]!; i++) this.addPending(this.pool[from + i]!);
    this.ctx = this.stateCtx[id]!;
  }

  /** Clears the cache (only the parts used since the last flush); state 0 stays dead. */
  private flush(): void {
    for (let s = 1; s < this.numStates; s++) {
      this.trans.fill(-1, s * this.nc, (s + 1) * this.nc);
      this.hash[this.hashSlot[s]!] = 0;
    }
    this.numStates = 1;
    this.poolUsed = 0;
    this.startId = -1;
    this.flushes++;
  }

  /** The cached state for the pending set and ctx, adding it (flushing first if full). */
  private intern(): number {
    let count = 0;
    if (this.pendingCount === 0) return 0;
    for (let pc = 0; pc < this.n; pc++) if (this.pendingMark[pc] === this.pendingGen) this.canon[count++] = pc;
    const ctx = this.ctx;
    let h = 0x811c9dc5 ^ ctx;
    for (let i = 0; i < count; i++) h = Math.imul(h ^ this.canon[i]!, 0x01000193);
    const mask = this.hash.length - 1;
    let slot = (h >>> 0) & mask;
    for (let id = this.hash[slot]!; id !== 0; slot = (slot + 1) & mask, id = this.hash[slot]!) {
      if (this.sameSet(id - 1, count, ctx)) return id - 1;
    }
    if (this.numStates === this.maxStates || this.poolUsed + count > this.pool.length) {
      this.flush();
      slot = (h >>> 0) & mask;
      while (this.hash[slot] !== 0) slot = (slot + 1) & mask;
    }
    const id = this.numStates++;
    for (let i = 0; i < count; i++) this.pool[this.poolUsed + i] = this.canon[i]!;
    this.setStart[id] = this.poolUsed;
    this.setLen[id] = count;
    this.poolUsed += count;
    this.stateCtx[id] = ctx;
    this.acceptFlag[id] = -1;
    this.hash[slot] = id + 1;
    this.hashSlot[id] = slot;
    return id;
  }

  private sameSet(id: number, count: number, ctx: number): boolean {
    if (this.setLen[id] !== count || this.stateCtx[id] !== ctx) return false;
    const from = this.setStart[id]!;
    for (let i = 0; i < count; i++) if (this.pool[from + i] !== this.canon[i]) return false;
    return true;
  }

  /** The state after `byte` from state `id`: a cache lookup, or an NFA step on a miss. */
  private next(id: number, byte: number): number {
    const at = id * this.nc + this.classMap[byte]!;
    const known = this.trans[at]!;
    if (known >= 0) return known;
    this.load(id);
    this.step(byte);
    const flushes = this.flushes;
    const to = this.intern();
    if (flushes === this.flushes) this.trans[at] = to; // after a flush `id` no longer exists
    return to;
  }

  private startState(): number {
    if (this.startId < 0) {
      this.pendingGen = this.nextGen();
      this.pendingCount = 0;
      this.addPending(this.start);
      this.ctx = this.usesAssert ? Ctx.CTX_START : 0;
      this.startId = this.intern();
    }
    return this.startId;
  }

  private accepts(id: number): boolean {
    if (this.acceptFlag[id]! < 0) {
      this.load(id);
      this.expand(assertionsAt(this.ctx, -1));
      let match = 0;
      for (let i = 0; i < this.readyCount; i++) if (this.op[this.ready[i]!] === Op.OP_MATCH) match = 1;
      this.acceptFlag[id] = match;
    }
    return this.acceptFlag[id] === 1;
  }

  /**
   * Full match through the cache. When the cache thrashes (more than CACHE_MISS_FLOOR misses and
   * fewer than CACHE_HITS_PER_MISS hits per miss in this call) and the NFA fits the bit-parallel
   * matcher, that one matches the input from the start. Otherwise the cache keeps being filled
   * and flushed: still at most O(program size) per byte. (Earlier versions continued by plain
   * lock-step simulation there, saving the cache's bookkeeping; that path went to keep the runtime
   * bundle small once bit-parallel covered the measured cases.)
   */
  fullMatch(input: string): boolean {
    let s = this.startState();
    const n = input.length;
    let misses = 0;
    let steps = 0;
    for (let i = 0; i < n; i++) {
      const c = codePointAt(input, i, n);
      if (c > 0xffff) i++;
      const nBytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (let k = nBytes - 1; k >= 0; k--) {
        const byte = utf8Byte(c, nBytes, k);
        const at = s * this.nc + this.classMap[byte]!;
        const known = this.trans[at]!;
        if (known >= 0) s = known;
        else {
          s = this.next(s, byte);
          misses++;
        }
        steps++;
        if (s === 0) return false;
      }
      if (this.fallback !== null && misses > Cache.CACHE_MISS_FLOOR && misses * (Cache.CACHE_HITS_PER_MISS + 1) > steps) {
        return this.fallback.fullMatch(input); // a restart: at most twice the work
      }
    }
    return this.accepts(s);
  }

}

/** Cache misses in one call before the matcher considers giving up on the cache. */
const enum Cache {
  CACHE_MISS_FLOOR = 256,
  /** Hits per miss below which the cache costs more than it saves (RE2 uses a similar bail-out). */
  CACHE_HITS_PER_MISS = 3,
}

/** Byte `k` counted from the end (k = 0 is the last) of the `len`-byte UTF-8 encoding of `c`. */
/**
 * The code point at `i` as the matchers read strings: a surrogate pair is one code point (the caller
 * skips its second unit when the result is above U+FFFF), a lone surrogate is U+FFFD, as
 * TextEncoder does. The DFA loop keeps its own inlined copy: it is the hot path.
 */
function codePointAt(input: string, i: number, n: number): number {
  const c = input.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  const d = i + 1 < n ? input.charCodeAt(i + 1) : 0;
  return c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00) : 0xfffd;
}

function utf8Byte(c: number, len: number, k: number): number {
  if (k > 0 || len > 1) {
    if (k < len - 1) return 0x80 | ((c >> (6 * k)) & 0x3f);
    return (len === 2 ? 0xc0 : len === 3 ? 0xe0 : 0xf0) | (c >> (6 * k));
  }
  return c;
}

/**
 * Byte classes of an NFA (as the compiler's byteClasses): bytes no RANGE edge, \n (for line
 * assertions) or word-byte edge (for \b \B) separates share a class and a cache column.
 */
function nfaByteClasses(d: Extract<AutomatonData, { kind: 'nfa' }>, assertBits: number): Uint8Array {
  const cut = new Uint8Array(257);
  for (let i = 0; i < d.numInsts; i++) {
    if (d.op[i] !== Op.OP_RANGE) continue;
    cut[d.a[i]!] = 1;
    cut[d.b[i]! + 1] = 1;
  }
  if (assertBits & (As.BEGIN_LINE | As.END_LINE)) cut[0x0a] = cut[0x0b] = 1;
  if (assertBits & (As.WORD_BOUNDARY | As.NON_WORD_BOUNDARY)) for (const b of [0x30, 0x3a, 0x41, 0x5b, 0x5f, 0x60, 0x61, 0x7b]) cut[b] = 1;
  const classMap = new Uint8Array(256);
  let k = 0;
  for (let b = 1; b < 256; b++) {
    if (cut[b]) k++;
    classMap[b] = k;
  }
  return classMap;
}

/**
 * Positions (RANGE groups and MATCH instructions, plus one for the start) the bit-parallel matcher
 * tracks: one 32-bit word, so a byte costs four lookups in a 4 × 256-word follow table.
 */
const enum Bits {
  BIT_PARALLEL_POSITIONS = 32,
  /**
   * RANGE instructions beyond which bit-parallel matching is not tried: finding which of them form
   * one position costs (RANGEs + 1) closures per assertion context at load time.
   */
  MERGE_RANGES = 256,
}

/** The positions after the set `s`, eight bits at a time through the follow table at `f[t]`. */
function followSet(f: Int32Array, s: number, t: number): number {
  return f[t + (s & 255)]! | f[t + 256 + ((s >>> 8) & 255)]! | f[t + 512 + ((s >>> 16) & 255)]! | f[t + 768 + (s >>> 24)]!;
}

/** Byte kinds for assertions: other, word byte, newline; CAT_EDGE is the start or end of the text. */
const enum Cat {
  CAT_WORD = 1,
  CAT_NEWLINE = 2,
  CAT_EDGE = 3,
}

/**
 * Bit-parallel NFA simulation (in the spirit of Glushkov automata and shift-and), or null when the
 * NFA has more than BIT_PARALLEL_POSITIONS positions. A position is a MATCH, the start, or a group
 * of RANGEs with one target that every closure holds together (the byte ranges of a class such as
 * `[ab -]`). The state is the set of positions that consumed the last byte, one 32-bit word. The
 * next byte maps it to the positions reachable after it (`follow`, eight bits at a time through a
 * precomputed table) and keeps those whose ranges hold the byte (`classMask`): a few operations per
 * byte, whatever the DFA size (`(a|b)*a(a|b){15}` has 2^16 DFA states and 18 positions). ASSERTs
 * are followed when building the tables, one table per set of assertions that can hold between two
 * bytes (the kinds of both decide it, as in the lock-step matcher), so `\b` costs nothing per byte.
 */
export function bitParallelMatcher(d: Extract<AutomatonData, { kind: 'nfa' }>): (Automaton & { asserts: boolean }) | null {
  const { numInsts, op } = d;
  let assertBits = 0;
  let ranges = 0;
  for (let i = 0; i < numInsts; i++) {
    if (op[i] === Op.OP_ASSERT) assertBits |= d.a[i]!;
    if (op[i] === Op.OP_RANGE) ranges++;
  }
  if (ranges > Bits.MERGE_RANGES) return null;
  // One follow table per distinct set of assertions holding between two byte kinds.
  const tableAt = new Int32Array(16);
  const holdsOf: number[] = [];
  for (let k = 0; k < 16; k++) {
    const holds = assertionsAt([0, Ctx.CTX_WORD, Ctx.CTX_NEWLINE, Ctx.CTX_START][k >> 2]!, [0x20, 0x61, 0x0a, -1][k & 3]!) & assertBits;
    const t = holdsOf.indexOf(holds);
    tableAt[k] = (t < 0 ? holdsOf.push(holds) - 1 : t) * 1024;
  }
  const seen = new Uint8Array(numInsts);
  const stack: number[] = [];
  /** Marks in `seen` what `pc` reaches through SPLITs and the ASSERTs in `holds`. */
  const reach = (pc: number, holds: number): void => {
    seen.fill(0);
    stack.push(pc);
    while (stack.length > 0) {
      const x = stack.pop()!;
      if (seen[x] === 1) continue;
      seen[x] = 1;
      if (op[x] === Op.OP_SPLIT) stack.push(d.out1[x]!, d.out[x]!);
      else if (op[x] === Op.OP_ASSERT && d.a[x]! & holds) stack.push(d.out[x]!);
    }
  };
  // A RANGE's key: its target and the closures it occurs in; RANGEs with one key are one position.
  const key: string[] = [];
  for (let i = 0; i < numInsts; i++) if (op[i] === Op.OP_RANGE) key[i] = d.out[i] + ':';
  for (const holds of holdsOf) {
    for (let j = -1; j < numInsts; j++) {
      if (j >= 0 && op[j] !== Op.OP_RANGE) continue;
      reach(j < 0 ? d.start : d.out[j]!, holds);
      for (let i = 0; i < numInsts; i++) if (op[i] === Op.OP_RANGE) key[i] = key[i]! + seen[i]!;
    }
  }
  const position = new Int32Array(numInsts).fill(-1);
  const keys = new Map<string, number>();
  let count = 0;
  for (let i = 0; i < numInsts; i++) {
    if (op[i] === Op.OP_MATCH) position[i] = count++;
    if (op[i] === Op.OP_RANGE) position[i] = keys.get(key[i]!) ?? (keys.set(key[i]!, count), count++);
  }
  const startBit = 1 << count++;
  if (count > Bits.BIT_PARALLEL_POSITIONS) return null;
  /** The positions `pc` reaches under `holds`. */
  const closure = (pc: number, holds: number): number => {
    reach(pc, holds);
    let set = 0;
    for (let x = 0; x < numInsts; x++) if (seen[x] === 1 && position[x]! >= 0) set |= 1 << position[x]!;
    return set;
  };
  const classMap = nfaByteClasses(d, 0);
  const classMask = new Int32Array(classMap[255]! + 1);
  let matchMask = 0;
  for (let i = 0; i < numInsts; i++) {
    if (op[i] === Op.OP_MATCH) matchMask |= 1 << position[i]!;
    if (op[i] === Op.OP_RANGE) for (let b = d.a[i]!; b <= d.b[i]!; b++) classMask[classMap[b]!]! |= 1 << position[i]!;
  }
  const follow = new Int32Array(holdsOf.length * 1024); // [table + k * 256 + v]: after the bits v of byte k of a set
  const after = new Int32Array(32);
  holdsOf.forEach((holds, t) => {
    for (let i = 0; i < numInsts; i++) if (op[i] === Op.OP_RANGE) after[position[i]!] = closure(d.out[i]!, holds);
    after[count - 1] = closure(d.start, holds);
    for (let v = 1; v < 1024; v++) {
      const low = v & 255 & -(v & 255);
      follow[t * 1024 + v] = low === 0 ? 0 : follow[t * 1024 + v - low]! | after[8 * (v >> 8) + 31 - Math.clz32(low)]!;
    }
  });
  const catOf = new Uint8Array(256); // byte → CAT_* (all 0 without assertions: one table serves)
  for (let b = 0; assertBits !== 0 && b < 256; b++) catOf[b] = b === 0x0a ? Cat.CAT_NEWLINE : isWordByte(b) ? Cat.CAT_WORD : 0;
  const asserts = assertBits !== 0;
  return {
    asserts,
    fullMatch(input: string): boolean {
      // Locals, not context slots, in the loop (measured ~8 % faster).
      const f = follow;
      const masks = classMask;
      const classes = classMap;
      const cats = catOf;
      const tables = tableAt;
      let s = startBit;
      let cat = Cat.CAT_EDGE;
      const n = input.length;
      for (let i = 0; i <= n; i++) {
        let c = i < n ? input.charCodeAt(i) : -1; // -1: the end, where only the follow set counts
        if (c >= 0 && c < 0x80) {
          let t = 0;
          if (asserts) {
            const kind = cats[c]!;
            t = tables[cat * 4 + kind]!;
            cat = kind;
          }
          s = followSet(f, s, t) & masks[classes[c]!]!;
          if (s === 0) return false;
          continue;
        }
        let len = 1;
        if (c >= 0x80) {
          c = codePointAt(input, i, n);
          if (c > 0xffff) i++;
          len = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        }
        for (let r = len - 1; r >= 0; r--) {
          const byte = utf8Byte(c, len, r); // c itself (or -1) when len = 1
          const kind = byte < 0 ? Cat.CAT_EDGE : cats[byte]!;
          const t = tables[cat * 4 + kind]!;
          const x = followSet(f, s, t);
          cat = kind;
          if (byte < 0) return (x & matchMask) !== 0;
          s = x & masks[classes[byte]!]!;
          if (s === 0) return false;
        }
      }
      return false; // not reached: the end (i = n) returns
    },
  };
}

/**
 * The automaton format reader (docs/table-format.md § Regex automata): `readAutomaton` checks every
 * header field, count, class, state and instruction reference of untrusted bytes once and throws
 * TableFormatError with the offending byte offset; the matchers (match-dfa.ts, match-nfa.ts,
 * match-bits.ts) then run on the decoded arrays and cannot read out of bounds. Part of the
 * zero-dependency runtime: imports nothing but ../errors.js.
 */
import { TableFormatError } from '../errors.js';
/*
 * Constants are members of const enums (exported under their old names below where other modules use
 * them): esbuild inlines enum members, but not the top-level consts of a module that imports something
 * (an import cycle could read them before they are set). Inlined, they cost the runtime bundle nothing.
 */

export const enum Fmt {
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
export const enum Op {
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
export const enum As {
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

/**
 * Validates and decodes an automaton; throws TableFormatError (offsets are into `bytes`). `keep`
 * false only validates: the arrays of the result are then empty (writes to them are no-ops), so a
 * table's load allocates nothing per automaton beyond this call's DataView.
 */
export function readAutomaton(bytes: Uint8Array, offset = 0, length?: number, keep = true): AutomatonData {
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
  if (kind === Fmt.KIND_DFA) return readDfa(bytes, view, offset, total, count, keep);
  if (kind === Fmt.KIND_NFA) return readNfa(bytes, view, offset, total, count, keep);
  return corrupt('TABLE_REGEX_FIELD', `unknown kind ${kind}`, offset + 6);
}

/** The arrays of a validated-only automaton: zero-length, so the readers' stores into them do nothing. */
const NO_U8 = new Uint8Array(0);
const NO_U16 = new Uint16Array(0);
const NO_I32 = new Int32Array(0);

function readDfa(bytes: Uint8Array, view: DataView, base: number, total: number, numStates: number, keep: boolean): AutomatonData {
  if (numStates < 1 || numStates > Fmt.MAX_DFA_STATES) corrupt('TABLE_REGEX_FIELD', `state count ${numStates}`, base + 12);
  const end = base + total;
  need(base, Fmt.DFA_FIXED_SIZE, end);
  const numClasses = view.getUint16(base + Fmt.HEADER_SIZE, true);
  if (numClasses < 1 || numClasses > 256) corrupt('TABLE_REGEX_FIELD', `class count ${numClasses}`, base + Fmt.HEADER_SIZE);
  const start = view.getUint16(base + Fmt.HEADER_SIZE + 2, true);
  if (start >= numStates) corrupt('TABLE_REGEX_TARGET', `start ${start} ≥ ${numStates}`, base + Fmt.HEADER_SIZE + 2);
  const mapAt = base + Fmt.HEADER_SIZE + 4;
  for (let i = 0; i < 256; i++) if (bytes[mapAt + i]! >= numClasses) corrupt('TABLE_REGEX_FIELD', `class ${bytes[mapAt + i]} ≥ ${numClasses}`, mapAt + i);
  const acceptAt = base + Fmt.DFA_FIXED_SIZE;
  const transAt = acceptAt + numStates;
  const expected = Fmt.DFA_FIXED_SIZE + numStates + 2 * numStates * numClasses;
  if (total !== expected) corrupt('TABLE_REGEX_FIELD', `length ${total} ≠ ${expected}`, base + 8);
  for (let s = 0; s < numStates; s++) if (bytes[acceptAt + s]! > 1) corrupt('TABLE_REGEX_FIELD', `accept flag ${bytes[acceptAt + s]}`, acceptAt + s);
  if (bytes[acceptAt] !== 0) corrupt('TABLE_REGEX_FIELD', 'dead state accepts', acceptAt);
  const classMap = keep ? bytes.slice(mapAt, mapAt + 256) : NO_U8;
  const accept = keep ? bytes.slice(acceptAt, transAt) : NO_U8;
  const trans = keep ? new Uint16Array(numStates * numClasses) : NO_U16;
  for (let i = 0; i < numStates * numClasses; i++) {
    const t = view.getUint16(transAt + 2 * i, true);
    if (t >= numStates) corrupt('TABLE_REGEX_TARGET', `target ${t} ≥ ${numStates}`, transAt + 2 * i);
    if (i < numClasses && t !== 0) corrupt('TABLE_REGEX_TARGET', 'dead state leaves', transAt + 2 * i);
    trans[i] = t;
  }
  return { kind: 'dfa', byteLength: total, numStates, numClasses, start, classMap, accept, trans };
}

function zero(cond: boolean, field: string, where: number): void {
  if (!cond) corrupt('TABLE_REGEX_FIELD', `unused ${field} ≠ 0`, where);
}

function target(t: number, numInsts: number, where: number): void {
  if (t >= numInsts) corrupt('TABLE_REGEX_TARGET', `target ${t} ≥ ${numInsts}`, where);
}

function readNfa(bytes: Uint8Array, view: DataView, base: number, total: number, numInsts: number, keep: boolean): AutomatonData {
  const end = base + total;
  need(base, Fmt.NFA_FIXED_SIZE, end);
  if (numInsts < 1) corrupt('TABLE_REGEX_FIELD', 'no instructions', base + 12);
  const expected = Fmt.NFA_FIXED_SIZE + Fmt.NFA_INST_SIZE * numInsts;
  if (total !== expected) corrupt('TABLE_REGEX_FIELD', `length ${total} ≠ ${expected}`, base + 8);
  const start = view.getUint32(base + Fmt.HEADER_SIZE, true);
  if (start >= numInsts) corrupt('TABLE_REGEX_TARGET', `start ${start} ≥ ${numInsts}`, base + Fmt.HEADER_SIZE);
  if (view.getUint32(base + Fmt.HEADER_SIZE + 4, true) !== 0) corrupt('TABLE_REGEX_FIELD', 'reserved field ≠ 0', base + Fmt.HEADER_SIZE + 4);
  const op = keep ? new Uint8Array(numInsts) : NO_U8;
  const a = keep ? new Uint8Array(numInsts) : NO_U8;
  const b = keep ? new Uint8Array(numInsts) : NO_U8;
  const out = keep ? new Int32Array(numInsts) : NO_I32;
  const out1 = keep ? new Int32Array(numInsts) : NO_I32;
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
      target(t, numInsts, at + 4);
      if (o === Op.OP_SPLIT) target(t1, numInsts, at + 8);
      else zero(t1 === 0, 'second target', at + 8);
    }
  }
  return { kind: 'nfa', byteLength: total, numInsts, start, op, a, b, out, out1 };
}

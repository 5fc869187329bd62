// Regex automata (docs/table-format.md § Regex automata), mirroring src/regex/matcher.ts:
// validateAutomaton checks every field once at load; fullMatch then reads the table memory directly
// and cannot go out of bounds. Input is UTF-8 bytes (ptr, len).

const MAGIC: u32 = 0x5852524d;
const KIND_DFA: u8 = 1;
const KIND_NFA: u8 = 2;
const HEADER: i32 = 16;
const DFA_FIXED: i32 = HEADER + 4 + 256;
const NFA_FIXED: i32 = HEADER + 8;
const INST: i32 = 12;

const OP_FAIL: u8 = 0;
const OP_MATCH: u8 = 1;
const OP_RANGE: u8 = 2;
const OP_SPLIT: u8 = 3;
const OP_ASSERT: u8 = 4;

const BEGIN_LINE: i32 = 1;
const END_LINE: i32 = 2;
const BEGIN_TEXT: i32 = 4;
const END_TEXT: i32 = 8;
const WORD_BOUNDARY: i32 = 16;
const NON_WORD_BOUNDARY: i32 = 32;

/** Largest NFA seen at load: sizes the simulation scratch. */
let maxInsts: i32 = 0;

/** Null when the automaton at [base, base+len) is well-formed, else the reason. */
export function validateAutomaton(base: usize, len: i32): string | null {
  if (len < HEADER) return "regex automaton truncated";
  if (load<u32>(base) != MAGIC) return "regex automaton: bad magic";
  if (load<u16>(base + 4) != 1) return "regex automaton: unsupported version";
  const kind = load<u8>(base + 6);
  if (load<u8>(base + 7) != 0) return "regex automaton: reserved byte";
  const total = load<u32>(base + 8);
  if (total > <u32>len) return "regex automaton: total length exceeds its slice";
  const count = load<u32>(base + 12);
  if (kind == KIND_DFA) {
    if (count < 1 || count > 0xffff) return "regex DFA: bad state count";
    const S = <i32>count;
    if (<i32>total < DFA_FIXED) return "regex DFA: truncated";
    const C = <i32>load<u16>(base + HEADER);
    if (C < 1 || C > 256) return "regex DFA: bad class count";
    if (<i32>load<u16>(base + HEADER + 2) >= S) return "regex DFA: bad start state";
    for (let i = 0; i < 256; i++) if (<i32>load<u8>(base + HEADER + 4 + i) >= C) return "regex DFA: bad class map";
    const expected: u64 = <u64>DFA_FIXED + <u64>S + 2 * <u64>S * <u64>C;
    if (<u64>total != expected) return "regex DFA: length does not match counts";
    const acc = base + DFA_FIXED;
    for (let s = 0; s < S; s++) if (load<u8>(acc + s) > 1) return "regex DFA: bad accept flag";
    if (load<u8>(acc) != 0) return "regex DFA: dead state accepts";
    const tr = acc + S;
    const n = S * C;
    for (let i = 0; i < n; i++) {
      const t = <i32>load<u16>(tr + 2 * i);
      if (t >= S) return "regex DFA: transition out of range";
      if (i < C && t != 0) return "regex DFA: dead state has a transition";
    }
    return null;
  }
  if (kind == KIND_NFA) {
    if (<i32>total < NFA_FIXED) return "regex NFA: truncated";
    if (count < 1) return "regex NFA: no instructions";
    const expected: u64 = <u64>NFA_FIXED + <u64>INST * <u64>count;
    if (<u64>total != expected) return "regex NFA: length does not match count";
    const N = count;
    if (load<u32>(base + HEADER) >= N) return "regex NFA: bad start";
    if (load<u32>(base + HEADER + 4) != 0) return "regex NFA: reserved field";
    for (let i: u32 = 0; i < N; i++) {
      const at = base + NFA_FIXED + INST * i;
      const op = load<u8>(at), a = load<u8>(at + 1), b = load<u8>(at + 2);
      const out = load<u32>(at + 4), out1 = load<u32>(at + 8);
      if (load<u8>(at + 3) != 0) return "regex NFA: reserved byte";
      if (op == OP_FAIL || op == OP_MATCH) {
        if (a != 0 || b != 0 || out != 0 || out1 != 0) return "regex NFA: unused field";
      } else if (op == OP_RANGE) {
        if (a > b) return "regex NFA: empty range";
        if (out >= N || out1 != 0) return "regex NFA: bad target";
      } else if (op == OP_SPLIT) {
        if (a != 0 || b != 0) return "regex NFA: unused field";
        if (out >= N || out1 >= N) return "regex NFA: bad target";
      } else if (op == OP_ASSERT) {
        if (a == 0 || a > <u8>NON_WORD_BOUNDARY || (a & (a - 1)) != 0) return "regex NFA: bad assertion";
        if (b != 0 || out1 != 0) return "regex NFA: unused field";
        if (out >= N) return "regex NFA: bad target";
      } else return "regex NFA: unknown opcode";
    }
    if (<i32>N > maxInsts) maxInsts = <i32>N;
    return null;
  }
  return "regex automaton: unknown kind";
}

/** Sizes the NFA scratch for the automata validated so far (call after loading a table). */
export function prepareScratch(): void {
  const need = maxInsts + 1;
  if (marks.length < need) {
    marks = new StaticArray<u32>(need);
    listA = new StaticArray<i32>(need);
    listB = new StaticArray<i32>(need);
    stack = new StaticArray<i32>(2 * need + 2);
    gen = 0;
  }
}

export function resetScratchSizing(): void { maxInsts = 0; }

let marks = new StaticArray<u32>(1);
let listA = new StaticArray<i32>(1);
let listB = new StaticArray<i32>(1);
let stack = new StaticArray<i32>(4);
let gen: u32 = 0;

/** Full match of bytes [p, p+n) against the validated automaton at base. */
export function fullMatch(base: usize, p: usize, n: i32): bool {
  if (load<u8>(base + 6) == KIND_DFA) {
    const S = <usize>load<u32>(base + 12);
    const C = <usize>load<u16>(base + HEADER);
    const map = base + HEADER + 4;
    const acc = base + DFA_FIXED;
    const tr = acc + S;
    let s = <usize>load<u16>(base + HEADER + 2);
    for (let i = 0; i < n; i++) {
      const c = <usize>load<u8>(map + <usize>load<u8>(p + i));
      s = <usize>load<u16>(tr + ((s * C + c) << 1));
      if (s == 0) return false;
    }
    return load<u8>(acc + s) == 1;
  }
  return nfaMatch(base, p, n);
}

function isWord(b: i32): bool {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || b == 0x5f || (b >= 0x61 && b <= 0x7a);
}

/** Assertions holding between previous byte `prev` (-1 = start) and `b` (-1 = end). */
function holdsAt(prev: i32, b: i32): i32 {
  let f = 0;
  if (prev < 0) f |= BEGIN_TEXT | BEGIN_LINE;
  else if (prev == 0x0a) f |= BEGIN_LINE;
  if (b == 0x0a || b < 0) f |= END_LINE;
  if (b < 0) f |= END_TEXT;
  const nextWord = b >= 0 && isWord(b);
  const prevWord = prev >= 0 && isWord(prev);
  f |= nextWord != prevWord ? WORD_BOUNDARY : NON_WORD_BOUNDARY;
  return f;
}

/** Follows SPLIT and holding ASSERTs from the pending list; RANGE/MATCH land in `ready`. Returns ready count, or -1 when MATCH was reached and `wantMatch`. */
function expand(base: usize, pending: StaticArray<i32>, np: i32, ready: StaticArray<i32>, holds: i32, wantMatch: bool): i32 {
  gen++;
  if (gen == 0) { for (let i = 0; i < marks.length; i++) unchecked(marks[i] = 0); gen = 1; }
  let nr = 0;
  const insts = base + NFA_FIXED;
  for (let k = np - 1; k >= 0; k--) {
    let sp = 0;
    unchecked(stack[sp++] = unchecked(pending[k]));
    while (sp > 0) {
      const pc = unchecked(stack[--sp]);
      if (unchecked(marks[pc]) == gen) continue;
      unchecked(marks[pc] = gen);
      const at = insts + <usize>(INST * pc);
      const op = load<u8>(at);
      if (op == OP_SPLIT) {
        unchecked(stack[sp++] = <i32>load<u32>(at + 8));
        unchecked(stack[sp++] = <i32>load<u32>(at + 4));
      } else if (op == OP_ASSERT) {
        if ((<i32>load<u8>(at + 1) & holds) != 0) unchecked(stack[sp++] = <i32>load<u32>(at + 4));
      } else if (op == OP_RANGE) {
        unchecked(ready[nr++] = pc);
      } else if (op == OP_MATCH) {
        if (wantMatch) return -1;
      }
    }
  }
  return nr;
}

function nfaMatch(base: usize, p: usize, n: i32): bool {
  // Pending holds at most N distinct instructions (RANGE outs deduplicated by the marks below).
  let pending = listA;
  let ready = listB;
  unchecked(pending[0] = <i32>load<u32>(base + HEADER));
  let np = 1;
  let prev = -1;
  const insts = base + NFA_FIXED;
  for (let i = 0; i < n; i++) {
    const c = <i32>load<u8>(p + i);
    const nr = expand(base, pending, np, ready, holdsAt(prev, c), false);
    // Next pending: outs of RANGEs containing c, each once.
    gen++;
    if (gen == 0) { for (let j = 0; j < marks.length; j++) unchecked(marks[j] = 0); gen = 1; }
    np = 0;
    for (let k = 0; k < nr; k++) {
      const at = insts + <usize>(INST * unchecked(ready[k]));
      if (c >= <i32>load<u8>(at + 1) && c <= <i32>load<u8>(at + 2)) {
        const out = <i32>load<u32>(at + 4);
        if (unchecked(marks[out]) != gen) { unchecked(marks[out] = gen); unchecked(pending[np++] = out); }
      }
    }
    if (np == 0) return false;
    prev = c;
  }
  return expand(base, pending, np, ready, holdsAt(prev, -1), true) < 0;
}

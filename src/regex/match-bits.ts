/** Bit-parallel NFA execution for NFAs of at most 32 positions (see bitParallelMatcher). */
import { Op, type Automaton, type AutomatonData } from './automaton.js';
import { Ctx, assertionsAt, codePointAt, isWordByte, nfaByteClasses, utf8Byte } from './match-input.js';

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

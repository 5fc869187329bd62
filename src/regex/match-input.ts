/**
 * What the matchers share about their input: JS strings are read as UTF-8 bytes on the fly (lone
 * surrogates as U+FFFD, like TextEncoder), the facts assertions need about neighbouring bytes, and
 * the byte classes of an NFA.
 */
import { As, Op, type AutomatonData } from './automaton.js';

/** Previous-byte facts for assertions (as in src/regex/dfa.ts). */
export const enum Ctx {
  CTX_START = 1,
  CTX_NEWLINE = 2,
  CTX_WORD = 4,
}

export function isWordByte(b: number): boolean {
  return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || b === 0x5f || (b >= 0x61 && b <= 0x7a);
}

/** Assertions holding between a byte read in context `ctx` and byte `b` (-1 = end of input). */
export function assertionsAt(ctx: number, b: number): number {
  let f = 0;
  if (ctx & Ctx.CTX_START) f |= As.BEGIN_TEXT | As.BEGIN_LINE;
  else if (ctx & Ctx.CTX_NEWLINE) f |= As.BEGIN_LINE;
  if (b === 0x0a || b < 0) f |= As.END_LINE;
  if (b < 0) f |= As.END_TEXT;
  const nextWord = b >= 0 && isWordByte(b);
  f |= nextWord !== ((ctx & Ctx.CTX_WORD) !== 0) ? As.WORD_BOUNDARY : As.NON_WORD_BOUNDARY;
  return f;
}

/** Byte `k` counted from the end (k = 0 is the last) of the `len`-byte UTF-8 encoding of `c`. */
/**
 * The code point at `i` as the matchers read strings: a surrogate pair is one code point (the caller
 * skips its second unit when the result is above U+FFFF), a lone surrogate is U+FFFD, as
 * TextEncoder does. The DFA loop keeps its own inlined copy: it is the hot path.
 */
export function codePointAt(input: string, i: number, n: number): number {
  const c = input.charCodeAt(i);
  if (c < 0xd800 || c > 0xdfff) return c;
  const d = i + 1 < n ? input.charCodeAt(i + 1) : 0;
  return c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff ? 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00) : 0xfffd;
}

export function utf8Byte(c: number, len: number, k: number): number {
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
export function nfaByteClasses(d: Extract<AutomatonData, { kind: 'nfa' }>, assertBits: number): Uint8Array {
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

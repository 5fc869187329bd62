/**
 * Code point ranges → UTF-8 byte-range sequences. Each sequence is a list of [lo, hi] byte ranges,
 * one per byte, such that the byte strings matching the sequence are exactly the UTF-8 encodings of
 * a sub-range. The split follows the usual construction (Russ Cox, "Regular Expression Matching in
 * the Wild"; Rust's utf8-ranges): first by encoded length, then until every continuation position
 * spans either one value or the full 0x80–0xBF.
 */

export type ByteSeq = [number, number][];

/** Last code point of each encoded length (1, 2, 3 bytes); 4-byte sequences run to U+10FFFF. */
const LENGTH_LIMITS = [0x7f, 0x7ff, 0xffff] as const;

/** The UTF-8 encoding of `c` (surrogates encode like any 3-byte value; callers exclude them). */
export function encodeRune(c: number): number[] {
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** Appends to `out` the byte sequences for code points lo..hi. */
export function rangeToUtf8(lo: number, hi: number, out: ByteSeq[]): void {
  for (const limit of LENGTH_LIMITS) {
    if (lo <= limit && hi > limit) {
      rangeToUtf8(lo, limit, out);
      rangeToUtf8(limit + 1, hi, out);
      return;
    }
  }
  const a = encodeRune(lo);
  const n = a.length;
  for (let i = 1; i < n; i++) {
    const mask = (1 << (6 * i)) - 1; // the bits carried by the last i continuation bytes
    if ((lo & ~mask) !== (hi & ~mask)) {
      if ((lo & mask) !== 0) {
        rangeToUtf8(lo, lo | mask, out);
        rangeToUtf8((lo | mask) + 1, hi, out);
        return;
      }
      if ((hi & mask) !== mask) {
        rangeToUtf8(lo, (hi & ~mask) - 1, out);
        rangeToUtf8(hi & ~mask, hi, out);
        return;
      }
    }
  }
  const b = encodeRune(hi);
  out.push(a.map((x, i) => [x, b[i]!]));
}

/** The byte sequences for a canonical code point set. */
export function setToUtf8(ranges: readonly number[]): ByteSeq[] {
  const out: ByteSeq[] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) rangeToUtf8(ranges[i]!, ranges[i + 1]!, out);
  return out;
}

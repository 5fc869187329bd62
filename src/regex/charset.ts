/**
 * Code point sets as flat sorted range lists `[lo0, hi0, lo1, hi1, …]`: inclusive, sorted,
 * non-overlapping and non-adjacent (the canonical form every function here returns).
 */

/** The largest Unicode code point. */
export const MAX_RUNE = 0x10ffff;

/** Sorts and merges arbitrary (possibly overlapping) ranges into canonical form. */
export function normalizeRanges(ranges: readonly number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < ranges.length; i += 2) pairs.push([ranges[i]!, ranges[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: number[] = [];
  for (const [lo, hi] of pairs) {
    const n = out.length;
    if (n > 0 && lo <= out[n - 1]! + 1) {
      if (hi > out[n - 1]!) out[n - 1] = hi;
    } else out.push(lo, hi);
  }
  return out;
}

export function unionRanges(a: readonly number[], b: readonly number[]): number[] {
  return normalizeRanges([...a, ...b]);
}

/** The complement within [0, MAX_RUNE] of a canonical set. */
export function negateRanges(ranges: readonly number[]): number[] {
  const out: number[] = [];
  let next = 0;
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    if (ranges[i]! > next) out.push(next, ranges[i]! - 1);
    next = ranges[i + 1]! + 1;
  }
  if (next <= MAX_RUNE) out.push(next, MAX_RUNE);
  return out;
}

/** Removes one code point range from a canonical set (src/regex/quote.ts). */
export function subtractRange(ranges: readonly number[], lo: number, hi: number): number[] {
  return intersectRanges(ranges, negateRanges([lo, hi]));
}

export function intersectRanges(a: readonly number[], b: readonly number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i]!, b[j]!);
    const hi = Math.min(a[i + 1]!, b[j + 1]!);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Whether code point `c` is in the canonical set (binary search). */
export function rangesContain(ranges: readonly number[], c: number): boolean {
  let lo = 0;
  let hi = (ranges.length >> 1) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < ranges[2 * mid]!) hi = mid - 1;
    else if (c > ranges[2 * mid + 1]!) lo = mid + 1;
    else return true;
  }
  return false;
}

/**
 * The regex syntax tree. The parser resolves flags while parsing, so the tree has no flag nodes:
 * case folding is already applied to character sets, `.` is already a set, and `^ $` are already
 * the assertion they mean under the `m` flag. Character sets are flat sorted range lists of code
 * points `[lo0, hi0, lo1, hi1, …]` (inclusive, non-overlapping, non-adjacent).
 */

/**
 * Zero-width assertions, one bit each so a set of them fits in a small integer. A TypeScript enum
 * (not an `as const` object) so that esbuild inlines the members as numbers in the bundles.
 */
export enum Assertion {
  BEGIN_LINE = 1, // (?m)^ : at the start of the text or after \n
  END_LINE = 2, // (?m)$ : at the end of the text or before \n
  BEGIN_TEXT = 4, // ^ \A
  END_TEXT = 8, // $ \z
  WORD_BOUNDARY = 16, // \b (ASCII word characters, as RE2)
  NON_WORD_BOUNDARY = 32, // \B
}
export type AssertionBit = Assertion;

export type Node =
  | { readonly kind: 'empty' }
  | { readonly kind: 'noMatch' }
  | { readonly kind: 'set'; readonly ranges: readonly number[] }
  | { readonly kind: 'anyByte' }
  | { readonly kind: 'assert'; readonly assertion: AssertionBit }
  | { readonly kind: 'concat'; readonly subs: readonly Node[] }
  | { readonly kind: 'alt'; readonly subs: readonly Node[] }
  | { readonly kind: 'repeat'; readonly sub: Node; readonly min: number; readonly max: number; readonly greedy: boolean }
  | { readonly kind: 'capture'; readonly sub: Node; readonly index: number; readonly name: string | null };

/** `max` of a repeat with no upper bound (`*`, `+`, `{n,}`). */
export const UNBOUNDED = -1;

export const EMPTY: Node = { kind: 'empty' };
export const NO_MATCH: Node = { kind: 'noMatch' };

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

/** Node kinds of the syntax tree and of the core tree (simplify.ts); an enum, inlined as numbers by esbuild. */
export enum Kind {
  Empty,
  NoMatch,
  Set,
  AnyByte,
  Assert,
  Concat,
  Alt,
  Repeat,
  Capture,
  Star,
  Plus,
  Quest,
}

export type Node =
  | { readonly kind: Kind.Empty }
  | { readonly kind: Kind.NoMatch }
  | { readonly kind: Kind.Set; readonly ranges: readonly number[] }
  | { readonly kind: Kind.AnyByte }
  | { readonly kind: Kind.Assert; readonly assertion: AssertionBit }
  | { readonly kind: Kind.Concat; readonly subs: readonly Node[] }
  | { readonly kind: Kind.Alt; readonly subs: readonly Node[] }
  | { readonly kind: Kind.Repeat; readonly sub: Node; readonly min: number; readonly max: number; readonly greedy: boolean }
  | { readonly kind: Kind.Capture; readonly sub: Node; readonly index: number; readonly name: string | null };

/** `max` of a repeat with no upper bound (`*`, `+`, `{n,}`). */
export const UNBOUNDED = -1;

export const EMPTY: Node = { kind: Kind.Empty };
export const NO_MATCH: Node = { kind: Kind.NoMatch };

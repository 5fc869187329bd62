/**
 * Syntax tree → core tree: what the NFA compiler needs for a boolean full match. Captures are
 * dropped (only match/no-match matters), greediness is dropped (it changes which match is found,
 * never whether one exists), and counted repetition becomes copies plus `?`, following Go's
 * simplify.go: x{2,5} = xx(x(x(x)?)?)? and x{2,} = xx*... written here as x x+.
 * Copies share the sub-tree object; the compiler emits instructions per use.
 */
import { Kind, UNBOUNDED, type AssertionBit, type Node } from './ast.js';
import { unionRanges } from './charset.js';

export type Core =
  | { readonly kind: Kind.Empty }
  | { readonly kind: Kind.NoMatch }
  | { readonly kind: Kind.Set; readonly ranges: readonly number[] }
  | { readonly kind: Kind.AnyByte }
  | { readonly kind: Kind.Assert; readonly assertion: AssertionBit }
  | { readonly kind: Kind.Concat; readonly subs: readonly Core[] }
  | { readonly kind: Kind.Alt; readonly subs: readonly Core[] }
  | { readonly kind: Kind.Star | Kind.Plus | Kind.Quest; readonly sub: Core };

const CORE_EMPTY: Core = { kind: Kind.Empty };
const CORE_NO_MATCH: Core = { kind: Kind.NoMatch };

export function simplify(node: Node): Core {
  switch (node.kind) {
    case Kind.Empty:
    case Kind.NoMatch:
    case Kind.Set:
    case Kind.AnyByte:
    case Kind.Assert:
      return node;
    case Kind.Capture:
      return simplify(node.sub);
    case Kind.Concat:
      return concat(node.subs.map(simplify));
    case Kind.Alt:
      return alt(node.subs.map(simplify));
    case Kind.Repeat:
      return repeat(simplify(node.sub), node.min, node.max);
  }
}

/** x{min,max} in terms of concatenation, `+` and `?` (max = UNBOUNDED for no upper bound). */
export function repeat(sub: Core, min: number, max: number): Core {
  if (max === UNBOUNDED) {
    if (min === 0) return unary(Kind.Star, sub);
    if (min === 1) return unary(Kind.Plus, sub);
    return concat([...Array<Core>(min - 1).fill(sub), unary(Kind.Plus, sub)]);
  }
  if (max === 0) return CORE_EMPTY;
  if (min === 1 && max === 1) return sub;
  let optional: Core = CORE_EMPTY;
  for (let k = min; k < max; k++) optional = unary(Kind.Quest, concat([sub, optional]));
  return concat([...Array<Core>(min).fill(sub), optional]);
}

function unary(kind: Kind.Star | Kind.Plus | Kind.Quest, sub: Core): Core {
  if (sub.kind === Kind.Empty) return CORE_EMPTY;
  if (sub.kind === Kind.NoMatch) return kind === Kind.Plus ? CORE_NO_MATCH : CORE_EMPTY;
  return { kind, sub };
}

/** Flattened concatenation without empties; any impossible part makes the whole impossible. */
export function concat(subs: readonly Core[]): Core {
  const out: Core[] = [];
  for (const s of subs) {
    if (s.kind === Kind.NoMatch) return CORE_NO_MATCH;
    if (s.kind === Kind.Concat) out.push(...s.subs);
    else if (s.kind !== Kind.Empty) out.push(s);
  }
  if (out.length === 0) return CORE_EMPTY;
  return out.length === 1 ? out[0]! : { kind: Kind.Concat, subs: out };
}

/**
 * Flattened alternation without impossible branches; single-character branches are merged into
 * one set (`a|b|[x-z]` = `[abx-z]`), which is sound because branch order never changes whether a
 * full match exists.
 */
export function alt(subs: readonly Core[]): Core {
  const out: Core[] = [];
  let merged: number[] | null = null;
  for (const s of subs.flatMap((x) => (x.kind === Kind.Alt ? x.subs : [x]))) {
    if (s.kind === Kind.NoMatch) continue;
    if (s.kind === Kind.Set) {
      if (merged === null) out.push({ kind: Kind.NoMatch }); // placeholder: the merged set goes where the first set was
      merged = merged === null ? [...s.ranges] : unionRanges(merged, s.ranges);
    } else out.push(s);
  }
  if (merged !== null) out[out.findIndex((x) => x.kind === Kind.NoMatch)] = { kind: Kind.Set, ranges: merged };
  if (out.length === 0) return CORE_NO_MATCH;
  return out.length === 1 ? out[0]! : { kind: Kind.Alt, subs: out };
}

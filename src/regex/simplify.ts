/**
 * Syntax tree → core tree: what the NFA compiler needs for a boolean full match. Captures are
 * dropped (only match/no-match matters), greediness is dropped (it changes which match is found,
 * never whether one exists), and counted repetition becomes copies plus `?`, following Go's
 * simplify.go: x{2,5} = xx(x(x(x)?)?)? and x{2,} = xx*... written here as x x+.
 * Copies share the sub-tree object; the compiler emits instructions per use.
 */
import { UNBOUNDED, type AssertionBit, type Node } from './ast.js';
import { unionRanges } from './charset.js';

export type Core =
  | { readonly kind: 'empty' }
  | { readonly kind: 'noMatch' }
  | { readonly kind: 'set'; readonly ranges: readonly number[] }
  | { readonly kind: 'anyByte' }
  | { readonly kind: 'assert'; readonly assertion: AssertionBit }
  | { readonly kind: 'concat'; readonly subs: readonly Core[] }
  | { readonly kind: 'alt'; readonly subs: readonly Core[] }
  | { readonly kind: 'star' | 'plus' | 'quest'; readonly sub: Core };

const CORE_EMPTY: Core = { kind: 'empty' };
const CORE_NO_MATCH: Core = { kind: 'noMatch' };

export function simplify(node: Node): Core {
  switch (node.kind) {
    case 'empty':
    case 'noMatch':
    case 'set':
    case 'anyByte':
    case 'assert':
      return node;
    case 'capture':
      return simplify(node.sub);
    case 'concat':
      return concat(node.subs.map(simplify));
    case 'alt':
      return alt(node.subs.map(simplify));
    case 'repeat':
      return repeat(simplify(node.sub), node.min, node.max);
  }
}

/** x{min,max} in terms of concatenation, `+` and `?` (max = UNBOUNDED for no upper bound). */
export function repeat(sub: Core, min: number, max: number): Core {
  if (max === UNBOUNDED) {
    if (min === 0) return unary('star', sub);
    if (min === 1) return unary('plus', sub);
    return concat([...Array<Core>(min - 1).fill(sub), unary('plus', sub)]);
  }
  if (max === 0) return CORE_EMPTY;
  if (min === 1 && max === 1) return sub;
  let optional: Core = CORE_EMPTY;
  for (let k = min; k < max; k++) optional = unary('quest', concat([sub, optional]));
  return concat([...Array<Core>(min).fill(sub), optional]);
}

function unary(kind: 'star' | 'plus' | 'quest', sub: Core): Core {
  if (sub.kind === 'empty') return CORE_EMPTY;
  if (sub.kind === 'noMatch') return kind === 'plus' ? CORE_NO_MATCH : CORE_EMPTY;
  return { kind, sub };
}

/** Flattened concatenation without empties; any impossible part makes the whole impossible. */
export function concat(subs: readonly Core[]): Core {
  const out: Core[] = [];
  for (const s of subs) {
    if (s.kind === 'noMatch') return CORE_NO_MATCH;
    if (s.kind === 'concat') out.push(...s.subs);
    else if (s.kind !== 'empty') out.push(s);
  }
  if (out.length === 0) return CORE_EMPTY;
  return out.length === 1 ? out[0]! : { kind: 'concat', subs: out };
}

/**
 * Flattened alternation without impossible branches; single-character branches are merged into
 * one set (`a|b|[x-z]` = `[abx-z]`), which is sound because branch order never changes whether a
 * full match exists.
 */
export function alt(subs: readonly Core[]): Core {
  const out: Core[] = [];
  let merged: number[] | null = null;
  for (const s of subs.flatMap((x) => (x.kind === 'alt' ? x.subs : [x]))) {
    if (s.kind === 'noMatch') continue;
    if (s.kind === 'set') {
      if (merged === null) out.push({ kind: 'noMatch' }); // placeholder: the merged set goes where the first set was
      merged = merged === null ? [...s.ranges] : unionRanges(merged, s.ranges);
    } else out.push(s);
  }
  if (merged !== null) out[out.findIndex((x) => x.kind === 'noMatch')] = { kind: 'set', ranges: merged };
  if (out.length === 0) return CORE_NO_MATCH;
  return out.length === 1 ? out[0]! : { kind: 'alt', subs: out };
}

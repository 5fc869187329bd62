/**
 * DFA → RE2 pattern by state elimination (Brzozowski–McCluskey): a generalized automaton whose
 * edges carry regexes; each eliminated state k rewires p → k → q as p → R(p,k) R(k,k)* R(k,q) → q.
 * The next state to eliminate is the cheapest by the size of the edges it would multiply. Regex
 * terms are simplified as they are built (∅ and ε absorbed, single characters merged into one
 * class), and the pattern length is capped: past `maxLength` the result is null.
 */
import { unionRanges } from './charset.js';
import type { CharDfa } from './char-dfa.js';
import { printSet } from './quote.js';

type Re =
  | { k: 'none' } // ∅
  | { k: 'eps' }
  | { k: 'set'; ranges: number[] }
  | { k: 'cat'; parts: Re[] }
  | { k: 'alt'; parts: Re[] } // never contains eps or none; see opt
  | { k: 'opt'; sub: Re } // sub | ε
  | { k: 'star'; sub: Re }
  | { k: 'plus'; sub: Re }; // x x*, printed x+

const NONE: Re = { k: 'none' };
const EPS: Re = { k: 'eps' };

/** The DFA's language (restricted to `states`) as an RE2 pattern; null when longer than maxLength. */
export function dfaToRegex(dfa: CharDfa, states: ReadonlySet<number>, maxLength: number): string | null {
  const S = -1;
  const F = -2;
  const out = new Map<number, Map<number, Re>>();
  const into = new Map<number, Set<number>>();
  const edge = (p: number, q: number): Re => out.get(p)?.get(q) ?? NONE;
  const setEdge = (p: number, q: number, r: Re): void => {
    if (!out.has(p)) out.set(p, new Map());
    if (!into.has(q)) into.set(q, new Set());
    if (r.k === 'none') {
      out.get(p)!.delete(q);
      into.get(q)!.delete(p);
    } else {
      out.get(p)!.set(q, r);
      into.get(q)!.add(p);
    }
  };
  if (!states.has(dfa.start)) return printRe(NONE);
  setEdge(S, dfa.start, EPS);
  for (const s of states) {
    if (dfa.accept[s]) setEdge(s, F, alt(edge(s, F), EPS));
    const byTarget = new Map<number, number[]>();
    dfa.next[s]!.forEach((t, k) => {
      if (!states.has(t)) return;
      byTarget.set(t, unionRanges(byTarget.get(t) ?? [], [dfa.classLo[k]!, dfa.classHi[k]!]));
    });
    for (const [t, ranges] of byTarget) setEdge(s, t, { k: 'set', ranges });
  }
  const budget = 8 * maxLength; // intermediate terms may shrink later only a little: stop early
  const remaining = new Set(states);
  while (remaining.size > 0) {
    const k = cheapest(remaining, out, into, edge);
    remaining.delete(k);
    const loop = edge(k, k);
    const preds = [...(into.get(k) ?? [])].filter((p) => p !== k);
    const succs = [...(out.get(k)?.keys() ?? [])].filter((q) => q !== k);
    for (const p of preds) {
      for (const q of succs) {
        const r = alt(edge(p, q), cat([edge(p, k), star(loop), edge(k, q)]));
        if (size(r) > budget) return null;
        setEdge(p, q, r);
      }
    }
    for (const p of preds) setEdge(p, k, NONE);
    for (const q of [...(out.get(k)?.keys() ?? [])]) setEdge(k, q, NONE);
  }
  const text = printRe(edge(S, F));
  return text.length > maxLength ? null : text;
}

function cheapest(remaining: ReadonlySet<number>, out: Map<number, Map<number, Re>>, into: Map<number, Set<number>>, edge: (p: number, q: number) => Re): number {
  let best = -1;
  let bestCost = Infinity;
  for (const k of remaining) {
    const ins = [...(into.get(k) ?? [])].filter((p) => p !== k);
    const outs = [...(out.get(k)?.keys() ?? [])].filter((q) => q !== k);
    const loop = size(edge(k, k));
    const cost = ins.reduce((n, p) => n + size(edge(p, k)), 0) * outs.length + outs.reduce((n, q) => n + size(edge(k, q)), 0) * ins.length + loop * ins.length * outs.length;
    if (cost < bestCost) (best = k), (bestCost = cost);
  }
  return best;
}

// ---- regex terms -----------------------------------------------------------------------------

function alt(a: Re, b: Re): Re {
  if (a.k === 'none') return b;
  if (b.k === 'none') return a;
  const optional = a.k === 'eps' || a.k === 'opt' || b.k === 'eps' || b.k === 'opt';
  const parts: Re[] = [];
  let chars: number[] | null = null;
  for (const x of [a, b].flatMap(unwrapAlt)) {
    if (x.k === 'set') chars = chars === null ? x.ranges : unionRanges(chars, x.ranges);
    else if (!parts.some((y) => same(x, y))) parts.push(x);
  }
  if (chars !== null) parts.unshift({ k: 'set', ranges: chars });
  const body: Re = parts.length === 0 ? EPS : parts.length === 1 ? parts[0]! : { k: 'alt', parts };
  if (!optional || body.k === 'eps' || body.k === 'star') return body; // x* already includes ε
  if (body.k === 'plus') return star(body.sub); // x+ | ε = x*
  return { k: 'opt', sub: body };
}

function unwrapAlt(r: Re): Re[] {
  if (r.k === 'eps') return [];
  if (r.k === 'opt') return unwrapAlt(r.sub);
  return r.k === 'alt' ? r.parts : [r];
}

function cat(rs: readonly Re[]): Re {
  const parts: Re[] = [];
  for (const r of rs) {
    if (r.k === 'none') return NONE;
    if (r.k === 'eps') continue;
    for (const x of r.k === 'cat' ? r.parts : [r]) {
      const prev = parts[parts.length - 1];
      // x followed by x* is x+ (either order).
      if (prev !== undefined && x.k === 'star' && same(prev, x.sub)) parts[parts.length - 1] = { k: 'plus', sub: x.sub };
      else if (prev !== undefined && prev.k === 'star' && same(prev.sub, x)) parts[parts.length - 1] = { k: 'plus', sub: x };
      else parts.push(x);
    }
  }
  return parts.length === 0 ? EPS : parts.length === 1 ? parts[0]! : { k: 'cat', parts };
}

function star(r: Re): Re {
  if (r.k === 'none' || r.k === 'eps') return EPS;
  if (r.k === 'star') return r;
  if (r.k === 'opt' || r.k === 'plus') return star(r.sub);
  return { k: 'star', sub: r };
}

function same(a: Re, b: Re): boolean {
  return a === b || printRe(a) === printRe(b);
}

const sizes = new WeakMap<Re, number>();
function size(r: Re): number {
  let n = sizes.get(r);
  if (n === undefined) {
    n = r.k === 'none' ? 0 : printRe(r).length;
    sizes.set(r, n);
  }
  return n;
}

// ---- printing --------------------------------------------------------------------------------

const printed = new WeakMap<Re, string>();
function printRe(r: Re): string {
  let s = printed.get(r);
  if (s === undefined) {
    s = print(r);
    printed.set(r, s);
  }
  return s;
}

function print(r: Re): string {
  switch (r.k) {
    case 'none':
      return '[^\\x00-\\x{10ffff}]';
    case 'eps':
      return '';
    case 'set':
      return printSet(r.ranges);
    case 'cat':
      return r.parts.map((p) => (p.k === 'alt' ? `(?:${printRe(p)})` : printRe(p))).join('');
    case 'alt':
      return r.parts.map(printRe).join('|');
    case 'opt':
      return `${atom(r.sub)}?`;
    case 'star':
      return `${atom(r.sub)}*`;
    case 'plus':
      return `${atom(r.sub)}+`;
  }
}

/** `r` as an operand of a postfix operator: one character or a group. */
function atom(r: Re): string {
  const s = printRe(r);
  if (r.k === 'set') return s; // one character: a literal, a class or (?s:.)
  return `(?:${s})`;
}

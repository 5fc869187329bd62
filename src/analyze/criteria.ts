/**
 * The non-path criteria of a route — method, scheme, hostname, header (gRPC metadata) and query
 * predicates — compared by implication: `criteriaImply(b, a)` is true only when every request that
 * satisfies b's criteria satisfies a's. Conservative: false means "not shown", never "shown false".
 * String matchers (exact, prefix, suffix, regex) are compared as languages (languages.ts); ranges
 * by their bounds.
 */
import type { LoweredPredicate, LoweredRoute } from '../compile/lower.js';
import { parseInt64 } from '../evaluate/request.js';
import { exactLang, findWitness, patternLang, prefixLang, escapeLiteral, type Lang } from './languages.js';

/**
 * Header values a request can carry: anything but NUL, CR and LF (RFC 9110 §5.5 forbids them in a
 * field value; Envoy rejects them). Witness values are drawn from this set.
 */
export const VALUE_PATTERN = '[^\\x00\\r\\n]*';

/** One cache per lint run: languages by their pattern. */
export class LangCache {
  private readonly langs = new Map<string, Lang | null>();
  of(key: string, make: () => Lang | null): Lang | null {
    if (!this.langs.has(key)) this.langs.set(key, make());
    return this.langs.get(key)!;
  }
  get values(): Lang | null {
    return this.of('values', () => patternLang(VALUE_PATTERN));
  }
  /** Strings a header string matcher accepts (null: too complex to decide). */
  matcher(p: Extract<LoweredPredicate, { kind: 'header'; op: 'exact' | 'prefix' | 'suffix' | 'regex' }>): Lang | null {
    switch (p.op) {
      case 'exact': return this.of(`e:${p.value}`, () => exactLang(p.value));
      case 'prefix': return this.of(`p:${p.value}`, () => prefixLang(p.value));
      case 'suffix': return this.of(`s:${p.value}`, () => patternLang(`(?s:.*)${escapeLiteral(p.value)}`));
      default: return this.of(`r:${p.value}`, () => patternLang(p.value));
    }
  }
}

type HeaderPredicate = Extract<LoweredPredicate, { kind: 'header' }>;
type StringPredicate = Extract<HeaderPredicate, { op: 'exact' | 'prefix' | 'suffix' | 'regex' }>;

export function isStringOp(p: HeaderPredicate): p is StringPredicate {
  return p.op === 'exact' || p.op === 'prefix' || p.op === 'suffix' || p.op === 'regex';
}

/** Every request satisfying b's method, scheme, hostname and predicates satisfies a's. */
export function criteriaImply(b: LoweredRoute, a: LoweredRoute, langs: LangCache): boolean {
  if (a.method !== null && a.method !== b.method) return false;
  if (a.scheme !== null && a.scheme !== b.scheme) return false;
  if (!hostImplies(b.hostname, a.hostname)) return false;
  return a.predicates.every((p) => b.predicates.some((q) => predicateImplies(q, p, langs)));
}

/** q ⇒ p for one header or query predicate (false unless shown). */
export function predicateImplies(q: LoweredPredicate, p: LoweredPredicate, langs: LangCache): boolean {
  if (q.kind !== p.kind || q.name !== p.name) return false;
  if (p.kind === 'query' || q.kind === 'query') {
    if (p.kind !== 'query' || q.kind !== 'query') return false;
    return p.op === 'present' || (q.op === 'exact' && p.op === 'exact' && q.value === p.value);
  }
  // Presence: every header predicate but an inverted present-match needs the header.
  if (p.op === 'present') return p.invert ? q.op === 'present' && q.invert : !(q.op === 'present' && q.invert);
  if (q.op === 'present') return false;
  if (p.op === 'range' || q.op === 'range') return rangeImplies(q, p);
  const lp = langs.matcher(p as StringPredicate);
  const lq = langs.matcher(q as StringPredicate);
  const values = langs.values;
  if (lp === null || lq === null || values === null) return false;
  if (!p.invert && !q.invert) return findWitness({ all: [lq, values], none: [lp] }).kind === 'empty'; // L(q) ⊆ L(p)
  if (p.invert && !q.invert) return findWitness({ all: [lq, lp, values] }).kind === 'empty'; // disjoint
  if (p.invert && q.invert) return findWitness({ all: [lp, values], none: [lq] }).kind === 'empty'; // L(p) ⊆ L(q)
  return false;
}

/**
 * A value for one header that satisfies every predicate on it: a string, `absent` (the header must
 * not be sent), `contradiction` (no request satisfies them: shown), or `undecided`.
 */
export type HeaderValue = { kind: 'value'; value: string } | { kind: 'absent' } | { kind: 'contradiction' } | { kind: 'undecided' };

export function headerValueFor(preds: readonly HeaderPredicate[], langs: LangCache): HeaderValue {
  const absentOnly = preds.filter((p) => p.op === 'present' && p.invert);
  if (absentOnly.length > 0) return absentOnly.length === preds.length ? { kind: 'absent' } : { kind: 'contradiction' };
  const values = langs.values;
  if (values === null) return { kind: 'undecided' };
  const all: Lang[] = [values];
  const none: Lang[] = [];
  const ranges = preds.filter((p): p is Extract<HeaderPredicate, { op: 'range' }> => p.op === 'range');
  for (const p of preds) {
    if (!isStringOp(p)) continue;
    const l = langs.matcher(p);
    if (l === null) return { kind: 'undecided' };
    (p.invert ? none : all).push(l);
  }
  if (ranges.length === 0) {
    const r = findWitness({ all, none });
    return r.kind === 'witness' ? { kind: 'value', value: r.text } : r.kind === 'empty' ? { kind: 'contradiction' } : { kind: 'undecided' };
  }
  const inRange = ranges.filter((p) => !p.invert);
  if (inRange.some((p) => p.start >= p.end)) return { kind: 'contradiction' };
  // Candidates: the bounds of the ranges the value must be in; else any non-number (inverted ranges hold).
  const candidates = inRange.length > 0 ? inRange.flatMap((p) => [p.start, p.end - 1n]).map(String) : [];
  for (const c of candidates) if (valueSatisfies(c, preds, langs)) return { kind: 'value', value: c };
  if (inRange.length === 0) {
    const number = langs.of('int64', () => patternLang('[ \\t\\n\\v\\f\\r]*[+-]?[0-9]+[ \\t\\n\\v\\f\\r]*'));
    if (number === null) return { kind: 'undecided' };
    const r = findWitness({ all, none: [...none, number] });
    if (r.kind === 'witness') return { kind: 'value', value: r.text };
  }
  return { kind: 'undecided' };
}

/** The predicates on one header, checked on a concrete value the way the evaluator checks them. */
export function valueSatisfies(v: string, preds: readonly HeaderPredicate[], langs: LangCache): boolean {
  return preds.every((p) => {
    let m: boolean;
    if (p.op === 'present') m = true;
    else if (p.op === 'range') {
      const n = parseInt64(v);
      m = n !== null && n >= p.start && n < p.end;
    } else {
      const l = langs.matcher(p);
      if (l === null) return false;
      m = accepts(l, v);
    }
    return p.invert ? !m : m;
  });
}

export function accepts(l: Lang, s: string): boolean {
  let st = l.start;
  for (const b of UTF8.encode(s)) st = l.dfa.trans[st * l.dfa.numClasses + l.dfa.classMap[b]!]!;
  return l.dfa.accept[st] === 1;
}

const UTF8 = new TextEncoder();

// ------- internal functions -------

function hostImplies(b: LoweredRoute['hostname'], a: LoweredRoute['hostname']): boolean {
  if (a === null) return true;
  if (b === null) return false;
  if (a.kind === 'exact') return b.kind === 'exact' && b.value === a.value;
  // a suffix: an exact b it matches, or a suffix b that ends with it (b's hosts are longer still).
  return b.kind === 'exact' ? b.value.length > a.value.length && b.value.endsWith(a.value) : b.value.endsWith(a.value);
}

function rangeImplies(q: HeaderPredicate, p: HeaderPredicate): boolean {
  if (p.op !== 'range') return false;
  if (q.op === 'range') {
    if (!p.invert && !q.invert) return q.start >= q.end || (p.start <= q.start && q.end <= p.end);
    if (p.invert && q.invert) return p.start >= p.end || (q.start <= p.start && p.end <= q.end);
    if (p.invert && !q.invert) return q.end <= p.start || p.end <= q.start || q.start >= q.end;
    return false;
  }
  if (q.op === 'exact' && !q.invert) {
    const n = parseInt64(q.value);
    const inside = n !== null && n >= p.start && n < p.end;
    return p.invert ? !inside : inside;
  }
  return false;
}

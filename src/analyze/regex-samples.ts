/**
 * A few strings a regex accepts (and so can be sent as probe values): built from the pattern's core
 * tree — the first printable character of each set (preferring letters and digits), each branch of
 * an alternation, zero and one copies of a repetition — then kept only if the RE2 engine agrees
 * (assertions are not modelled by the walk). Bounded: at most `max` strings of at most 64 characters.
 */
import { Kind } from '../regex/ast.js';
import { compileRegex } from '../regex/index.js';
import { parseRegex } from '../regex/parse.js';
import { simplify, type Core } from '../regex/simplify.js';

export function regexSamples(pattern: string, max = 6): string[] {
  let core: Core;
  let fullMatch: (s: string) => boolean;
  try {
    core = simplify(parseRegex(pattern));
    fullMatch = compileRegex(pattern).fullMatch;
  } catch {
    return [];
  }
  const out = walk(core, max).filter((s) => s.length <= 64 && fullMatch(s));
  return [...new Set(out)].slice(0, max);
}

// ------- internal functions -------

const PREFERRED: readonly [number, number][] = [[0x61, 0x7a], [0x30, 0x39], [0x41, 0x5a], [0x21, 0x7e], [0xa1, 0x10ffff]];

function pickChar(ranges: readonly number[]): string | null {
  for (const [lo, hi] of PREFERRED) {
    for (let i = 0; i + 1 < ranges.length; i += 2) {
      const a = Math.max(lo, ranges[i]!);
      const b = Math.min(hi, ranges[i + 1]!);
      if (a <= b && !(a >= 0xd800 && a <= 0xdfff)) return String.fromCodePoint(a);
    }
  }
  return null;
}

function walk(c: Core, max: number): string[] {
  switch (c.kind) {
    case Kind.Empty:
    case Kind.Assert:
      return [''];
    case Kind.NoMatch:
      return [];
    case Kind.AnyByte:
      return ['a'];
    case Kind.Set: {
      const ch = pickChar(c.ranges);
      return ch === null ? [] : [ch];
    }
    case Kind.Concat: {
      let acc = [''];
      for (const sub of c.subs) {
        const next: string[] = [];
        const parts = walk(sub, max);
        for (const a of acc) for (const p of parts) if (next.length < max) next.push(a + p);
        acc = next;
        if (acc.length === 0) return [];
      }
      return acc;
    }
    case Kind.Alt:
      return c.subs.flatMap((s) => walk(s, max)).slice(0, max);
    case Kind.Star:
    case Kind.Quest:
      return ['', ...walk(c.sub, max)].slice(0, max);
    case Kind.Plus:
      return walk(c.sub, max).flatMap((s) => [s, s + s]).slice(0, max);
    default:
      return [];
  }
}

/**
 * Core tree → NFA over code points (not bytes), for the language operations that need a
 * character alphabet (complement.ts): Thompson's construction with ε edges, code point set edges,
 * and the two text anchors a full match can use, kept as their own edges — `^`/`\A` may only be
 * crossed before the first character, `$`/`\z` only at the end. Other assertions (line anchors
 * under (?m), \b, \B) and `\C` have no character-level meaning here: CharNfaUnsupported.
 */
import { Assertion, Kind } from './ast.js';
import type { Core } from './simplify.js';

export interface CharNfa {
  start: number;
  final: number;
  eps: number[][];
  /** Edges crossed only at the start of the text (`^`, `\A`). */
  begin: number[][];
  /** Edges crossed only at the end of the text (`$`, `\z`). */
  end: number[][];
  /** Character edges: canonical code point ranges → target. */
  chars: { ranges: readonly number[]; to: number }[][];
}

export class CharNfaUnsupported extends Error {
  constructor(readonly construct: string) {
    super(`${construct} has no character-level form`);
  }
}

export class CharNfaTooLarge extends Error {}

export function buildCharNfa(core: Core, maxStates: number): CharNfa {
  const nfa: CharNfa = { start: 0, final: 0, eps: [], begin: [], end: [], chars: [] };
  const state = (): number => {
    if (nfa.eps.length >= maxStates) throw new CharNfaTooLarge(`more than ${maxStates} NFA states`);
    nfa.eps.push([]);
    nfa.begin.push([]);
    nfa.end.push([]);
    nfa.chars.push([]);
    return nfa.eps.length - 1;
  };

  /** Builds `node` between fresh states; returns [entry, exit]. */
  function build(node: Core): [number, number] {
    const s = state();
    const t = state();
    switch (node.kind) {
      case Kind.Empty:
        nfa.eps[s]!.push(t);
        break;
      case Kind.NoMatch:
        break;
      case Kind.Set:
        nfa.chars[s]!.push({ ranges: node.ranges, to: t });
        break;
      case Kind.AnyByte:
        throw new CharNfaUnsupported('\\C (any byte)');
      case Kind.Assert:
        if (node.assertion === Assertion.BEGIN_TEXT) nfa.begin[s]!.push(t);
        else if (node.assertion === Assertion.END_TEXT) nfa.end[s]!.push(t);
        else throw new CharNfaUnsupported(ASSERTION_TEXT[node.assertion] ?? 'an assertion');
        break;
      case Kind.Concat: {
        let at = s;
        for (const sub of node.subs) {
          const [i, o] = build(sub);
          nfa.eps[at]!.push(i);
          at = o;
        }
        nfa.eps[at]!.push(t);
        break;
      }
      case Kind.Alt:
        for (const sub of node.subs) {
          const [i, o] = build(sub);
          nfa.eps[s]!.push(i);
          nfa.eps[o]!.push(t);
        }
        break;
      case Kind.Star:
      case Kind.Plus:
      case Kind.Quest: {
        const [i, o] = build(node.sub);
        nfa.eps[s]!.push(i);
        nfa.eps[o]!.push(t);
        if (node.kind !== Kind.Plus) nfa.eps[s]!.push(t); // zero times
        if (node.kind !== Kind.Quest) nfa.eps[o]!.push(i); // again
        break;
      }
    }
    return [s, t];
  }

  const [i, o] = build(core);
  nfa.start = i;
  nfa.final = o;
  return nfa;
}

const ASSERTION_TEXT: Partial<Record<number, string>> = {
  [Assertion.BEGIN_LINE]: '(?m)^',
  [Assertion.END_LINE]: '(?m)$',
  [Assertion.WORD_BOUNDARY]: '\\b',
  [Assertion.NON_WORD_BOUNDARY]: '\\B',
};

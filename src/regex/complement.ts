/**
 * The complement of an RE2 pattern under full matching, as another RE2 pattern: the strings the
 * pattern does not match. RE2 has no negative look-ahead, so App Mesh's `invert` on a regex, prefix
 * or suffix matcher needs this to become a Gateway API RegularExpression (issue 16).
 *
 * Pipeline: parse + simplify (the engine's own front end) → NFA over code points (char-nfa.ts) →
 * complete DFA by subset construction → complement → minimize → trim (char-dfa.ts) → regex by state
 * elimination (to-regex.ts). The alphabet is every Unicode scalar value, so the complement holds
 * for any string; surrogates never occur in matched text. Sizes are capped at every stage and an
 * over-size result is a typed `too-large`, never an exception.
 */
import { buildCharNfa, CharNfaTooLarge, CharNfaUnsupported } from './char-nfa.js';
import { CharDfaTooLarge, complementDfa, determinize, minimizeCharDfa, usefulStates } from './char-dfa.js';
import { parseRegex } from './parse.js';
import { simplify } from './simplify.js';
import { dfaToRegex } from './to-regex.js';

export interface ComplementOptions {
  /** Longest pattern returned (characters). Default 1,000: beyond it a regex stops being reviewable config. */
  maxLength?: number;
  /** DFA state cap for the subset construction. Default 500. */
  maxStates?: number;
}

export type ComplementResult =
  | { ok: true; pattern: string; states: number }
  | { ok: false; reason: 'too-large'; message: string }
  /** The pattern uses a construct with no character-level meaning here: \C, \b, \B, (?m)^ or (?m)$. */
  | { ok: false; reason: 'unsupported'; message: string };

export const DEFAULT_COMPLEMENT_MAX_LENGTH = 1_000;
export const DEFAULT_COMPLEMENT_MAX_STATES = 500;

/** Throws RegexSyntaxError when `pattern` is not RE2 (as compileRegex does). */
export function complementRegex(pattern: string, options: ComplementOptions = {}): ComplementResult {
  const maxLength = options.maxLength ?? DEFAULT_COMPLEMENT_MAX_LENGTH;
  const maxStates = options.maxStates ?? DEFAULT_COMPLEMENT_MAX_STATES;
  const core = simplify(parseRegex(pattern));
  try {
    const nfa = buildCharNfa(core, 20 * maxStates);
    const dfa = minimizeCharDfa(complementDfa(determinize(nfa, maxStates)));
    const states = usefulStates(dfa);
    const out = dfaToRegex(dfa, states, maxLength);
    if (out === null) return { ok: false, reason: 'too-large', message: `the complement of ${JSON.stringify(pattern)} needs a regex longer than ${maxLength} characters` };
    return { ok: true, pattern: out, states: states.size };
  } catch (e) {
    if (e instanceof CharNfaUnsupported) return { ok: false, reason: 'unsupported', message: `cannot complement ${JSON.stringify(pattern)}: ${e.message}` };
    if (e instanceof CharNfaTooLarge || e instanceof CharDfaTooLarge) return { ok: false, reason: 'too-large', message: `cannot complement ${JSON.stringify(pattern)}: ${e.message}` };
    throw e;
  }
}

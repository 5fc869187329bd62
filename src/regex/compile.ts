/**
 * The build-time pipeline: pattern → syntax tree → core tree → NFA program → DFA when it fits the
 * state budget (then minimized), else the NFA itself → serialized automaton → matcher over those very bytes.
 */
import { buildDfa } from './dfa.js';
import { minimizeDfa } from './minimize.js';
import { encodeDfa, encodeNfa } from './encode.js';
import { loadAutomaton } from './matcher.js';
import { compileProg } from './nfa.js';
import { parseRegex } from './parse.js';
import { simplify } from './simplify.js';

/**
 * Default cap on NFA instructions (one per UTF-8 byte range, split or assertion). 20,000 admits any
 * realistic route regex (`[a-f0-9]{32}` needs 34, `\pL` ~1,600, so even `\pL{12}` fits) while
 * bounding what one regex adds to a table (≤ 240 KB as an NFA) and the per-byte work of NFA matching.
 */
export const DEFAULT_MAX_PROGRAM_SIZE = 20_000;

/**
 * Default DFA state budget. A DFA is the fastest form (one table lookup per byte) but can grow
 * exponentially (`(a|b)*a(a|b){15}`); 2,000 states × ~30 classes × 2 bytes ≈ 120 KB is the most a
 * single regex should add to a decision table. Past it the (linear-time) NFA is kept.
 */
export const DEFAULT_MAX_DFA_STATES = 2_000;

export interface RegexOptions {
  /** DFA state budget before falling back to the NFA form (≤ 65,535). */
  maxDfaStates?: number;
  /** Complexity cap in NFA instructions: beyond it compileRegex throws RegexTooComplexError. */
  maxProgramSize?: number;
}

export interface CompiledRegex {
  /** RE2 full match of `input` encoded as UTF-8 (lone surrogates → U+FFFD, as TextEncoder). */
  fullMatch(input: string): boolean;
  /** The serialized automaton (docs/table-format.md § Regex automata). */
  bytes: Uint8Array;
  stats: { kind: 'dfa' | 'nfa'; states: number; bytes: number; compileMs: number };
}

/** Compiles an RE2 pattern; throws RegexSyntaxError or RegexTooComplexError. */
export function compileRegex(pattern: string, options: RegexOptions = {}): CompiledRegex {
  const t0 = performance.now();
  const maxProgramSize = options.maxProgramSize ?? DEFAULT_MAX_PROGRAM_SIZE;
  const maxDfaStates = options.maxDfaStates ?? DEFAULT_MAX_DFA_STATES;
  const prog = compileProg(simplify(parseRegex(pattern)), pattern, maxProgramSize);
  const built = maxDfaStates > 0 ? buildDfa(prog, maxDfaStates) : null;
  const dfa = built !== null ? minimizeDfa(built) : null;
  const bytes = dfa !== null ? encodeDfa(dfa) : encodeNfa(prog);
  const automaton = loadAutomaton(bytes);
  const compileMs = performance.now() - t0;
  return {
    fullMatch: automaton.fullMatch.bind(automaton),
    bytes,
    stats: { kind: dfa !== null ? 'dfa' : 'nfa', states: dfa !== null ? dfa.numStates : prog.op.length, bytes: bytes.length, compileMs },
  };
}

/**
 * The regex runtime: loads a serialized automaton (docs/table-format.md § Regex automata) and matches
 * strings against it. Part of the zero-dependency runtime, so it imports nothing but this folder.
 *
 * One concern per file: automaton.ts reads and checks the untrusted bytes; match-dfa.ts runs DFAs;
 * match-nfa.ts runs NFAs in lock-step through a lazy DFA cache; match-bits.ts runs small NFAs
 * bit-parallel; match-input.ts holds what they share about the input (UTF-8, assertion facts).
 */
import { Op, readAutomaton, type Automaton, type AutomatonData } from './automaton.js';
import { DfaMatcher } from './match-dfa.js';
import { NfaMatcher } from './match-nfa.js';
import { bitParallelMatcher } from './match-bits.js';

export * from './automaton.js';
export { bitParallelMatcher } from './match-bits.js';
export { LAZY_CACHE_ENTRIES, LAZY_CACHE_MAX_STATES, LAZY_CACHE_MIN_STATES, LAZY_POOL_INTS, LAZY_CACHE_BYTES_PER_INST, lazyCacheStates } from './match-nfa.js';

/**
 * Validates `length` bytes at `offset` now (throws TableFormatError) and returns a matcher that is
 * built on its first call: loading a table costs time and memory linear in its bytes, however many
 * regexes it holds (issue 13), and only the regexes requests reach pay for their matcher.
 * The bytes must not change after loading (the table reader's bytes never do).
 */
export function loadAutomaton(bytes: Uint8Array, offset = 0, length?: number): Automaton {
  readAutomaton(bytes, offset, length, false);
  let built: Automaton | null = null;
  return {
    fullMatch(input: string): boolean {
      built ??= buildMatcher(readAutomaton(bytes, offset, length));
      return built.fullMatch(input);
    },
  };
}

/**
 * The matcher for decoded automaton data. An NFA whose positions fit one 32-bit word and that has no
 * assertions runs bit-parallel; any other NFA runs in lock-step with a lazy DFA cache, handing calls
 * over to bit-parallel (which takes assertions too, at ~1.7× its assertion-free cost) when the cache
 * thrashes and the NFA fits it. All give the same answers (tests check each).
 */
export function buildMatcher(data: AutomatonData): Automaton {
  if (data.kind === 'dfa') return new DfaMatcher(data);
  // Without assertions bit-parallel runs alone when it fits; with them it is built only if the cache thrashes.
  const asserting = data.op.includes(Op.OP_ASSERT);
  const bits = asserting ? null : bitParallelMatcher(data);
  return bits !== null ? bits : new NfaMatcher(data, asserting ? () => bitParallelMatcher(data) : null);
}

/** The lock-step NFA matcher for an NFA automaton, whatever its size (for tests and benchmarks). */
export function lockStepMatcher(data: Extract<AutomatonData, { kind: 'nfa' }>): Automaton {
  return new NfaMatcher(data);
}

/**
 * Differential property test against RE2 (re2-wasm):
 *
 *   for any pattern p from the RE2 grammar (plus broken variants) and inputs s biased towards p,
 *   RE2 rejects p exactly when compileRegex rejects it (with the same error kind), and otherwise
 *   compileRegex(p).fullMatch(s) === RE2::FullMatch(p, s) for every s.
 *
 * Normal runs check ≥ 20,000 cases (pattern verdicts plus pattern×input matches); MESHROUTE_LONG=1
 * checks ~10× more. Replay a failure with MESHROUTE_REGEX_SEED=<seed> MESHROUTE_REGEX_PATH=<path>
 * (both printed on failure); the message also has a pasteable compileRegex(…) snippet.
 * Patterns that either side finds too large are not compared: size limits differ by design.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileRegex, RegexSyntaxError, RegexTooComplexError, REGEX_ERROR_TEXT, type CompiledRegex } from '../../src/regex/index.js';
import { bitParallelMatcher, lockStepMatcher, readAutomaton } from '../../src/regex/matcher.js';
import { oracleCompile, ORACLE_TOO_LARGE } from './oracle.js';
import { patternCases, type PatternCase } from './arbitraries.js';

const LONG = process.env.MESHROUTE_LONG === '1';
/** Inputs matched per generated pattern: amortizes the two compilations over several matches. */
const INPUTS_PER_PATTERN = 8;
/** Patterns per run: ~80% are valid, so 3,000 × (1 verdict + 8 matches if valid) ≥ 20,000 cases. */
const PATTERNS = LONG ? 30_000 : 3_000;
/** The floor for cases per CI run. */
const MIN_CASES = 20_000;

/** RE2 error text ("missing ): (") → our code, by RE2's wording. */
function oracleCode(error: string): string {
  for (const [code, text] of Object.entries(REGEX_ERROR_TEXT)) if (error === text || error.startsWith(text + ':')) return code;
  return `UNKNOWN(${error})`;
}

/**
 * The fragment RE2 names after "<text>: " (RE2's "trailing \\" names none; ours is then "\\").
 * Duplicate group names are the exception: re2-wasm's low-level class accepts them, so the oracle
 * (oracle.ts) synthesizes that error from the name alone ("duplicate name n"), while RE2 itself names
 * the capture text (`(?P<n>`) — which is what we report. Only the code is comparable there; comparing
 * fragments made this test fail whenever the generator happened to repeat a name (seed 1506809439).
 */
function oracleFragment(error: string, ours: string): string {
  if (error.includes(': duplicate name ')) return ours;
  const i = error.indexOf(': ');
  return i < 0 ? ours : error.slice(i + 2);
}

function snippet(pattern: string, input?: string): string {
  return input === undefined
    ? `compileRegex(${JSON.stringify(pattern)})`
    : `compileRegex(${JSON.stringify(pattern)}).fullMatch(${JSON.stringify(input)})`;
}

const counts = { verdicts: 0, matches: 0, rejected: 0, skippedTooLarge: 0, dfa: 0, nfa: 0, bitParallel: 0 };

function checkCase(c: PatternCase): void {
  const oracle = oracleCompile(c.oracle);
  let ours: CompiledRegex | null = null;
  let ourError: unknown = null;
  try {
    ours = compileRegex(c.ours);
  } catch (e) {
    ourError = e;
  }
  try {
    if (ourError instanceof RegexTooComplexError || (!oracle.ok && oracle.error.startsWith(ORACLE_TOO_LARGE))) {
      counts.skippedTooLarge++;
      return;
    }
    if (ourError !== null && !(ourError instanceof RegexSyntaxError)) throw ourError;
    counts.verdicts++;
    if (!oracle.ok) {
      assert.ok(ourError instanceof RegexSyntaxError, `RE2 rejects (${oracle.error}) but we accept: ${snippet(c.ours)}`);
      assert.equal(ourError.code, oracleCode(oracle.error), `error kind differs from RE2's "${oracle.error}" (ours: ${ourError.message}): ${snippet(c.ours)}`);
      assert.equal(ourError.fragment, oracleFragment(oracle.error, ourError.fragment), `error fragment differs from RE2's "${oracle.error}" (ours: ${ourError.message}): ${snippet(c.ours)}`);
      counts.rejected++;
      return;
    }
    assert.ok(ours !== null, `RE2 accepts but we reject (${(ourError as Error | null)?.message}): ${snippet(c.ours)}`);
    counts[ours.stats.kind]++;
    // The same pattern as an NFA too, so the NFA matchers are checked on every pattern.
    // loadAutomaton picks the bit-parallel matcher for small assertion-free NFAs, else lock-step
    // (which hands over to bit-parallel when its cache thrashes, rare on short inputs); so both
    // the lock-step and, where the NFA fits it (≤ 32 positions, assertions included), the
    // bit-parallel matcher are checked on every NFA directly as well.
    const nfa = ours.stats.kind === 'nfa' ? ours : compileRegex(c.ours, { maxDfaStates: 0 });
    const nfaData = readAutomaton(nfa.bytes);
    assert.ok(nfaData.kind === 'nfa');
    const lockStep = lockStepMatcher(nfaData);
    const bitParallel = bitParallelMatcher(nfaData);
    if (bitParallel !== null) counts.bitParallel++;
    for (const input of c.inputs) {
      const want = oracle.fullMatch(input);
      const nfaSnippet = `compileRegex(${JSON.stringify(c.ours)}, { maxDfaStates: 0 }).fullMatch(${JSON.stringify(input)})`;
      assert.equal(ours.fullMatch(input), want, `RE2 says ${want}: ${snippet(c.ours, input)}`);
      assert.equal(nfa.fullMatch(input), want, `RE2 says ${want}, NFA form differs: ${nfaSnippet}`);
      assert.equal(lockStep.fullMatch(input), want, `RE2 says ${want}, lock-step NFA matcher differs (lockStepMatcher(readAutomaton(bytes))): ${nfaSnippet}`);
      if (bitParallel !== null) assert.equal(bitParallel.fullMatch(input), want, `RE2 says ${want}, bit-parallel NFA matcher differs (bitParallelMatcher(readAutomaton(bytes))): ${nfaSnippet}`);
      counts.matches++;
    }
  } finally {
    if (oracle.ok) oracle.free();
  }
}

// A hang (an infinite loop in a matcher) fails the test instead of stalling the run.
test(`differential vs RE2 (re2-wasm): ${PATTERNS} patterns × ${INPUTS_PER_PATTERN} inputs`, { timeout: LONG ? 3_600_000 : 600_000 }, (t) => {
  const seed = process.env.MESHROUTE_REGEX_SEED !== undefined ? Number(process.env.MESHROUTE_REGEX_SEED) : Date.now() ^ (Math.random() * 0x7fffffff);
  const path = process.env.MESHROUTE_REGEX_PATH;
  t.diagnostic(`seed ${seed} (replay: MESHROUTE_REGEX_SEED=${seed} node scripts/test.mjs regex/differential)`);
  fc.assert(fc.property(patternCases(INPUTS_PER_PATTERN), checkCase), {
    seed,
    includeErrorInReport: true,
    numRuns: PATTERNS,
    ...(path !== undefined ? { path, endOnFailure: true } : {}),
  });
  const cases = counts.verdicts + counts.matches;
  t.diagnostic(JSON.stringify({ cases, ...counts }));
  if (path === undefined) assert.ok(cases >= (LONG ? 10 * MIN_CASES : MIN_CASES), `only ${cases} cases checked: ${JSON.stringify(counts)}`);
});

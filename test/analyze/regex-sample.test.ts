// regexSampler (src/analyze/regex-sample.ts): strings drawn from a compiled automaton, DFA or NFA.
// Against RE2 itself (re2-wasm, test/regex/oracle.ts) on generated patterns: every sample is a full
// match (RE2's verdict for ASCII samples; beyond ASCII its older Unicode tables differ from ours), and a pattern whose language is known non-empty (the generator's own sample matches)
// gets a sample almost always. Failures print the pattern, the seed and the sample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileRegex, RegexSyntaxError, RegexTooComplexError } from '../../src/regex/index.js';
import { seededRandom } from '../../src/evaluate/index.js';
import { regexSampler } from '../../src/analyze/regex-sample.js';
import { genNode, render, sampleFrom } from '../regex/arbitraries.js';
import { oracleCompile } from '../regex/oracle.js';
import { runs } from '../property/_config.js';

const stats = { dfa: { tried: 0, found: 0 }, nfa: { tried: 0, found: 0 } };

for (const kind of ['dfa', 'nfa'] as const) {
  test(`samples of the ${kind} of generated patterns are RE2 full matches`, { timeout: 300_000 }, () => {
    fc.assert(
      fc.property(genNode.chain((n) => fc.tuple(fc.constant(n), sampleFrom(n))), fc.nat(), ([n, known], seed) => {
        let compiled;
        try {
          compiled = compileRegex(render(n, false), kind === 'nfa' ? { maxDfaStates: 0 } : {});
        } catch (err) {
          if (err instanceof RegexSyntaxError || err instanceof RegexTooComplexError) return;
          throw err;
        }
        if (compiled.stats.kind !== kind) return; // too many states for a DFA: that pattern is covered by the nfa run
        const oracle = oracleCompile(render(n, true));
        if (!oracle.ok) return;
        try {
          const sampler = regexSampler(compiled.bytes);
          const random = seededRandom(seed);
          const nonEmpty = compiled.fullMatch(known);
          for (let i = 0; i < 3; i++) {
            const s = sampler.sample(random);
            if (nonEmpty) stats[kind].tried++;
            if (s === null) continue;
            if (nonEmpty) stats[kind].found++;
            assert.ok(compiled.fullMatch(s), `sample ${JSON.stringify(s)} of /${render(n, false)}/ (${kind}, seed ${seed}) does not match`);
            // RE2's (older) Unicode tables differ from ours beyond ASCII; test/regex/differential.test.ts owns that comparison.
            if (/^[\x00-\x7f]*$/.test(s)) assert.ok(oracle.fullMatch(s), `sample ${JSON.stringify(s)} of /${render(n, false)}/ (${kind}, seed ${seed}) is not an RE2 full match`);
          }
        } finally {
          oracle.free();
        }
      }),
      { numRuns: runs(300) },
    );
  });
}

test('a sample is found for nearly every pattern with a non-empty language', () => {
  for (const kind of ['dfa', 'nfa'] as const) {
    const { tried, found } = stats[kind];
    assert.ok(tried > 200 && found / tried > 0.9, `${kind}: found ${found} of ${tried}`);
  }
});

test('route-style patterns: samples avoid the characters asked, when the pattern allows', () => {
  for (const pattern of ['/api/.*', '/v[0-9]+/[a-z]+', '.*green.*', '/(a|b)/.+\\.json', '[^/]+']) {
    const sampler = regexSampler(compileRegex(pattern).bytes);
    const random = seededRandom(1);
    for (let i = 0; i < 50; i++) {
      const s = sampler.sample(random, '?#%');
      assert.ok(s !== null && compileRegex(pattern).fullMatch(s), `${pattern}: ${s}`);
      assert.ok(!/[?#%]/.test(s), `${pattern}: sample ${JSON.stringify(s)} has an avoided character`);
    }
  }
  assert.equal(regexSampler(compileRegex('a\\bb').bytes).sample(seededRandom(1)), null, 'an empty language has no sample');
});

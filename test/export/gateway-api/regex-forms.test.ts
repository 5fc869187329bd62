// Regex stand-ins for App Mesh matchers Gateway API lacks (src/export/gateway-api/regex-forms.ts):
// each pattern must be valid RE2 (Google's RE2 via re2-wasm accepts it) and have exactly the
// matcher's language — checked differentially against the matcher itself, with meshroute's engine
// and with RE2, on generated strings. A failure prints the seed and the counterexample.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileRegex } from '../../../src/regex/index.js';
import { parseInt64 } from '../../../src/evaluate/request.js';
import { exactRegex, integerRangeRegex, prefixRegex, presentRegex, suffixRegex } from '../../../src/export/gateway-api/regex-forms.js';
import { oracleCompile } from '../../regex/oracle.js';

const LONG = process.env.MESHROUTE_LONG === '1';
const RUNS = LONG ? 2_000 : 300;

/** Characters that stress quoting and the engines: metacharacters, controls, non-ASCII, astral. */
const CHARS = ['a', 'b', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '^', '$', '\\', '-', '/', ' ', '\t', '\n', '\v', '\0', 'é', '€', '😀', '0', '9'];
const text = (max: number) => fc.array(fc.constantFrom(...CHARS), { maxLength: max }).map((a) => a.join(''));

/** The pattern against a predicate: meshroute's engine and RE2 both agree with it on every input. */
function sameLanguage(pattern: string, predicate: (v: string) => boolean, inputs: readonly string[]): void {
  const ours = compileRegex(pattern);
  const re2 = oracleCompile(pattern);
  assert.ok(re2.ok, `RE2 rejects ${JSON.stringify(pattern)}: ${re2.ok ? '' : re2.error}`);
  try {
    for (const v of inputs) {
      const want = predicate(v);
      assert.equal(ours.fullMatch(v), want, `meshroute engine: /${pattern}/ on ${JSON.stringify(v)} should be ${want}`);
      assert.equal(re2.fullMatch(v), want, `RE2: /${pattern}/ on ${JSON.stringify(v)} should be ${want}`);
    }
  } finally {
    re2.free();
  }
}

test('prefixRegex, suffixRegex, exactRegex: startsWith / endsWith / === on any string', () => {
  fc.assert(
    fc.property(text(6), fc.array(text(10), { minLength: 1, maxLength: 8 }), (literal, others) => {
      const inputs = [...others, literal, literal + others[0], others[0] + literal, literal.slice(1), ''];
      sameLanguage(prefixRegex(literal), (v) => v.startsWith(literal), inputs);
      sameLanguage(suffixRegex(literal), (v) => v.endsWith(literal), inputs);
      sameLanguage(exactRegex(literal), (v) => v === literal, inputs);
    }),
    { numRuns: RUNS },
  );
});

test('presentRegex matches every value, the empty one and newlines included', () => {
  sameLanguage(presentRegex(), () => true, ['', 'x', '\n', 'a\nb', '😀']);
});

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const int64 = fc.oneof(
  fc.bigInt({ min: -1000n, max: 1000n }),
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
  fc.constantFrom(INT64_MIN, INT64_MAX, 0n, -1n, 1n, 9n, 10n, 99n, 100n),
);

/** Spellings SimpleAtoi accepts or nearly accepts: signs, leading zeros, whitespace, junk. */
function spellings(n: bigint, g: fc.GeneratorValue): string[] {
  const abs = (n < 0n ? -n : n).toString();
  const sign = n < 0n ? '-' : g(fc.constantFrom, '', '+');
  const zeros = '0'.repeat(g(fc.nat, 3));
  const ws = () => g(fc.constantFrom, '', ' ', '\t', '\v', ' \n');
  return [`${sign}${zeros}${abs}`, `${ws()}${sign}${abs}${ws()}`, `${sign}${abs}x`, `${sign} ${abs}`, `${sign}${sign}${abs}`, `${abs}.0`];
}

test('integerRangeRegex(start, end) accepts exactly the values App Mesh range [start, end) accepts (parseInt64 language)', () => {
  fc.assert(
    fc.property(int64, int64, fc.gen(), fc.array(text(5), { maxLength: 4 }), (a, b, g, junk) => {
      const [start, end] = a <= b ? [a, b] : [b, a];
      const pattern = integerRangeRegex(start, end);
      if (pattern === null) return assert.ok(end <= start, `null for a non-empty range [${start}, ${end})`);
      const near = [start - 1n, start, start + 1n, end - 1n, end, end + 1n, 0n, -1n, (start + end) / 2n, INT64_MAX + 1n, INT64_MIN - 1n];
      const inputs = [...near.flatMap((n) => spellings(n, g)), ...junk, '', '-', '+', '0', '-0', '00'];
      sameLanguage(pattern, (v) => {
        const n = parseInt64(v);
        return n !== null && n >= start && n < end;
      }, inputs);
    }),
    { numRuns: RUNS },
  );
});

test('integerRangeRegex pins: App Mesh examples [1, 100) and [100, 150)', () => {
  const r = compileRegex(integerRangeRegex(1n, 100n)!);
  assert.deepEqual(['1', '99', '099', ' 42 ', '+7', '100', '0', '-1', '1e2'].map((v) => r.fullMatch(v)), [true, true, true, true, true, false, false, false, false]);
  const s = compileRegex(integerRangeRegex(100n, 150n)!);
  assert.deepEqual(['100', '149', '150', '0100'].map((v) => s.fullMatch(v)), [true, true, false, true]);
  assert.equal(integerRangeRegex(5n, 5n), null);
});

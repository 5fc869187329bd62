// complementRegex (src/regex/complement.ts): for generated RE2 patterns, the complement pattern is
// valid RE2 (Google's RE2 via re2-wasm accepts it) and matches exactly the strings the original does
// not — checked with meshroute's engine on inputs biased towards the original's language, and with
// RE2 on the same inputs. A failure prints the seed, the pattern, the complement and the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileRegex } from '../../src/regex/index.js';
import { complementRegex } from '../../src/regex/complement.js';
import { genNode, inputsFor, render } from './arbitraries.js';
import { oracleCompile } from './oracle.js';

const LONG = process.env.MESHROUTE_LONG === '1';
const RUNS = LONG ? 3_000 : 300;
const EXTRA = ['', '\n', 'a\nb', 'é', '😀', '\u{10ffff}', '\ud800'];

/** Complement of `pattern` agrees with ¬pattern on every input, in meshroute's engine and in RE2. */
function checkComplement(pattern: string, inputs: readonly string[]): 'ok' | 'too-large' | 'unsupported' {
  const result = complementRegex(pattern);
  if (!result.ok) return result.reason;
  const original = compileRegex(pattern);
  const inverse = compileRegex(result.pattern, { maxProgramSize: 200_000 });
  const re2 = oracleCompile(result.pattern);
  assert.ok(re2.ok, `RE2 rejects the complement of ${JSON.stringify(pattern)}: ${JSON.stringify(result.pattern)} (${re2.ok ? '' : re2.error})`);
  try {
    for (const v of [...inputs, ...EXTRA]) {
      const want = !original.fullMatch(v);
      const where: string = `pattern ${JSON.stringify(pattern)}, complement ${JSON.stringify(result.pattern)}, input ${JSON.stringify(v)}`;
      assert.equal(inverse.fullMatch(v), want, `meshroute engine: ${where}`);
      assert.equal(re2.fullMatch(v), want, `RE2: ${where}`);
    }
  } finally {
    re2.free();
  }
  return 'ok';
}

test('complementRegex on generated patterns: the complement language, valid RE2', () => {
  const verdicts = { ok: 0, 'too-large': 0, unsupported: 0 };
  fc.assert(
    fc.property(genNode.chain((n) => inputsFor(n, 12).map((inputs) => ({ pattern: render(n, false), inputs }))), ({ pattern, inputs }) => {
      verdicts[checkComplement(pattern, inputs)]++;
    }),
    { numRuns: RUNS },
  );
  // The test must exercise the complement, not just its refusals.
  assert.ok(verdicts.ok >= RUNS / 3, `only ${verdicts.ok} of ${RUNS} patterns were complemented: ${JSON.stringify(verdicts)}`);
});

test('complementRegex on the App Mesh invert shapes: exact, prefix, suffix, regex', () => {
  const cases: [string, string[]][] = [
    ['123', ['123', '1234', '12', '', 'x123']],
    ['123(?s:.*)', ['123', '1234', '12', '', 'x123', '123\n']],
    ['(?s:.*)\\.example\\.com', ['a.example.com', '.example.com', 'example.com', 'a.example.comx']],
    ['.*green.*', ['green', 'requesting.green.color', 'gren', 'gree\nn', 'x\ngreen']],
    ['[0-9]{3}', ['123', '12', '1234', 'abc']],
    ['^v[12]$', ['v1', 'v2', 'v3', 'v12', '']],
  ];
  for (const [pattern, inputs] of cases) assert.equal(checkComplement(pattern, inputs), 'ok', pattern);
});

test('complementRegex edge languages: everything ↔ nothing, empty string', () => {
  const all = complementRegex('(?s:.*)');
  assert.ok(all.ok && !compileRegex(all.pattern).fullMatch('') && !compileRegex(all.pattern).fullMatch('x'), JSON.stringify(all));
  const none = complementRegex('[^\\x00-\\x{10ffff}]');
  assert.ok(none.ok && compileRegex(none.pattern).fullMatch('') && compileRegex(none.pattern).fullMatch('any\nthing'), JSON.stringify(none));
  assert.equal(checkComplement('', ['', 'a']), 'ok');
});

test('complementRegex refuses with a typed result: unsupported constructs, and past the size cap', () => {
  for (const p of ['\\bx', 'a\\B', '(?m)^a', '\\C']) {
    const r = complementRegex(p);
    assert.ok(!r.ok && r.reason === 'unsupported', `${p}: ${JSON.stringify(r)}`);
  }
  // (a|b)*a(a|b){12} needs 2^12 DFA states; the default cap is 500.
  const big = complementRegex('[ab]*a[ab]{12}');
  assert.ok(!big.ok && big.reason === 'too-large', JSON.stringify(big));
  const long = complementRegex('abcdefgh', { maxLength: 10 });
  assert.ok(!long.ok && long.reason === 'too-large', JSON.stringify(long));
  assert.throws(() => complementRegex('(?=a)'), { name: 'RegexSyntaxError' });
});

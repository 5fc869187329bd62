/**
 * Unit tests of the engine's parts and public API: UTF-8 range splitting, set algebra, error
 * objects, limits and options, the on-the-fly UTF-8 encoder of the matchers, the runtime's
 * import boundary.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { MeshrouteError } from '../../src/errors.js';
import {
  compileRegex,
  DEFAULT_MAX_PROGRAM_SIZE,
  loadAutomaton,
  RegexSyntaxError,
  RegexTooComplexError,
} from '../../src/regex/index.js';
import { intersectRanges, negateRanges, normalizeRanges, rangesContain, MAX_RUNE } from '../../src/regex/charset.js';
import { encodeRune, rangeToUtf8, type ByteSeq } from '../../src/regex/utf8.js';
import { foldOrbit, unicodeClass } from '../../src/regex/unicode.js';
import { bitParallelMatcher, lockStepMatcher, readAutomaton, OP_ASSERT, OP_FAIL, OP_MATCH, OP_RANGE, OP_SPLIT } from '../../src/regex/matcher.js';
import { Op } from '../../src/regex/prog.js';

function seqMatches(seqs: ByteSeq[], bytes: number[]): number {
  return seqs.filter((s) => s.length === bytes.length && s.every(([lo, hi], i) => lo <= bytes[i]! && bytes[i]! <= hi)).length;
}

test('rangeToUtf8: every code point in range is matched by exactly one sequence, neighbours by none', () => {
  const rune = fc.integer({ min: 0, max: MAX_RUNE });
  fc.assert(
    fc.property(rune, rune, fc.array(rune, { maxLength: 20 }), (a, b, probes) => {
      const [lo, hi] = a <= b ? [a, b] : [b, a];
      const seqs: ByteSeq[] = [];
      rangeToUtf8(lo, hi, seqs);
      for (const c of [lo, hi, lo - 1, hi + 1, ...probes]) {
        if (c < 0 || c > MAX_RUNE) continue;
        const want = c >= lo && c <= hi ? 1 : 0;
        assert.equal(seqMatches(seqs, encodeRune(c)), want, `U+${c.toString(16)} in [${lo.toString(16)}, ${hi.toString(16)}]`);
      }
    }),
    { numRuns: 2000 },
  );
});

test('encodeRune agrees with TextEncoder outside the surrogates', () => {
  const enc = new TextEncoder();
  for (const c of [0, 0x7f, 0x80, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xffff, 0x10000, 0x10ffff]) {
    assert.deepEqual(encodeRune(c), [...enc.encode(String.fromCodePoint(c))]);
  }
});

test('set algebra agrees with a model over small code points', () => {
  const ranges = fc.array(fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 8 })), { maxLength: 6 }).map((rs) => rs.flatMap(([lo, d]) => [lo, lo + d]));
  fc.assert(
    fc.property(ranges, ranges, (a, b) => {
      const na = normalizeRanges(a);
      const nb = normalizeRanges(b);
      const inA = (c: number): boolean => a.some((_, i) => i % 2 === 0 && a[i]! <= c && c <= a[i + 1]!);
      const inB = (c: number): boolean => b.some((_, i) => i % 2 === 0 && b[i]! <= c && c <= b[i + 1]!);
      const inter = intersectRanges(na, nb);
      const neg = negateRanges(na);
      for (let c = 0; c < 80; c++) {
        assert.equal(rangesContain(na, c), inA(c));
        assert.equal(rangesContain(inter, c), inA(c) && inB(c));
        assert.equal(rangesContain(neg, c), !inA(c));
      }
      for (let i = 2; i < na.length; i += 2) assert.ok(na[i]! > na[i - 1]! + 1, 'canonical: sorted, no overlap, no adjacency');
    }),
  );
});

test('case-fold orbits come from the engine: k/K/KELVIN SIGN, s/S/ſ, not ı/I', () => {
  assert.deepEqual(foldOrbit(0x6b), [0x4b, 0x6b, 0x212a]);
  assert.deepEqual(foldOrbit(0x73), [0x53, 0x73, 0x17f]);
  assert.deepEqual(foldOrbit(0x131), [0x131]);
  assert.equal(unicodeClass('NoSuchScript'), null);
  assert.equal(unicodeClass('greek'), null, 'names are case-sensitive, as in RE2');
  assert.ok(rangesContain(unicodeClass('Greek')!, 0x3b1));
});

test('RegexSyntaxError names the code, fragment and offset, RE2-style', () => {
  const cases: [string, string, number, string][] = [
    ['ab(?=c)', 'REGEX_BAD_PERL_OP', 2, '(?='],
    ['x**', 'REGEX_REPEAT_OP', 1, '**'],
    ['ab\\Z', 'REGEX_BAD_ESCAPE', 2, '\\Z'],
    ['a{1001}', 'REGEX_REPEAT_SIZE', 1, '{1001}'],
    ['x[z-a]', 'REGEX_BAD_CHAR_RANGE', 2, 'z-a'],
    ['ab)', 'REGEX_UNEXPECTED_PAREN', 2, 'ab)'],
    ['a(b', 'REGEX_MISSING_PAREN', 1, 'a(b'],
    ['\\p{Foo}', 'REGEX_BAD_CHAR_RANGE', 0, '\\p{Foo}'],
  ];
  for (const [pattern, code, offset, fragment] of cases) {
    assert.throws(
      () => compileRegex(pattern),
      (e: unknown) => {
        assert.ok(e instanceof RegexSyntaxError && e instanceof MeshrouteError);
        assert.equal(e.code, code, pattern);
        assert.equal(e.offset, offset, pattern);
        assert.equal(e.pattern, pattern);
        assert.equal(e.fragment, fragment, pattern);
        assert.ok(e.message.includes(`\`${fragment}\``) && e.message.includes(`offset ${offset}`), e.message);
        return true;
      },
    );
  }
});

test('deep nesting is rejected, not a stack overflow', () => {
  assert.throws(() => compileRegex('('.repeat(1500) + ')'.repeat(1500)), (e: unknown) => e instanceof RegexSyntaxError && e.code === 'REGEX_NESTING_DEPTH');
  assert.equal(compileRegex('('.repeat(200) + 'a' + ')'.repeat(200)).fullMatch('a'), true);
});

test('maxProgramSize: RegexTooComplexError with size and limit; default admits typical patterns', () => {
  assert.throws(
    () => compileRegex('a{50}', { maxProgramSize: 10 }),
    (e: unknown) => e instanceof RegexTooComplexError && e.code === 'REGEX_TOO_COMPLEX' && e.limit === 10 && e.size > 10 && e.pattern === 'a{50}',
  );
  assert.throws(() => compileRegex('\\pL{1000}'), (e: unknown) => e instanceof RegexTooComplexError && e.limit === DEFAULT_MAX_PROGRAM_SIZE);
  assert.equal(compileRegex('\\pL{12}').fullMatch('ab'.repeat(6)), true);
});

test('maxDfaStates chooses between DFA and NFA; stats describe the bytes', () => {
  const dfa = compileRegex('[a-f0-9]{32}');
  assert.equal(dfa.stats.kind, 'dfa');
  assert.equal(dfa.stats.bytes, dfa.bytes.length);
  assert.ok(dfa.stats.compileMs >= 0);
  assert.equal(compileRegex('[a-f0-9]{32}', { maxDfaStates: 0 }).stats.kind, 'nfa');
  const blowup = compileRegex('(a|b)*a(a|b){15}');
  assert.equal(blowup.stats.kind, 'nfa', 'the 2^16-state DFA exceeds the default budget');
  assert.equal(blowup.fullMatch('a'.repeat(16)), true);
  assert.equal(blowup.fullMatch('a' + 'b'.repeat(15) + 'b'), false);
  assert.equal(compileRegex('(a|b)*a(a|b){3}', { maxDfaStates: 1e9 }).stats.kind, 'dfa', 'budgets above the u16 ceiling are clamped');
});

test('the matchers encode strings as UTF-8 on the fly, lone surrogates as U+FFFD (like TextEncoder)', () => {
  const enc = new TextEncoder();
  const text = fc.string({ unit: fc.oneof(fc.constantFrom('a', 'é', '中', '😀', '\ud800', '\udc00', '\n'), fc.string({ unit: 'binary', maxLength: 1 })), maxLength: 12 });
  fc.assert(
    fc.property(text, fc.boolean(), (s, nfa) => {
      const n = enc.encode(s).length;
      const options = nfa ? { maxDfaStates: 0 } : {};
      assert.equal(compileRegex(`\\C{${n}}`, options).fullMatch(s), true, `\\C{${n}} on ${JSON.stringify(s)}`);
      assert.equal(compileRegex(`\\C{${n + 1}}`, options).fullMatch(s), false);
      assert.equal(compileRegex('(?s).*', options).fullMatch(s), true);
    }),
    { numRuns: 300 },
  );
});

test('loadAutomaton reads an automaton embedded at an offset in a larger buffer', () => {
  for (const options of [{}, { maxDfaStates: 0 }]) {
    const { bytes } = compileRegex('/api/v[0-9]+/.*', options);
    const buffer = new Uint8Array(bytes.length + 23).fill(0xee);
    buffer.set(bytes, 7);
    const m = loadAutomaton(buffer, 7, bytes.length);
    assert.equal(m.fullMatch('/api/v2/x'), true);
    assert.equal(m.fullMatch('/api/v/x'), false);
  }
});

test('a matcher is reusable: no state leaks from one call to the next', () => {
  for (const options of [{}, { maxDfaStates: 0 }]) {
    const re = compileRegex('(?m)^a\\b.*$', options);
    const inputs = ['a b', 'ab', 'a', '', 'a-\nx', 'b a'];
    const first = inputs.map((s) => re.fullMatch(s));
    const again = [...inputs].reverse().map((s) => re.fullMatch(s)).reverse();
    assert.deepEqual(again, first);
    assert.deepEqual(first, [true, false, true, false, false, false]);
  }
});

test('the runtime\'s opcode constants are the compiler\'s', () => {
  assert.deepEqual([OP_FAIL, OP_MATCH, OP_RANGE, OP_SPLIT, OP_ASSERT], [Op.FAIL, Op.MATCH, Op.RANGE, Op.SPLIT, Op.ASSERT]);
});

test('the runtime part (matcher.ts, automaton.ts, match-*.ts) imports nothing but itself and ../errors.js', () => {
  const runtimeFiles = ['matcher.ts', 'automaton.ts', 'match-input.ts', 'match-dfa.ts', 'match-nfa.ts', 'match-bits.ts'];
  for (const file of runtimeFiles) {
    const src = readFileSync(`src/regex/${file}`, 'utf8');
    const imports = [...src.matchAll(/^\s*(?:import|export)\b[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
    const outside = imports.filter((i) => i !== '../errors.js' && !runtimeFiles.includes(i.replace(/^\.\//, '').replace(/\.js$/, '.ts')));
    assert.deepEqual(outside, [], `src/regex/${file} imports ${outside.join(', ')}`);
  }
});

test('the NFA matchers stay correct on DFA-exploding patterns (lazy cache overflowing, flushed, handing over to bit-parallel)', async () => {
  const { oracleCompile } = await import('./oracle.js');
  for (const pattern of ['(a|b)*a(a|b){15}', '(?:\\b[ab]|[ab ]|\\B-)*a[ab -]{9}\\b', '(?:\\b[ab]|[ab ]|\\B-)*a[ab -]{15}\\b']) {
    const compiled = compileRegex(pattern);
    assert.equal(compiled.stats.kind, 'nfa', `${pattern} should exceed the DFA budget`);
    const data = readAutomaton(compiled.bytes);
    assert.ok(data.kind === 'nfa');
    const lockStep = lockStepMatcher(data);
    const bitParallel = bitParallelMatcher(data);
    assert.ok(bitParallel !== null, `${pattern} fits the bit-parallel matcher`);
    const oracle = oracleCompile(pattern);
    assert.ok(oracle.ok);
    try {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom('a', 'b', ' ', '-'), minLength: 10, maxLength: 2000 }), (s) => {
          const want = oracle.fullMatch(s);
          assert.equal(compiled.fullMatch(s), want, `compileRegex(${JSON.stringify(pattern)}).fullMatch(${JSON.stringify(s)})`);
          assert.equal(lockStep.fullMatch(s), want, `lock-step matcher: ${JSON.stringify(pattern)} on ${JSON.stringify(s)}`);
          assert.equal(bitParallel.fullMatch(s), want, `bit-parallel matcher: ${JSON.stringify(pattern)} on ${JSON.stringify(s)}`);
        }),
        { numRuns: 150 },
      );
    } finally {
      oracle.free();
    }
  }
});

test('DFA acceleration (indexOf over runs only one ASCII character leaves) agrees with lock-step NFA simulation', () => {
  // States left by one ASCII character are skipped with indexOf; the non-ASCII characters must loop
  // back (checked at load time), and a call stops skipping after a few short runs.
  const patterns = ['/api/v[0-9]+/users/[^/]+', '.*green.*', '(?s).*x', '[^/]*', '[^a]*a[^b]*b', '(.*a){3}', 'x[^é]*y', '[^😀]*😀.', '(?:[^/]*/)*[^/]*z', '[^\\n]*\\n.*', '(?:a[^x]*)+'];
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'y', 'z', '/', '\n', 'é', '😀', '\ud800', '\udc00', 'green', 'aaaaa', '/users/'), maxLength: 40 });
  for (const pattern of patterns) {
    const dfa = compileRegex(pattern);
    assert.equal(dfa.stats.kind, 'dfa');
    const data = readAutomaton(compileRegex(pattern, { maxDfaStates: 0 }).bytes);
    assert.ok(data.kind === 'nfa');
    const lockStep = lockStepMatcher(data);
    fc.assert(
      fc.property(fc.constantFrom('', '/api/v1/users/', 'x', 'a'), text, (prefix, rest) => {
        const s = prefix + rest;
        assert.equal(dfa.fullMatch(s), lockStep.fullMatch(s), `compileRegex(${JSON.stringify(pattern)}).fullMatch(${JSON.stringify(s)})`);
      }),
      { numRuns: 400 },
    );
  }
});

// The literal prefix that gates a regex route in the path trie must be implied by every match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { regexLiteralPrefix } from '../../src/compile/regex-prefix.js';
import { compileRegex } from '../../src/regex/index.js';

test('literal prefixes of regex paths', () => {
  const cases: [string, string][] = [
    ['/api/v[0-9]+', '/api/v'],
    ['/rx12/[0-9]+', '/rx12/'],
    ['/ab*', '/a'],
    ['/ab?c', '/a'],
    ['/ab{2}', '/a'],
    ['/ab+', '/ab'],
    ['/(a|b)/.*', '/'],
    ['/a|/b', ''],
    ['[/]x', ''],
    ['^/x', ''],
    ['.*users.*', ''],
    ['\\/x', ''],
    ['/üx.*', '/üx'],
    ['/a[|]b', '/a'],
  ];
  for (const [p, want] of cases) assert.equal(regexLiteralPrefix(p), want, p);
});

test('every string a regex fully matches starts with its literal prefix', () => {
  const atom = fc.constantFrom('a', 'b', '/', 'x', '.', '[ab]', '(a|b)', '(x|/)', 'ü');
  const quant = fc.constantFrom('', '', '*', '+', '?', '{0,2}');
  const patternArb = fc.array(fc.tuple(atom, quant), { minLength: 1, maxLength: 6 }).map((parts) => parts.map(([a, q]) => a + q).join(''));
  const inputArb = fc.array(fc.constantFrom('a', 'b', '/', 'x', 'ü'), { maxLength: 8 }).map((cs) => cs.join(''));
  fc.assert(
    fc.property(fc.oneof(patternArb, fc.tuple(patternArb, patternArb).map(([a, b]) => `${a}|${b}`)), inputArb, (pattern, input) => {
      if (compileRegex(pattern).fullMatch(input)) assert.ok(input.startsWith(regexLiteralPrefix(pattern)), `${pattern} matches ${input}`);
    }),
    { numRuns: 3000 },
  );
});

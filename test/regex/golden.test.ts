/**
 * Golden dumps: dumpAutomaton() of a dozen automata, compared with test/regex/golden/*.txt.
 * A change to parsing, compilation or the byte format shows up here as a readable diff.
 * Regenerate after an intended change with:
 *
 *   MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs regex/golden
 *
 * and review the diff before committing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegex, dumpAutomaton, type RegexOptions } from '../../src/regex/index.js';

const DIR = 'test/regex/golden';
const UPDATE = process.env.MESHROUTE_UPDATE_GOLDEN === '1';

const GOLDEN: { name: string; pattern: string; options?: RegexOptions }[] = [
  { name: 'literal', pattern: 'abc' },
  { name: 'plus', pattern: 'a+' },
  { name: 'alternation', pattern: 'GET|HEAD|POST' },
  { name: 'green', pattern: '.*green.*' },
  { name: 'api-path', pattern: '/api/v[0-9]+/users/[^/]+' },
  { name: 'hex32', pattern: '[a-f0-9]{32}' },
  { name: 'fold-k', pattern: '(?i)k' },
  { name: 'greek', pattern: '\\p{Greek}' },
  { name: 'word-boundary', pattern: '\\bfoo\\b' },
  { name: 'multiline', pattern: '(?m)^a$\\n^b$' },
  { name: 'any-byte', pattern: '\\C' },
  { name: 'no-match', pattern: '[^\\x00-\\x{10FFFF}]' },
  { name: 'nfa-evil', pattern: '(a|aa)*b', options: { maxDfaStates: 0 } },
  { name: 'nfa-boundary', pattern: 'x\\b|\\Ay$', options: { maxDfaStates: 0 } },
  { name: 'nfa-budget', pattern: '(a|b)*a(a|b){12}' },
];

for (const g of GOLDEN) {
  test(`golden dump ${g.name}: ${g.pattern}`, () => {
    const re = compileRegex(g.pattern, g.options);
    const text = `# compileRegex(${JSON.stringify(g.pattern)}${g.options ? `, ${JSON.stringify(g.options)}` : ''})\n${dumpAutomaton(re.bytes)}`;
    const file = join(DIR, `${g.name}.txt`);
    if (UPDATE) writeFileSync(file, text);
    let want: string;
    try {
      want = readFileSync(file, 'utf8');
    } catch {
      assert.fail(`${file} is missing; create it with MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs regex/golden`);
    }
    assert.equal(text, want, `${file} differs; if intended: MESHROUTE_UPDATE_GOLDEN=1 node scripts/test.mjs regex/golden`);
  });
}

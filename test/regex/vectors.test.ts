/**
 * Runs the vector files test/vectors/regex/*.txt (format: test/vectors/regex/README.md). Each
 * stanza is checked through compileRegex as compiled, through the forced NFA form, and against
 * RE2 (re2-wasm) unless marked `not-re2`. Failures name file:line and a pasteable snippet.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileRegex, RegexSyntaxError, REGEX_ERROR_TEXT, type CompiledRegex } from '../../src/regex/index.js';
import { oracleCompile } from './oracle.js';

const DIR = 'test/vectors/regex';

interface Stanza {
  where: string;
  pattern: string;
  checkRe2: boolean;
  error: string | null;
  cases: { where: string; input: string; match: boolean }[];
}

const JSON_STRING = /^"(?:[^"\\]|\\.)*"/;

/** Parses one vector file; a malformed line fails the test with its file:line. */
export function parseVectors(file: string, text: string): Stanza[] {
  const stanzas: Stanza[] = [];
  text.split('\n').forEach((raw, i) => {
    const where = `${file}:${i + 1}`;
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (line.startsWith('regex ')) {
      const rest = line.slice(6);
      const m = JSON_STRING.exec(rest);
      assert.ok(m, `${where}: expected regex "<json string>"`);
      const flag = rest.slice(m[0].length).trim();
      assert.ok(flag === '' || flag === 'not-re2', `${where}: unknown stanza option ${JSON.stringify(flag)}`);
      stanzas.push({ where, pattern: JSON.parse(m[0]) as string, checkRe2: flag === '', error: null, cases: [] });
      return;
    }
    const stanza = stanzas[stanzas.length - 1];
    assert.ok(stanza, `${where}: case before any regex line`);
    if (line.startsWith('error ')) {
      const code = line.slice(6).trim();
      assert.ok(Object.hasOwn(REGEX_ERROR_TEXT, code), `${where}: unknown error code ${code}`);
      stanza.error = code;
      return;
    }
    const m = JSON_STRING.exec(line);
    const verdict = m ? line.slice(m[0].length).trim() : '';
    assert.ok(m && (verdict === 'match' || verdict === 'nomatch'), `${where}: expected "<json input>" match|nomatch`);
    stanza.cases.push({ where, input: JSON.parse(m[0]) as string, match: verdict === 'match' });
  });
  for (const s of stanzas) assert.ok(s.error !== null || s.cases.length > 0, `${s.where}: stanza has no expectation`);
  return stanzas;
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt')).sort();

test('vector files exist', () => {
  assert.ok(files.length >= 4, `expected vector files in ${DIR}`);
});

for (const file of files) {
  // A hang (an infinite loop in a matcher) fails the test instead of stalling the run.
  test(`vectors ${file}`, { timeout: 60_000 }, (t) => {
    const stanzas = parseVectors(join(DIR, file), readFileSync(join(DIR, file), 'utf8'));
    let checked = 0;
    for (const s of stanzas) {
      const snippet = `compileRegex(${JSON.stringify(s.pattern)})`;
      if (s.error !== null) {
        assert.throws(() => compileRegex(s.pattern), (e: unknown) => e instanceof RegexSyntaxError && e.code === s.error, `${s.where}: ${snippet} should throw ${s.error}`);
      } else {
        const forms: [string, CompiledRegex][] = [
          ['compiled', compileRegex(s.pattern)],
          ['nfa', compileRegex(s.pattern, { maxDfaStates: 0 })],
        ];
        for (const c of s.cases) {
          for (const [form, re] of forms) {
            assert.equal(re.fullMatch(c.input), c.match, `${c.where} (${form}): ${snippet}.fullMatch(${JSON.stringify(c.input)}) should be ${c.match}`);
            checked++;
          }
        }
      }
      if (!s.checkRe2) continue;
      const oracle = oracleCompile(s.pattern);
      try {
        assert.equal(oracle.ok, s.error === null, `${s.where}: RE2 ${oracle.ok ? 'accepts' : `rejects (${oracle.ok ? '' : oracle.error})`} ${JSON.stringify(s.pattern)}; fix the vector`);
        if (oracle.ok) for (const c of s.cases) assert.equal(oracle.fullMatch(c.input), c.match, `${c.where}: RE2 disagrees with this vector; fix the vector`);
      } finally {
        if (oracle.ok) oracle.free();
      }
    }
    t.diagnostic(`${stanzas.length} stanzas, ${checked} matches`);
  });
}

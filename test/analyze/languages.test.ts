// src/analyze/languages.ts: emptiness, intersection, inclusion and shortest witnesses over the
// regex automata, checked against the regex matcher itself (compileRegex) on every witness.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileRegex } from '../../src/regex/index.js';
import { acceptsBytes, derivative, enumerate, exactLang, findWitness, patternLang, prefixLang, prependBytes, type Lang } from '../../src/analyze/languages.js';
import { NORMALIZED_PATHS } from '../../src/analyze/paths.js';
import { normalizePath } from '../../src/evaluate/request.js';

const U = patternLang(NORMALIZED_PATHS)!;
const re = (p: string): Lang => patternLang(p)!;
const UTF8 = new TextEncoder();

function witness(all: Lang[], none: Lang[] = []): string | null {
  const r = findWitness({ all, none });
  assert.notEqual(r.kind, 'budget');
  return r.kind === 'witness' ? r.text : null;
}

test('inclusion: a prefix covers its extensions, a regex is covered by the union of an exact path and a prefix', () => {
  assert.equal(witness([prefixLang('/api/v1')!, U], [prefixLang('/api')!]), null);
  assert.equal(witness([prefixLang('/api')!, U], [prefixLang('/api/v1')!]), '/api');
  assert.equal(witness([re('/a(/.*)?'), U], [exactLang('/a')!, prefixLang('/a/')!]), null);
  assert.equal(witness([re('/a(/.*)?'), U], [exactLang('/a')!]), '/a/');
});

test('witnesses are the shortest strings, nice bytes first, and the regex matcher agrees', () => {
  for (const [pattern, want] of [['/v[0-9]+/.*', '/v0/'], ['.*users.*', '/users'], ['/(a|b)/x', '/a/x'], ['/ü+', '/ü']] as const) {
    const w = witness([re(pattern), U]);
    assert.equal(w, want, pattern);
    assert.ok(compileRegex(pattern).fullMatch(w!), `${pattern} must match ${w}`);
    assert.equal(normalizePath(w!), w, `${w} is a normalized path`);
  }
});

test('emptiness within normalized paths: no leading slash, "//", dot segments, query characters', () => {
  for (const p of ['api/.*', '//.*', '/a/\\.\\./b', '/x\\?y', '/a b']) assert.equal(witness([re(p), U]), null, p);
  assert.equal(witness([re('a\\ba')]), null, 'a word boundary between two word bytes');
});

test('derivative and prependBytes: rest after a prefix, and a literal in front', () => {
  const rest = derivative(U, UTF8.encode('/red/'));
  assert.ok(acceptsBytes(rest, UTF8.encode('tell')));
  assert.ok(!acceptsBytes(rest, UTF8.encode('/tell')), 'a normalized path has no "//"');
  const moved = prependBytes(UTF8.encode('/color/'), rest);
  assert.ok(acceptsBytes(moved, UTF8.encode('/color/tell')));
  assert.equal(witness([moved, prefixLang('/red/')!]), null);
});

test('enumerate: strings shortest first, one per class of bytes the languages tell apart, complete when finite', () => {
  const few = enumerate([re('/(a|c|e)'), U], 10);
  assert.deepEqual(few.map((b) => new TextDecoder().decode(b)), ['/a', '/c', '/e']);
  assert.equal(enumerate([re('/(a|b|c)'), U], 10).length, 1, '[a-c] is one class: one representative');
  assert.equal(few.complete, true);
  const none = enumerate([re('/a'), re('/b')], 5);
  assert.equal(none.length, 0);
  assert.equal(none.complete, true);
});

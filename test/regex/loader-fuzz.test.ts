/**
 * Fuzzing the runtime reader with corrupt automata:
 *
 *   for any byte string b derived from a valid automaton (bytes overwritten, u16/u32 fields set to
 *   extreme values, truncated, extended) or random, loadAutomaton(b) either throws a
 *   TableFormatError whose offset lies inside b, or returns a matcher whose fullMatch returns a
 *   boolean for every input — never another exception, never a hang.
 *
 * MESHROUTE_LONG=1 runs 10× more cases; failures print fast-check's seed and path for replay.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TableFormatError } from '../../src/errors.js';
import { compileRegex, loadAutomaton } from '../../src/regex/index.js';

const RUNS = process.env.MESHROUTE_LONG === '1' ? 30_000 : 3_000;

const PATTERNS = ['abc', '.*green.*', '(?i)k', '\\bfoo\\b', '(?m)^a$', '[a-f0-9]{4}', '\\p{Greek}', '(a|aa)*b', 'x\\b|\\Ay$'];
const CORPUS: Uint8Array[] = PATTERNS.flatMap((p) => [compileRegex(p).bytes, compileRegex(p, { maxDfaStates: 0 }).bytes]);
const INPUTS = ['', 'abc', 'foo', 'a\nb', 'K', 'aab', 'α', '😀', '\ud800', 'x'.repeat(300)];

type Edit = { kind: 'byte'; at: number; value: number } | { kind: 'u16' | 'u32'; at: number; value: number } | { kind: 'truncate'; at: number } | { kind: 'append'; n: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('byte' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('u16' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 2, 255, 256, 0x7fff, 0xffff) }),
  fc.record({ kind: fc.constant('u32' as const), at: fc.nat(), value: fc.constantFrom(0, 1, 0xff, 0xffff, 0x10000, 0x7fffffff, 0xffffffff) }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('append' as const), n: fc.integer({ min: 1, max: 16 }) }),
);

function apply(base: Uint8Array, edits: readonly Edit[]): Uint8Array {
  let b = Uint8Array.from(base);
  for (const e of edits) {
    if (e.kind === 'truncate') b = b.slice(0, e.at % (b.length + 1));
    else if (e.kind === 'append') b = Uint8Array.from([...b, ...new Array<number>(e.n).fill(0xab)]);
    else if (b.length > 0) {
      const view = new DataView(b.buffer);
      // Header fields are where the interesting corruption is: aim there half of the time.
      const at = (e.at % 2 === 0 ? e.at % 24 : e.at) % b.length;
      if (e.kind === 'byte') b[at] = e.value;
      else if (e.kind === 'u16' && at + 2 <= b.length) view.setUint16(at, e.value, true);
      else if (e.kind === 'u32' && at + 4 <= b.length) view.setUint32(at, e.value >>> 0, true);
    }
  }
  return b;
}

function check(bytes: Uint8Array): void {
  let automaton;
  try {
    automaton = loadAutomaton(bytes);
  } catch (e) {
    assert.ok(e instanceof TableFormatError, `loadAutomaton threw ${String(e)} instead of TableFormatError for bytes ${Buffer.from(bytes).toString('hex')}`);
    assert.ok(Number.isInteger(e.offset) && e.offset >= 0 && e.offset <= bytes.length, `offset ${e.offset} outside 0..${bytes.length}`);
    return;
  }
  for (const input of INPUTS) assert.equal(typeof automaton.fullMatch(input), 'boolean');
}

test('corrupted automata: typed error or a working matcher', { timeout: 120_000 }, () => {
  const corpusIndex = fc.integer({ min: 0, max: CORPUS.length - 1 });
  fc.assert(
    fc.property(corpusIndex, fc.array(edit, { minLength: 1, maxLength: 4 }), (i, edits) => check(apply(CORPUS[i]!, edits))),
    { numRuns: RUNS },
  );
});

test('random bytes (with and without a valid magic): typed error or a working matcher', { timeout: 120_000 }, () => {
  const prefix = fc.constantFrom([], [0x4d, 0x52, 0x52, 0x58], [0x4d, 0x52, 0x52, 0x58, 1, 0, 1, 0], [0x4d, 0x52, 0x52, 0x58, 1, 0, 2, 0]);
  fc.assert(
    fc.property(prefix, fc.uint8Array({ maxLength: 400 }), (p, rest) => check(Uint8Array.from([...p, ...rest]))),
    { numRuns: RUNS },
  );
});

test('every single-byte corruption of every corpus automaton is caught or harmless', () => {
  for (const base of CORPUS) {
    for (let at = 0; at < Math.min(base.length, 300); at++) {
      for (const value of [0x00, 0x01, 0x7f, 0xff]) {
        const b = Uint8Array.from(base);
        b[at] = value;
        check(b);
      }
    }
  }
});

test('offset/length arguments are validated', () => {
  const bytes = compileRegex('abc').bytes;
  for (const [offset, length] of [[-1, 10], [0, bytes.length + 1], [bytes.length, 1], [1.5, 3], [Number.NaN, 1], [0, -1]] as const) {
    assert.throws(() => loadAutomaton(bytes, offset, length), TableFormatError, `offset ${offset} length ${length}`);
  }
  assert.throws(() => loadAutomaton(bytes, 0, 15), (e: unknown) => e instanceof TableFormatError && e.code === 'TABLE_REGEX_TRUNCATED');
  const wrongMagic = Uint8Array.from(bytes);
  wrongMagic[0] = 0;
  assert.throws(() => loadAutomaton(wrongMagic), (e: unknown) => e instanceof TableFormatError && e.code === 'TABLE_REGEX_MAGIC' && e.offset === 0);
  const wrongVersion = Uint8Array.from(bytes);
  wrongVersion[4] = 9;
  assert.throws(() => loadAutomaton(wrongVersion), (e: unknown) => e instanceof TableFormatError && e.code === 'TABLE_REGEX_VERSION' && e.offset === 4);
});

test('a transition target past the last state is reported at its byte offset', () => {
  const bytes = Uint8Array.from(compileRegex('ab').bytes);
  const view = new DataView(bytes.buffer);
  const numStates = view.getUint32(12, true);
  const transAt = 16 + 4 + 256 + numStates;
  const at = transAt + 2 * view.getUint16(16, true); // first transition of state 1
  view.setUint16(at, numStates, true);
  assert.throws(() => loadAutomaton(bytes), (e: unknown) => e instanceof TableFormatError && e.code === 'TABLE_REGEX_TARGET' && e.offset === at);
});

// The weighted-pick primitives the WASM filter must reproduce bit for bit (docs/precedence.md §7).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fnv1a32, seededRandom } from '../../src/evaluate/index.js';

test('fnv1a32: the published FNV-1a 32 test values, over UTF-8 bytes', () => {
  assert.equal(fnv1a32(''), 0x811c9dc5);
  assert.equal(fnv1a32('a'), 0xe40c292c);
  assert.equal(fnv1a32('foobar'), 0xbf9cf968);
  assert.equal(fnv1a32('abc'), 0x1a47e90b);
  // Non-ASCII: the UTF-8 bytes count (é = C3 A9; 😀 = F0 9F 98 80); a lone surrogate is U+FFFD.
  const bytesHash = (bytes: number[]) => bytes.reduce((h, b) => Math.imul(h ^ b, 0x01000193) >>> 0, 0x811c9dc5);
  assert.equal(fnv1a32('é'), bytesHash([0xc3, 0xa9]));
  assert.equal(fnv1a32('😀'), bytesHash([0xf0, 0x9f, 0x98, 0x80]));
  assert.equal(fnv1a32('\ud800x'), bytesHash([0xef, 0xbf, 0xbd, 0x78]));
});

test('seededRandom: the same seed gives the same sequence, values in [0, 1)', () => {
  const a = seededRandom(42);
  const b = seededRandom(42);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs, Array.from({ length: 1000 }, () => b()));
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  assert.notDeepEqual(xs.slice(0, 5), Array.from({ length: 5 }, seededRandom(43)));
});

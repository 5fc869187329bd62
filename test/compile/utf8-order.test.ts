// compareUtf8 / utf8Length agree with the encoded bytes (the tie-break and literal length are bytewise).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareBytes, compareUtf8, utf8Length } from '../../src/compile/precedence.js';

const UTF8 = new TextEncoder();
const textArb = fc.string({ unit: fc.constantFrom('a', 'B', '/', 'é', '中', '\uE000', '\uFFFD', '😀', '\uD800', '\uDC00') });

test('compareUtf8 orders like the UTF-8 bytes; utf8Length is the encoded length', () => {
  fc.assert(
    fc.property(textArb, textArb, (a, b) => {
      assert.equal(Math.sign(compareUtf8(a, b)), Math.sign(compareBytes(UTF8.encode(a), UTF8.encode(b))), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      assert.equal(utf8Length(a), UTF8.encode(a).length);
    }),
    { numRuns: 3000 },
  );
});

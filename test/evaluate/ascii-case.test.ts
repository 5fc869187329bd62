/**
 * Issue 13 item 2: one case rule for hostnames and header names — only A–Z fold (Envoy's
 * absl::AsciiStrToLower; docs/precedence.md § 4). Before the fix the runtime used String#toLowerCase:
 * the Kelvin sign (U+212A) made `Kelvin.example.com` match `kelvin.example.com` in JS only, and
 * a header `X-İd` matched when given as pairs but not as a plain object. The JS ≡ filter and
 * compiled ≡ reference properties draw such names too (test/_support/arbitraries.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asciiLowerCase } from '../../src/evaluate/ascii-case.js';
import type { HeaderInput } from '../../src/evaluate/index.js';
import { build, gr } from '../_support/quick.js';

const KELVIN = '\u212A';

test('asciiLowerCase folds A–Z only', () => {
  assert.equal(asciiLowerCase('WWW.Example.COM'), 'www.example.com');
  assert.equal(asciiLowerCase('X-İd'), 'x-İd');
  assert.equal(asciiLowerCase(`${KELVIN}elvin.EXAMPLE`), `${KELVIN}elvin.example`);
  assert.equal(asciiLowerCase('ÜMLAUT-Ä'), 'Ümlaut-Ä');
  assert.equal(asciiLowerCase('bücher'), 'bücher');
  assert.equal(asciiLowerCase(''), '');
});

test('hostname: the Kelvin sign is not k; non-ASCII letters compare as written, ASCII letters fold around them', () => {
  const { router } = build([gr('kelvin', { prefix: '/', hostname: { exact: 'kelvin.example.com' } }), gr('bucher', { prefix: '/', hostname: { suffix: '.Bücher.example' } })], { hostnameMode: 'flat' });
  assert.equal(router.route({ path: '/', authority: 'KELVIN.example.com' }).gatewayRoute, 'kelvin');
  assert.equal(router.route({ path: '/', authority: `${KELVIN}elvin.example.com` }).matched, false, 'U+212A must not fold to k');
  assert.equal(router.route({ path: '/', authority: 'shop.BüCHER.EXAMPLE' }).gatewayRoute, 'bucher');
  assert.equal(router.route({ path: '/', authority: 'shop.BÜCHER.example' }).matched, false, 'Ü is not ü');
});

test('header names: X-İd is found the same way as pairs and as a plain object; its toLowerCase form is another name', () => {
  const { router } = build([gr('id', { prefix: '/', headers: [{ name: 'X-İd' }] }), gr('key', { prefix: '/', headers: [{ name: 'x-key' }] })]);
  const shapes: HeaderInput[] = [{ 'X-İd': '1' }, [['X-İd', '1']], { 'x-İD': '1' }, [['x-İD', '1']]];
  for (const headers of shapes) {
    assert.equal(router.route({ path: '/', headers }).gatewayRoute, 'id', JSON.stringify(headers));
  }
  const folded: HeaderInput[] = [{ 'x-i\u0307d': '1' }, [['x-i\u0307d', '1']]];
  for (const headers of folded) {
    assert.equal(router.route({ path: '/', headers }).matched, false, JSON.stringify(headers));
  }
  assert.equal(router.route({ path: '/', headers: { [`X-${KELVIN}EY`]: '1' } }).matched, false, 'U+212A in a header name');
  assert.equal(router.route({ path: '/', headers: { 'X-KEY': '1' } }).gatewayRoute, 'key');
});

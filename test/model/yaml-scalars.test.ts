/**
 * Issue 13 item 8: a YAML value never depends on which reader read the file. Every reader — the
 * js-yaml fast path, the `yaml` slow path (Node, taken when anything in the file trips the fast one),
 * the browser's js-yaml slow path — reads scalars as `kubectl apply` does (go-yaml v2 via
 * sigs.k8s.io/yaml; src/model/load/kube-scalars.ts cites the rules). Before the fix the fast path
 * read `port: 8_080` as 8080 and `0b101` as 5 while the slow path read strings, and `yes`, `0777`,
 * `.inf` differed from kubectl on both.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseSource } from '../../src/model/load/parse-documents.js';
import * as nodeSlow from '../../src/model/load/yaml-syntax.js';
import * as browserSlow from '../../src/browser/yaml-syntax.js';
import { loadAllKube } from '../../src/model/load/kube-schema.js';

/** The three readers on one text: values of every document, or the first diagnostic message. */
function readAll(text: string): Record<'fast' | 'nodeSlow' | 'browserSlow', unknown> {
  const source = { file: 'f.yaml', text };
  let fast: unknown;
  try {
    fast = loadAllKube(text).filter((v) => v !== null && v !== undefined);
  } catch (err) {
    fast = `error: ${(err as Error).message.split('\n')[0]}`;
  }
  const slow = (r: ReturnType<typeof nodeSlow.parseYamlSlow>) => (r.diagnostics.length > 0 ? 'error' : r.documents.map((d) => d.value));
  return { fast, nodeSlow: slow(nodeSlow.parseYamlSlow(source)), browserSlow: slow(browserSlow.parseYamlSlow(source)) };
}

// value as written → value as kubectl reads it (go-yaml v2.4 resolve.go; sigs.k8s.io/yaml yaml.go)
const KUBECTL: [string, unknown][] = [
  ['8_080', 8080], ['1_000.5', 1000.5], ['0b101', 5], ['-0b101', -5], ['0o17', 15], ['0777', 511], ['08', 8], ['0x1F', 31], ['+12', 12], ['-0', 0],
  ['1e3', 1000], ['1.5', 1.5], ['.5', 0.5], ['-.5', -0.5], ['5.', 5], ['.inf', Infinity], ['-.Inf', -Infinity], ['.NaN', NaN],
  ['yes', true], ['Yes', true], ['y', true], ['on', true], ['TRUE', true], ['no', false], ['N', false], ['Off', false], ['false', false],
  ['~', null], ['null', null], ['NULL', null],
  ['tRue', 'tRue'], ['1:30', '1:30'], ['2001-12-14', '2001-12-14'], ['Infinity', 'Infinity'], ['0x', '0x'], ['1e400', '1e400'], ['._5', '._5'], ['0xFFFFFFFFFFFFFFFFF', '0xFFFFFFFFFFFFFFFFF'], ['abc', 'abc'],
  ['"8_080"', '8_080'], ["'yes'", 'yes'], ['"0b101"', '0b101'],
  ['!!int "12"', 12], ['!!float 3', 3], ['!!str 0777', '0777'], ['!!bool yes', true], ['!!null ~', null], ['!foo 12', '12'],
];

test('scalars read as kubectl reads them, by all three readers', () => {
  for (const [written, want] of KUBECTL) {
    const got = readAll(`v: ${written}\n`);
    for (const [reader, docs] of Object.entries(got)) assert.deepEqual(docs, [{ v: want }], `${reader}: v: ${written} (reproduce: node scripts/test.mjs yaml-scalars)`);
  }
});

test('keys that resolve to non-strings become the strings sigs.k8s.io/yaml writes', () => {
  const got = readAll('yes: 1\n0x10: 2\n1e6: 3\n1.5: 4\n"yes": 5\nnull: 6\n');
  const want = [{ true: 1, 16: 2, '1e+06': 3, '1.5': 4, yes: 5, null: 6 }];
  for (const [reader, docs] of Object.entries(got)) assert.deepEqual(docs, want, reader);
});

test('merge keys apply on every reader (go-yaml v2 applies them)', () => {
  const got = readAll('base: &b {x: 1, z: 2}\nm:\n  <<: *b\n  z: 3\n  y: 4\n');
  // `y` is the boolean true to go-yaml v2, so the key is "true".
  for (const [reader, docs] of Object.entries(got)) assert.deepEqual(docs, [{ base: { x: 1, z: 2 }, m: { x: 1, z: 3, true: 4 } }], reader);
});

test('an unrelated document that trips the fast reader does not change a gateway port', () => {
  const gateway = 'kind: VirtualGateway\nspec:\n  listeners:\n    - portMapping: {port: 8_080, protocol: http}\n';
  const broken = 'kind: ConfigMap\ndata:\n  a: 1\n  a: 2\n'; // a duplicate key: js-yaml refuses the file
  const alone = parseSource({ file: 'f.yaml', text: gateway }).documents.map((d) => d.value);
  const withBroken = parseSource({ file: 'f.yaml', text: gateway + '---\n' + broken }).documents.map((d) => d.value);
  assert.deepEqual(alone, [{ kind: 'VirtualGateway', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } }]);
  assert.deepEqual(withBroken, alone);
});

// ---- parity over generated documents -------------------------------------------------------------

const digits = fc.stringMatching(/^[0-9]{1,4}$/);
const plainToken = fc.oneof(
  digits,
  digits.map((d) => d.split('').join('_')),
  fc.tuple(fc.constantFrom('', '+', '-'), fc.constantFrom('0b', '0o', '0x', '0B', '0O', '0X', '0', ''), fc.stringMatching(/^[0-9a-fA-F_]{1,6}$/)).map(([s, p, d]) => s + p + d),
  fc.tuple(fc.constantFrom('', '-', '+'), digits, fc.constantFrom('.', '.5', '', '.25'), fc.constantFrom('', 'e3', 'E-2', 'e+1', 'e400')).map(([s, a, b, c]) => s + a + b + c),
  fc.constantFrom('.5', '.5_0', '._5', '.', '.e1', '.inf', '+.INF', '-.Inf', '.nan', '.NaN', '.NAN', '.Nan'),
  fc.constantFrom('y', 'Y', 'yes', 'Yes', 'YES', 'yEs', 'n', 'N', 'no', 'No', 'NO', 'true', 'True', 'TRUE', 'tRUE', 'false', 'False', 'on', 'On', 'ON', 'off', 'Off', 'OFF', 'oN'),
  fc.constantFrom('~', 'null', 'Null', 'NULL', 'nULL'),
  fc.constantFrom('1:30', '190:20:30', '2001-12-14', '2001-12-14t21:59:43.10-05:00', 'Infinity', '-', '+', '0x', '1e', 'abc', 'x-1', 'svc.local', '/api'),
);
const scalar = fc.oneof(
  { weight: 6, arbitrary: plainToken },
  { weight: 1, arbitrary: plainToken.map((t) => JSON.stringify(t)) },
  { weight: 1, arbitrary: plainToken.map((t) => `'${t}'`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('!!str', '!!int', '!!float', '!!bool', '!!null', '!local'), plainToken).map(([tag, t]) => `${tag} ${t}`) },
);
const keyToken = fc.oneof({ weight: 3, arbitrary: fc.constantFrom('port', 'name', 'weight', 'a', 'b') }, { weight: 1, arbitrary: plainToken.filter((t) => t !== '' && !/^[-?:,\[\]{}#&*!|>'"%@`]/.test(t)) });

test('parity: every reader gives the same values for generated documents', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(keyToken, fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))), { minLength: 1, maxLength: 6 }), (entries) => {
      const text = entries.map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(', ')}]` : v}`).join('\n') + '\n';
      const got = readAll(text);
      // A text js-yaml refuses (e.g. keys equal once resolved) is read by the slow readers only.
      if (typeof got.fast !== 'string') assert.deepEqual(got.nodeSlow, got.fast, `fast vs Node slow on:\n${text}`);
      assert.deepEqual(got.browserSlow, got.nodeSlow, `Node slow vs browser slow on:\n${text}`);
    }),
    { numRuns: 2000 },
  );
});

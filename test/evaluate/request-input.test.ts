/**
 * Requests from JavaScript callers are not held to the TypeScript types: route() and explain() answer
 * a request of the wrong shape with UsageError REQUEST_INVALID naming the field (docs/errors.md), never
 * with a bare TypeError from deep inside the evaluator, and the router keeps serving afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MeshrouteError, UsageError } from '../../src/errors.js';
import type { RouteRequest } from '../../src/evaluate/index.js';
import { build, gr } from '../_support/quick.js';
import { runs } from '../property/_config.js';

// Every criterion kind, so that a hostile request reaches header, query, method and host checks.
const { router } = build([
  gr('hdr', { prefix: '/a', headers: [{ name: 'x-canary', match: { exact: 'true' } }] }),
  gr('query', { prefix: '/a', queryParameters: [{ name: 'v', match: { exact: '2' } }] }),
  gr('post', { prefix: '/a', method: 'POST' }),
  gr('host', { prefix: '/h', hostname: { suffix: '.example.com' } }),
  gr('rx', { path: { regex: '/r[0-9]+' } }),
  gr('rest', { prefix: '/' }),
]);

function rejects(request: unknown, field: string, options?: unknown): void {
  for (const call of ['route', 'explain'] as const) {
    assert.throws(
      () => router[call](request as RouteRequest, options as never),
      (e: unknown) => e instanceof UsageError && e.code === 'REQUEST_INVALID' && e.message.includes(field),
      `${call}(${JSON.stringify(request) ?? String(request)}) should name ${field}`,
    );
  }
}

test('a request of the wrong shape is REQUEST_INVALID naming the field', () => {
  rejects(undefined, 'the request must be an object, got undefined');
  rejects(null, 'the request must be an object, got null');
  rejects('/a', 'the request must be an object, got "/a"');
  rejects({}, 'path must be a string, got undefined');
  rejects({ path: 42 }, 'path must be a string, got number');
  rejects({ path: ['/a'] }, 'path must be a string, got object');
  rejects({ path: '/a', authority: 7 }, 'authority must be a string');
  rejects({ path: '/a', method: 5 }, 'method must be a string');
  rejects({ path: '/a', scheme: true }, 'scheme must be a string');
  rejects({ path: '/a', headers: 'x-canary: true' }, 'headers must be an object or an iterable of [name, value]');
  rejects({ path: '/a', port: '8080' }, 'port must be an integer 1–65535, got "8080"');
  rejects({ path: '/a', port: 8080.5 }, 'port must be an integer');
  rejects({ path: '/a', port: 0 }, 'port must be an integer');
  rejects({ path: '/a', protocol: 'tcp' }, "protocol must be 'http', 'http2' or 'grpc', got \"tcp\"");
  rejects({ path: '/a', protocol: 'toString' }, 'protocol must be');
  rejects({ path: '/a', headers: [['x-canary']] , method: 7 }, 'method must be a string');
  // Header entries are only looked at when a candidate has a header criterion (/a has one).
  rejects({ path: '/a', headers: ['x-canary: true'] }, 'a header must be a [name, value] pair');
  rejects({ path: '/a', headers: new Map<unknown, unknown>([[1, 'true']]) }, 'a header name must be a string, got number');
  rejects({ path: '/a' }, 'options.random must be a function', { random: 0.5 });
  rejects({ path: '/a' }, 'options.stickyKey must be a header name', { stickyKey: 1 });
});

test('match() and the fast path (a table of path-only routes) reject the same requests with the same field named', () => {
  const plain = build([gr('a', { prefix: '/a' }), gr('rest', { prefix: '/' })]).router;
  const cases: [unknown, string][] = [
    [undefined, 'the request must be an object'], [null, 'the request must be an object'], [{}, 'path must be a string'],
    [{ path: 42 }, 'path must be a string'], [{ path: '/a', authority: 7 }, 'authority must be a string'],
    [{ path: '/a', method: 5 }, 'method must be a string'], [{ path: '/a', scheme: true }, 'scheme must be a string'],
    [{ path: '/a', headers: 'x: 1' }, 'headers must be an object'], [{ path: '/a', port: '8080' }, 'port must be an integer'],
    [{ path: '/a', protocol: 'tcp' }, 'protocol must be'],
  ];
  for (const [request, field] of cases) {
    for (const r of [router, plain]) {
      for (const call of ['route', 'match', 'explain'] as const) {
        assert.throws(() => r[call](request as RouteRequest), (e: unknown) => e instanceof UsageError && e.code === 'REQUEST_INVALID' && e.message.includes(field), `${call}(${JSON.stringify(request) ?? String(request)}) should name ${field}`);
      }
    }
  }
  assert.equal(plain.match({ path: '/a', authority: null, method: undefined, headers: null } as unknown as RouteRequest)?.gatewayRoute, 'a');
});

test('null and undefined optional fields mean "not given"; valid requests still route after rejected ones', () => {
  assert.equal(router.route({ path: '/a', authority: null, method: undefined, headers: null } as unknown as RouteRequest).gatewayRoute, 'rest');
  assert.throws(() => router.route({ path: 1 } as unknown as RouteRequest), UsageError);
  assert.equal(router.route({ path: '/a', headers: { 'X-Canary': 'true' } }).gatewayRoute, 'hdr');
  assert.equal(router.route({ path: '/a', headers: new Map([['x-canary', 'true']]) }).gatewayRoute, 'hdr');
  assert.equal(router.route({ path: '/a?v=2' }).gatewayRoute, 'query');
  assert.equal(router.route({ path: '/h', authority: 'www.EXAMPLE.com' }).gatewayRoute, 'host');
});

test('property: any value as a request, or in any request field, gives a decision or a MeshrouteError — never another exception', () => {
  const field = fc.oneof(fc.anything(), fc.string(), fc.constantFrom('/a', '/a?v=2', '/r12', '/h', 'http', 'grpc', 'POST'), fc.integer({ min: -1, max: 70000 }));
  const headers = fc.oneof(fc.anything(), fc.dictionary(fc.string(), fc.anything()), fc.array(fc.anything()), fc.array(fc.tuple(fc.anything(), fc.anything())));
  const request = fc.oneof(
    fc.anything(),
    fc.record({ path: field, authority: field, method: field, scheme: field, port: field, protocol: field, headers }, { requiredKeys: [] }),
    fc.record({ path: fc.constantFrom('/a', '/a?v=2', '/r1'), headers }, { requiredKeys: ['path'] }),
  );
  let decisions = 0;
  let rejected = 0;
  fc.assert(
    fc.property(request, (req) => {
      for (const call of ['route', 'explain'] as const) {
        try {
          router[call](req as RouteRequest);
          decisions++;
        } catch (e) {
          if (!(e instanceof MeshrouteError)) throw new Error(`${call}(${fc.stringify(req)}) threw ${String(e)}`);
          rejected++;
        }
      }
    }),
    { numRuns: runs(2000) },
  );
  // Both outcomes must occur, or the generators drifted away from what this test is for.
  assert.ok(decisions > 0 && rejected > 0, `decisions ${decisions}, rejected ${rejected}`);
});

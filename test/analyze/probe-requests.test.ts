/** probe-requests.ts: the systematic neighbours each criterion gets, determinism, bounds. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { probeRequests, type ProbeCriteria } from '../../src/analyze/probe-requests.js';

const route = (over: Partial<ProbeCriteria>): ProbeCriteria => ({ path: { kind: 'none' }, hostname: null, method: null, predicates: [], ports: null, ...over });

test('a literal path gets P, P/, Px, P/x and P minus its last character', () => {
  const paths = new Set(probeRequests([route({ path: { kind: 'prefix', value: '/api' } })], [8080], { random: 0 }).map((r) => r.path));
  for (const p of ['/api', '/api/', '/apix', '/api/x', '/ap']) assert.ok(paths.has(p), `missing ${p} in ${[...paths]}`);
  const slash = new Set(probeRequests([route({ path: { kind: 'prefix', value: '/api/' } })], [8080], { random: 0 }).map((r) => r.path));
  for (const p of ['/api/', '/api', '/apix', '/api/x']) assert.ok(slash.has(p), `missing ${p} in ${[...slash]}`);
  assert.ok(![...slash].some((p) => p.includes('//')), 'no merged-slash paths');
});

test('header values on both sides of every matcher and range bound; absent too', () => {
  const rs = probeRequests([route({ predicates: [{ kind: 'header', name: 'X-V', invert: false, op: 'range', start: 10n, end: 20n }, { kind: 'header', name: 'x-p', invert: false, op: 'prefix', value: 'ab' }] })], [80], { random: 0 });
  const values = (name: string) => new Set(rs.map((r) => r.headers.find(([n]) => n === name)?.[1] ?? null));
  for (const v of ['9', '10', '11', '19', '20', null]) assert.ok(values('x-v').has(v), `x-v ${v}`);
  for (const v of ['ab', 'abx', 'xab', 'a', null]) assert.ok(values('x-p').has(v), `x-p ${v}`);
});

test('a regex header gets a value it accepts (so routes behind it are reached)', () => {
  const rs = probeRequests([route({ predicates: [{ kind: 'header', name: 'c', invert: false, op: 'regex', value: '.*green.*' }] })], [80], { random: 0 });
  assert.ok(rs.some((r) => r.headers.some(([n, v]) => n === 'c' && v.includes('green'))));
});

test('hosts with and without the port and in another case; every listener port; a method no route names', () => {
  const rs = probeRequests([route({ hostname: { kind: 'exact', value: 'www.example.com' }, method: 'PUT' })], [8080, 9090], { random: 0 });
  const hosts = new Set(rs.map((r) => r.authority));
  for (const h of ['www.example.com', 'www.example.com:8080', 'WWW.EXAMPLE.COM']) assert.ok(hosts.has(h), h);
  assert.deepEqual(new Set(rs.map((r) => r.port)), new Set([8080, 9090]));
  const methods = new Set(rs.map((r) => r.method));
  for (const m of ['PUT', 'GET', 'POST']) assert.ok(methods.has(m));
  assert.ok(methods.size >= 4);
});

test('deterministic for a seed; random requests added on top; systematic part bounded', () => {
  const rs = [route({ path: { kind: 'prefix', value: '/a' } }), route({ path: { kind: 'exact', value: '/b' }, predicates: [{ kind: 'query', name: 'q', op: 'exact', value: '1' }] })];
  assert.deepEqual(probeRequests(rs, [80], { seed: 4 }), probeRequests(rs, [80], { seed: 4 }));
  const none = probeRequests(rs, [80], { random: 0 }).length;
  assert.ok(probeRequests(rs, [80], { random: 500 }).length > none + 100);
  assert.equal(probeRequests(rs, [80], { random: 0, maxSystematic: 5 }).length, 5);
});

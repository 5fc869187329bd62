// The Gateway API evaluator beyond the vectors: problems it reports for objects the API would not
// accept, its typed error, the hostname helpers' tables, and a property over generated routes —
// the decision is the first matching candidate of explain()'s ranking, and the winner is never
// beaten by another matching candidate on any precedence criterion (checked by a separate,
// criterion-by-criterion comparison written from the spec text).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createGatewayApiEvaluator, type GatewayApiObject } from '../../../src/export/gateway-api/evaluate/index.js';
import { effectiveHostnames, hostMatches, intersectHostnames } from '../../../src/export/gateway-api/evaluate/hostnames.js';
import { pathPrefixMatches } from '../../../src/export/gateway-api/evaluate/match.js';
import { replacePrefixMatch } from '../../../src/export/gateway-api/evaluate/filters.js';
import { parseDuration } from '../../../src/export/gateway-api/evaluate/duration.js';
import type { HTTPRoute, HTTPRouteMatch } from '../../../src/export/gateway-api/objects.js';
import { UsageError } from '../../../src/errors.js';

const LONG = process.env.MESHROUTE_LONG === '1';
const gw: GatewayApiObject = { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'Gateway', metadata: { name: 'gw', namespace: 'default' }, spec: { gatewayClassName: 'x', listeners: [{ name: 'http', port: 80, protocol: 'HTTP', hostname: '*.example.com' }] } };
const entry = { kind: 'Gateway', namespace: 'default', name: 'gw' } as const;

function route(name: string, spec: Partial<HTTPRoute['spec']>, namespace = 'default'): HTTPRoute {
  return { apiVersion: 'gateway.networking.k8s.io/v1', kind: 'HTTPRoute', metadata: { name, namespace }, spec: { parentRefs: [{ name: 'gw', namespace: 'default' }], ...spec } };
}

test('problems: routes the API would not accept are left out and named', () => {
  const ev = createGatewayApiEvaluator([
    gw,
    route('bad-regex', { rules: [{ matches: [{ path: { type: 'RegularExpression', value: '(' } }] }] }),
    route('cel', { rules: [{ matches: [{ path: { type: 'Exact', value: '/a' } }, { path: { value: '/b' } }], filters: [{ type: 'URLRewrite', urlRewrite: { path: { type: 'ReplacePrefixMatch', replacePrefixMatch: '/' } } }] }] }),
    route('duration', { rules: [{ timeouts: { request: '1 minute' } }] }),
    route('no-gateway', { parentRefs: [{ name: 'missing' }] }),
    route('no-listener', { parentRefs: [{ name: 'gw', sectionName: 'nope' }] }),
    route('hostless', { hostnames: ['other.org'] }),
    route('other-ns', {}, 'elsewhere'),
  ]);
  const codes = ev.problems.map((p) => `${p.code} ${p.where}`);
  for (const want of [
    'INVALID_REGEX HTTPRoute/default/bad-regex rule 0 match 0 path',
    'ROUTE_NOT_ACCEPTED HTTPRoute/default/bad-regex',
    'REPLACE_PREFIX_WITHOUT_PATH_PREFIX HTTPRoute/default/cel rule 0',
    'INVALID_DURATION HTTPRoute/default/duration rule 0 timeouts.request',
    'PARENT_NOT_FOUND HTTPRoute/default/no-gateway parentRefs[0]',
    'PARENT_NOT_FOUND HTTPRoute/default/no-listener parentRefs[0]',
    'NO_HOSTNAME_INTERSECTION HTTPRoute/default/hostless parentRefs[0]',
    'NOT_ALLOWED_BY_LISTENER HTTPRoute/elsewhere/other-ns parentRefs[0]',
  ]) assert.ok(codes.includes(want), `missing "${want}" in ${JSON.stringify(codes, null, 1)}`);
  assert.equal(ev.route({ path: '/', authority: 'a.example.com' }, entry).outcome, 'error');
});

test('createGatewayApiEvaluator throws a UsageError on input that is not a list of objects', () => {
  assert.throws(() => createGatewayApiEvaluator({} as never), (e: unknown) => e instanceof UsageError && e.code === 'GATEWAY_API_OBJECTS');
});

test('hostname helpers: wildcard matching and listener ∩ route intersection', () => {
  assert.deepEqual(['a.example.com', 'a.b.example.com', 'example.com', 'xexample.com'].map((h) => hostMatches('*.example.com', h)), [true, true, false, false]);
  const table: [string | undefined, string, string | null][] = [
    [undefined, 'a.com', 'a.com'],
    ['a.com', 'a.com', 'a.com'],
    ['*.a.com', 'x.a.com', 'x.a.com'],
    ['x.a.com', '*.a.com', 'x.a.com'],
    ['*.a.com', '*.b.a.com', '*.b.a.com'],
    ['*.b.a.com', '*.a.com', '*.b.a.com'],
    ['*.a.com', 'a.com', null],
    ['*.a.com', '*.b.com', null],
    ['a.com', 'b.com', null],
  ];
  for (const [l, r, want] of table) assert.equal(intersectHostnames(l, r), want, `${l} ∩ ${r}`);
  assert.deepEqual(effectiveHostnames('*.a.com', undefined), ['*.a.com']);
  assert.equal(effectiveHostnames(undefined, []), null);
});

test('PathPrefix, ReplacePrefixMatch and durations: small tables', () => {
  assert.deepEqual(['/abc', '/abc/', '/abc/def', '/abcd', '/ab', ''].map((p) => pathPrefixMatches('/abc/', p)), [true, true, true, false, false, false]);
  assert.ok(pathPrefixMatches('/', '/anything'));
  assert.equal(replacePrefixMatch('/foo/bar', '/foo', '/xyz'), '/xyz/bar');
  assert.equal(replacePrefixMatch('/foo', '/foo', ''), '/');
  assert.deepEqual(['1h', '1m30s', '500ms', '0s', '1h2m3s4ms', '10', '1.5s', '1d', ''].map(parseDuration), [3_600_000, 90_000, 500, 0, 3_723_004, null, null, null, null]);
});

// ---- property: the decision is the best matching candidate -----------------------------------

const seg = fc.constantFrom('a', 'b', 'ab');
const pathValue = fc.array(seg, { minLength: 0, maxLength: 3 }).map((s) => `/${s.join('/')}`);
const matchArb: fc.Arbitrary<HTTPRouteMatch> = fc.record(
  {
    path: fc.record({ type: fc.constantFrom('Exact' as const, 'PathPrefix' as const, 'RegularExpression' as const), value: pathValue }).map((p) => (p.type === 'RegularExpression' ? { ...p, value: `${p.value}.*` } : p)),
    method: fc.constantFrom('GET' as const, 'POST' as const),
    headers: fc.uniqueArray(fc.record({ name: fc.constantFrom('x', 'y', 'z'), value: fc.constantFrom('1', '2') }), { maxLength: 2, selector: (h) => h.name }),
    queryParams: fc.uniqueArray(fc.record({ name: fc.constantFrom('p', 'q'), value: fc.constantFrom('1', '2') }), { maxLength: 2, selector: (q) => q.name }),
  },
  { requiredKeys: [] },
);
const routeArb = fc.record({
  name: fc.constantFrom('r1', 'r2', 'r3'),
  ts: fc.option(fc.constantFrom('2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'), { nil: undefined }),
  hostnames: fc.option(fc.constantFrom(['a.example.com'], ['*.example.com'], ['a.example.com', '*.example.com']), { nil: undefined }),
  rules: fc.array(fc.array(matchArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }),
});
const requestArb = fc.record({
  method: fc.constantFrom('GET', 'POST'),
  path: fc.tuple(pathValue, fc.constantFrom('', 'x', '/'), fc.constantFrom('', '?p=1', '?q=2&p=1', '?p=2')).map(([p, tail, q]) => `${p}${tail}${q}`),
  authority: fc.constantFrom('a.example.com', 'b.example.com'),
  headers: fc.dictionary(fc.constantFrom('x', 'y', 'z', 'X'), fc.constantFrom('1', '2'), { maxKeys: 3 }),
});

test('property: route() is the first matching candidate of explain(), and no matching candidate beats it on a spec criterion', () => {
  fc.assert(
    fc.property(fc.uniqueArray(routeArb, { minLength: 1, maxLength: 3, selector: (r) => r.name }), fc.array(requestArb, { minLength: 1, maxLength: 5 }), (routes, requests) => {
      const objects: GatewayApiObject[] = [
        gw,
        ...routes.map((r, i) => ({
          ...route(r.name, { hostnames: r.hostnames === undefined ? undefined : [...r.hostnames], rules: r.rules.map((matches) => ({ matches, backendRefs: [{ name: `be-${i}`, port: 80 }] })) }),
          metadata: { name: r.name, namespace: 'default', creationTimestamp: r.ts },
        })),
      ];
      const ev = createGatewayApiEvaluator(objects);
      for (const req of requests) {
        const { decision, candidates } = ev.explain(req, entry);
        const first = candidates.find((c) => c.matches) ?? null;
        const got = decision.matched === null ? null : `${decision.matched.route.name}#${decision.matched.ruleIndex}.${decision.matched.matchIndex}`;
        const want = first === null ? null : `${first.route.name}#${first.ruleIndex}.${first.matchIndex}`;
        assert.equal(got, want, `request ${JSON.stringify(req)} objects ${JSON.stringify(objects)}`);
        if (first === null) continue;
        // Independent reading of the spec's order, from the objects themselves: the winner ranks
        // first among all matching candidates (hostname, Exact, prefix length, method, headers,
        // query params, then oldest, then namespace/name, then rule and match order).
        const rank = (c: typeof first): (number | string)[] => {
          const r = objects.find((o) => o.kind === 'HTTPRoute' && o.metadata.name === c.route.name) as HTTPRoute;
          const m = r.spec.rules![c.ruleIndex]!.matches![c.matchIndex]!;
          const host = req.authority;
          const names = r.spec.hostnames ?? ['*.example.com'];
          const exact = Math.max(0, ...names.filter((h) => h === host).map((h) => h.length));
          const any = Math.max(0, ...names.filter((h) => h === host || (h.startsWith('*.') && host.endsWith(h.slice(1)))).map((h) => h.length));
          const type = m.path?.type ?? 'PathPrefix';
          const created = r.metadata.creationTimestamp === undefined ? Infinity : Date.parse(r.metadata.creationTimestamp);
          return [-exact, -any, -{ Exact: 3, PathPrefix: 2, RegularExpression: 1 }[type], -(m.path?.value ?? '/').length, m.method ? -1 : 0, -(m.headers?.length ?? 0), -(m.queryParams?.length ?? 0), created, `default/${r.metadata.name}`, c.ruleIndex, c.matchIndex];
        };
        const before = (a: (number | string)[], b: (number | string)[]): boolean => {
          const i = a.findIndex((v, j) => v !== b[j]);
          return i >= 0 && a[i]! < b[i]!;
        };
        for (const c of candidates.filter((x) => x.matches && x !== first)) {
          assert.ok(before(rank(first), rank(c)), `candidate ${JSON.stringify(c)} is not ranked after the winner ${JSON.stringify(first)} for ${JSON.stringify(req)}`);
        }
      }
    }),
    { numRuns: LONG ? 2_000 : 200 },
  );
});

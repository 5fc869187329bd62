// Request normalization (reference §7, §10 #20–22).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authorityPort, headerMap, normalizePath, parseInt64, queryValue, Scan, scanPath, splitPath } from '../../src/evaluate/request.js';

const { nothing: PLAIN, normalize: NORMALIZE } = Scan;
import { build, gr } from '../_support/quick.js';
import fc from 'fast-check';
import { runs } from '../property/_config.js';

test('path normalization: dot segments (RFC 3986 §5.2.4) then merged slashes', () => {
  const cases: [string, string][] = [
    ['/a/b', '/a/b'],
    ['//a/./b/../c', '/a/c'],
    ['/a/b/..', '/a/'],
    ['/a/.', '/a/'],
    ['/..', '/'],
    ['/../a', '/a'],
    ['/a//../b', '/a/b'],
    ['/a///b//', '/a/b/'],
    ['/.hidden/x', '/.hidden/x'],
    ['/a/..b/c', '/a/..b/c'],
    ['a/b', '/a/b'],
    ['', '/'],
  ];
  for (const [input, want] of cases) assert.equal(normalizePath(input), want, input);
});

/**
 * The specification, written as plainly as it reads (RFC 3986 §5.2.4 on the '/'-separated segments,
 * then runs of '/' merged): the reference normalizePath's one-pass version (issue 13) must equal.
 */
function specNormalize(p: string): string {
  const segments = (p.startsWith('/') ? p : '/' + p).split('/').slice(1);
  const out: string[] = [];
  segments.forEach((seg, i) => {
    if (seg === '.' || seg === '..') {
      if (seg === '..') out.pop();
      if (i === segments.length - 1) out.push('');
    } else out.push(seg);
  });
  return ('/' + out.join('/')).replace(/\/{2,}/g, '/');
}

test('path normalization in one pass equals the split / join / merge specification on generated paths', () => {
  const piece = fc.constantFrom('/', '//', '.', '..', '/.', '/..', '/../', 'a', 'bc', '.a', '..a', '?', 'é');
  fc.assert(fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), (p) => {
    assert.equal(normalizePath(p), specNormalize(p), `normalizePath(${JSON.stringify(p)})`);
  }), { numRuns: runs(20_000) });
  // Long inputs of the benchmark's shapes (bench/route/normalize.bench.ts).
  for (const p of ['/'.repeat(70_000), '/a'.repeat(40_000) + '//', '/a/..'.repeat(10_000) + '/b', 'x/'.repeat(30_000)]) {
    assert.equal(normalizePath(p), specNormalize(p), `${p.slice(0, 12)}… (${p.length} characters)`);
  }
});

test('path and query split at the first ?, fragment dropped', () => {
  assert.deepEqual(splitPath('/a?b=1?c#frag'), ['/a', 'b=1?c']);
  assert.deepEqual(splitPath('/a#x?y'), ['/a', null]);
  assert.deepEqual(splitPath('/a?'), ['/a', '']);
});

test('query values are raw, the first occurrence wins, ?k is present with ""', () => {
  assert.equal(queryValue('q=a%20b', 'q'), 'a%20b');
  assert.equal(queryValue('k=2&k=1', 'k'), '2');
  assert.equal(queryValue('k', 'k'), '');
  assert.equal(queryValue('kk=1&k=3', 'k'), '3');
  assert.equal(queryValue('a=1&&b=2', 'b'), '2');
  assert.equal(queryValue('K=1', 'k'), undefined, 'names are case-sensitive');
  assert.equal(queryValue(null, 'k'), undefined);
});

test('header names are lower-cased and repeated values joined with ,', () => {
  assert.deepEqual([...headerMap({ 'X-A': '1', 'x-a': '2', b: ['3', '4'], e: [] })], [['x-a', '1,2'], ['b', '3,4']]);
  assert.deepEqual([...headerMap([['X-A', '1'], ['x-a', '2']])], [['x-a', '1,2']]);
  assert.deepEqual([...headerMap(new Map([['Y', '1']]))], [['y', '1']]);
});

test('range values parse as int64 like absl::SimpleAtoi', () => {
  assert.equal(parseInt64('150'), 150n);
  assert.equal(parseInt64(' -3 '), -3n);
  assert.equal(parseInt64('+7'), 7n);
  assert.equal(parseInt64('9223372036854775807'), 9223372036854775807n);
  assert.equal(parseInt64('9223372036854775808'), null);
  for (const bad of ['', '1.5', '0x10', '1e3', 'abc', '--1']) assert.equal(parseInt64(bad), null, bad);
});

test('authority port', () => {
  assert.equal(authorityPort('h:8080'), 8080);
  assert.equal(authorityPort('h'), null);
  assert.equal(authorityPort('[::1]'), null);
  assert.equal(authorityPort('[::1]:443'), 443);
  assert.equal(authorityPort('h:99999'), null);
});

test('routing sees the normalized request: host lower-cased with its port, joined headers, range end-exclusive', () => {
  const { router } = build([
    gr('host', { prefix: '/h', hostname: { exact: 'www.example.com' } }),
    gr('joined', { prefix: '/j', headers: [{ name: 'x-v', match: { exact: 'a,b' } }] }),
    gr('range', { prefix: '/r', headers: [{ name: 'n', match: { range: { start: 100, end: 150 } } }] }),
  ], { hostnameMode: 'flat' });
  assert.equal(router.route({ path: '/h', authority: 'WWW.EXAMPLE.COM' }).gatewayRoute, 'host');
  assert.equal(router.route({ path: '/h', authority: 'www.example.com:8080' }).matched, false, 'port is not stripped (reference §10 #22)');
  assert.equal(router.route({ path: '/j', headers: [['X-V', 'a'], ['x-v', 'b']] }).gatewayRoute, 'joined');
  assert.equal(router.route({ path: '/r', headers: { n: '149' } }).gatewayRoute, 'range');
  assert.equal(router.route({ path: '/r', headers: { n: '150' } }).matched, false);
  assert.equal(router.route({ path: '/r', headers: { n: '100' } }).gatewayRoute, 'range');
});

test('defaults: method GET, the only listener, its protocol; unmatched gRPC gets status 12', () => {
  const { router } = build([gr('get', { prefix: '/', method: 'GET' })], {}, [{ port: 50051, protocol: 'grpc' }]);
  const d = router.route({ path: '/x' });
  assert.deepEqual([d.matched, d.status, d.grpcStatus, d.stage], [false, 404, 12, 'gateway']);
  assert.equal(router.route({ path: '/x', protocol: 'http' }).gatewayRoute, 'get');
  assert.equal(router.route({ path: '/x', protocol: 'http', method: 'POST' }).matched, false);
});

test('non-ASCII paths match literals by their UTF-8 bytes (code-unit walk falls back)', () => {
  const { router } = build([gr('u', { prefix: '/ü' }), gr('e', { path: { exact: '/é/x' } }), gr('root', { prefix: '/' })]);
  assert.equal(router.route({ path: '/ü' }).gatewayRoute, 'u', 'path shorter in code units than the label in bytes');
  assert.equal(router.route({ path: '/üx' }).gatewayRoute, 'u');
  assert.equal(router.route({ path: '/é/x' }).gatewayRoute, 'e');
  assert.equal(router.route({ path: '/Ã' }).gatewayRoute, 'root', 'U+00C3 is not the first UTF-8 byte of ü');
  assert.equal(router.route({ path: '/u' }).gatewayRoute, 'root');
});

test('the walk vouches only for plain literals: queries, fragments and dot segments after or inside a match are still normalized', () => {
  const { router } = build([gr('a', { prefix: '/a/b' }), gr('exact', { path: { exact: '/a/b/c' } }), gr('root', { prefix: '/' })]);
  assert.equal(router.route({ path: '/a/b/c?x=1' }).gatewayRoute, 'exact', 'query split off before the exact match');
  assert.equal(router.route({ path: '/a/b/c#f' }).gatewayRoute, 'exact');
  assert.equal(router.route({ path: '/a/b/../x' }).gatewayRoute, 'root', '/a/b/../x is /a/x');
  assert.equal(router.route({ path: '/a/b//c' }).gatewayRoute, 'exact', 'merged slashes after the matched prefix');
  assert.equal(router.route({ path: '/a/b/.' }).path, '/', '/a/b/. is /a/b/, rewritten to /');
  assert.equal(router.route({ path: '/a/b/c?x=1' }).path, '/a/b/c?x=1');
  // Literals that are not plain themselves: the walk cannot vouch for anything, the whole path is checked.
  const odd = build([gr('dd', { prefix: '/a//b' }), gr('root', { prefix: '/' })]).router;
  assert.equal(odd.route({ path: '/a//b/x' }).gatewayRoute, 'root', '/a//b/x normalizes to /a/b/x, which /a//b does not prefix');
});

test('hostile paths: a 1 MB path (ASCII and not) routes like any other', () => {
  const { router } = build([gr('a', { prefix: '/a' }), gr('root', { prefix: '/' })]);
  const long = '/a' + 'b/'.repeat(500_000);
  assert.equal(router.route({ path: long }).gatewayRoute, 'a');
  assert.equal(router.route({ path: long + 'é' }).gatewayRoute, 'a');
  assert.equal(router.route({ path: '/x' + '/.'.repeat(300_000) }).gatewayRoute, 'root');
});

test('scanPath: short rests (JS loop) and long rests (regex from lastIndex) find ?, #, // and /. alike', () => {
  for (const tail of ['', 'abc', 'a'.repeat(40)]) {
    const base = '/api/v1/svc1/' + tail;
    assert.equal(scanPath(base, 0), PLAIN, base);
    for (const [bad, cut] of [['?x', true], ['#f', true], ['//', false], ['/.', false], ['/..', false]] as const) {
      const raw = base + bad;
      // A query or fragment: where it starts; a place to normalize: NORMALIZE.
      const want = cut ? base.length : NORMALIZE;
      assert.equal(scanPath(raw, 0), want, raw);
      assert.equal(scanPath(raw, raw.length - bad.length - 1), want, `${raw} from the char before`);
      assert.equal(scanPath(raw + 'zzzzzzzzzzzzzzzzzz', 5), want, `${raw}… long rest`);
    }
  }
  // The first event decides: a query after a place to normalize still needs normalizing, and the reverse is only a cut.
  for (const rest of ['', 'q'.repeat(20)]) {
    assert.equal(scanPath(`/a//b?x${rest}`, 0), NORMALIZE);
    assert.equal(scanPath(`/a/b?x//y${rest}`, 0), 4);
    assert.equal(scanPath(`/a/b#f?x${rest}`, 0), 4);
  }
  assert.equal(scanPath('x/a', 0), NORMALIZE, 'must start with /');
  assert.equal(scanPath('/a//b', 2), NORMALIZE, 'a // starting at from');
  assert.equal(scanPath('/a//b', 3), PLAIN, 'from past the first slash of //: the caller vouches for what is before');
});

test('route(): a query or fragment cut off a normal path leaves the same path, query and decision as the full normalization', () => {
  const { router } = build([
    gr('exact', { path: { exact: '/a/b' } }),
    gr('q', { prefix: '/a', queryParameters: [{ name: 'v', match: { exact: '2' } }] }),
    gr('rest', { prefix: '/' }),
  ]);
  const cases: [string, string, string][] = [
    ['/a/b?v=1', 'exact', '/a/b?v=1'],
    ['/a/b#frag?v=2', 'exact', '/a/b'],
    ['/a/c?v=2#frag', 'q', '/c?v=2'],
    ['/a/c?pad=' + 'z'.repeat(20) + '&v=2', 'q', '/c?pad=' + 'z'.repeat(20) + '&v=2'],
    ['/a/c' + 'z'.repeat(20) + '#f?v=2', 'rest', '/a/c' + 'z'.repeat(20)],
    ['/a/./c?v=2', 'q', '/c?v=2'],
    ['/a//b?v=3', 'exact', '/a/b?v=3'],
    ['/a/c?', 'rest', '/a/c?'],
  ];
  for (const [path, want, upstream] of cases) {
    const d = router.route({ path });
    assert.equal(d.gatewayRoute, want, path);
    assert.equal(d.path, upstream, path);
  }
});

test('virtual-host selection remembers only the last authority: alternating hosts keep routing right', () => {
  const { router } = build([
    gr('www', { prefix: '/', hostname: { exact: 'www.example.com' } }),
    gr('any-sub', { prefix: '/', hostname: { suffix: '.example.com' } }),
    gr('rest', { prefix: '/' }),
  ]);
  const hosts: [string | undefined, string][] = [
    ['www.example.com', 'www'], ['api.example.com', 'any-sub'], ['www.example.com', 'www'], ['WWW.EXAMPLE.COM', 'www'],
    [undefined, 'rest'], ['other.org', 'rest'], ['api.example.com', 'any-sub'], ['api.example.com', 'any-sub'], [undefined, 'rest'],
  ];
  for (const [authority, want] of hosts) {
    const request = authority === undefined ? { path: '/x' } : { path: '/x', authority };
    assert.equal(router.route(request).gatewayRoute, want, `authority ${authority}`);
    assert.equal(router.explain(request).decision.gatewayRoute, want, `explain, authority ${authority}`);
  }
});

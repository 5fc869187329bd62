// The filter as Envoy loads it: imports, exports, size; plugin configuration (raw, base64, missing,
// corrupt, wrong version — never a trap); the request path (headers set, rewrites, local replies,
// listener port); and never trapping on hostile requests or tables.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import fc from 'fast-check';
import { build, gr } from '../_support/quick.js';
import { loadTable } from '../../src/evaluate/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
import { ensureFilterBuilt, routeWeights, stickyDecision, u32Records, withSections } from './_support.js';
import { aliasBlobEntry, withExtraBlobEntries } from '../_support/hostile-tables.js';
import { compileRegex } from '../../src/regex/index.js';
import { decodeTable } from '../../src/table/index.js';
import { runs } from '../property/_config.js';
import { ABI_FUNCTIONS, FILTER_WASM_PATH, MeshrouteFilter, MissingImportError, ProxyWasmHost, expectedAnswer, loadFilterWasm, requestHeaders, stickyHash, type FilterRequest } from '../../wasm/host/index.js';

before(() => ensureFilterBuilt());

const table = (): Uint8Array => build([
  gr('api', { prefix: '/api/' }, { vs: 'api.svc' }),
  gr('exact', { path: { exact: '/health' } }, { vs: 'health.svc' }),
  gr('canary', { prefix: '/', headers: [{ name: 'x-canary', match: { exact: 'true' } }] }, { vs: 'canary.svc' }),
  gr('rx', { path: { regex: '/v[0-9]+/.*' } }, { vs: 'rx.svc' }),
  { gatewayRouteName: 'weighted', spec: { httpRoute: { match: { prefix: '/w' }, action: { weightedTargets: [{ virtualService: { virtualServiceName: 'blue' }, weight: 50 }, { virtualService: { virtualServiceName: 'green' }, weight: 50 }] } } } },
]).table;

test('imports only env.proxy_* functions of ABI v0.2.1; exports the v0.2.1 marker; ≤ 96 KB', () => {
  const mod = loadFilterWasm();
  const imports = WebAssembly.Module.imports(mod);
  for (const i of imports) {
    assert.equal(i.module, 'env', `${i.module}.${i.name}`);
    assert.ok((ABI_FUNCTIONS as readonly string[]).includes(i.name), `${i.name} is not an ABI v0.2.1 host function`);
  }
  assert.ok(!imports.some((i) => i.name === 'abort' || i.name === 'proxy_clear_route_cache' || i.name === 'proxy_get_configuration'));
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  for (const e of ['proxy_abi_version_0_2_1', 'memory', 'proxy_on_memory_allocate', 'proxy_on_configure', 'proxy_on_request_headers', '_initialize']) assert.ok(exports.includes(e), e);
  assert.ok(statSync(FILTER_WASM_PATH).size <= 96 * 1024, `${statSync(FILTER_WASM_PATH).size} bytes`);
});

// (module (import "env" "abort" (func)) (memory (export "memory") 1)) + the ABI marker would still fail: the import is unknown.
const MODULE_WITH_ENV_ABORT = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x04, 0x01, 0x60, 0x00, 0x00, // type section: () -> ()
  0x02, 0x0d, 0x01, 0x03, 0x65, 0x6e, 0x76, 0x05, 0x61, 0x62, 0x6f, 0x72, 0x74, 0x00, 0x00, // import env.abort
]);

test('the host refuses a module with an import it does not provide, as Envoy does', () => {
  assert.throws(() => new ProxyWasmHost(MODULE_WITH_ENV_ABORT), (e: unknown) => e instanceof MissingImportError && /env\.abort/.test(e.message));
});

test('configuration: raw bytes (BytesValue) and base64 text (StringValue) both load', () => {
  const t = table();
  const raw = new MeshrouteFilter(t);
  assert.ok(raw.configured);
  assert.match(raw.host.logs.at(-1)!.message, /table loaded: gateway gw, 5 routes/);
  const b64 = new MeshrouteFilter(Buffer.from(t).toString('base64'));
  assert.ok(b64.configured);
  const wrapped = new MeshrouteFilter(Buffer.from(t).toString('base64').replace(/(.{76})/g, '$1\n'));
  assert.ok(wrapped.configured, 'line-wrapped base64');
  assert.equal(b64.route({ path: '/api/x' }).gatewayRoute, 'api');
});

test('configuration: missing, corrupt, wrong-version tables are refused with a log line, never a trap', () => {
  const t = table();
  const cases: [string, Uint8Array | string, RegExp][] = [
    ['missing', new Uint8Array(0), /no plugin configuration/],
    ['text', 'hello world!', /neither a meshroute table nor base64/],
    ['truncated', t.slice(0, t.length - 8), /length mismatch/],
    ['flipped byte', Uint8Array.from(t, (b, i) => (i === t.length - 30 ? b ^ 0xff : b)), /checksum mismatch/],
    ['wrong version', Uint8Array.from(t, (b, i) => (i === 4 ? 2 : b)), /unsupported table format version 2/],
    ['header only', t.slice(0, 24), /length mismatch/],
  ];
  for (const [name, config, message] of cases) {
    const f = new MeshrouteFilter(config);
    assert.equal(f.configured, false, name);
    const last = f.host.logs.at(-1)!;
    assert.equal(last.level, 'error', name);
    assert.match(last.message, message, name);
    // A stream without a table is answered, not trapped.
    const r = f.route({ path: '/' });
    assert.equal(r.kind, 'local-reply');
    assert.equal(r.status, 503);
  }
});

test('a failed reconfiguration keeps the table that was loaded', () => {
  const f = new MeshrouteFilter(table());
  assert.equal(f.host.configure('garbage!'), false);
  assert.equal(f.route({ path: '/api/x' }).gatewayRoute, 'api');
});

test('matched: decision headers, :path and :authority rewritten, client-set node/cluster removed, route cache cleared, CONTINUE', () => {
  const f = new MeshrouteFilter(table());
  const r = f.route({ path: '/api/users?x=1', authority: 'www.example.com', headers: { 'x-meshroute-cluster': 'evil', 'x-b': '2' } });
  assert.equal(r.result.action, 0);
  assert.deepEqual(r.result.headers, [
    [':method', 'GET'], [':scheme', 'http'], [':path', '/users?x=1'], [':authority', 'api.svc'],
    ['x-b', '2'], ['x-meshroute-gateway-route', 'api'], ['x-meshroute-virtual-service', 'api.svc'],
  ]);
  assert.ok(r.result.routeCacheCleared);
  assert.deepEqual(r.result.changes.map((c) => `${c.op} ${c.key}`), [
    'replace x-meshroute-gateway-route', 'replace x-meshroute-virtual-service', 'remove x-meshroute-virtual-node', 'remove x-meshroute-cluster', 'replace :path', 'replace :authority',
  ]);
});

test('not matched: 404 local reply and PAUSE; gRPC requests get grpc-status 12', () => {
  const f = new MeshrouteFilter(build([gr('only', { path: { exact: '/only' } })]).table);
  const r = f.route({ path: '/nope' });
  assert.equal(r.result.action, 1);
  assert.equal(r.result.localReply?.status, 404);
  assert.equal(r.result.localReply?.grpcStatus, -1);
  assert.equal(r.result.localReply?.details, 'meshroute_no_route');
  const g = f.route({ path: '/pkg.Svc/M', headers: { 'content-type': 'application/grpc' } });
  assert.equal(g.result.localReply?.grpcStatus, 12);
  const grpcListener = new MeshrouteFilter(build([gr('g', { serviceName: 'pkg.Svc' }, { type: 'grpcRoute' })], {}, [{ port: 8080, protocol: 'grpc' }]).table);
  assert.equal(grpcListener.route({ path: '/other.Svc/M' }).grpcStatus, 12);
  assert.equal(grpcListener.route({ path: '/pkg.Svc/M' }).gatewayRoute, 'g');
});

test('listener port: destination.port, else the port in :authority, else the only listener', () => {
  const t = build([gr('a', { prefix: '/', port: 8080 }), gr('b', { prefix: '/', port: 9090 })], {}, [{ port: 8080, protocol: 'http' }, { port: 9090, protocol: 'http' }]).table;
  const f = new MeshrouteFilter(t);
  assert.equal(f.route({ path: '/', port: 9090, authority: 'x:8080' }).gatewayRoute, 'b');
  assert.equal(f.route({ path: '/', authority: 'x:8080' }).gatewayRoute, 'a');
  assert.equal(f.route({ path: '/', authority: 'x' }).status, 404, 'two listeners and no port: none');
  const one = new MeshrouteFilter(build([gr('a', { prefix: '/' })]).table);
  assert.equal(one.route({ path: '/', authority: 'x:1234' }).gatewayRoute, 'a');
  assert.equal(one.route({ path: '/', port: 1234 }).status, 404, 'an explicit port that is no listener: no route, as in the runtime');
  assert.equal(loadTable(build([gr('a', { prefix: '/' })]).table).route({ path: '/', port: 1234 }).matched, false);
});

test('memory stays flat over many requests (host buffers freed, GC runs)', () => {
  const f = new MeshrouteFilter(table());
  const big: [string, string][] = [];
  for (let i = 0; i < 200; i++) big.push([`x-h${i}`, 'v'.repeat(100)]);
  const run = (): void => { for (let i = 0; i < 1000; i++) f.route({ path: `/api/${i}`, headers: big }); };
  run();
  const mem = (f.host as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength;
  run(); run();
  assert.equal((f.host as unknown as { memory: WebAssembly.Memory }).memory.buffer.byteLength, mem);
});

test('stickyHash is FNV-1a 32 over UTF-8', () => {
  assert.equal(stickyHash(''), 0x811c9dc5);
  assert.equal(stickyHash('a'), 0xe40c292c);
  assert.equal(stickyHash('foobar'), 0xbf9cf968);
});

test('weighted pick: sticky on x-request-id, PRNG without one; both targets chosen', () => {
  const f = new MeshrouteFilter(table());
  const seen = new Set<string>();
  for (let i = 0; i < 50; i++) {
    const a = f.route({ path: '/w', headers: { 'x-request-id': `r${i}` } }).virtualService;
    const b = f.route({ path: '/w', headers: { 'x-request-id': `r${i}` } }).virtualService;
    assert.equal(a, b, 'same request id, same target');
    assert.equal(a, stickyHash(`r${i}`) % 100 < 50 ? 'blue' : 'green', 'x = fnv1a32(x-request-id) mod total weight');
    seen.add(a!);
  }
  assert.deepEqual([...seen].sort(), ['blue', 'green']);
  const unsticky = new Set<string>();
  for (let i = 0; i < 50; i++) unsticky.add(f.route({ path: '/w' }).virtualService!);
  assert.equal(unsticky.size, 2);
});

test('two-stage tables (issue 5 sections 13–17): a node provider sets x-meshroute-virtual-node and x-meshroute-cluster; a missing provider or router is a 404 at the router stage', () => {
  const t = table();
  const d = decodeTable(t);
  const s = (x: string): number => d.strings.indexOf(x);
  const NONE = 0xffffffff;
  const mesh = [
    { kind: 13, body: u32Records([[s('api.svc'), 1, s('api')], [s('health.svc'), 2, s('exact')], [s('rx.svc'), 0, NONE]]) },
    { kind: 14, body: u32Records([]) },
    { kind: 15, body: u32Records([]) },
    { kind: 16, body: u32Records([]) },
    { kind: 17, body: u32Records(d.routes.map(() => [NONE, NONE])) },
  ];
  const f = new MeshrouteFilter(withSections(t, mesh));
  assert.ok(f.configured, JSON.stringify(f.host.logs));
  const api = f.route({ path: '/api/x', headers: { 'x-meshroute-cluster': 'evil' } }).result.headers;
  assert.deepEqual(api.filter(([k]) => k === 'x-meshroute-virtual-node' || k === 'x-meshroute-cluster'), [['x-meshroute-virtual-node', 'api'], ['x-meshroute-cluster', 'api']]);
  for (const [path, route] of [['/health', 'exact'], ['/v1/x', 'rx'], ['/w', 'weighted']]) {
    const r = f.route({ path: path!, headers: { 'x-meshroute-cluster': 'evil' } });
    assert.equal(r.kind, 'local-reply', `${path}: provider router missing, no provider, or service unknown`);
    assert.equal(r.status, 404);
    assert.equal(r.gatewayRoute, route, 'the reply names the gateway route that matched');
  }
  const partial = new MeshrouteFilter(withSections(t, mesh.slice(0, 1)));
  assert.equal(partial.configured, false);
  assert.match(partial.host.logs.at(-1)!.message, /router-stage sections must all be present/);
  const bad = new MeshrouteFilter(withSections(t, [{ kind: 13, body: u32Records([[s('api.svc'), 3, s('api')]]) }, ...mesh.slice(1)]));
  assert.equal(bad.configured, false);
  assert.match(bad.host.logs.at(-1)!.message, /bad provider kind/);
});

test('never traps: thousands of headers, megabyte values, invalid UTF-8, empty or missing :path', () => {
  const f = new MeshrouteFilter(table());
  const many: [string, string][] = [];
  for (let i = 0; i < 5000; i++) many.push([`x-h${i}`, `v${i}`]);
  many.push(['x-canary', 'true']);
  assert.equal(f.route({ path: '/a', headers: many }).gatewayRoute, 'canary');
  const mega = 'a'.repeat(1 << 20);
  assert.equal(f.route({ path: '/api/' + mega, headers: { 'x-canary': mega } }).gatewayRoute, 'api');
  assert.equal(f.route({ path: '/v1/' + mega }).gatewayRoute, 'rx');
  for (const path of ['', '?', '#', '/..', '../..', '//', '/./.', '/%2e%2e/']) assert.notEqual(f.route({ path }).kind, 'trap', path);
  const bad = new Uint8Array([0x2f, 0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]);
  const r = f.host.httpRequest({ headers: [[':path', bad], [':authority', bad], ['x-canary', bad], [bad, bad]] });
  assert.equal(r.trap, null);
  const none = f.host.httpRequest({ headers: [] });
  assert.equal(none.trap, null);
  assert.equal(none.localReply?.status, 404, 'no :path routes as / (only the canary route takes it, with its header)');
});

/**
 * The request the runtime sees for a raw header list, or null when the list is not one a client
 * could send as a request (a byte-array name or value, non-printable or non-ASCII text, a repeated
 * or missing pseudo-header).
 */
function runtimeRequest(pairs: readonly (readonly [string, string | Uint8Array])[]): FilterRequest | null {
  const printable = (x: string | Uint8Array): x is string => typeof x === 'string' && /^[\x20-\x7e]*$/.test(x);
  const pseudo = new Map<string, string>();
  const headers: [string, string][] = [];
  for (const [k, v] of pairs) {
    if (!printable(v)) return null;
    if (!k.startsWith(':')) headers.push([k, v]);
    else if (pseudo.has(k)) return null;
    else pseudo.set(k, v);
  }
  const path = pseudo.get(':path');
  if (path === undefined) return null;
  return { method: pseudo.get(':method') ?? 'GET', path, authority: pseudo.get(':authority'), headers };
}

test('fuzz: random header maps never trap and agree with the runtime when valid', () => {
  const t = table();
  const f = new MeshrouteFilter(t);
  const router = loadTable(t);
  const weights = routeWeights(t);
  const name = fc.constantFrom(':path', ':authority', ':method', 'x-canary', 'content-type', 'x-request-id', 'X-Canary', 'host');
  const value = fc.oneof({ arbitrary: fc.string({ maxLength: 40 }), weight: 3 }, { arbitrary: fc.constantFrom('/api/', '/health', '/v2/x', 'true', '/w', '', 'GET', 'POST'), weight: 3 }, { arbitrary: fc.uint8Array({ maxLength: 20 }), weight: 1 });
  let compared = 0;
  fc.assert(fc.property(fc.array(fc.tuple(name, value), { maxLength: 30 }), fc.constantFrom('/api/x', '/health', '/v7/a', '/w', '/'), (pairs, path) => {
    // Every other list gets one :path first, so most lists are requests the runtime can be asked about.
    const headers = pairs.length % 2 === 0 ? [[':path', path] as const, ...pairs.filter(([k]) => k !== ':path')] : pairs;
    const r = f.host.httpRequest({ headers: headers as [string, string | Uint8Array][] });
    assert.equal(r.trap, null);
    assert.ok(r.action === 0 || r.action === 1);
    assert.equal(r.action === 1, r.localReply !== null);
    const req = runtimeRequest(headers);
    if (req === null) return;
    compared++;
    const id = requestHeaders(req).find(([k]) => k === 'x-request-id')?.[1];
    const decision = id === undefined ? router.route(req) : stickyDecision(router, weights, req, id);
    const want = expectedAnswer(decision, req);
    const { result, ...got } = f.route(req);
    // Without x-request-id the filter picks a weighted target with its own PRNG: only the route is comparable then.
    const weighted = id === undefined && (weights.get(decision.gatewayRoute ?? '') ?? 0) > 0 && decision.matched;
    const project = (a: typeof got): unknown => (weighted ? { kind: a.kind, gatewayRoute: a.gatewayRoute } : a);
    assert.deepEqual(project(got), project(want), `headers ${JSON.stringify(headers)}: filter ≠ runtime; logs ${JSON.stringify(result.logs)}`);
    // The raw list and the request rebuilt from it reach the same decision in the filter.
    assert.equal(r.localReply?.status ?? null, got.status);
  }), { numRuns: runs(3000) });
  assert.ok(compared > runs(3000) / 4, `${compared} lists compared with the runtime`);
});

test('fuzz: corrupted tables (checksum fixed up) load in the filter exactly when the JS reader accepts them; never a trap', () => {
  const t = table();
  const f = new MeshrouteFilter(t);
  // Byte edits, and (issue 13) a blob entry of the strings (1) or regex (12) section made to alias another entry's bytes.
  const alias = fc.option(fc.tuple(fc.constantFrom(1, 12), fc.nat(64), fc.nat(64)), { nil: null });
  fc.assert(fc.property(fc.array(fc.tuple(fc.nat({ max: t.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 0, maxLength: 4 }), alias, (edits, aliasing) => {
    const m = (aliasing === null ? null : aliasBlobEntry(t, ...aliasing)) ?? t.slice();
    for (const [at, b] of edits) if (at < 16 || at >= 20) m[at] = b;
    new DataView(m.buffer).setUint32(16, tableChecksum(m, 16, m.length), true);
    let jsOk = true;
    try { loadTable(m); } catch { jsOk = false; }
    const ok = f.host.configure(m);
    assert.equal(ok, jsOk, `edits ${JSON.stringify(edits)}, alias ${JSON.stringify(aliasing)} (aliasBlobEntry(table, kind, i, j)): filter ${ok}, JS ${jsOk}; ${f.host.logs.at(-1)?.message}`);
    const r = f.host.httpRequest({ headers: [[':path', '/api/x'], ['x-canary', 'true']] });
    assert.equal(r.trap, null);
  }), { numRuns: runs(1500) });
});

// Found by the corruption fuzz above: the filter checked and evaluated a route's scheme byte (+37)
// only in two-stage tables; the JS reader rejects values > 2 and the runtime checks the criterion in
// every table (docs/table-format.md, routes).
test('the scheme byte of a route: > 2 refused, 1 / 2 a criterion, in gateway-only tables too', async () => {
  const { SectionKind } = await import('../../src/table/layout.js');
  const { loadTable: load } = await import('../../src/evaluate/index.js');
  const { expectedAnswer } = await import('../../wasm/host/index.js');
  const t = table();
  const v = new DataView(t.buffer, t.byteOffset);
  let routes = -1;
  for (let i = 0; i < v.getUint32(20, true); i++) if (v.getUint32(24 + 12 * i, true) === SectionKind.routes) routes = v.getUint32(28 + 12 * i, true);
  const count = v.getUint32(routes, true);
  const f = new MeshrouteFilter(t);
  for (let i = 0; i < count; i++) {
    for (const scheme of [1, 2, 3, 255]) {
      const m = t.slice();
      m[routes + 4 + 48 * i + 37] = scheme;
      new DataView(m.buffer).setUint32(16, tableChecksum(m, 16, m.length), true);
      let js: ReturnType<typeof load> | null = null;
      try { js = load(m); } catch { /* refused */ }
      assert.equal(f.host.configure(m), js !== null, `route ${i} scheme byte ${scheme}`);
      if (js === null) continue;
      const reqs: { path: string; scheme?: 'http' | 'https'; headers?: Record<string, string> }[] = [
        { path: '/api/x' }, { path: '/health', scheme: 'https' }, { path: '/v1/a' }, { path: '/', headers: { 'x-canary': 'true' }, scheme: 'https' }, { path: '/w', headers: { 'x-request-id': 'r' } },
      ];
      for (const req of reqs) {
        const { result: _r, ...got } = f.route(req);
        assert.deepEqual(got, expectedAnswer(js.route(req, { stickyKey: 'x-request-id' }), req), `route ${i} scheme byte ${scheme}: ${JSON.stringify(req)}`);
      }
    }
  }
});

void readFileSync;

// Issue 13 item 1: blob entries aliasing one another made the filter validate the same bytes once per
// entry (500 entries × a 1 MB string: ~0.7 s of UTF-8 checks per configure). Entries are in order
// without overlap now, in the filter as in the JS reader.
test('tables whose blob entries alias one another are refused, like the JS reader refuses them', () => {
  const strings = withExtraBlobEntries(table(), 1, new TextEncoder().encode('s'.repeat(4096)), 50, true);
  const regexes = withExtraBlobEntries(table(), 12, compileRegex('\\bq\\b', { maxDfaStates: 0 }).bytes, 100, true);
  for (const [name, t] of [['strings', strings], ['regex', regexes]] as const) {
    assert.throws(() => loadTable(t), (e: unknown) => (e as { code?: string }).code === 'table-layout', name);
    const f = new MeshrouteFilter(t);
    assert.equal(f.configured, false, `${name}: the filter loaded a table whose ${name} entries alias`);
    assert.match(f.host.logs.at(-1)?.message ?? '', /overlaps/);
  }
  // Stored once per entry, the same content loads in both.
  const legal = withExtraBlobEntries(table(), 12, compileRegex('\\bq\\b', { maxDfaStates: 0 }).bytes, 100, false);
  assert.doesNotThrow(() => loadTable(legal));
  assert.equal(new MeshrouteFilter(legal).configured, true);
});

// Issue 13 item 4: both evaluators normalize paths in one pass now; the filter's forwarded :path and
// the runtime's decision path must stay the same for paths made of slashes and dot segments.
test('path normalization: the filter forwards the path the runtime decides, for slash and dot-segment paths', () => {
  const t = build([gr('all', { prefix: '/' }, { vs: 'all.svc' }), gr('a', { prefix: '/a/' }, { vs: 'a.svc' })]).table;
  const f = new MeshrouteFilter(t);
  const router = loadTable(t);
  const piece = fc.constantFrom('/', '//', '.', '..', '/.', '/..', '/../', 'a', 'bc', '.a', '..a', 'a/');
  fc.assert(fc.property(fc.array(piece, { maxLength: 24 }).map((a) => a.join('')), (path) => {
    const want = expectedAnswer(router.route({ path }), { path });
    const { result, ...got } = f.route({ path });
    assert.deepEqual(got, want, `path ${JSON.stringify(path)}; logs ${JSON.stringify(result.logs)}`);
  }), { numRuns: runs(3000) });
  for (const path of ['/'.repeat(70_000), '/a'.repeat(40_000) + '//', '/a/..'.repeat(10_000) + '/b']) {
    assert.deepEqual(f.route({ path }).path, router.route({ path }).path, `${path.slice(0, 12)}… (${path.length} bytes)`);
  }
});

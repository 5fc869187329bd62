// The meshroute/runtime browser bundle (dist/browser/runtime.js, minified with its internal property
// names shortened: scripts/runtime-props.mjs) must behave exactly as the source runtime. Run in Node
// (the bundle needs no browser API Node lacks): every routing vector's table is routed and explained
// by both, two-stage and gateway-only tables corrupted at random must give the same TableFormatError
// (name, code, offset, message) or the same decisions and explanations, and so must corrupt automata.
// The public names of the returned objects must not be on the mangle list.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { compile } from '../../src/index.js';
import * as source from '../../src/runtime.js';
import type { RouteOptions, RouteRequest } from '../../src/runtime.js';
import { compileGatewayTable } from '../../src/compile/index.js';
import { compileRegex } from '../../src/regex/index.js';
import { tableChecksum } from '../../src/table/crc32.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { apiDocuments, modelFromApi } from '../_support/vector-model.js';
import { gatewayResourcesArb, requestFor, requestRecipeArb } from '../_support/arbitraries.js';
import { meshRequestFor, meshRequestRecipeArb, meshResourcesArb } from '../_support/mesh-arbitraries.js';

const PROPS_MODULE = pathToFileURL(resolve('scripts/runtime-props.mjs')).href; // plain JS: imported by path, untyped
const { RUNTIME_INTERNAL_PROPS } = (await import(PROPS_MODULE)) as { RUNTIME_INTERNAL_PROPS: string[] };
const BUNDLE = resolve('dist/browser/runtime.js');
const skip = existsSync(BUNDLE) ? false : 'dist/browser/runtime.js missing: run npm run build';
const load = async (): Promise<typeof source> => (await import(pathToFileURL(BUNDLE).href)) as typeof source;

/** Errors as plain data; values as JSON (bigints as strings). */
function outcome(f: () => unknown): string {
  try {
    return JSON.stringify({ ok: f() }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  } catch (e) {
    const x = e as { name: string; code: string; offset: number; message: string };
    return JSON.stringify({ error: [x.name, x.code, x.offset, x.message, Object.getOwnPropertyNames(e).join()] });
  }
}

test('public field names are not on the runtime mangle list', () => {
  const internal = new Set(RUNTIME_INTERNAL_PROPS);
  const text = readFileSync('src/evaluate/types.ts', 'utf8') + readFileSync('src/evaluate/router.ts', 'utf8').match(/export interface (Router|LoadOptions) \{[\s\S]*?\n\}/g)!.join('\n');
  const names = new Set([...text.matchAll(/(?:^|[{;,(]|\n)\s*(?:readonly\s+)?(\w+)\??\s*[:(]/g)].map((m) => m[1]!));
  for (const n of ['code', 'offset', 'name', 'message', 'fullMatch', 'http', 'http2', 'grpc', 'tcp', 'gateway', 'route', 'match', 'explain', 'hostnameMode', 'routes', 'path']) names.add(n);
  assert.ok(names.has('virtualService') && names.has('perRequestMs') && names.has('stickyKey') && names.has('hostnameMode'), 'the parse found the public names');
  const clash = [...names].filter((n) => internal.has(n));
  assert.deepEqual(clash, [], `public names on the mangle list: ${clash.join(', ')}`);
});

test('no enum member name of the runtime is on the runtime mangle list', () => {
  // esbuild 0.28 mangles a member at its uses but not in the enum object it emits for it: a listed
  // member name would read as undefined (and the enum would not be inlined).
  const internal = new Set(RUNTIME_INTERNAL_PROPS);
  const members: string[] = [];
  for (const file of ['src/table/layout.ts', 'src/regex/matcher.ts', 'src/evaluate/select.ts', 'src/evaluate/trie.ts', 'src/evaluate/router.ts', 'src/evaluate/match.ts', 'src/evaluate/request.ts']) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\benum \w+ \{([^}]*)\}/g)) members.push(...[...m[1]!.matchAll(/^\s*(\w+)\s*=/gm), ...m[1]!.matchAll(/[{,]\s*(\w+)\s*=/g)].map((x) => x[1]!));
  }
  assert.ok(members.includes('routes') && members.includes('cloudMap'), 'the parse found the layout enums');
  const clash = members.filter((n) => internal.has(n));
  assert.deepEqual(clash, [], `enum members on the mangle list: ${clash.join(', ')}`);
});

test('the runtime bundle routes and explains every vector as the source does', { skip }, async () => {
  const bundle = await load();
  let cases = 0;
  for (const s of loadVectorSuites()) {
    const documents = apiDocuments(s.resources);
    for (const mode of s.modes) {
      const table = compile(documents, { gateway: s.resources.virtualGateway.virtualGatewayName, hostnameMode: mode }).table;
      const a = source.loadTable(table);
      const b = bundle.loadTable(table);
      assert.equal(b.gateway, a.gateway);
      assert.equal(b.hostnameMode, a.hostnameMode);
      for (const c of s.cases) {
        const opts = () => ({
          ...(c.random === undefined ? {} : { random: () => c.random! }),
          ...(c.stickyKey === undefined ? {} : { stickyKey: c.stickyKey }),
          ...(c.allTargets === undefined ? {} : { allTargets: c.allTargets }),
        });
        assert.equal(outcome(() => b.route(c.request, opts())), outcome(() => a.route(c.request, opts())));
        assert.equal(outcome(() => b.explain(c.request, opts())), outcome(() => a.explain(c.request, opts())));
        assert.equal(outcome(() => b.match(c.request)), outcome(() => a.match(c.request)));
        cases++;
      }
    }
  }
  assert.ok(cases > 100, `${cases} cases`);
});

function corrupt(table: Uint8Array, flips: { at: number; value: number }[], truncate: number | null, fix: boolean): Uint8Array {
  let out = new Uint8Array(table);
  for (const f of flips) out[f.at % out.length] = f.value;
  if (truncate !== null) out = out.slice(0, truncate % out.length);
  if (fix && out.length >= 20) {
    new DataView(out.buffer).setUint32(12, out.length, true);
    new DataView(out.buffer).setUint32(16, tableChecksum(out, 16, out.length), true);
  }
  return out;
}
const flipsArb = fc.array(fc.record({ at: fc.nat(), value: fc.constantFrom(0, 1, 2, 3, 4, 0x7f, 0x80, 0xff) }), { minLength: 1, maxLength: 4 });
const truncArb = fc.option(fc.nat(), { freq: 8 });

type RuntimeModule = typeof source;

/**
 * Corrupts the compiled table of each generated input; the bundle must reject it as the source does
 * or answer route() and explain() as the source does for each generated request.
 */
function sameOnCorruptTables<R, Q>(
  bundle: RuntimeModule, resources: fc.Arbitrary<R>, recipes: fc.Arbitrary<Q>,
  request: (res: R, recipe: Q) => RouteRequest, options: (recipe: Q) => RouteOptions, seed: number,
): void {
  fc.assert(
    fc.property(resources, flipsArb, truncArb, fc.boolean(), fc.array(recipes, { minLength: 2, maxLength: 2 }), (res, flips, trunc, fix, rs) => {
      const { model, gateway } = modelFromApi(res as never);
      const bytes = corrupt(compileGatewayTable(model, gateway), flips, trunc, fix);
      const a = outcome(() => source.loadTable(bytes).gateway);
      assert.equal(outcome(() => bundle.loadTable(bytes).gateway), a);
      if (a.startsWith('{"error"')) return;
      const ra = source.loadTable(bytes);
      const rb = bundle.loadTable(bytes);
      for (const r of rs) {
        const req = request(res, r);
        assert.equal(outcome(() => rb.route(req, options(r))), outcome(() => ra.route(req, options(r))));
        assert.equal(outcome(() => rb.explain(req, options(r))), outcome(() => ra.explain(req, options(r))));
        assert.equal(outcome(() => rb.match(req)), outcome(() => ra.match(req)));
      }
    }),
    { numRuns: 1500, seed },
  );
}

test('corrupt tables: the bundle rejects or routes exactly as the source does', { skip, timeout: 120_000 }, async () => {
  const bundle = await load();
  sameOnCorruptTables(bundle, gatewayResourcesArb({ maxRoutes: 20 }), requestRecipeArb, requestFor, (r) => ({ random: () => r.random }), 7);
  sameOnCorruptTables(bundle, meshResourcesArb(), meshRequestRecipeArb, meshRequestFor,
    (r) => ({ random: () => r.random, stickyKey: r.mode === 1 ? 'x-a' : undefined, allTargets: r.mode === 2 }), 8);
});

test('corrupt automata: the bundle rejects or matches exactly as the source does', { skip }, async () => {
  const bundle = await load();
  const corpus = ['abc', '.*green.*', '(?i)k', '\\bfoo\\b', '(?m)^a$', '[a-f0-9]{4}', '(a|aa)*b', '[^/]+/x', '(a|b)*a(a|b){12}'].flatMap((p) => [compileRegex(p).bytes, compileRegex(p, { maxDfaStates: 0 }).bytes]);
  const inputs = ['', 'abc', 'foo', 'a\nb', 'K', 'aab', 'α', '😀', '\ud800', 'x'.repeat(300), 'green', 'ab/x', 'ab'.repeat(20)];
  fc.assert(
    fc.property(fc.nat(corpus.length - 1), fc.array(fc.record({ at: fc.nat(), value: fc.nat(255) }), { maxLength: 3 }), truncArb, (ci, flips, trunc) => {
      let b = Uint8Array.from(corpus[ci]!);
      for (const f of flips) b[(f.at % 2 === 0 ? f.at % 40 : f.at) % b.length] = f.value;
      if (trunc !== null) b = b.slice(0, trunc % (b.length + 1));
      const a = outcome(() => typeof source.loadAutomaton(b).fullMatch);
      assert.equal(outcome(() => typeof bundle.loadAutomaton(b).fullMatch), a);
      if (a.startsWith('{"error"')) return;
      const ma = source.loadAutomaton(b);
      const mb = bundle.loadAutomaton(b);
      for (const s of inputs) assert.equal(mb.fullMatch(s), ma.fullMatch(s));
    }),
    { numRuns: 3000, seed: 9 },
  );
});

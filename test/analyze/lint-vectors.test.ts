// One vector per lint code (test/analyze/lint-vectors/*.yaml, manifests `meshroute lint FILE` reads
// as they are; the first document, `lintVector:`, is skipped by the loader). Each file's findings
// must be exactly the expected (code, route, related) set, and every witness is routed through
// compile() / explain() — or the router probe for router-stage witnesses — and must show its claim.
// Claims without a witness (a criterion nothing satisfies) are checked on a batch of requests built
// from the vector's own literals: the route never matches any of them.
// Failures name the file, the code and a `meshroute route` line to reproduce.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { compile, lint, type LintFinding, type RouteRequest } from '../../src/index.js';
import { loadFiles, type LoadResult } from '../../src/model/load-model.js';
import { routerProbe } from '../../src/analyze/probe.js';
import { renderWitness } from '../../src/cli/render-lint.js';

const DIR = 'test/analyze/lint-vectors';
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

interface Expectation { code: string; route: string; related?: string[] }

function expectations(file: string): Expectation[] {
  const first = yaml.loadAll(readFileSync(file, 'utf8'))[0] as { lintVector: { expect: Expectation[] } };
  return first.lintVector.expect;
}

for (const name of FILES) {
  const file = join(DIR, name);
  test(`lint vector ${name}`, () => {
    const loaded = loadFiles([file]);
    assert.equal(loaded.valid, true, `${file} must be valid: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    const result = lint(loaded);
    const got = result.findings.map((f) => `${f.code} ${f.route.displayName} [${f.related.map((r) => r.displayName).sort().join(',')}]`).sort();
    const want = expectations(file).map((e) => `${e.code} ${e.route} [${[...(e.related ?? [])].sort().join(',')}]`).sort();
    assert.deepEqual(got, want, `${file}: findings differ\nreproduce: npx tsx src/cli/main.ts lint ${file}`);
    for (const f of result.findings) checkWitness(file, loaded, f);
  });
}

test('every lint code has a vector', async () => {
  const { LINT_CODES } = await import('../../src/analyze/findings.js');
  const covered = new Set(FILES.flatMap((f) => expectations(join(DIR, f)).map((e) => e.code)));
  const missing = Object.keys(LINT_CODES).filter((c) => !covered.has(c));
  assert.deepEqual(missing, [], `add a vector to ${DIR} for: ${missing.join(', ')}`);
});

// ------- witness checks -------

function checkWitness(file: string, loaded: LoadResult, f: LintFinding): void {
  const w = f.witness;
  const where = () => `${file}: ${f.code} ${f.route.displayName}\n  witness: ${w === null ? 'none' : renderWitness(w, { paths: [file] })}`;
  if (w === null) {
    assert.ok(['LINT_NEVER_MATCHES', 'LINT_HEADER_NEVER_HOLDS', 'LINT_UNDECIDED'].includes(f.code), `${where()}: only emptiness claims may come without a witness`);
    if (f.code !== 'LINT_UNDECIDED') neverMatches(file, loaded, f);
    return;
  }
  const stage = stageOf(loaded, f);
  const ex = stage.explain(w.request);
  const route = ex.routes.find((r) => r.name === f.route.displayName);
  const winner = ex.routes.find((r) => r.outcome === 'won')?.name ?? null;
  const matches = (n: string) => ex.routes.find((r) => r.name === n)?.failed === null;
  switch (f.code) {
    case 'LINT_NEVER_WINS':
    case 'LINT_UNDECIDED':
      assert.ok(matches(f.route.displayName), `${where()}: the route must match its witness`);
      assert.ok(winner !== null && winner !== f.route.displayName, `${where()}: another route must win (won: ${winner})`);
      if (f.code === 'LINT_NEVER_WINS') assert.ok(ex.routes.findIndex((r) => r.name === winner) < ex.routes.indexOf(route!), `${where()}: the winner must come earlier`);
      break;
    case 'LINT_TIE':
      assert.ok(matches(f.route.displayName) && matches(f.related[0]!.displayName), `${where()}: both routes must match`);
      assert.equal(winner, f.related[0]!.displayName, `${where()}: the tie-break's first route wins`);
      break;
    case 'LINT_SERVICE_NO_PROVIDER':
      assert.deepEqual(pick(ex.decision, ['matched', 'stage', 'gatewayRoute', 'virtualRouter']), { matched: false, stage: 'router', gatewayRoute: f.route.displayName, virtualRouter: null }, where());
      break;
    case 'LINT_REWRITE_UNROUTABLE':
      assert.deepEqual(pick(ex.decision, ['matched', 'stage', 'gatewayRoute', 'route']), { matched: false, stage: 'router', gatewayRoute: f.route.displayName, route: null }, where());
      break;
    case 'LINT_REWRITE_DOUBLE_SLASH':
      assert.equal(ex.decision.gatewayRoute, f.route.displayName, where());
      assert.match(ex.decision.path ?? '', /\/\//, `${where()}: the rewritten path must hold "//"`);
      break;
    case 'LINT_WEIGHT_ZERO': {
      const zero = /target (\S+) has weight 0/.exec(f.message)![1]!;
      if (w.at === 'router') {
        assert.equal(ex.decision.route, f.route.displayName, where());
        assert.equal(ex.decision.targets?.find((t) => t.virtualNode === zero)?.probability, 0, `${where()}: ${zero} has probability 0`);
      } else {
        assert.equal(winner, f.route.displayName, where());
        const router = compile(loaded, { gateway: w.gateway! });
        for (let i = 0; i < 100; i++) assert.notEqual(router.route(w.request, { random: () => i / 100 }).virtualService, zero, `${where()}: random ${i / 100} picked ${zero}`);
      }
      break;
    }
    case 'LINT_REGEX_MATCHES_ALL': {
      assert.ok(route !== undefined && route.criteria.every((c) => c.ok), `${where()}: the route's criteria hold on the witness`);
      // …and on other paths / values too: the criterion the finding is about holds on all of them.
      const header = /header (\S+) regex/.exec(f.message)?.[1];
      for (const other of ['/', '/zz/9', '/a.b/~x', '/ü']) {
        const req: RouteRequest = header === undefined ? { ...w.request, path: other } : { ...w.request, headers: { ...(w.request.headers as object), [header]: other } };
        const r = stage.explain(req).routes.find((x) => x.name === f.route.displayName)!;
        assert.ok(r.criteria.find((c) => c.kind === (header === undefined ? 'path' : 'header'))?.ok, `${where()}: criterion fails on ${other}`);
      }
      break;
    }
    case 'LINT_HOST_WITHOUT_PORT':
      assert.notEqual(winner, f.route.displayName, where());
      assert.match(String(w.request.authority), /:\d+$/, where());
      break;
    default:
      assert.fail(`${where()}: no witness check for ${f.code}`);
  }
}

/** The stage a witness is routed at: the linted gateway, or the router probe in front of the router. */
function stageOf(loaded: LoadResult, f: LintFinding): { explain(r: RouteRequest): { decision: ReturnType<ReturnType<typeof compile>['route']>; routes: { name: string; outcome: string; failed: string | null; criteria: { kind: string; ok: boolean }[] }[] } } {
  const w = f.witness!;
  if (w.at === 'gateway') {
    const router = compile(loaded, { gateway: w.gateway! });
    return { explain: (r) => router.explain(r, { allTargets: true, random: () => 0 }) };
  }
  const vr = loaded.model.virtualRouters.find((r) => r.name === w.virtualRouter)!;
  const probe = routerProbe(loaded.model, vr, vr.listeners.find((l) => l.port === w.request.port)!);
  return { explain: (r) => { const e = probe.explain(r); return { decision: e.decision, routes: e.router?.routes ?? [] }; } };
}

/** A claim that no request satisfies a route: none of a batch built from the file's literals reaches or matches it. */
function neverMatches(file: string, loaded: LoadResult, f: LintFinding): void {
  const text = readFileSync(file, 'utf8');
  const literals = [...new Set([...text.matchAll(/(?:prefix|exact|regex): '?([^\s,}']+)/g)].map((m) => m[1]!))];
  const paths = ['/', ...literals.filter((l) => l.startsWith('/')), ...literals.map((l) => `/${l}`), 'api/x', '/api/x'];
  const values = [...literals, '5', '4', ' 5 ', 'a b', 'aba', 'red,blue', ''];
  const names = [...new Set([...text.matchAll(/name: ([a-z-]+)/g)].map((m) => m[1]!))];
  const router = compile(loaded, { gateway: f.route.parent });
  for (const path of paths) {
    for (const v of values) {
      const request = { path, headers: Object.fromEntries(names.map((n) => [n, v])) };
      const r = router.explain(request).routes.find((x) => x.name === f.route.displayName)!;
      assert.notEqual(r.failed, null, `${file}: ${f.code} ${f.route.displayName} matched ${JSON.stringify(request)}`);
    }
  }
}

function pick<T extends object>(o: T, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, (o as Record<string, unknown>)[k]]));
}

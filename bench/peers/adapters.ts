/**
 * One adapter per router of the side-by-side benchmark (issue 8). Each builds its router from a
 * PeerWorkload and returns `lookup(input) → route id` plus the per-request inputs it takes (built
 * once, outside the timed loop). App Mesh's semantics — plain string prefixes, longest literal
 * wins, exact = equality, catch-all prefix `/` — are expressed in each router's own pattern
 * language; `note` says how. agree.ts checks every adapter against meshroute on every request.
 */
import FindMyWay from 'find-my-way';
import { Memoirist } from 'memoirist';
import MedleyRouter from '@medley/router';
import { addRoute, createRouter, findRoute } from 'rou3';
import { compileRouter } from 'rou3/compiler';
import { RegExpRouter } from 'hono/router/reg-exp-router';
import { loadTable as loadTableFromSource, type RouteRequest } from '../../src/runtime.js';
import { CATCH_ALL, precedenceOrder, type PeerWorkload, type PlainRule } from './workload.js';

export interface Built<I = unknown> {
  /** One input per workload request, in order (the "reused strings" mode: built once, looked up many times). */
  inputs: I[];
  /** The input for a path string (the "fresh strings" mode makes one per lookup, from a freshly decoded path). */
  fromPath(path: string): I;
  /** The id of the route chosen, undefined when none. (Method syntax: an adapter's input type stays its own.) */
  lookup(input: I): string | undefined;
}

/**
 * What an adapter stands for in the results: meshroute's route() or match(), a peer's lookup, a
 * peer's lookup plus building a result equivalent to route()'s Decision, or a control (not a router).
 */
export type AdapterKind = 'meshroute' | 'peer' | 'peer+result' | 'control';

export interface Adapter {
  name: string;
  kind: AdapterKind;
  /** Package and version measured ('' for in-repo code). */
  pkg: string;
  /** How App Mesh semantics are expressed in this router. */
  note: string;
  build(w: PeerWorkload): Built;
}

const paths = (w: PeerWorkload): string[] => w.requests.map((r) => r.path);
const same = (p: string): string => p;

/**
 * `P*` patterns: the router's wildcard may start mid-segment and matches the empty rest too, so
 * prefix P is exactly the pattern `P*` (`/` becomes `/*`); the router's own static-before-wildcard
 * order with backtracking then gives longest-prefix-wins.
 */
const starPattern = (r: PlainRule): string => (r.kind === 'exact' ? r.value : r.value + '*');

/**
 * meshroute's tables, compiled by mesh-table.ts (the public compile()) in the parent process and
 * handed to the timing children as bytes, so a child loads only the runtime, as an edge deployment
 * that ships a table would.
 */
const tables = new Map<string, Uint8Array>();
export function setMeshrouteTable(workload: string, table: Uint8Array): void {
  tables.set(workload, table);
}

/**
 * Which build of the runtime loads the tables: the source (the agreement check and its test) unless
 * the timing child hands over the package's built bundle (useRuntime), which is what users import
 * and what is timed — as the peers are timed from their published builds.
 */
let loadTable: typeof loadTableFromSource = loadTableFromSource;
export function useRuntime(load: typeof loadTableFromSource): void {
  loadTable = load;
}

function meshrouteRouter(w: PeerWorkload) {
  const table = tables.get(w.name);
  if (table === undefined) throw new Error(`no meshroute table for ${w.name}: call setMeshrouteTable (mesh-table.ts) first`);
  return loadTable(table);
}

const toRequest = (path: string): RouteRequest => ({ path });

function meshroute(w: PeerWorkload): Built<RouteRequest> {
  const router = meshrouteRouter(w);
  return { inputs: w.requests.map((r) => toRequest(r.path)), fromPath: toRequest, lookup: (req) => router.route(req).gatewayRoute ?? undefined };
}

/** match(): which route wins, the route's shared frozen description — what the peers' lookups answer. */
function meshrouteMatch(w: PeerWorkload): Built<RouteRequest> {
  const router = meshrouteRouter(w);
  return { inputs: w.requests.map((r) => toRequest(r.path)), fromPath: toRequest, lookup: (req) => router.match(req)?.gatewayRoute };
}

/**
 * A peer's lookup, then what a gateway builds from it to forward the request — the fields of
 * route()'s Decision: target service and port, the default prefix rewrite (matched prefix → `/`),
 * the query kept, the authority set to the service. The peers' stores hold the rule id, so the
 * route's data is one Map lookup away, as in a gateway built on them.
 */
function withResult(build: (w: PeerWorkload) => Built<string>) {
  return (w: PeerWorkload): Built<string> => {
    const base = build(w);
    const byId = new Map(w.rules.map((r) => [r.id, { service: `${r.id}.svc.cluster.local`, port: 8080, cut: r.kind === 'prefix' ? r.value.length : -1 }]));
    let sink: unknown = null;
    return {
      inputs: base.inputs,
      fromPath: same,
      lookup: (path) => {
        const id = base.lookup(path);
        const r = id === undefined ? undefined : byId.get(id);
        if (r === undefined) {
          sink = { matched: false, status: 404, grpcStatus: null, stage: 'gateway', gatewayRoute: null, virtualService: null, targetPort: null, path: null, authority: null, virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null };
          return undefined;
        }
        const q = path.indexOf('?');
        const bare = q < 0 ? path : path.slice(0, q);
        const rewritten = r.cut < 0 ? bare : bare.charCodeAt(r.cut) === 0x2f ? bare.slice(r.cut) : '/' + bare.slice(r.cut);
        sink = {
          matched: true, status: null, grpcStatus: null, stage: null, gatewayRoute: id, virtualService: r.service, targetPort: r.port,
          path: q < 0 ? rewritten : rewritten + path.slice(q), authority: r.service,
          virtualRouter: null, route: null, virtualNode: null, endpoint: null, timeout: null, retryPolicy: null,
        };
        return id;
      },
    };
  };
}

/** Control for the fresh-strings mode: decoding the path from bytes and nothing else (its cost is in every router's fresh figure). */
function decodeOnly(w: PeerWorkload): Built<string> {
  return { inputs: paths(w), fromPath: same, lookup: (p) => (p.length >= 0 ? CATCH_ALL : undefined) };
}

function findMyWay(compiled: boolean) {
  return (w: PeerWorkload): Built<string> => {
    const r = FindMyWay();
    for (const rule of w.rules) r.on('GET', starPattern(rule), () => {}, { id: rule.id });
    if (compiled) r.compile();
    return { inputs: paths(w), fromPath: same, lookup: (p) => (r.find('GET', p)?.store as { id: string } | undefined)?.id };
  };
}

function memoirist(w: PeerWorkload): Built<string> {
  const r = new Memoirist<string>();
  for (const rule of w.rules) r.add('GET', starPattern(rule), rule.id);
  return { inputs: paths(w), fromPath: same, lookup: (p) => r.find('GET', p)?.store };
}

function medley(w: PeerWorkload): Built<string> {
  const r = new MedleyRouter<{ id?: string }>();
  for (const rule of w.rules) r.register(starPattern(rule)).id = rule.id;
  return { inputs: paths(w), fromPath: same, lookup: (p) => r.find(p)?.store.id };
}

/**
 * rou3 has no mid-segment wildcard (`/a/svc1*` and `/a/svc1**` are rejected) but accepts a param
 * with a static prefix inside a segment, made optional: prefix `/h/t` → `/h/t:rest?` (the rest of
 * that segment, possibly empty) and `/h/t:rest?/**` (any further segments, possibly none); `/` →
 * `/**`. rou3 prefers the longer static part, which gives longest-prefix-wins.
 */
function rou3Patterns(rule: PlainRule): string[] {
  if (rule.kind === 'exact') return [rule.value];
  const slash = rule.value.lastIndexOf('/');
  const head = rule.value.slice(0, slash + 1);
  const tail = rule.value.slice(slash + 1);
  return tail === '' ? [head + '**'] : [`${head}${tail}:rest?`, `${head}${tail}:rest?/**`];
}

function rou3(compiled: boolean) {
  return (w: PeerWorkload): Built<string> => {
    const r = createRouter<string>();
    for (const rule of w.rules) for (const p of rou3Patterns(rule)) addRoute(r, 'GET', p, rule.id);
    if (compiled) {
      const match = compileRouter(r);
      return { inputs: paths(w), fromPath: same, lookup: (p) => match('GET', p)?.data };
    }
    return { inputs: paths(w), fromPath: same, lookup: (p) => findRoute(r, 'GET', p)?.data };
  };
}

/**
 * Hono's RegExpRouter returns every matching handler in registration order; registering the rules
 * in App Mesh precedence order (longest first, catch-all last) and taking the first handler is
 * first-match semantics. `P*` is a mid-segment wildcard in Hono too.
 */
function honoRegExp(w: PeerWorkload): Built<string> {
  const r = new RegExpRouter<string>();
  for (const rule of precedenceOrder(w.rules)) r.add('GET', starPattern(rule), rule.id);
  return { inputs: paths(w), fromPath: same, lookup: (p) => r.match('GET', p)[0][0]?.[0] };
}

/** The naive reference a hand-written gateway would start with: first match over the rules in precedence order. */
function linear(w: PeerWorkload): Built<string> {
  const rules = precedenceOrder(w.rules);
  const kinds = rules.map((r) => r.kind === 'exact');
  const values = rules.map((r) => r.value);
  const ids = rules.map((r) => r.id);
  return {
    inputs: paths(w),
    fromPath: same,
    lookup: (p) => {
      for (let i = 0; i < values.length; i++) {
        if (kinds[i] ? p === values[i] : p.startsWith(values[i]!)) return ids[i];
      }
      return undefined;
    },
  };
}

export const MESHROUTE = 'meshroute';

export const MESHROUTE_MATCH = 'meshroute-match';
export const DECODE_ONLY = 'decode-only';

export const ADAPTERS: readonly Adapter[] = [
  { name: MESHROUTE, kind: 'meshroute', pkg: '', note: 'route(): the App Mesh gateway routes through the public `compile()` (validation, table); the table bytes loaded with the runtime alone: `loadTable(table).route({ path })`; id = `decision.gatewayRoute`', build: meshroute },
  { name: MESHROUTE_MATCH, kind: 'meshroute', pkg: '', note: 'match(): the same table, `router.match({ path })?.gatewayRoute` — which route wins, without building a Decision (the route\'s frozen description)', build: meshrouteMatch },
  { name: 'find-my-way', kind: 'peer', pkg: 'find-my-way', note: 'prefix `P` → `P*` (mid-segment wildcard, matches `P` itself), exact → static, `/` → `/*`; `find("GET", path)`', build: findMyWay(false) },
  { name: 'find-my-way-compiled', kind: 'peer', pkg: 'find-my-way', note: 'as find-my-way, then `router.compile()` (generated JS per method tree)', build: findMyWay(true) },
  { name: 'memoirist', kind: 'peer', pkg: 'memoirist', note: 'prefix `P` → `P*`, exact → static, `/` → `/*`; `find("GET", path)`', build: memoirist },
  { name: 'memoirist+result', kind: 'peer+result', pkg: 'memoirist', note: 'memoirist\'s lookup, then the fields of a Decision built from the rule found (service, port, default prefix rewrite, query kept, authority)', build: withResult(memoirist) },
  { name: '@medley/router', kind: 'peer', pkg: '@medley/router', note: 'prefix `P` → `P*`, exact → static, `/` → `/*`; `find(path)` (method-agnostic store)', build: medley },
  { name: 'rou3', kind: 'peer', pkg: 'rou3', note: 'no mid-segment wildcard: prefix `/h/t` → `/h/t:rest?` + `/h/t:rest?/**`, `/` → `/**`; `findRoute`', build: rou3(false) },
  { name: 'rou3-compiled', kind: 'peer', pkg: 'rou3', note: 'as rou3, then `compileRouter()` from `rou3/compiler` (JIT `new Function`)', build: rou3(true) },
  { name: 'hono-RegExpRouter', kind: 'peer', pkg: 'hono', note: 'prefix `P` → `P*`, registered in App Mesh precedence order (longest first, catch-all last); first returned handler', build: honoRegExp },
  { name: 'hono-RegExpRouter+result', kind: 'peer+result', pkg: 'hono', note: 'Hono\'s lookup, then the fields of a Decision built from the rule found, as memoirist+result', build: withResult(honoRegExp) },
  { name: 'linear-first-match', kind: 'control', pkg: '', note: 'naive: rules sorted by App Mesh precedence, first `path === v` / `path.startsWith(v)` wins (~15 lines)', build: linear },
  { name: DECODE_ONLY, kind: 'control', pkg: '', note: 'fresh-strings mode only: decode the path from its bytes (`Buffer#toString(\'latin1\')`, as a fresh string from an HTTP parser) and answer nothing else — the cost every router pays in that mode', build: decodeOnly },
];

export function adapterByName(name: string): Adapter {
  const a = ADAPTERS.find((x) => x.name === name);
  if (a === undefined) throw new Error(`unknown router ${name}; known: ${ADAPTERS.map((x) => x.name).join(', ')}`);
  return a;
}

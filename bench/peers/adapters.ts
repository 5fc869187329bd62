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
import { loadTable, type RouteRequest } from '../../src/runtime.js';
import { precedenceOrder, type PeerWorkload, type PlainRule } from './workload.js';

export interface Built<I = unknown> {
  /** One input per workload request, in order. */
  inputs: I[];
  /** The id of the route chosen, undefined when none. (Method syntax: an adapter's input type stays its own.) */
  lookup(input: I): string | undefined;
}

export interface Adapter {
  name: string;
  /** Package and version measured ('' for in-repo code). */
  pkg: string;
  /** How App Mesh semantics are expressed in this router. */
  note: string;
  build(w: PeerWorkload): Built;
}

const paths = (w: PeerWorkload): string[] => w.requests.map((r) => r.path);

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

function meshroute(w: PeerWorkload): Built<RouteRequest> {
  const table = tables.get(w.name);
  if (table === undefined) throw new Error(`no meshroute table for ${w.name}: call setMeshrouteTable (mesh-table.ts) first`);
  const router = loadTable(table);
  return {
    inputs: w.requests.map((r) => ({ path: r.path })),
    lookup: (req) => router.route(req).gatewayRoute ?? undefined,
  };
}

function findMyWay(compiled: boolean) {
  return (w: PeerWorkload): Built<string> => {
    const r = FindMyWay();
    for (const rule of w.rules) r.on('GET', starPattern(rule), () => {}, { id: rule.id });
    if (compiled) r.compile();
    return { inputs: paths(w), lookup: (p) => (r.find('GET', p)?.store as { id: string } | undefined)?.id };
  };
}

function memoirist(w: PeerWorkload): Built<string> {
  const r = new Memoirist<string>();
  for (const rule of w.rules) r.add('GET', starPattern(rule), rule.id);
  return { inputs: paths(w), lookup: (p) => r.find('GET', p)?.store };
}

function medley(w: PeerWorkload): Built<string> {
  const r = new MedleyRouter<{ id?: string }>();
  for (const rule of w.rules) r.register(starPattern(rule)).id = rule.id;
  return { inputs: paths(w), lookup: (p) => r.find(p)?.store.id };
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
      return { inputs: paths(w), lookup: (p) => match('GET', p)?.data };
    }
    return { inputs: paths(w), lookup: (p) => findRoute(r, 'GET', p)?.data };
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
  return { inputs: paths(w), lookup: (p) => r.match('GET', p)[0][0]?.[0] };
}

/** The naive reference a hand-written gateway would start with: first match over the rules in precedence order. */
function linear(w: PeerWorkload): Built<string> {
  const rules = precedenceOrder(w.rules);
  const kinds = rules.map((r) => r.kind === 'exact');
  const values = rules.map((r) => r.value);
  const ids = rules.map((r) => r.id);
  return {
    inputs: paths(w),
    lookup: (p) => {
      for (let i = 0; i < values.length; i++) {
        if (kinds[i] ? p === values[i] : p.startsWith(values[i]!)) return ids[i];
      }
      return undefined;
    },
  };
}

export const MESHROUTE = 'meshroute';

export const ADAPTERS: readonly Adapter[] = [
  { name: MESHROUTE, pkg: '', note: 'the App Mesh gateway routes through the public `compile()` (validation, table); the table bytes loaded with the runtime alone: `loadTable(table).route({ path })`; id = `decision.gatewayRoute`', build: meshroute },
  { name: 'find-my-way', pkg: 'find-my-way', note: 'prefix `P` → `P*` (mid-segment wildcard, matches `P` itself), exact → static, `/` → `/*`; `find("GET", path)`', build: findMyWay(false) },
  { name: 'find-my-way-compiled', pkg: 'find-my-way', note: 'as find-my-way, then `router.compile()` (generated JS per method tree)', build: findMyWay(true) },
  { name: 'memoirist', pkg: 'memoirist', note: 'prefix `P` → `P*`, exact → static, `/` → `/*`; `find("GET", path)`', build: memoirist },
  { name: '@medley/router', pkg: '@medley/router', note: 'prefix `P` → `P*`, exact → static, `/` → `/*`; `find(path)` (method-agnostic store)', build: medley },
  { name: 'rou3', pkg: 'rou3', note: 'no mid-segment wildcard: prefix `/h/t` → `/h/t:rest?` + `/h/t:rest?/**`, `/` → `/**`; `findRoute`', build: rou3(false) },
  { name: 'rou3-compiled', pkg: 'rou3', note: 'as rou3, then `compileRouter()` from `rou3/compiler` (JIT `new Function`)', build: rou3(true) },
  { name: 'hono-RegExpRouter', pkg: 'hono', note: 'prefix `P` → `P*`, registered in App Mesh precedence order (longest first, catch-all last); first returned handler', build: honoRegExp },
  { name: 'linear-first-match', pkg: '', note: 'naive: rules sorted by App Mesh precedence, first `path === v` / `path.startsWith(v)` wins (~15 lines)', build: linear },
];

export function adapterByName(name: string): Adapter {
  const a = ADAPTERS.find((x) => x.name === name);
  if (a === undefined) throw new Error(`unknown router ${name}; known: ${ADAPTERS.map((x) => x.name).join(', ')}`);
  return a;
}

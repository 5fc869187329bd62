/**
 * Requests that probe a set of routes where their decisions can change: for every literal path its
 * neighbours (`P`, `P/`, `Px`, `P/x`, `P` minus its last character), header values on both sides of
 * every matcher and range bound, query values, the methods, the hosts (with and without a port, in
 * another case), every listener port — each varied one at a time around a request that satisfies a
 * route — plus seeded random combinations of the same atoms. Deterministic for a given input and
 * seed. Used by `export gateway-api`'s checker; meant for lint and diff as well.
 */
import type { LoweredPath, LoweredPredicate } from '../compile/index.js';
import { regexLiteralPrefix } from '../compile/regex-prefix.js';
import { seededRandom } from '../evaluate/index.js';
import { parseInt64 } from '../evaluate/request.js';
import { compileRegex } from '../regex/index.js';
import { HTTP_METHODS } from '../model/types.js';
import { regexSamples } from './regex-samples.js';

/** What a route requires, in the shape both router routes and flattened rules have. */
export interface ProbeCriteria {
  path: LoweredPath;
  hostname: { kind: 'exact' | 'suffix'; value: string } | null;
  method: string | null;
  predicates: readonly LoweredPredicate[];
  /** Listener ports the route takes part on; null = every port. */
  ports: readonly number[] | null;
}

export interface ProbeRequest {
  method: string;
  /** Path with query. */
  path: string;
  authority: string | null;
  headers: [string, string][];
  port: number;
}

export interface ProbeOptions {
  /** Random requests added to the systematic ones (default 1,000). */
  random?: number;
  seed?: number;
  /** Upper bound on systematic requests (default 20,000): the work stays linear in the input. */
  maxSystematic?: number;
}

export function probeRequests(routes: readonly ProbeCriteria[], ports: readonly number[], options: ProbeOptions = {}): ProbeRequest[] {
  const atoms = atomsOf(routes, ports);
  const out: ProbeRequest[] = [];
  const seen = new Set<string>();
  const max = options.maxSystematic ?? 20_000;
  const add = (r: ProbeRequest) => {
    const key = JSON.stringify(r);
    if (seen.has(key) || out.length >= max) return;
    seen.add(key);
    out.push(r);
  };
  const bases = routes.map((r) => satisfying(r, ports));
  // Passes in order of value, so that the cap (`maxSystematic`) cuts the least useful ones:
  // 1. each route's request, its own path's neighbours, and one other dimension varied at a time.
  bases.forEach((base, i) => {
    add(base);
    for (const p of pathNeighbours(routes[i]!.path)) add({ ...base, path: p + queryOf(base.path) });
    for (const [name, values] of atoms.headers) {
      add({ ...base, headers: base.headers.filter(([n]) => n !== name) });
      for (const v of values) add({ ...base, headers: [...base.headers.filter(([n]) => n !== name), [name, v]] });
    }
    for (const m of atoms.methods) add({ ...base, method: m });
    for (const h of atoms.hosts) add({ ...base, authority: h });
    for (const p of atoms.ports) add({ ...base, port: p });
    for (const q of atoms.queries) add({ ...base, path: pathOnly(base.path) + q });
  });
  // 2. every route's request on every path atom of the mesh.
  for (const base of bases) {
    if (out.length >= max) break;
    for (const p of atoms.paths) add({ ...base, path: p + queryOf(base.path) });
  }
  // 3. pairs: a route's request with another route's headers and host — requests both can take,
  //    where the two orders (App Mesh's priority, Gateway API's specificity) decide.
  for (const base of bases) {
    for (const other of bases) {
      if (out.length >= max) break;
      if (other === base) continue;
      add({ ...base, headers: mergeHeaders(base.headers, other.headers) });
      if (other.authority !== null) {
        add({ ...base, authority: other.authority, headers: mergeHeaders(base.headers, other.headers) });
        add({ ...base, authority: `${other.authority}:${base.port}`, headers: mergeHeaders(base.headers, other.headers) });
      }
    }
  }
  if (routes.length === 0) add({ method: 'GET', path: '/', authority: null, headers: [], port: ports[0] ?? 80 });
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const total = out.length + (options.random ?? 1000);
  for (let guard = 0; out.length < total && guard < total * 4; guard++) {
    const headers: [string, string][] = [];
    for (const [name, values] of atoms.headers) if (random() < 0.5) headers.push([name, random() < 0.8 ? pick(values) : pick(values) + pick(TAILS)]);
    const r: ProbeRequest = {
      method: pick(atoms.methods),
      // Merged slashes: `//` is normalized by App Mesh and implementation-specific in Gateway API.
      path: (pick(atoms.paths) + (random() < 0.5 ? pick(TAILS) : '')).replace(/\/{2,}/g, '/') + (random() < 0.3 ? pick(atoms.queries) : ''),
      authority: random() < 0.2 ? null : pick(atoms.hosts),
      headers,
      port: pick(atoms.ports),
    };
    const key = JSON.stringify(r);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}

// ------- internal functions -------

/** Tails random requests append to paths and header values (segment and non-segment boundaries). */
const TAILS = ['a', '1', '/a', '/b/c', '-x', '.json', 'x/y', '9'];

interface Atoms {
  paths: string[];
  headers: Map<string, string[]>;
  methods: string[];
  hosts: string[];
  ports: number[];
  queries: string[];
}

function atomsOf(routes: readonly ProbeCriteria[], ports: readonly number[]): Atoms {
  const paths = new Set<string>(['/', '/x']);
  const headers = new Map<string, Set<string>>();
  const methods = new Set<string>(['GET', 'POST']);
  const hosts = new Set<string>(['example.com']);
  const queries = new Set<string>(['']);
  for (const r of routes) {
    for (const p of pathNeighbours(r.path)) paths.add(p);
    if (r.method !== null) methods.add(r.method);
    if (r.hostname !== null) for (const h of hostNeighbours(r.hostname, ports)) hosts.add(h);
    for (const p of r.predicates) {
      if (p.kind === 'query') {
        queries.add(`?${p.name}`);
        queries.add(`?${p.name}=${p.op === 'exact' ? p.value : 'v'}`);
        if (p.op === 'exact') {
          queries.add(`?${p.name}=${p.value}x`);
          queries.add(`?other=1&${p.name}=${p.value}`);
        }
        continue;
      }
      let set = headers.get(p.name.toLowerCase());
      if (set === undefined) headers.set(p.name.toLowerCase(), (set = new Set()));
      for (const v of headerNeighbours(p)) set.add(v);
    }
  }
  // Methods outside every route's, so "method ignored" differences show.
  if (methods.size < HTTP_METHODS.length) methods.add(HTTP_METHODS.find((m) => !methods.has(m))!);
  return {
    paths: [...paths].sort(),
    headers: new Map([...headers].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [...v].sort()])),
    methods: [...methods].sort(),
    hosts: [...hosts].sort(),
    ports: [...new Set(ports)].sort((a, b) => a - b),
    queries: [...queries].sort(),
  };
}

function pathNeighbours(p: LoweredPath): string[] {
  if (p.kind === 'none') return [];
  const literal = p.kind === 'regex' ? regexLiteralPrefix(p.value) || '/' : p.value;
  const base = literal.startsWith('/') ? literal : '/' + literal;
  const out = [base, base + '/', base + 'x', base + '/x', base.slice(0, -1) || '/'];
  if (base.endsWith('/') && base.length > 1) out.push(base.slice(0, -1) + 'x');
  if (p.kind === 'regex') out.push(...pathSamples(p.value));
  // `//` and dot segments are normalized by App Mesh and implementation-specific in Gateway API: not probed.
  return out.filter((x) => x.startsWith('/') && !x.includes('//'));
}

/** Paths a path regex accepts (regex-samples.ts), else its literal prefix with a tail. */
function pathSamples(pattern: string): string[] {
  const accepted = regexSamples(pattern).filter((s) => s.startsWith('/'));
  const prefix = regexLiteralPrefix(pattern) || '/';
  return [...accepted, prefix.endsWith('/') ? prefix + 'a' : prefix + '/a'];
}

function hostNeighbours(h: { kind: 'exact' | 'suffix'; value: string }, ports: readonly number[]): string[] {
  const port = ports[0] ?? 80;
  if (h.kind === 'exact') return [h.value, `${h.value}:${port}`, h.value.toUpperCase(), `x${h.value}`];
  const bare = h.value.replace(/^[.*]+/, '');
  return [`a${h.value}`, `a.b${h.value.startsWith('.') ? h.value : '.' + h.value}`, bare, `a${h.value}:${port}`];
}

function headerNeighbours(p: Extract<LoweredPredicate, { kind: 'header' }>): string[] {
  switch (p.op) {
    case 'present': return ['', 'v'];
    case 'exact': return [p.value, p.value + 'x', p.value.toUpperCase(), ''];
    case 'prefix': return [p.value, p.value + 'x', 'x' + p.value, p.value.slice(0, -1)];
    case 'suffix': return [p.value, 'x' + p.value, p.value + 'x', p.value.slice(1)];
    case 'regex': {
      return [...regexSamples(p.value), 'x', ''];
    }
    case 'range': {
      const s = p.start;
      const e = p.end;
      return [s - 1n, s, s + 1n, e - 1n, e].map(String).concat([` ${s} `, `+${s}`, `${s}x`]);
    }
  }
}

/** A request meeting every criterion of `r`. */
function satisfying(r: ProbeCriteria, ports: readonly number[]): ProbeRequest {
  const headers: [string, string][] = [];
  let query = '';
  for (const p of r.predicates) {
    if (p.kind === 'query') {
      query += `${query === '' ? '?' : '&'}${p.name}${p.op === 'exact' ? '=' + p.value : ''}`;
      continue;
    }
    if (p.invert) {
      // An inverted matcher holds for a present header its matcher rejects (absent: only for `present`).
      if (p.op === 'present') continue;
      const rejected = ['~', 'x', 'probe', '', '0'].find((v) => !headerMatcherHolds(p, v));
      if (rejected !== undefined) headers.push([p.name.toLowerCase(), rejected]);
      continue;
    }
    const value = p.op === 'present' ? 'v' : p.op === 'range' ? String(p.start) : p.op === 'regex' ? (regexSamples(p.value)[0] ?? '') : p.value;
    headers.push([p.name.toLowerCase(), value]);
  }
  const path = r.path.kind === 'none' ? '/' : r.path.kind === 'regex' ? pathSamples(r.path.value)[0]! : r.path.value.startsWith('/') ? r.path.value : '/' + r.path.value;
  const authority = r.hostname === null ? null : r.hostname.kind === 'exact' ? r.hostname.value : `a${r.hostname.value}`;
  return { method: r.method ?? 'GET', path: path + query, authority, headers, port: r.ports?.[0] ?? ports[0] ?? 80 };
}

function mergeHeaders(a: readonly [string, string][], b: readonly [string, string][]): [string, string][] {
  return [...a, ...b.filter(([n]) => !a.some(([m]) => m === n))];
}

/** The (non-inverted) matcher on one value, as App Mesh applies it (docs/precedence.md §5). */
function headerMatcherHolds(p: Extract<LoweredPredicate, { kind: 'header' }>, value: string): boolean {
  switch (p.op) {
    case 'present': return true;
    case 'exact': return value === p.value;
    case 'prefix': return value.startsWith(p.value);
    case 'suffix': return value.endsWith(p.value);
    case 'regex': return regexHolds(p.value, value);
    case 'range': {
      const n = parseInt64(value);
      return n !== null && n >= p.start && n < p.end;
    }
  }
}

function regexHolds(pattern: string, value: string): boolean {
  try {
    return compileRegex(pattern).fullMatch(value);
  } catch {
    return false;
  }
}

function queryOf(path: string): string {
  const i = path.indexOf('?');
  return i < 0 ? '' : path.slice(i);
}

function pathOnly(path: string): string {
  const i = path.indexOf('?');
  return i < 0 ? path : path.slice(0, i);
}

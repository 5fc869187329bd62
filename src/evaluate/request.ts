/**
 * Request normalization (reference §7, §10 #20–22; docs/precedence.md § Request normalization):
 * path normalized as App Mesh enables in Envoy (RFC 3986 dot segments removed, then slashes
 * merged) before matching; query kept raw; host lower-cased with any port kept; header names
 * lower-cased with repeated values joined by `,` — built lazily, only when a candidate has a header
 * criterion. Imports nothing.
 */
import { UsageError } from '../errors.js';
import type { HeaderInput } from './types.js';
import { asciiLowerCase } from './ascii-case.js';

/** A route() / explain() input of the wrong type: UsageError REQUEST_INVALID naming the field, what it must be and what it was. */
export function invalidRequest(field: string, expected: string, got: unknown): never {
  throw new UsageError('REQUEST_INVALID', `route(): ${field} must be ${expected}, got ${typeof got === 'string' ? JSON.stringify(got.slice(0, 40)) : got === null ? 'null' : typeof got}`);
}

const SLASH = 0x2f;

/**
 * Where the path and the query of a raw request path are: `bounds.end` ends the path (first `?`,
 * or a `#` before it); the query is [queryStart, queryEnd) (after `?`, up to `#`), queryStart -1
 * when there is none. Module-level result fields so route() calls it without allocating.
 */
export const bounds = { end: 0, queryStart: -1, queryEnd: 0 };
export function findBounds(raw: string): void {
  const q = raw.indexOf('?');
  const h = raw.indexOf('#');
  if (h >= 0 && (q < 0 || h < q)) {
    bounds.end = h;
    bounds.queryStart = -1;
  } else {
    bounds.end = q < 0 ? raw.length : q;
    bounds.queryStart = q < 0 ? -1 : q + 1;
    bounds.queryEnd = h < 0 ? raw.length : h;
  }
}

/** Splits `path?query#fragment`: [path, query or null]. The fragment is never matched (Envoy strips it). */
export function splitPath(raw: string): [string, string | null] {
  findBounds(raw);
  return [raw.slice(0, bounds.end), bounds.queryStart < 0 ? null : raw.slice(bounds.queryStart, bounds.queryEnd)];
}

/** scanPath's answers besides an index: nothing to do, or the path needs normalizing (a `//` or `/.` before any query, or no leading `/`). */
export enum Scan { nothing = -1, normalize = -2 }

/**
 * What settling `raw` involves, checking from code unit `from` on (the caller vouches for what comes
 * before: the trie walk matched it to route literals that are plain themselves): Scan.nothing when `raw`
 * can be used as it is; the index of the first `?` or `#` when only a query or fragment has to be
 * cut off (the path before it is normal); Scan.normalize otherwise.
 */
export function scanPath(raw: string, from: number): number {
  if (raw.charCodeAt(0) !== SLASH) return Scan.normalize;
  const n = raw.length;
  // A long rest: the native regex scan beats a JS loop; a short one is not worth its call.
  if (n - from > 12) {
    NOT_PLAIN.lastIndex = from;
    if (!NOT_PLAIN.test(raw)) return Scan.nothing;
    // The match ends at lastIndex: `?` or `#`, or the second character of `//` or `/.`.
    const i = NOT_PLAIN.lastIndex - 1;
    const c = raw.charCodeAt(i);
    return c === QUERY || c === FRAGMENT ? i : Scan.normalize;
  }
  for (let i = from; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c === QUERY || c === FRAGMENT) return i;
    if (c === SLASH) {
      const next = raw.charCodeAt(i + 1);
      if (next === SLASH || next === DOT) return Scan.normalize;
    }
  }
  return Scan.nothing;
}

/** A query, a fragment, or a place normalization would change (global: scanned from lastIndex). */
const NOT_PLAIN = /[?#]|\/[/.]/g;

const DOT = 0x2e;
const QUERY = 0x3f;
const FRAGMENT = 0x23;

/** A `/` followed by `/` or `.`: the only places normalization changes a path that starts with `/`. */
const NEEDS_NORMALIZING = /\/[/.]/;

/** True when normalizePath has nothing to do. A native regex test: ~3× faster than a JS loop over the characters here. */
export function isNormal(p: string): boolean {
  return p.length > 0 && p.charCodeAt(0) === SLASH && !NEEDS_NORMALIZING.test(p);
}

/**
 * RFC 3986 §5.2.4 remove_dot_segments, then merge slashes (Envoy `normalize_path` then
 * `merge_slashes`): `//a/./b/../c` → `/a/c`, `/a/b/..` → `/a/`. A path not starting with `/` gets one.
 * Percent-encoded dots are not decoded (docs/precedence.md lists this divergence).
 *
 * One pass over the characters (issue 13: split / join / regex cost ~9–26 ms for a 64 KiB path of
 * `/`): kept segments are a stack of [start, end) ranges of `p` (`..` pops, empty segments stay on
 * it because `..` may pop them), then the non-empty ones are copied out in runs that are contiguous in `p`.
 */
export function normalizePath(p: string): string {
  if (isNormal(p)) return p;
  const n = p.length;
  // ≤ n + 1 segments of 2 ints, [start, end); a stack grown for a huge path is not kept.
  const st = segs.length >= 2 * n + 2 ? segs : new Int32Array(2 * n + 2);
  if (st.length <= Seg.KEEP) segs = st;
  let top = 0;
  let from = p.charCodeAt(0) === SLASH ? 1 : 0;
  for (let i = from; i <= n; i++) {
    if (i < n && p.charCodeAt(i) !== SLASH) continue;
    const len = i - from;
    if ((len === 1 || len === 2) && p.charCodeAt(from) === DOT && (len === 1 || p.charCodeAt(from + 1) === DOT)) {
      if (len === 2 && top > 0) top -= 2;
      if (i === n) {
        st[top++] = n; // a final `.` or `..` leaves an empty last segment: a trailing '/'
        st[top++] = n;
      }
    } else {
      st[top++] = from;
      st[top++] = i;
    }
    from = i + 1;
  }
  // '/' + the non-empty segments joined by '/' (merged slashes), and a trailing '/' for a final empty one.
  let out = '';
  let runStart = -1;
  let runEnd = -1;
  for (let k = 0; k < top; k += 2) {
    const s = st[k]!;
    const e = st[k + 1]!;
    if (s === e) continue;
    if (runStart >= 0 && s === runEnd + 1) runEnd = e; // one '/' apart in p: extend the run
    else {
      if (runStart >= 0) out += '/' + p.slice(runStart, runEnd);
      runStart = s;
      runEnd = e;
    }
  }
  if (runStart >= 0) out += '/' + p.slice(runStart, runEnd);
  return out === '' ? '/' : top > 0 && st[top - 2] === st[top - 1] ? out + '/' : out;
}

/** normalizePath's segment stack, reused across calls up to KEEP ints (256 KB: 64 KiB paths), so route() allocates nothing for it once warm. */
let segs = new Int32Array(64);
const enum Seg { KEEP = 1 << 16 }

/** The port written in an authority (`host:port`, `[v6]:port`), or null. */
export function authorityPort(authority: string): number | null {
  const colon = authority.lastIndexOf(':');
  const digits = authority.length - colon - 1;
  if (colon < 0 || digits < 1 || digits > 5) return null;
  let port = 0;
  for (let i = colon + 1; i < authority.length; i++) {
    const c = authority.charCodeAt(i) - 0x30;
    if (c < 0 || c > 9) return null;
    port = port * 10 + c;
  }
  return port >= 1 && port <= 65535 ? port : null;
}

/** First occurrence of a query parameter, raw (not percent-decoded); `?k` → "". undefined when absent. */
export function queryValue(query: string | null, name: string): string | undefined {
  if (query === null) return undefined;
  let start = 0;
  while (start <= query.length) {
    let amp = query.indexOf('&', start);
    if (amp < 0) amp = query.length;
    if (amp > start) {
      const eq = query.indexOf('=', start);
      const keyEnd = eq >= 0 && eq < amp ? eq : amp;
      if (keyEnd - start === name.length && query.startsWith(name, start)) {
        return keyEnd === amp ? '' : query.slice(keyEnd + 1, amp);
      }
    }
    start = amp + 1;
  }
  return undefined;
}

/** Lower-cased header name → value, repeated names (in any case) joined with `,` in input order. */
export function headerMap(headers: HeaderInput | undefined): Map<string, string> {
  const map = new Map<string, string>();
  if (headers === undefined || headers === null) return map;
  const add = (name: string, value: string | string[]): void => {
    if (typeof name !== 'string') invalidRequest('a header name', 'a string', name);
    if (Array.isArray(value) && value.length === 0) return;
    const v = Array.isArray(value) ? value.join(',') : String(value);
    const key = asciiLowerCase(name);
    const prev = map.get(key);
    map.set(key, prev === undefined ? v : prev + ',' + v);
  };
  if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const pair of headers as Iterable<readonly [string, string]>) {
      if (!Array.isArray(pair)) invalidRequest('a header', 'a [name, value] pair', pair);
      add(pair[0], pair[1]);
    }
  } else {
    const rec = headers as Record<string, string | string[]>;
    for (const name of Object.keys(rec)) add(name, rec[name]!);
  }
  return map;
}

/**
 * Parses a header value as Envoy's range match does (absl::SimpleAtoi into int64): optional ASCII
 * whitespace around, optional sign, decimal digits, within int64. null when it is not such a number.
 */
export function parseInt64(value: string): bigint | null {
  const m = /^[ \t\n\v\f\r]*([+-]?)([0-9]+)[ \t\n\v\f\r]*$/.exec(value);
  if (m === null) return null;
  const n = BigInt(m[2]!);
  const v = m[1] === '-' ? -n : n;
  return v < INT64_MIN || v > INT64_MAX ? null : v;
}

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

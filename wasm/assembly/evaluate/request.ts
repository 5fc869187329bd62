// The request as the evaluator sees it, normalized like src/evaluate/request.ts and select.ts:
// path without query, dot segments removed and slashes merged; query raw; host = authority with
// ASCII lower-cased; header names compared lower-case, repeated values joined with ",".

import { asciiLower } from "./ascii-case";
import { Buf, Ints, equalsLower, indexOfByte } from "./bytes";

export class Request {
  methodPtr: usize = 0; methodLen: i32 = -1;       // -1: absent (GET)
  rawPathPtr: usize = 0; rawPathLen: i32 = 0;
  hasAuthority: bool = false;
  authorityPtr: usize = 0; authorityLen: i32 = 0;
  /** Explicit listener port (property destination.port), -1 when unknown. */
  port: i32 = -1;
  /** `:scheme`: 1 http (also when absent), 2 https, 0 anything else (router-stage scheme criterion). */
  scheme: u8 = 1;
  /** Header pairs: keyPtr, keyLen, valuePtr, valueLen per header (pseudo-headers excluded). */
  headers: Ints = new Ints();
  headerCount: i32 = 0;
  // Normalized (filled by normalize()).
  path: Buf = new Buf();
  hasQuery: bool = false;
  queryPtr: usize = 0; queryLen: i32 = 0;
  host: Buf = new Buf();
  joined: Buf = new Buf();
  reset(): void {
    this.methodLen = -1; this.rawPathLen = 0; this.hasAuthority = false; this.authorityLen = 0;
    this.port = -1; this.headerCount = 0; this.scheme = 1;
  }
  addHeader(k: usize, kl: i32, v: usize, vl: i32): void {
    const i = this.headerCount * 4;
    this.headers.ensure(i + 4);
    const d = this.headers.data;
    unchecked(d[i] = <i32>k); unchecked(d[i + 1] = kl); unchecked(d[i + 2] = <i32>v); unchecked(d[i + 3] = vl);
    this.headerCount++;
  }
}

/** Result of headerValue: pointer and length; valueLen -1 when absent. */
export let valuePtr: usize = 0;
export let valueLen: i32 = -1;

/** The request's value of a lower-case header name: repeated headers joined by ",". */
export function headerValue(req: Request, name: usize, nameLen: i32): void {
  valueLen = -1;
  const d = req.headers.data;
  let found = 0;
  for (let i = 0; i < req.headerCount; i++) {
    const o = i * 4;
    if (!equalsLower(<usize>unchecked(d[o]), unchecked(d[o + 1]), name, nameLen)) continue;
    const vp = <usize>unchecked(d[o + 2]), vl = unchecked(d[o + 3]);
    if (found == 0) { valuePtr = vp; valueLen = vl; }
    else {
      if (found == 1) { req.joined.clear(); req.joined.append(valuePtr, valueLen); }
      req.joined.push(0x2c);
      req.joined.append(vp, vl);
      valuePtr = req.joined.ptr; valueLen = req.joined.len;
    }
    found++;
  }
}

/** First query parameter `name`: raw value (valueLen -1 when absent, 0 for `?k`). */
export function queryValue(req: Request, name: usize, nameLen: i32): void {
  valueLen = -1;
  if (!req.hasQuery) return;
  const q = req.queryPtr, n = req.queryLen;
  let start = 0;
  while (start <= n) {
    let amp = indexOfByte(q, n, 0x26, start);
    if (amp < 0) amp = n;
    if (amp > start) {
      const eq = indexOfByte(q, amp, 0x3d, start);
      const keyEnd = eq >= 0 ? eq : amp;
      if (keyEnd - start == nameLen && memory.compare(q + start, name, nameLen) == 0) {
        if (keyEnd == amp) { valuePtr = q; valueLen = 0; }
        else { valuePtr = q + keyEnd + 1; valueLen = amp - keyEnd - 1; }
        return;
      }
    }
    start = amp + 1;
  }
}

/** Splits the raw path, normalizes it into req.path, lower-cases the host. */
export function normalize(req: Request): void {
  const raw = req.rawPathPtr, n = req.rawPathLen;
  const q = indexOfByte(raw, n, 0x3f, 0);
  const h = indexOfByte(raw, n, 0x23, 0);
  let end: i32;
  if (h >= 0 && (q < 0 || h < q)) { end = h; req.hasQuery = false; }
  else {
    end = q < 0 ? n : q;
    req.hasQuery = q >= 0;
    if (q >= 0) { req.queryPtr = raw + q + 1; req.queryLen = (h < 0 ? n : h) - q - 1; }
  }
  normalizePath(raw, end, req.path);
  req.host.clear();
  if (req.hasAuthority) {
    req.host.reserve(req.authorityLen);
    for (let i = 0; i < req.authorityLen; i++) {
      store<u8>(req.host.ptr + i, asciiLower(load<u8>(req.authorityPtr + i)));
    }
    req.host.len = req.authorityLen;
  }
}

const segs = new Ints();

/**
 * RFC 3986 remove_dot_segments, then merge slashes (src/evaluate/request.ts normalizePath), in one
 * pass over the bytes (issue 13): each kept non-empty segment is copied to `out` as it is read, after
 * a '/'; `segs` remembers `out`'s length before each kept segment (negated minus one for an empty
 * one, which writes nothing but which `..` may pop), so `..` undoes the last segment in O(1).
 */
export function normalizePath(p: usize, n: i32, out: Buf): void {
  out.clear();
  out.reserve(n + 2);
  const o = out.ptr;
  store<u8>(o, 0x2f);
  let w = 1;
  let top = 0;
  segs.ensure(n + 2);
  const st = segs.data;
  let from = n > 0 && load<u8>(p) == 0x2f ? 1 : 0;
  for (let i = from; i <= n; i++) {
    if (i < n && load<u8>(p + i) != 0x2f) continue;
    const len = i - from;
    if ((len == 1 || len == 2) && load<u8>(p + from) == 0x2e && (len == 1 || load<u8>(p + from + 1) == 0x2e)) {
      if (len == 2 && top > 0) {
        const m = unchecked(st[--top]);
        w = m < 0 ? -m - 1 : m;
      }
      if (i == n) unchecked(st[top++] = -w - 1); // a final `.` or `..` leaves an empty last segment
    } else if (len == 0) {
      unchecked(st[top++] = -w - 1);
    } else {
      unchecked(st[top++] = w);
      if (w > 1) store<u8>(o + w++, 0x2f);
      memory.copy(o + w, p + from, len);
      w += len;
    }
    from = i + 1;
  }
  // A final empty segment is a trailing '/' (unless the path is just '/').
  if (top > 0 && unchecked(st[top - 1]) < 0 && w > 1) store<u8>(o + w++, 0x2f);
  out.len = w;
}

/** The port in an authority (`host:port`), or -1. */
export function authorityPort(p: usize, n: i32): i32 {
  let colon = -1;
  for (let i = n - 1; i >= 0; i--) if (load<u8>(p + i) == 0x3a) { colon = i; break; }
  const digits = n - colon - 1;
  if (colon < 0 || digits < 1 || digits > 5) return -1;
  let port = 0;
  for (let i = colon + 1; i < n; i++) {
    const c = <i32>load<u8>(p + i) - 0x30;
    if (c < 0 || c > 9) return -1;
    port = port * 10 + c;
  }
  return port >= 1 && port <= 65535 ? port : -1;
}

export let parsedInt: i64 = 0;

function isSpace(c: u8): bool { return c == 0x20 || (c >= 0x09 && c <= 0x0d); }

/** absl::SimpleAtoi into int64 (src/evaluate/request.ts parseInt64); result in parsedInt. */
export function parseInt64(p: usize, n: i32): bool {
  let i = 0;
  while (i < n && isSpace(load<u8>(p + i))) i++;
  let e = n;
  while (e > i && isSpace(load<u8>(p + e - 1))) e--;
  let neg = false;
  if (i < e && (load<u8>(p + i) == 0x2b || load<u8>(p + i) == 0x2d)) { neg = load<u8>(p + i) == 0x2d; i++; }
  if (i >= e) return false;
  // Accumulate as a negative number so INT64_MIN fits.
  let v: i64 = 0;
  for (let k = i; k < e; k++) {
    const c = <i32>load<u8>(p + k) - 0x30;
    if (c < 0 || c > 9) return false;
    if (v < (i64.MIN_VALUE + <i64>c) / 10) return false;
    v = v * 10 - <i64>c;
  }
  if (!neg) { if (v == i64.MIN_VALUE) return false; v = -v; }
  parsedInt = v;
  return true;
}

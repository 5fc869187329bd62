// route(): the gateway stage of src/evaluate/router.ts over a validated Table. Picks the group of
// (listener port, protocol) and the virtual host, walks the path trie collecting rank lists, merges
// them by rank and returns the first route whose remaining criteria hold; then rewrites and picks
// the target. The router stage (issue 5) slots in after decide() once the table carries it.

import { Table, NONE, S_ROUTERS, S_SERVICES, S_GROUPS, S_LISTENERS, S_LISTS, S_NODES, S_PREDICATES, S_RANGES, S_ROUTES, S_TARGETS, S_VHOSTS } from "../table/reader";
import { fullMatch } from "../regex/matcher";
import {
  GROUP_FIRST_VHOST, GROUP_PORT, GROUP_PROTOCOL, GROUP_VHOST_COUNT, LISTENER_PORT, LISTENER_PROTOCOL, NODE_CHILD_COUNT,
  NODE_EXACT_COUNT, NODE_EXACT_START, NODE_FIRST_CHILD, NODE_LABEL_LENGTH, NODE_LABEL_START, NODE_PREFIX_COUNT, NODE_PREFIX_START,
  PREDICATE_AUX, PREDICATE_INVERT, PREDICATE_KIND, PREDICATE_NAME, PREDICATE_OP, PREDICATE_VALUE, RANGE_END, RANGE_START,
  ROUTER_FIRST_GROUP, ROUTER_FIRST_LISTENER, ROUTER_FIRST_ROUTE, ROUTER_FLAGS, ROUTER_FLAG_VIRTUAL_HOST, ROUTER_GROUP_COUNT,
  ROUTER_KIND, ROUTER_LISTENER_COUNT, ROUTER_NAME, ROUTE_FIRST_PREDICATE, ROUTE_FIRST_TARGET, ROUTE_FLAGS, ROUTE_FLAG_HOST_REWRITE_DISABLED,
  ROUTE_FLAG_WEIGHTED, ROUTE_HOST, ROUTE_HOST_KIND, ROUTE_METHOD, ROUTE_PATH, ROUTE_PATH_KIND, ROUTE_PATH_REGEX, ROUTE_PATH_REWRITE,
  ROUTE_PREDICATE_COUNT, ROUTE_PREFIX_REWRITE, ROUTE_PREFIX_VALUE, ROUTE_PROTOCOL, ROUTE_SCHEME, ROUTE_TARGET_COUNT,
  SERVICE_NAME, SERVICE_PROVIDER, SERVICE_PROVIDER_KIND, TARGET_PORT, TARGET_VIRTUAL_SERVICE, TARGET_WEIGHT, VHOST_FIRST_NODE,
  VHOST_HOST, VHOST_KIND, VHOST_NODE_COUNT, VHOST_OTHER_COUNT, VHOST_OTHER_START,
} from "../table/layout";
import { Buf, Ints, bytesEqual, endsWith, startsWith } from "./bytes";
import { Request, authorityPort, headerValue, normalize, parseInt64, parsedInt, queryValue, valueLen, valuePtr } from "./request";

const PROTO_GRPC = 3;
const METHODS: StaticArray<string> = ["", "GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
const METHOD_BYTES = new StaticArray<ArrayBuffer>(10);
for (let i = 0; i < 10; i++) METHOD_BYTES[i] = String.UTF8.encode(METHODS[i]);

export class Decision {
  matched: bool = false;
  /** gRPC request (for the 404's grpc-status). */
  grpc: bool = false;
  /** Route record address of the winner, 0 when none. */
  route: usize = 0;
  /** Target record address, 0 when none. */
  target: usize = 0;
  /** Rewritten path with the query (valid when matched). */
  path: Buf = new Buf();
  /** Rewritten authority: 0 keep, 1 virtual service name. */
  authorityToService: bool = false;
  /** Router stage (two-stage tables): the chosen virtual node (string index) or NONE. */
  node: u32 = NONE;
  /** The gateway matched but the router stage found nothing: 404 at stage `router`. */
  routerNoMatch: bool = false;
}

export const decision = new Decision();
const starts = new Ints();
const ends = new Ints();

/** Chooses among weighted targets: a value in [0, 2^32), see pickTarget. */
let pickValue: u32 = 0;
let pickSticky: bool = false;

/** `pick`: the sticky hash (`sticky`) or a PRNG value, each in [0, 2^32). */
export function route(t: Table, req: Request, pick: u32, sticky: bool): Decision {
  pickValue = pick;
  pickSticky = sticky;
  const d = decision;
  d.matched = false; d.route = 0; d.target = 0; d.grpc = false; d.authorityToService = false;
  d.node = NONE; d.routerNoMatch = false;
  normalize(req);
  const r = t.router;
  const firstListener = load<u32>(r + ROUTER_FIRST_LISTENER), listenerCount = load<u32>(r + ROUTER_LISTENER_COUNT);
  // Listener port: explicit; else the only listener; else the authority's port if a listener.
  let port = req.port;
  if (port < 0) {
    if (listenerCount == 1) port = <i32>load<u32>(t.at(S_LISTENERS, firstListener));
    else if (req.hasAuthority) {
      const ap = authorityPort(req.authorityPtr, req.authorityLen);
      for (let i: u32 = 0; i < listenerCount && ap >= 0; i++) if (<i32>load<u32>(t.at(S_LISTENERS, firstListener + i)) == ap) { port = ap; break; }
    }
  }
  let protocol: u32 = 0;
  for (let i: u32 = 0; i < listenerCount; i++) {
    const l = t.at(S_LISTENERS, firstListener + i);
    if (<i32>load<u32>(l + LISTENER_PORT) == port) { protocol = load<u32>(l + LISTENER_PROTOCOL); break; }
  }
  d.grpc = protocol == PROTO_GRPC;
  if (port < 0) return d;
  // Group.
  const fg = load<u32>(r + ROUTER_FIRST_GROUP), gc = load<u32>(r + ROUTER_GROUP_COUNT);
  let group: usize = 0;
  for (let i: u32 = 0; i < gc; i++) {
    const g = t.at(S_GROUPS, fg + i);
    if (<i32>load<u32>(g + GROUP_PORT) == port && load<u32>(g + GROUP_PROTOCOL) == protocol) { group = g; break; }
  }
  if (group == 0) return d;
  const virtualHost = (load<u32>(r + ROUTER_FLAGS) & ROUTER_FLAG_VIRTUAL_HOST) != 0;
  const vhost = selectVhost(t, group, req, virtualHost);
  if (vhost == 0) return d;
  const firstRoute = load<u32>(r + ROUTER_FIRST_ROUTE);
  const winner = findWinner(t, vhost, req, firstRoute, virtualHost);
  if (winner < 0) return d;
  decide(t, t.at(S_ROUTES, firstRoute + <u32>winner), req);
  if (d.matched && t.hasMesh) routerStage(t, req);
  return d;
}

const rreq = new Request();

/**
 * The router stage (the issue-5 runtime's routerStage): the target service's provider. A virtual
 * node: that node. A virtual router: its listener on the target port (or its only listener), its
 * routes matched against the rewritten request, then a weighted target (a node). Anything missing:
 * routerNoMatch (404).
 */
function routerStage(t: Table, req: Request): void {
  const d = decision;
  const vs = load<u32>(d.target + TARGET_VIRTUAL_SERVICE);
  const nServices = unchecked(t.count[S_SERVICES]);
  let svc: usize = 0;
  for (let i: u32 = 0; i < nServices; i++) {
    const s = t.at(S_SERVICES, i);
    const name = load<u32>(s + SERVICE_NAME);
    if (name == vs || bytesEqual(t.strPtr(name), t.strLen(name), t.strPtr(vs), t.strLen(vs))) { svc = s; break; }
  }
  const kind = svc == 0 ? 0 : load<u32>(svc + SERVICE_PROVIDER_KIND);
  if (kind == 0) { noRoute(); return; }
  const provider = load<u32>(svc + SERVICE_PROVIDER);
  if (kind == 1) { d.node = provider; return; }
  // The virtual router named `provider`.
  let vr: usize = 0;
  const nRouters = unchecked(t.count[S_ROUTERS]);
  for (let i: u32 = 0; i < nRouters; i++) {
    const r = t.at(S_ROUTERS, i);
    if (load<u32>(r + ROUTER_KIND) != 2) continue;
    const name = load<u32>(r + ROUTER_NAME);
    if (name == provider || bytesEqual(t.strPtr(name), t.strLen(name), t.strPtr(provider), t.strLen(provider))) { vr = r; break; }
  }
  if (vr == 0) { noRoute(); return; }
  // Listener: the target port's, else the only one.
  const targetPort = <i32>load<u32>(d.target + TARGET_PORT);
  const fl = load<u32>(vr + ROUTER_FIRST_LISTENER), lc = load<u32>(vr + ROUTER_LISTENER_COUNT);
  let listener: usize = 0;
  if (targetPort != 0) {
    for (let i: u32 = 0; i < lc; i++) { const l = t.at(S_LISTENERS, fl + i); if (<i32>load<u32>(l + LISTENER_PORT) == targetPort) { listener = l; break; } }
  } else if (lc == 1) listener = t.at(S_LISTENERS, fl);
  if (listener == 0) { noRoute(); return; }
  const port = load<u32>(listener + LISTENER_PORT), protocol = load<u32>(listener + LISTENER_PROTOCOL);
  // The request the router sees: rewritten path (query kept) and authority, same method, headers, scheme.
  rreq.methodPtr = req.methodPtr; rreq.methodLen = req.methodLen;
  rreq.rawPathPtr = d.path.ptr; rreq.rawPathLen = d.path.len;
  if (d.authorityToService) { rreq.hasAuthority = true; rreq.authorityPtr = t.strPtr(vs); rreq.authorityLen = t.strLen(vs); }
  else { rreq.hasAuthority = req.hasAuthority; rreq.authorityPtr = req.authorityPtr; rreq.authorityLen = req.authorityLen; }
  rreq.headers = req.headers; rreq.headerCount = req.headerCount; rreq.scheme = req.scheme;
  rreq.port = <i32>port;
  normalize(rreq);
  const fg = load<u32>(vr + ROUTER_FIRST_GROUP), gc = load<u32>(vr + ROUTER_GROUP_COUNT);
  let group: usize = 0;
  for (let i: u32 = 0; i < gc; i++) {
    const g = t.at(S_GROUPS, fg + i);
    if (load<u32>(g + GROUP_PORT) == port && load<u32>(g + GROUP_PROTOCOL) == protocol) { group = g; break; }
  }
  const vhost: usize = group == 0 ? <usize>0 : selectVhost(t, group, rreq, false);
  const firstRoute = load<u32>(vr + ROUTER_FIRST_ROUTE);
  const winner = vhost == 0 ? -1 : findWinner(t, vhost, rreq, firstRoute, false);
  if (winner < 0) { noRoute(); return; }
  const r = t.at(S_ROUTES, firstRoute + <u32>winner);
  if (!pickSticky) pickValue = nextPrng();
  const ti = pickTarget(t, r);
  if (ti < 0) { noRoute(); return; }
  d.node = load<u32>(t.at(S_TARGETS, load<u32>(r + ROUTE_FIRST_TARGET) + <u32>ti) + TARGET_VIRTUAL_SERVICE);
}

function noRoute(): void {
  decision.matched = false;
  decision.routerNoMatch = true;
  decision.node = NONE;
}

/** A second PRNG draw for the router pick when the pick is not sticky. */
let prngState: u32 = 0x2545f491;
function nextPrng(): u32 {
  let x = prngState ^ pickValue;
  x ^= x << 13; x ^= x >> 17; x ^= x << 5;
  prngState = x == 0 ? 0x2545f491 : x;
  return x;
}

/** Exact host, else the longest matching suffix, else the host-less virtual host; flat mode: the `any` one. */
function selectVhost(t: Table, group: usize, req: Request, virtualHost: bool): usize {
  const fv = load<u32>(group + GROUP_FIRST_VHOST), vc = load<u32>(group + GROUP_VHOST_COUNT);
  let any: usize = 0, best: usize = 0, bestLen = -1;
  const hp = req.host.ptr, hn = req.host.len;
  for (let i: u32 = 0; i < vc; i++) {
    const v = t.at(S_VHOSTS, fv + i);
    const kind = load<u32>(v + VHOST_KIND);
    if (kind == 0) { if (any == 0) any = v; continue; }
    if (!virtualHost) continue;
    const s = load<u32>(v + VHOST_HOST);
    const sp = t.strPtr(s), sn = t.strLen(s);
    if (kind == 1) { if (bytesEqual(hp, hn, sp, sn)) return v; }
    else if (hn > sn && sn > bestLen && endsWith(hp, hn, sp, sn)) { best = v; bestLen = sn; }
  }
  return best != 0 ? best : any;
}

function findWinner(t: Table, vhost: usize, req: Request, firstRoute: u32, virtualHost: bool): i32 {
  let n = 0;
  const oc = load<u32>(vhost + VHOST_OTHER_COUNT);
  starts.ensure(2); ends.ensure(2);
  if (oc > 0) {
    const os = load<u32>(vhost + VHOST_OTHER_START);
    unchecked(starts.data[0] = <i32>os); unchecked(ends.data[0] = <i32>(os + oc));
    n = 1;
  }
  if (load<u32>(vhost + VHOST_NODE_COUNT) > 0) n = collectTrieLists(t, load<u32>(vhost + VHOST_FIRST_NODE), req.path.ptr, req.path.len, n);
  const lists = unchecked(t.rec[S_LISTS]);
  const s = starts.data, e = ends.data;
  for (;;) {
    let best = -1;
    let bestRank: u32 = 0xffffffff;
    for (let i = 0; i < n; i++) {
      const st = unchecked(s[i]);
      if (st < unchecked(e[i])) {
        const rank = load<u32>(lists + (<usize>st << 2));
        if (rank < bestRank) { bestRank = rank; best = i; }
      }
    }
    if (best < 0) return -1;
    unchecked(s[best] = unchecked(s[best]) + 1);
    const r = t.at(S_ROUTES, firstRoute + bestRank);
    if (load<u8>(r + ROUTE_PATH_KIND) == 3 && !fullMatch(t.regexPtr(load<u32>(r + ROUTE_PATH_REGEX)), req.path.ptr, req.path.len)) continue;
    const hk = load<u8>(r + ROUTE_HOST_KIND);
    if (!virtualHost && hk != 0 && !hostMatches(t, hk, load<u32>(r + ROUTE_HOST), req)) continue;
    if (residualHolds(t, r, req)) return <i32>bestRank;
  }
  return -1;
}

function hostMatches(t: Table, kind: u8, host: u32, req: Request): bool {
  const sp = t.strPtr(host), sn = t.strLen(host);
  if (kind == 1) return bytesEqual(req.host.ptr, req.host.len, sp, sn);
  return req.host.len > sn && endsWith(req.host.ptr, req.host.len, sp, sn);
}

function collectTrieLists(t: Table, root: u32, p: usize, len: i32, n: i32): i32 {
  const nodes = unchecked(t.rec[S_NODES]);
  const blob = t.strBlob;
  let o = nodes + <usize>root * 24;
  let d = 0;
  for (;;) {
    starts.ensure(n + 2); ends.ensure(n + 2);
    const pc = <i32>load<u16>(o + NODE_PREFIX_COUNT);
    if (pc > 0) {
      const st = <i32>load<u32>(o + NODE_PREFIX_START);
      unchecked(starts.data[n] = st); unchecked(ends.data[n] = st + pc); n++;
    }
    if (d == len) {
      const ec = <i32>load<u16>(o + NODE_EXACT_COUNT);
      if (ec > 0) {
        const st = <i32>load<u32>(o + NODE_EXACT_START);
        unchecked(starts.data[n] = st); unchecked(ends.data[n] = st + ec); n++;
      }
      return n;
    }
    const byte = <i32>load<u8>(p + d);
    // Binary search among the children, sorted by first label byte.
    let lo = <i32>load<u32>(o + NODE_FIRST_CHILD);
    let hi = lo + <i32>load<u16>(o + NODE_CHILD_COUNT) - 1;
    let child: usize = 0;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const c = nodes + <usize>mid * 24;
      const b = <i32>load<u8>(blob + <usize>load<u32>(c + NODE_LABEL_START));
      if (b == byte) { child = c; break; }
      if (b < byte) lo = mid + 1; else hi = mid - 1;
    }
    if (child == 0) return n;
    const ll = <i32>load<u16>(child + NODE_LABEL_LENGTH);
    if (d + ll > len) return n;
    if (memory.compare(blob + <usize>load<u32>(child + NODE_LABEL_START), p + d, ll) != 0) return n;
    d += ll;
    o = child;
  }
  return n;
}

function residualHolds(t: Table, r: usize, req: Request): bool {
  const m = <i32>load<u8>(r + ROUTE_METHOD);
  if (m != 0) {
    const mb = unchecked(METHOD_BYTES[m]);
    if (req.methodLen < 0) { if (m != 1) return false; }
    else if (!bytesEqual(req.methodPtr, req.methodLen, changetype<usize>(mb), mb.byteLength)) return false;
  }
  // The scheme byte (docs/table-format.md routes +37) is a criterion in every table, as in the JS runtime.
  const sc = load<u8>(r + ROUTE_SCHEME);
  if (sc != 0 && sc != req.scheme) return false;
  const fp = load<u32>(r + ROUTE_FIRST_PREDICATE), pc = <u32>load<u16>(r + ROUTE_PREDICATE_COUNT);
  for (let i: u32 = 0; i < pc; i++) if (!predicateHolds(t, t.at(S_PREDICATES, fp + i), req)) return false;
  return true;
}

function predicateHolds(t: Table, p: usize, req: Request): bool {
  const kind = load<u8>(p + PREDICATE_KIND), op = load<u8>(p + PREDICATE_OP), invert = load<u8>(p + PREDICATE_INVERT) != 0;
  const name = load<u32>(p + PREDICATE_NAME);
  if (kind == 2) {
    queryValue(req, t.strPtr(name), t.strLen(name));
    if (valueLen < 0) return false;
    if (op == 0) return true;
    const v = load<u32>(p + PREDICATE_VALUE);
    return bytesEqual(valuePtr, valueLen, t.strPtr(v), t.strLen(v));
  }
  headerValue(req, t.strPtr(name), t.strLen(name));
  if (valueLen < 0) return op == 0 && invert;
  const vp = valuePtr, vl = valueLen;
  let m: bool;
  if (op == 0) m = true;
  else if (op == 4) m = fullMatch(t.regexPtr(load<u32>(p + PREDICATE_AUX)), vp, vl);
  else if (op == 5) {
    const rg = t.at(S_RANGES, load<u32>(p + PREDICATE_AUX));
    m = parseInt64(vp, vl) && parsedInt >= load<i64>(rg + RANGE_START) && parsedInt < load<i64>(rg + RANGE_END);
  } else {
    const v = load<u32>(p + PREDICATE_VALUE);
    const sp = t.strPtr(v), sn = t.strLen(v);
    m = op == 1 ? bytesEqual(vp, vl, sp, sn) : op == 2 ? startsWith(vp, vl, sp, sn) : endsWith(vp, vl, sp, sn);
  }
  return invert ? !m : m;
}

function decide(t: Table, r: usize, req: Request): void {
  const d = decision;
  d.route = r;
  const ti = pickTarget(t, r);
  if (ti < 0) return;
  d.target = t.at(S_TARGETS, load<u32>(r + ROUTE_FIRST_TARGET) + <u32>ti);
  d.matched = true;
  rewritePath(t, r, req, d.path);
  if (req.hasQuery) { d.path.push(0x3f); d.path.append(req.queryPtr, req.queryLen); }
  d.authorityToService = (load<u8>(r + ROUTE_FLAGS) & ROUTE_FLAG_HOST_REWRITE_DISABLED) == 0;
}

/**
 * The target index: the only one, or the first target whose cumulative weight exceeds x; -1 if all
 * weigh 0. Sticky: x = hash mod total (the JS runtime's pickTarget with a sticky key); else
 * x = floor(u × total), u = pickValue / 2^32 (its floor(random() × total)).
 */
function pickTarget(t: Table, r: usize): i32 {
  const tc = <i32>load<u16>(r + ROUTE_TARGET_COUNT);
  const ft = load<u32>(r + ROUTE_FIRST_TARGET);
  const weighted = (load<u8>(r + ROUTE_FLAGS) & ROUTE_FLAG_WEIGHTED) != 0;
  if (tc == 1 && !weighted) return 0;
  let total: u64 = 0;
  for (let i = 0; i < tc; i++) total += <u64>load<u32>(t.at(S_TARGETS, ft + <u32>i) + TARGET_WEIGHT);
  if (total == 0) return -1;
  const x = pickSticky ? <u64>pickValue % total : (<u64>pickValue * total) >> 32;
  let cum: u64 = 0;
  for (let i = 0; i < tc; i++) {
    cum += <u64>load<u32>(t.at(S_TARGETS, ft + <u32>i) + TARGET_WEIGHT);
    if (x < cum) return i;
  }
  return -1;
}

/** src/evaluate/rewrite.ts rewritePath, on bytes. */
function rewritePath(t: Table, r: usize, req: Request, out: Buf): void {
  out.clear();
  const pp = req.path.ptr, pn = req.path.len;
  const exact = load<u32>(r + ROUTE_PATH_REWRITE);
  if (exact != NONE) { out.append(t.strPtr(exact), t.strLen(exact)); return; }
  const pk = load<u8>(r + ROUTE_PATH_KIND);
  if (load<u8>(r + ROUTE_PROTOCOL) == PROTO_GRPC || pk == 2 || pk == 3) { out.append(pp, pn); return; }
  let prefixLen = 1;
  let prefixEndsSlash = true;
  if (pk == 1) {
    const s = load<u32>(r + ROUTE_PATH);
    prefixLen = t.strLen(s);
    prefixEndsSlash = prefixLen > 0 && load<u8>(t.strPtr(s) + prefixLen - 1) == 0x2f;
  }
  const mode = load<u8>(r + ROUTE_PREFIX_REWRITE);
  if (mode == 1) { out.append(pp, pn); return; }
  const rest = pp + prefixLen;
  let restLen = pn - prefixLen;
  if (restLen < 0) restLen = 0;
  if (mode == 2) {
    const v = load<u32>(r + ROUTE_PREFIX_VALUE);
    const vp = t.strPtr(v);
    let vn = t.strLen(v);
    if (prefixEndsSlash) { out.append(vp, vn); out.append(rest, restLen); return; }
    while (vn > 0 && load<u8>(vp + vn - 1) == 0x2f) vn--;
    out.append(vp, vn);
    out.push(0x2f);
    let rp = rest, rn = restLen;
    while (rn > 0 && load<u8>(rp) == 0x2f) { rp++; rn--; }
    out.append(rp, rn);
    return;
  }
  if (restLen == 0 || load<u8>(rest) != 0x2f) out.push(0x2f);
  out.append(rest, restLen);
}

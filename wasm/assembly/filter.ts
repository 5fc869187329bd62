// The filter's logic, free of the ABI: configure() turns plugin-configuration bytes into a loaded
// table; onRequest() turns a serialized request-header map (and an optional destination.port
// property) into an Outcome — the header changes to make, or the local reply to send. The glue in
// abi/exports.ts reads from and applies to the host; it decides nothing.

import { Table, loadTable, loadError, NONE } from "./table/reader";
import { ROUTER_NAME, ROUTER_ROUTE_COUNT, TARGET_VIRTUAL_SERVICE } from "./table/layout";
import { Request, headerValue, valueLen, valuePtr } from "./evaluate/request";
import { route } from "./evaluate/route";
import { Buf, bytesEqual } from "./evaluate/bytes";

/**
 * The table of each root context, with the heap buffer holding its bytes. Envoy runs every plugin
 * with the same vm_id, code and VM configuration in one VM (per worker), each plugin with its own
 * root context and its own proxy_on_configure; streams belong to the root context that created them.
 * One table per module made the last configuration win for every plugin of the VM (issue 13).
 */
const tables = new Map<u32, Table>();
const tableMems = new Map<u32, usize>();
let rng: u32 = 0x9e3779b9;

export function seed(s: u64): void {
  let x = <u32>(s ^ (s >> 32)) ^ 0x9e3779b9;
  rng = x == 0 ? 0x9e3779b9 : x;
}

/** Messages for the log; the glue logs them. */
export let message: string = "";

const TABLE_MAGIC: u32 = 0x4254524d;

/**
 * Plugin configuration → table. Raw table bytes (BytesValue), or the same bytes base64-encoded
 * (StringValue). Takes ownership of `ptr` (heap memory). Returns false with `message` set.
 */
export function configure(root: u32, ptr: usize, len: i32): bool {
  if (len <= 0 || ptr == 0) {
    if (ptr != 0) heap.free(ptr);
    message = "meshroute: no plugin configuration; set `configuration` to the table written by `meshroute compile` (BytesValue, or base64 in a StringValue)";
    return false;
  }
  let mem = ptr, n = len;
  if (!(len >= 4 && load<u32>(ptr) == TABLE_MAGIC)) {
    const decoded = base64Decode(ptr, len);
    heap.free(ptr);
    if (decoded == 0) {
      message = "meshroute: plugin configuration is neither a meshroute table nor base64 of one";
      return false;
    }
    mem = decoded; n = decodedLen;
  }
  const t = loadTable(mem, <u32>n);
  if (t === null) {
    heap.free(mem);
    message = "meshroute: rejected the table in the plugin configuration: " + loadError;
    return false;
  }
  dropTable(root);
  tables.set(root, t);
  tableMems.set(root, mem);
  const r = t.router;
  const name = load<u32>(r + ROUTER_NAME);
  message = "meshroute: table loaded: gateway " + String.UTF8.decodeUnsafe(t.strPtr(name), t.strLen(name)) + ", " + load<u32>(r + ROUTER_ROUTE_COUNT).toString() + " routes, " + n.toString() + " bytes";
  return true;
}

let decodedLen: i32 = 0;

function b64(c: u32): i32 {
  if (c >= 0x41 && c <= 0x5a) return <i32>c - 0x41;
  if (c >= 0x61 && c <= 0x7a) return <i32>c - 0x61 + 26;
  if (c >= 0x30 && c <= 0x39) return <i32>c - 0x30 + 52;
  if (c == 0x2b || c == 0x2d) return 62;
  if (c == 0x2f || c == 0x5f) return 63;
  return -1;
}

/** Standard or URL-safe base64, whitespace ignored, padding optional; 0 when invalid. */
function base64Decode(p: usize, n: i32): usize {
  const out = heap.alloc(<usize>(n / 4 * 3 + 3));
  let acc: u32 = 0, bits = 0, w = 0, pad = 0;
  for (let i = 0; i < n; i++) {
    const c = <u32>load<u8>(p + i);
    if (c == 0x20 || c == 0x0a || c == 0x0d || c == 0x09) continue;
    if (c == 0x3d) { pad++; continue; }
    const v = b64(c);
    if (v < 0 || pad > 0) { heap.free(out); return 0; }
    acc = (acc << 6) | <u32>v;
    bits += 6;
    if (bits >= 8) { bits -= 8; store<u8>(out + w++, <u8>(acc >> bits)); }
  }
  if (pad > 2 || w < 4) { heap.free(out); return 0; }
  decodedLen = w;
  return out;
}

// ---- per request ----

export const ACTION_CONTINUE = 0;
export const ACTION_REPLY = 1;

/** What the glue must do for one request. */
export class Outcome {
  action: i32 = ACTION_CONTINUE;
  /** Header changes: names (ArrayBuffer) and values (ptr, len); a value len of -1 removes. */
  setNames: Array<ArrayBuffer> = new Array<ArrayBuffer>();
  setPtrs: Array<usize> = new Array<usize>();
  setLens: Array<i32> = new Array<i32>();
  status: i32 = 0;
  grpcStatus: i32 = -1;
  details: ArrayBuffer = new ArrayBuffer(0);
  body: ArrayBuffer = new ArrayBuffer(0);
  /** Serialized header pairs of the local reply. */
  replyHeaders: Buf = new Buf();
  clear(): void {
    this.action = ACTION_CONTINUE;
    this.setNames.length = 0; this.setPtrs.length = 0; this.setLens.length = 0;
    this.status = 0; this.grpcStatus = -1; this.replyHeaders.clear();
  }
  set(name: ArrayBuffer, p: usize, n: i32): void { this.setNames.push(name); this.setPtrs.push(p); this.setLens.push(n); }
}

export const outcome = new Outcome();
const request = new Request();

const H_METHOD = String.UTF8.encode(":method");
const H_PATH = String.UTF8.encode(":path");
const H_AUTHORITY = String.UTF8.encode(":authority");
const H_SCHEME = String.UTF8.encode(":scheme");
const S_HTTP = String.UTF8.encode("http");
const S_HTTPS = String.UTF8.encode("https");
const H_GATEWAY_ROUTE = String.UTF8.encode("x-meshroute-gateway-route");
const H_VIRTUAL_SERVICE = String.UTF8.encode("x-meshroute-virtual-service");
const H_VIRTUAL_NODE = String.UTF8.encode("x-meshroute-virtual-node");
const H_CLUSTER = String.UTF8.encode("x-meshroute-cluster");
const H_REQUEST_ID = String.UTF8.encode("x-request-id");
const H_CONTENT_TYPE = String.UTF8.encode("content-type");
const GRPC_CT = String.UTF8.encode("application/grpc");
const DETAILS_NO_ROUTE = String.UTF8.encode("meshroute_no_route");
const DETAILS_NO_TABLE = String.UTF8.encode("meshroute_no_table");
const BODY_NO_ROUTE = String.UTF8.encode("no route: the gateway has no route for this request\n");
const BODY_NO_TABLE = String.UTF8.encode("meshroute: no decision table loaded\n");

@inline function abPtr(b: ArrayBuffer): usize { return changetype<usize>(b); }

/**
 * One request. `pairs`: the serialized request-header map (ABI format) or 0; `port`: the listener
 * port (destination.port), -1 when the host does not say.
 */
export function onRequest(root: u32, pairs: usize, pairsLen: i32, port: i32): Outcome {
  const o = outcome;
  o.clear();
  if (!tables.has(root)) {
    o.action = ACTION_REPLY; o.status = 503; o.details = DETAILS_NO_TABLE; o.body = BODY_NO_TABLE;
    return o;
  }
  const t = tables.get(root);
  const req = request;
  req.reset();
  req.port = port;
  readPairs(req, pairs, pairsLen);
  // Weighted pick: sticky on x-request-id, else the PRNG.
  headerValue(req, abPtr(H_REQUEST_ID), H_REQUEST_ID.byteLength);
  const sticky = valueLen >= 0;
  const pick = sticky ? fnv1a(valuePtr, valueLen) : nextRandom();
  const d = route(t, req, pick, sticky);
  if (!d.matched) {
    // d.route names the gateway route when it matched but had no target, or the router stage found none.
    headerValue(req, abPtr(H_CONTENT_TYPE), H_CONTENT_TYPE.byteLength);
    const grpc = d.grpc || (valueLen >= GRPC_CT.byteLength && memory.compare(valuePtr, abPtr(GRPC_CT), GRPC_CT.byteLength) == 0);
    o.action = ACTION_REPLY;
    o.status = 404;
    o.grpcStatus = grpc ? 12 : -1;
    o.details = DETAILS_NO_ROUTE;
    o.body = grpc ? new ArrayBuffer(0) : BODY_NO_ROUTE;
    if (d.route != 0) {
      const name = load<u32>(d.route);
      serializePair(o.replyHeaders, abPtr(H_GATEWAY_ROUTE), H_GATEWAY_ROUTE.byteLength, t.strPtr(name), t.strLen(name));
    }
    return o;
  }
  const rn = load<u32>(d.route);
  const vs = load<u32>(d.target + TARGET_VIRTUAL_SERVICE);
  o.set(H_GATEWAY_ROUTE, t.strPtr(rn), t.strLen(rn));
  o.set(H_VIRTUAL_SERVICE, t.strPtr(vs), t.strLen(vs));
  // Mesh stage (two-stage tables): the node the router stage chose. Without one (a gateway-only
  // table) the node headers are removed — a client must never choose the cluster.
  const node = d.node;
  if (node != NONE) {
    o.set(H_VIRTUAL_NODE, t.strPtr(node), t.strLen(node));
    o.set(H_CLUSTER, t.strPtr(node), t.strLen(node));
  } else {
    o.set(H_VIRTUAL_NODE, 0, -1);
    o.set(H_CLUSTER, 0, -1);
  }
  if (!bytesEqual(d.path.ptr, d.path.len, req.rawPathPtr, req.rawPathLen) ) o.set(H_PATH, d.path.ptr, d.path.len);
  if (d.authorityToService && !(req.hasAuthority && bytesEqual(req.authorityPtr, req.authorityLen, t.strPtr(vs), t.strLen(vs)))) {
    o.set(H_AUTHORITY, t.strPtr(vs), t.strLen(vs));
  }
  return o;
}

/** Parses the ABI header-map serialization; malformed input counts as an empty map (as the cpp-host does). */
function readPairs(req: Request, p: usize, n: i32): void {
  if (p == 0 || n < 4) return;
  const count = load<u32>(p);
  if (<u64>count * 8 + 4 > <u64>n) return;
  let data = p + 4 + <usize>count * 8;
  const end = p + <usize>n;
  for (let i: u32 = 0; i < count; i++) {
    const kl = load<u32>(p + 4 + 8 * i), vl = load<u32>(p + 8 + 8 * i);
    if (<u64>data + <u64>kl + <u64>vl + 2 > <u64>end) return;
    const k = data, v = data + kl + 1;
    data = v + vl + 1;
    if (kl > 0 && load<u8>(k) == 0x3a) {
      if (bytesEqual(k, kl, abPtr(H_METHOD), H_METHOD.byteLength)) { req.methodPtr = v; req.methodLen = vl; }
      else if (bytesEqual(k, kl, abPtr(H_PATH), H_PATH.byteLength)) { req.rawPathPtr = v; req.rawPathLen = vl; }
      else if (bytesEqual(k, kl, abPtr(H_AUTHORITY), H_AUTHORITY.byteLength)) { req.hasAuthority = true; req.authorityPtr = v; req.authorityLen = vl; }
      else if (bytesEqual(k, kl, abPtr(H_SCHEME), H_SCHEME.byteLength)) {
        req.scheme = bytesEqual(v, vl, abPtr(S_HTTP), S_HTTP.byteLength) ? 1 : bytesEqual(v, vl, abPtr(S_HTTPS), S_HTTPS.byteLength) ? 2 : 0;
      }
      continue;
    }
    req.addHeader(k, kl, v, vl);
  }
}

export function serializePair(out: Buf, k: usize, kl: i32, v: usize, vl: i32): void {
  out.clear();
  out.reserve(12 + kl + vl + 2);
  store<u32>(out.ptr, 1); store<u32>(out.ptr + 4, kl); store<u32>(out.ptr + 8, vl);
  out.len = 12;
  out.append(k, kl); out.push(0); out.append(v, vl); out.push(0);
}

/** FNV-1a, 32 bits: the sticky pick's hash of x-request-id (docs/wasm-filter.md). */
export function fnv1a(p: usize, n: i32): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < n; i++) { h ^= <u32>load<u8>(p + i); h *= 0x01000193; }
  return h;
}

function nextRandom(): u32 {
  let x = rng;
  x ^= x << 13; x ^= x >> 17; x ^= x << 5;
  rng = x;
  return x;
}

/** Frees the table of root context `root` (reconfigured, or the root context deleted). */
export function dropTable(root: u32): void {
  if (!tableMems.has(root)) return;
  heap.free(tableMems.get(root));
  tableMems.delete(root);
  tables.delete(root);
}

/**
 * destination.port: 8-byte little-endian integer (Envoy) or decimal digits; -1 when unreadable.
 * Any readable value is the listener port, even one that is no listener (then no route takes part),
 * as an explicit port is for the JS runtime.
 */
export function decodePort(p: usize, n: i32): i32 {
  if (n == 8) {
    const v = load<u64>(p);
    return v <= 0x7fffffff ? <i32>v : -1;
  }
  if (n < 1 || n > 5) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = <i32>load<u8>(p + i) - 0x30;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}


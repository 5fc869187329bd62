// Decision-table reader (docs/table-format.md, version 1), mirroring src/table/decode.ts: the bytes
// are untrusted, so loadTable checks every offset, count, index, enum, layout rule, the trie shape,
// list order, UTF-8 and every automaton once; afterwards the evaluator reads records with plain
// loads that cannot leave the table. Errors are returned as a message (never a trap).

import { validateAutomaton, prepareScratch, resetScratchSizing } from "../regex/matcher";
import {
  NONE, MAGIC, FORMAT_VERSION, HEADER_SIZE, MAX_SECTIONS, DIR_ENTRY_SIZE, D_KIND, D_OFFSET, D_LENGTH, SECTION_ALIGN, BLOB_ENTRY_SIZE, BLOB_OFFSET, BLOB_LENGTH, KNOWN_FLAGS, KNOWN_ROUTE_FLAGS, KNOWN_ROUTER_FLAGS,
  H_VERSION, H_HEADER_SIZE, H_FLAGS, H_TOTAL_LENGTH, H_CHECKSUM, H_SECTION_COUNT,
  S_STRINGS, S_ROUTERS, S_LISTENERS, S_GROUPS, S_VHOSTS, S_NODES, S_LISTS, S_ROUTES, S_PREDICATES, S_RANGES, S_TARGETS, S_REGEX, S_SERVICES, S_POLICIES,
  ROUTER_SIZE, LISTENER_SIZE, GROUP_SIZE, VHOST_SIZE, NODE_SIZE, LIST_SIZE, ROUTE_SIZE, PREDICATE_SIZE, RANGE_SIZE, TARGET_SIZE, SERVICE_SIZE, VNODE_SIZE, NODE_LISTENER_SIZE, ATTRIBUTE_SIZE, POLICY_SIZE,
  ROUTER_KIND, ROUTER_NAME, ROUTER_MESH, ROUTER_FLAGS, ROUTER_FIRST_ROUTE, ROUTER_ROUTE_COUNT, ROUTER_FIRST_GROUP, ROUTER_GROUP_COUNT, ROUTER_FIRST_LISTENER, ROUTER_LISTENER_COUNT,
  LISTENER_PORT, LISTENER_PROTOCOL, GROUP_PORT, GROUP_PROTOCOL, GROUP_FIRST_VHOST, GROUP_VHOST_COUNT,
  VHOST_KIND, VHOST_HOST, VHOST_FIRST_NODE, VHOST_NODE_COUNT, VHOST_OTHER_START, VHOST_OTHER_COUNT,
  NODE_LABEL_START, NODE_LABEL_LENGTH, NODE_CHILD_COUNT, NODE_FIRST_CHILD, NODE_PREFIX_START, NODE_EXACT_START, NODE_PREFIX_COUNT, NODE_EXACT_COUNT,
  ROUTE_NAME, ROUTE_PROTOCOL, ROUTE_PATH_KIND, ROUTE_HOST_KIND, ROUTE_METHOD, ROUTE_PRIORITY, ROUTE_PATH, ROUTE_PATH_REGEX, ROUTE_HOST,
  ROUTE_FIRST_PREDICATE, ROUTE_PREDICATE_COUNT, ROUTE_TARGET_COUNT, ROUTE_FIRST_TARGET, ROUTE_PREFIX_REWRITE, ROUTE_SCHEME, ROUTE_FLAGS, ROUTE_PREFIX_VALUE, ROUTE_PATH_REWRITE,
  PREDICATE_KIND, PREDICATE_OP, PREDICATE_NAME, PREDICATE_VALUE, PREDICATE_AUX, TARGET_VIRTUAL_SERVICE, TARGET_PORT,
  SERVICE_NAME, SERVICE_PROVIDER_KIND, SERVICE_PROVIDER,
} from "./layout";

export { NONE, S_STRINGS, S_ROUTERS, S_LISTENERS, S_GROUPS, S_VHOSTS, S_NODES, S_LISTS, S_ROUTES, S_PREDICATES, S_RANGES, S_TARGETS, S_REGEX, S_SERVICES } from "./layout";
const FIRST_MESH = S_SERVICES;
const LAST_MESH = S_POLICIES;

/** Record sizes by section kind (0 = blob section), from the generated layout. */
const RECORD_SIZE: StaticArray<u32> = [0, 0, ROUTER_SIZE, LISTENER_SIZE, GROUP_SIZE, VHOST_SIZE, NODE_SIZE, LIST_SIZE, ROUTE_SIZE, PREDICATE_SIZE, RANGE_SIZE, TARGET_SIZE, 0, SERVICE_SIZE, VNODE_SIZE, NODE_LISTENER_SIZE, ATTRIBUTE_SIZE, POLICY_SIZE];

/** A validated table in linear memory. Record pointers are absolute addresses. */
export class Table {
  base: usize = 0;
  length: u32 = 0;
  /** First record (after the count) and count of each array section, by kind. */
  rec: StaticArray<usize> = new StaticArray<usize>(18);
  count: StaticArray<u32> = new StaticArray<u32>(18);
  /** The router-stage sections are present (services maps a virtual service to its provider). */
  hasMesh: bool = false;
  /** strings: entry table pointer and blob start. */
  strEntries: usize = 0;
  strBlob: usize = 0;
  strBlobLen: u32 = 0;
  regexEntries: usize = 0;
  regexBlob: usize = 0;
  /** The gateway router used (absolute record address). */
  router: usize = 0;

  /** Absolute address and length of string i. */
  @inline strPtr(i: u32): usize { return this.strBlob + <usize>load<u32>(this.strEntries + <usize>BLOB_ENTRY_SIZE * <usize>i); }
  @inline strLen(i: u32): i32 { return <i32>load<u32>(this.strEntries + <usize>BLOB_ENTRY_SIZE * <usize>i + BLOB_LENGTH); }
  @inline regexPtr(i: u32): usize { return this.regexBlob + <usize>load<u32>(this.regexEntries + <usize>BLOB_ENTRY_SIZE * <usize>i); }
  @inline at(kind: i32, i: u32): usize { return unchecked(this.rec[kind]) + <usize>i * <usize>unchecked(RECORD_SIZE[kind]); }
}

export let loadError: string = "";

function fail(msg: string, offset: usize): Table | null {
  loadError = msg + " (byte " + offset.toString() + ")";
  return null;
}

const CRC = makeCrc();
function makeCrc(): StaticArray<u32> {
  const t = new StaticArray<u32>(256);
  for (let n: u32 = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    unchecked(t[n] = c);
  }
  return t;
}

function checksum(p: usize, len: u32): u32 {
  let c: u32 = 0xffffffff;
  for (let i: u32 = 0; i < len; i++) {
    const b: u32 = i >= 16 && i < 20 ? 0 : <u32>load<u8>(p + i);
    c = unchecked(CRC[(c ^ b) & 0xff]) ^ (c >>> 8);
  }
  return ~c;
}

/** Strict UTF-8 (as TextDecoder fatal): no overlongs, no surrogates, ≤ U+10FFFF. */
export function validUtf8(p: usize, n: i32): bool {
  let i = 0;
  while (i < n) {
    const b0 = <u32>load<u8>(p + i);
    if (b0 < 0x80) { i++; continue; }
    let need = 0;
    let lo: u32 = 0x80, hi: u32 = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) need = 1;
    else if (b0 >= 0xe0 && b0 <= 0xef) { need = 2; if (b0 == 0xe0) lo = 0xa0; else if (b0 == 0xed) hi = 0x9f; }
    else if (b0 >= 0xf0 && b0 <= 0xf4) { need = 3; if (b0 == 0xf0) lo = 0x90; else if (b0 == 0xf4) hi = 0x8f; }
    else return false;
    if (i + need >= n) return false;
    const b1 = <u32>load<u8>(p + i + 1);
    if (b1 < lo || b1 > hi) return false;
    for (let k = 2; k <= need; k++) {
      const b = <u32>load<u8>(p + i + k);
      if (b < 0x80 || b > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Layout cursors (docs/table-format.md § What a reader checks). */
class Cursors { route: u32 = 0; group: u32 = 0; listener: u32 = 0; vhost: u32 = 0; node: u32 = 0; list: u32 = 0; predicate: u32 = 0; target: u32 = 0; }

/** Validates `len` bytes at `p` and returns the table, or null with loadError set. */
export function loadTable(p: usize, len: u32): Table | null {
  if (len < HEADER_SIZE) return fail("table truncated: " + len.toString() + " bytes, header needs 24", 0);
  if (load<u32>(p) != MAGIC) return fail("not a meshroute table (bad magic)", 0);
  const version = load<u16>(p + H_VERSION);
  if (version != <u16>FORMAT_VERSION) return fail("unsupported table format version " + version.toString() + " (this filter reads version 1)", H_VERSION);
  if (load<u16>(p + H_HEADER_SIZE) != <u16>HEADER_SIZE) return fail("unexpected header size", H_HEADER_SIZE);
  if (load<u32>(p + H_FLAGS) != KNOWN_FLAGS) return fail("unknown table flags", H_FLAGS);
  if (load<u32>(p + H_TOTAL_LENGTH) != len) return fail("table length mismatch: header says " + load<u32>(p + H_TOTAL_LENGTH).toString() + " bytes, got " + len.toString(), H_TOTAL_LENGTH);
  if (checksum(p, len) != load<u32>(p + H_CHECKSUM)) return fail("checksum mismatch (corrupt or truncated table)", H_CHECKSUM);
  const nSec = load<u32>(p + H_SECTION_COUNT);
  if (nSec > MAX_SECTIONS) return fail("too many sections", 20);
  const dirEnd: u64 = <u64>HEADER_SIZE + <u64>nSec * <u64>DIR_ENTRY_SIZE;
  if (dirEnd > <u64>len) return fail("section directory runs past the end", 20);
  const t = new Table();
  t.base = p;
  t.length = len;
  const off = new StaticArray<u32>(18);
  const slen = new StaticArray<u32>(18);
  const seen = new StaticArray<bool>(18);
  const seenOther = new Array<u32>();
  for (let i: u32 = 0; i < nSec; i++) {
    const e = p + HEADER_SIZE + DIR_ENTRY_SIZE * i;
    const kind = load<u32>(e + D_KIND), o = load<u32>(e + D_OFFSET), l = load<u32>(e + D_LENGTH);
    if (<u64>o < dirEnd || o > len || (o & (SECTION_ALIGN - 1)) != 0 || l > len - o) return fail("section " + kind.toString() + " outside the data", e - p);
    if (kind >= 1 && kind <= <u32>LAST_MESH) {
      if (unchecked(seen[kind])) return fail("section " + kind.toString() + " appears twice", e - p);
      unchecked(seen[kind] = true); unchecked(off[kind] = o); unchecked(slen[kind] = l);
    } else {
      if (seenOther.includes(kind)) return fail("section " + kind.toString() + " appears twice", e - p);
      seenOther.push(kind);
    }
  }
  for (let k = 1; k <= 12; k++) if (!unchecked(seen[k])) return fail("required section " + k.toString() + " missing", HEADER_SIZE);
  let meshCount = 0;
  for (let k = FIRST_MESH; k <= LAST_MESH; k++) if (unchecked(seen[k])) meshCount++;
  if (meshCount != 0 && meshCount != LAST_MESH - FIRST_MESH + 1) return fail("router-stage sections must all be present", HEADER_SIZE);
  t.hasMesh = meshCount != 0;
  // Array sections: exact lengths.
  for (let k = 2; k <= LAST_MESH; k++) {
    if (k == S_REGEX || !unchecked(seen[k])) continue;
    const o = unchecked(off[k]), l = unchecked(slen[k]);
    if (l < 4) return fail("section " + k.toString() + " too short for its count", o);
    const c = load<u32>(p + o);
    if (<u64>c * <u64>unchecked(RECORD_SIZE[k]) + 4 != <u64>l) return fail("section " + k.toString() + " records do not fill it", o);
    unchecked(t.rec[k] = p + o + 4);
    unchecked(t.count[k] = c);
  }
  // Blob sections.
  for (let pass = 0; pass < 2; pass++) {
    const k = pass == 0 ? S_STRINGS : S_REGEX;
    const o = unchecked(off[k]), l = unchecked(slen[k]);
    if (l < 4) return fail("blob section too short", o);
    const c = load<u32>(p + o);
    if (<u64>c * <u64>BLOB_ENTRY_SIZE > <u64>(l - 4)) return fail("blob entries do not fit", o);
    const blob = o + 4 + c * BLOB_ENTRY_SIZE;
    const blobLen = o + l - blob;
    // In order without overlap (as src/table/decode.ts): every blob byte is validated at most once.
    let next: u32 = 0;
    for (let i: u32 = 0; i < c; i++) {
      const e = p + o + 4 + BLOB_ENTRY_SIZE * i;
      const bo = load<u32>(e + BLOB_OFFSET), bl = load<u32>(e + BLOB_LENGTH);
      if (bo > blobLen || bl > blobLen - bo) return fail("blob entry outside its blob", e - p);
      if (bo < next) return fail("table layout: blob entry overlaps the previous one", e - p);
      next = bo + bl;
    }
    unchecked(t.count[k] = c);
    if (k == S_STRINGS) { t.strEntries = p + o + 4; t.strBlob = p + blob; t.strBlobLen = blobLen; }
    else { t.regexEntries = p + o + 4; t.regexBlob = p + blob; }
  }
  const nStr = unchecked(t.count[S_STRINGS]);
  for (let i: u32 = 0; i < nStr; i++) if (!validUtf8(t.strPtr(i), t.strLen(i))) return fail("string is not valid UTF-8", t.strPtr(i) - p);
  const nRegex = unchecked(t.count[S_REGEX]);
  resetScratchSizing();
  for (let i: u32 = 0; i < nRegex; i++) {
    const err = validateAutomaton(t.regexPtr(i), <i32>load<u32>(t.regexEntries + BLOB_ENTRY_SIZE * i + BLOB_LENGTH));
    if (err !== null) return fail(err, t.regexPtr(i) - p);
  }
  const err = validateReferences(t);
  if (err !== null) return fail(err, 0);
  // The first gateway router.
  const nRouters = unchecked(t.count[S_ROUTERS]);
  for (let i: u32 = 0; i < nRouters; i++) {
    const r = t.at(S_ROUTERS, i);
    if (load<u32>(r + ROUTER_KIND) == 1) { t.router = r; break; }
  }
  if (t.router == 0) return fail("table has no gateway router", 0);
  prepareScratch();
  return t;
}

function strOk(t: Table, i: u32, optional: bool): bool {
  return i == NONE ? optional : i < unchecked(t.count[S_STRINGS]);
}
function rangeOk(first: u32, count: u32, total: u32): bool {
  return first <= total && count <= total - first;
}

function validateReferences(t: Table): string | null {
  const cur = new Cursors();
  const nRoutes = unchecked(t.count[S_ROUTES]);
  const nPred = unchecked(t.count[S_PREDICATES]);
  const nTargets = unchecked(t.count[S_TARGETS]);
  const nRegex = unchecked(t.count[S_REGEX]);
  const nRanges = unchecked(t.count[S_RANGES]);
  for (let i: u32 = 0; i < unchecked(t.count[S_LISTENERS]); i++) {
    const l = t.at(S_LISTENERS, i);
    const port = load<u32>(l + LISTENER_PORT), proto = load<u32>(l + LISTENER_PROTOCOL);
    if (proto < 1 || proto > 4 || port < 1 || port > 0xffff) return "bad listener";
  }
  for (let i: u32 = 0; i < nRoutes; i++) {
    const r = t.at(S_ROUTES, i);
    if (!strOk(t, load<u32>(r + ROUTE_NAME), false)) return "route name index out of range";
    const proto = load<u8>(r + ROUTE_PROTOCOL), pk = load<u8>(r + ROUTE_PATH_KIND), hk = load<u8>(r + ROUTE_HOST_KIND), method = load<u8>(r + ROUTE_METHOD);
    if (proto < 1 || proto > (t.hasMesh ? 4 : 3)) return "bad route protocol";
    const scheme = load<u8>(r + ROUTE_SCHEME);
    if (scheme > 2) return "bad scheme";
    if (proto == 4 && (pk != 0 || hk != 0 || method != 0 || load<u16>(r + ROUTE_PREDICATE_COUNT) != 0 || scheme != 0)) return "a tcp route matches on port only";
    if (pk > 3) return "bad path kind";
    const path = load<u32>(r + ROUTE_PATH);
    if (!strOk(t, path, pk == 0)) return "route path index out of range";
    if (pk == 0 && path != NONE) return "path-less route with a path";
    const rx = load<u32>(r + ROUTE_PATH_REGEX);
    if (pk == 3 ? rx >= nRegex : rx != NONE) return "bad path regex";
    if (hk > 2) return "bad host kind";
    const host = load<u32>(r + ROUTE_HOST);
    if (!strOk(t, host, hk == 0)) return "route host index out of range";
    if (hk == 0 && host != NONE) return "host-less route with a host";
    if (method > 9) return "bad method";
    const prio = load<u16>(r + ROUTE_PRIORITY);
    if (prio > 1000 && prio != 0xffff) return "bad priority";
    const fp = load<u32>(r + ROUTE_FIRST_PREDICATE), pc = <u32>load<u16>(r + ROUTE_PREDICATE_COUNT), tc = <u32>load<u16>(r + ROUTE_TARGET_COUNT), ft = load<u32>(r + ROUTE_FIRST_TARGET);
    if (!rangeOk(fp, pc, nPred)) return "route predicates out of range";
    if (!rangeOk(ft, tc, nTargets)) return "route targets out of range";
    const pr = load<u8>(r + ROUTE_PREFIX_REWRITE);
    if (pr > 3) return "bad prefix rewrite";
    if ((load<u8>(r + ROUTE_FLAGS) & ~KNOWN_ROUTE_FLAGS) != 0) return "unknown route flags";
    if (!strOk(t, load<u32>(r + ROUTE_PREFIX_VALUE), pr != 2)) return "bad prefix rewrite value";
    if (!strOk(t, load<u32>(r + ROUTE_PATH_REWRITE), true)) return "bad path rewrite";
    if (fp != cur.predicate) return "table layout: predicates out of order";
    cur.predicate += pc;
    if (ft != cur.target) return "table layout: targets out of order";
    cur.target += tc;
  }
  for (let i: u32 = 0; i < nPred; i++) {
    const q = t.at(S_PREDICATES, i);
    const kind = load<u8>(q + PREDICATE_KIND), op = load<u8>(q + PREDICATE_OP);
    if (!strOk(t, load<u32>(q + PREDICATE_NAME), false)) return "predicate name out of range";
    if (kind != 1 && kind != 2) return "bad predicate kind";
    if (op > 5) return "bad predicate op";
    if (kind == 2 && op != 1 && op != 0) return "query predicates are exact or present";
    const needsValue = op != 0 && op != 5;
    const v = load<u32>(q + PREDICATE_VALUE);
    if (!strOk(t, v, !needsValue)) return "predicate value out of range";
    if (!needsValue && v != NONE) return "predicate operand not expected";
    const aux = load<u32>(q + PREDICATE_AUX);
    if (op == 4 ? aux >= nRegex : op == 5 ? aux >= nRanges : aux != NONE) return "bad predicate regex/range index";
  }
  for (let i: u32 = 0; i < nTargets; i++) {
    const g = t.at(S_TARGETS, i);
    if (!strOk(t, load<u32>(g + TARGET_VIRTUAL_SERVICE), false)) return "target name out of range";
    if (load<u32>(g + TARGET_PORT) > 0xffff) return "bad target port";
  }
  if (t.hasMesh) {
    for (let i: u32 = 0; i < unchecked(t.count[S_SERVICES]); i++) {
      const sv = t.at(S_SERVICES, i);
      const pk = load<u32>(sv + SERVICE_PROVIDER_KIND), prov = load<u32>(sv + SERVICE_PROVIDER);
      if (!strOk(t, load<u32>(sv + SERVICE_NAME), false)) return "service name out of range";
      if (pk > 2) return "bad provider kind";
      if (!strOk(t, prov, pk == 0)) return "service provider out of range";
      if (pk == 0 && prov != NONE) return "provider-less service with a provider";
    }
  }
  const nRouters = unchecked(t.count[S_ROUTERS]);
  for (let i: u32 = 0; i < nRouters; i++) {
    const r = t.at(S_ROUTERS, i);
    const kind = load<u32>(r + ROUTER_KIND);
    if (kind != 1 && kind != 2) return "unknown router kind";
    if ((load<u32>(r + ROUTER_FLAGS) & ~KNOWN_ROUTER_FLAGS) != 0) return "unknown router flags";
    if (!strOk(t, load<u32>(r + ROUTER_NAME), false) || !strOk(t, load<u32>(r + ROUTER_MESH), false)) return "router name out of range";
    const fr = load<u32>(r + ROUTER_FIRST_ROUTE), rc = load<u32>(r + ROUTER_ROUTE_COUNT), fg = load<u32>(r + ROUTER_FIRST_GROUP), gc = load<u32>(r + ROUTER_GROUP_COUNT), fl = load<u32>(r + ROUTER_FIRST_LISTENER), lc = load<u32>(r + ROUTER_LISTENER_COUNT);
    if (!rangeOk(fr, rc, nRoutes) || !rangeOk(fg, gc, unchecked(t.count[S_GROUPS])) || !rangeOk(fl, lc, unchecked(t.count[S_LISTENERS]))) return "router ranges out of range";
    if (fr != cur.route || fg != cur.group || fl != cur.listener) return "table layout: router ranges out of order";
    cur.route += rc; cur.group += gc; cur.listener += lc;
    for (let g = fg; g < fg + gc; g++) {
      const e = validateGroup(t, g, rc, cur);
      if (e !== null) return e;
    }
  }
  if (cur.route != nRoutes || cur.group != unchecked(t.count[S_GROUPS]) || cur.listener != unchecked(t.count[S_LISTENERS]) ||
      cur.vhost != unchecked(t.count[S_VHOSTS]) || cur.node != unchecked(t.count[S_NODES]) || cur.list != unchecked(t.count[S_LISTS]) ||
      cur.predicate != nPred || cur.target != nTargets) return "table layout: records not referenced";
  return null;
}

function validateGroup(t: Table, g: u32, routeCount: u32, cur: Cursors): string | null {
  const grp = t.at(S_GROUPS, g);
  const port = load<u32>(grp + GROUP_PORT), proto = load<u32>(grp + GROUP_PROTOCOL), fv = load<u32>(grp + GROUP_FIRST_VHOST), vc = load<u32>(grp + GROUP_VHOST_COUNT);
  if (proto < 1 || proto > (t.hasMesh ? 4 : 3) || port < 1 || port > 0xffff) return "bad group";
  if (!rangeOk(fv, vc, unchecked(t.count[S_VHOSTS]))) return "group vhosts out of range";
  if (fv != cur.vhost) return "table layout: vhosts out of order";
  cur.vhost += vc;
  for (let v = fv; v < fv + vc; v++) {
    const vh = t.at(S_VHOSTS, v);
    const kind = load<u32>(vh + VHOST_KIND), host = load<u32>(vh + VHOST_HOST), fn = load<u32>(vh + VHOST_FIRST_NODE), nc = load<u32>(vh + VHOST_NODE_COUNT);
    if (kind > 2) return "bad vhost kind";
    if (!strOk(t, host, kind == 0)) return "vhost host out of range";
    if (kind == 0 && host != NONE) return "any-vhost with a host";
    if (!rangeOk(fn, nc, unchecked(t.count[S_NODES]))) return "vhost nodes out of range";
    if (fn != cur.node) return "table layout: nodes out of order";
    cur.node += nc;
    let e = validateList(t, load<u32>(vh + VHOST_OTHER_START), load<u32>(vh + VHOST_OTHER_COUNT), routeCount, cur);
    if (e !== null) return e;
    // Trie: breadth-first, contiguous children.
    const end = fn + nc;
    let next = fn + 1;
    for (let i = fn; i < end; i++) {
      const n = t.at(S_NODES, i);
      const ls = load<u32>(n + NODE_LABEL_START), ll = <u32>load<u16>(n + NODE_LABEL_LENGTH), cc = <u32>load<u16>(n + NODE_CHILD_COUNT), fc = load<u32>(n + NODE_FIRST_CHILD);
      if (fc != next || fc <= i || cc > end - next) return "trie is not a breadth-first tree";
      next += cc;
      if ((i == fn) != (ll == 0)) return "only a trie root has an empty label";
      if (ls > t.strBlobLen || ll > t.strBlobLen - ls) return "node label outside the string blob";
      let prevByte = -1;
      for (let c = fc; c < fc + cc; c++) {
        const ch = t.at(S_NODES, c);
        const cls = load<u32>(ch + NODE_LABEL_START), cll = load<u16>(ch + NODE_LABEL_LENGTH);
        const b: i32 = cll > 0 && cls < t.strBlobLen ? <i32>load<u8>(t.strBlob + cls) : -1;
        if (b <= prevByte) return "children not sorted by first label byte";
        prevByte = b;
      }
      e = validateList(t, load<u32>(n + NODE_PREFIX_START), <u32>load<u16>(n + NODE_PREFIX_COUNT), routeCount, cur);
      if (e !== null) return e;
      e = validateList(t, load<u32>(n + NODE_EXACT_START), <u32>load<u16>(n + NODE_EXACT_COUNT), routeCount, cur);
      if (e !== null) return e;
    }
    if (nc > 0 && next != end) return "unreachable trie nodes";
  }
  return null;
}

function validateList(t: Table, start: u32, count: u32, routeCount: u32, cur: Cursors): string | null {
  if (count == 0) return null;
  if (!rangeOk(start, count, unchecked(t.count[S_LISTS]))) return "route list out of range";
  if (start != cur.list) return "table layout: lists out of order";
  cur.list += count;
  let prev: i64 = -1;
  for (let i = start; i < start + count; i++) {
    const rank = <i64>load<u32>(t.at(S_LISTS, i));
    if (rank >= <i64>routeCount || rank <= prev) return "route list entry out of range or not ascending";
    prev = rank;
  }
  return null;
}

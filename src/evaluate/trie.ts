/**
 * The path index at run time: the table's trie nodes re-packed at load into one Int32Array of
 * variable-length records, so that one step of the walk reads one place — the node's lists, its
 * label and its child table sit together — instead of chasing a node record, a separate child
 * table and label bytes elsewhere in the table (dependent cache misses were most of route()).
 *
 * Record at offset o (P fields), then the label's bytes (one int each), then the child table:
 *  - dense (P.Span > 0): SPAN offsets, the child whose label starts with byte P.Min + k at k, -1 for none;
 *  - sparse (P.Span < 0): -P.Span pairs (first byte, child offset) sorted by byte;
 *  - none (P.Span = 0).
 * Imports nothing at run time.
 */

import type { NodeRecord } from '../table/types.js';

/**
 * Record fields at offset o. BestPrefix: the least first rank of the prefix lists from the trie
 * root down to this node; ExactHead: the first rank of its exact list (Rank.None when none) —
 * walkBest's answer without visiting the lists. (Const enums: esbuild writes the numbers in, so a
 * step of the walk reads no module variable — 6 ns of a 33 ns walk. Capitalized members: a member
 * named like a mangled property breaks the runtime bundle, scripts/runtime-props.mjs.)
 */
const enum P { PrefixStart, PrefixCount, ExactStart, ExactCount, LabelLength, Min, Span, BestPrefix, ExactHead, Header }

/** Code units the walks and the path check look at. */
const enum C { Slash = 0x2f, Dot = 0x2e, Query = 0x3f, Fragment = 0x23, Ascii = 0x80 }

const enum Rank { None = 0x7fffffff }

/** No rank: greater than every rank, so a min() ignores it. */
export const NO_RANK: number = Rank.None;

/** What packTrie reads of a table trie node (the decoder has validated the tree). */
export type TrieNodeInput = Pick<NodeRecord, 'labelStart' | 'labelLength' | 'firstChild' | 'childCount' | 'prefixStart' | 'prefixCount' | 'exactStart' | 'exactCount'>;

/** A dense child table when the first bytes are close together (digits, letters); bounds memory otherwise. */
const isDense = (children: number, span: number): boolean => span <= 16 + 4 * children;

/**
 * Packs `nodes` (children contiguous, sorted by first label byte; labels at `labelBase + labelStart`
 * in `bytes`; candidate lists in `lists`). Returns the packed array and each node's offset in it.
 */
export function packTrie(nodes: readonly TrieNodeInput[], bytes: Uint8Array, labelBase: number, lists: ArrayLike<number>): { trie: Int32Array; offsets: Int32Array; plain: boolean; maxLists: number } {
  const firstByte = (i: number): number => bytes[labelBase + nodes[i]!.labelStart]!;
  const spans = new Int32Array(nodes.length);
  const sizes = new Int32Array(nodes.length);
  const isChild = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    let table = 0;
    if (n.childCount > 0) {
      const span = firstByte(n.firstChild + n.childCount - 1) - firstByte(n.firstChild) + 1;
      spans[i] = isDense(n.childCount, span) ? span : -n.childCount;
      table = spans[i]! > 0 ? span : 2 * n.childCount;
      isChild.fill(1, n.firstChild, n.firstChild + n.childCount);
    }
    sizes[i] = P.Header + n.labelLength + table;
  }
  // Depth-first order: the nodes of one walk lie forward of each other within their subtree, which
  // the cache and prefetcher like better than the table's breadth-first order.
  const offsets = new Int32Array(nodes.length);
  let size = 0;
  const stack: number[] = [];
  for (let root = 0; root < nodes.length; root++) {
    if (isChild[root] === 1) continue;
    stack.push(root);
    while (stack.length > 0) {
      const i = stack.pop()!;
      offsets[i] = size;
      size += sizes[i]!;
      const n = nodes[i]!;
      for (let c = n.firstChild + n.childCount - 1; c >= n.firstChild; c--) stack.push(c);
    }
  }
  const trie = new Int32Array(size);
  // Last label byte on the way to each node (parents come before children): `//` can span labels.
  const lastByte = new Int32Array(nodes.length);
  // Nodes on the way to each node, root included: a walk passes at most the deepest path's count.
  const depth = new Int32Array(nodes.length).fill(1);
  let maxDepth = 0;
  let plain = true;
  // Least prefix-list head from the root down (parents come before children).
  const bestPrefix = new Int32Array(nodes.length).fill(Rank.None);
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const o = offsets[i]!;
    if (n.prefixCount > 0) bestPrefix[i] = Math.min(bestPrefix[i]!, lists[n.prefixStart]!);
    trie[o + P.BestPrefix] = bestPrefix[i]!;
    trie[o + P.ExactHead] = n.exactCount > 0 ? lists[n.exactStart]! : Rank.None;
    trie[o + P.PrefixStart] = n.prefixStart;
    trie[o + P.PrefixCount] = n.prefixCount;
    trie[o + P.ExactStart] = n.exactStart;
    trie[o + P.ExactCount] = n.exactCount;
    trie[o + P.LabelLength] = n.labelLength;
    trie[o + P.Span] = spans[i]!;
    let prev = lastByte[i]!;
    for (let k = 0; k < n.labelLength; k++) {
      const b = bytes[labelBase + n.labelStart + k]!;
      trie[o + P.Header + k] = b;
      if (b === C.Query || b === C.Fragment || (prev === C.Slash && (b === C.Slash || b === C.Dot))) plain = false;
      prev = b;
    }
    maxDepth = Math.max(maxDepth, depth[i]!);
    for (let c = n.firstChild; c < n.firstChild + n.childCount; c++) {
      lastByte[c] = prev;
      depth[c] = depth[i]! + 1;
      bestPrefix[c] = bestPrefix[i]!;
    }
    const table = o + P.Header + n.labelLength;
    if (spans[i]! > 0) {
      const min = firstByte(n.firstChild);
      trie[o + P.Min] = min;
      trie.fill(-1, table, table + spans[i]!);
      for (let c = n.firstChild; c < n.firstChild + n.childCount; c++) trie[table + firstByte(c) - min] = offsets[c]!;
    } else {
      for (let k = 0; k < n.childCount; k++) {
        trie[table + 2 * k] = firstByte(n.firstChild + k);
        trie[table + 2 * k + 1] = offsets[n.firstChild + k]!;
      }
    }
  }
  // Two lists per node passed (prefix, and exact at the end): what a walk may append.
  return { trie, offsets, plain, maxLists: 2 * maxDepth };
}


/**
 * Where walks append candidate lists: [starts[i], ends[i]) ranges of the router's rank lists; and
 * `depth`: how many leading code units of the path the walk matched to whole node labels.
 */
export interface ListScratch { starts: Int32Array; ends: Int32Array; depth: number }

/**
 * Walks the trie from `root` along the path, appending the prefix list of every node passed and,
 * at the path's end, that node's exact list; returns the new list count. Reads the path's UTF-16
 * code units as bytes, which they are while they are ASCII; meeting one that is not returns -1
 * (walk its UTF-8 bytes instead: walkUtf8).
 */
export function walkCodeUnits(trie: Int32Array, s: ListScratch, root: number, path: string, n: number, maxLists: number): number {
  return walk(trie, s, root, path, n, maxLists, 0x80);
}

/** walkCodeUnits over the path's UTF-8 bytes (a path with non-ASCII characters; allocates their string). */
export function walkUtf8(trie: Int32Array, s: ListScratch, root: number, path: string, n: number, maxLists: number): number {
  return walk(trie, s, root, utf8Units(path), n, maxLists, 0x100);
}

/** The walk over `units`, a string whose code units are bytes while below `limit` (-1 at one that is not). */
function walk(trie: Int32Array, s: ListScratch, root: number, units: string, n: number, maxLists: number, limit: number): number {
  const len = units.length;
  // Room for every list the deepest walk can append (bounded by the trie, not by a hostile path's length): no check in the loop.
  if (n + maxLists > s.starts.length) growLists(s, n + maxLists);
  const { starts, ends } = s;
  let o = root;
  let d = 0;
  // The node's label length, carried from the step that read it (the next read would wait on the stores above).
  let labelLength = trie[o + P.LabelLength]!;
  for (;;) {
    const prefixCount = trie[o + P.PrefixCount]!;
    if (prefixCount !== 0) {
      const start = trie[o + P.PrefixStart]!;
      starts[n] = start;
      ends[n++] = start + prefixCount;
    }
    if (d === len) {
      s.depth = d;
      return appendExact(trie, o, starts, ends, n);
    }
    const byte = units.charCodeAt(d);
    if (byte >= limit) return -1;
    const child = childAt(trie, o, o + P.Header + labelLength, byte);
    if (child < 0) {
      s.depth = d;
      return n;
    }
    labelLength = trie[child + P.LabelLength]!;
    const end = d + labelLength;
    // Shorter than the label — in code units; with a non-ASCII rest the byte length differs.
    if (end > len) {
      s.depth = d;
      return allBelow(units, d, limit) ? n : -1;
    }
    const label = child + P.Header - d;
    for (let i = d + 1; i < end; i++) {
      const c = units.charCodeAt(i);
      // A code unit ≥ limit is not a byte: walk the UTF-8 bytes instead.
      if (trie[label + i] !== c || c >= limit) {
        s.depth = d;
        return c >= limit ? -1 : n;
      }
    }
    d = end;
    o = child;
  }
}

/** Where walkBest stopped: the last node it reached, how many code units of the path it matched, and where a query or fragment starts (-1: none). Module-level: no allocation. */
export const bestWalk = { node: 0, depth: 0, cut: -1 };

/** walkBest's answers besides a rank: a code unit that is not ASCII where the walk reads; a path that needs normalizing. */
const NON_ASCII = -2;
const NOT_NORMAL = -3;

/**
 * The least rank of the lists walkCodeUnits would collect from `root` along `path` (NO_RANK when
 * none), read from the nodes' BestPrefix and ExactHead instead of collecting the lists: the first
 * candidate of the merge, which is the winner when it has no other criterion. In the same pass,
 * the rest of the path after the walk is checked as scanPath does: NOT_NORMAL for a path that does
 * not start with `/` or holds a `//` or `/.` there; a `?` or `#` sets bestWalk.cut. NON_ASCII where
 * walkCodeUnits returns -1. `slashChild`: the root's child for `/` (slashChildOf; -1 for none), the
 * first step of every walk worth taking. `plain`: the labels hold no `?`, `#`, `//` or `/.` (else
 * the whole path is checked).
 */
export function walkBest(trie: Int32Array, root: number, slashChild: number, path: string, plain: boolean): number {
  const len = path.length;
  if (len === 0 || path.charCodeAt(0) !== C.Slash) return NOT_NORMAL;
  let o = root;
  let d = 0;
  let child = slashChild;
  let best: number;
  for (;;) {
    if (child < 0) {
      best = trie[o + P.BestPrefix]!;
      break;
    }
    const end = d + trie[child + P.LabelLength]!;
    if (end > len) {
      if (!allBelow(path, d, C.Ascii)) return NON_ASCII;
      best = trie[o + P.BestPrefix]!;
      break;
    }
    const label = child + P.Header - d;
    let i = d + 1;
    for (; i < end; i++) {
      const c = path.charCodeAt(i);
      if (c >= C.Ascii) return NON_ASCII;
      if (trie[label + i] !== c) break;
    }
    if (i < end) {
      best = trie[o + P.BestPrefix]!;
      break;
    }
    d = end;
    o = child;
    if (d === len) {
      best = Math.min(trie[o + P.BestPrefix]!, trie[o + P.ExactHead]!);
      break;
    }
    const byte = path.charCodeAt(d);
    if (byte >= C.Ascii) return NON_ASCII;
    child = childAt(trie, o, o + P.Header + trie[o + P.LabelLength]!, byte);
  }
  bestWalk.node = o;
  bestWalk.depth = d;
  // The rest of the path: a query, a fragment or a place normalizing would change. scanPath's
  // loop (request.ts), written out here: calling it cost match() 6–10 % on prefix200 (measured).
  bestWalk.cut = -1;
  for (let i = plain && d > 0 ? d - 1 : 0; i < len; i++) {
    const c = path.charCodeAt(i);
    if (c > C.Query) continue;
    if (c === C.Query || c === C.Fragment) {
      bestWalk.cut = i;
      break;
    }
    if (c === C.Slash && i + 1 < len) {
      const next = path.charCodeAt(i + 1);
      if (next === C.Slash || next === C.Dot) return NOT_NORMAL;
    }
  }
  return best;
}

/** The child of trie root `root` whose label starts with `/`, -1 for none. */
export function slashChildOf(trie: Int32Array, root: number): number {
  return childAt(trie, root, root + P.Header + trie[root + P.LabelLength]!, C.Slash);
}

/** The first rank of node `o`'s exact list, NO_RANK when it has none. */
export function exactHeadAt(trie: Int32Array, o: number): number {
  return trie[o + P.ExactHead]!;
}

function appendExact(trie: Int32Array, o: number, starts: Int32Array, ends: Int32Array, n: number): number {
  const exactCount = trie[o + P.ExactCount]!;
  if (exactCount === 0) return n;
  const start = trie[o + P.ExactStart]!;
  starts[n] = start;
  ends[n] = start + exactCount;
  return n + 1;
}

/** Offset of node `o`'s child whose label starts with `byte` (its child table at `table`); -1 when none. */
function childAt(trie: Int32Array, o: number, table: number, byte: number): number {
  const span = trie[o + P.Span]!;
  if (span > 0) {
    const k = byte - trie[o + P.Min]!;
    return k >= 0 && k < span ? trie[table + k]! : -1;
  }
  let lo = 0;
  let hi = -span - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const b = trie[table + 2 * mid]!;
    if (b === byte) return trie[table + 2 * mid + 1]!;
    if (b < byte) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function allBelow(s: string, from: number, limit: number): boolean {
  for (let i = from; i < s.length; i++) if (s.charCodeAt(i) >= limit) return false;
  return true;
}

function growLists(s: ListScratch, slots: number): void {
  const starts = new Int32Array(Math.max(slots, s.starts.length * 2));
  const ends = new Int32Array(starts.length);
  starts.set(s.starts);
  ends.set(s.ends);
  s.starts = starts;
  s.ends = ends;
}

const UTF8 = new TextEncoder();

/** The path's UTF-8 bytes as a string of code units 0–255 (one per byte). */
function utf8Units(path: string): string {
  const bytes = UTF8.encode(path);
  let out = '';
  // In chunks: fromCharCode's arguments are limited.
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192) as unknown as number[]);
  return out;
}

/**
 * The path index at run time: the table's trie nodes re-packed at load into one Int32Array of
 * variable-length records, so that one step of the walk reads one place — the node's lists, its
 * label and its child table sit together — instead of chasing a node record, a separate child
 * table and label bytes elsewhere in the table (dependent cache misses were most of route()).
 *
 * Record at offset o (P_* fields), then the label's bytes (one int each), then the child table:
 *  - dense (P_SPAN > 0): SPAN offsets, the child whose label starts with byte P_MIN + k at k, -1 for none;
 *  - sparse (P_SPAN < 0): -P_SPAN pairs (first byte, child offset) sorted by byte;
 *  - none (P_SPAN = 0).
 * Imports nothing at run time.
 */

import type { NodeRecord } from '../table/types.js';

export const P_PREFIX_START = 0;
export const P_PREFIX_COUNT = 1;
export const P_EXACT_START = 2;
export const P_EXACT_COUNT = 3;
export const P_LABEL_LENGTH = 4;
export const P_MIN = 5;
export const P_SPAN = 6;
const P_HEADER = 7;

/** What packTrie reads of a table trie node (the decoder has validated the tree). */
export type TrieNodeInput = Pick<NodeRecord, 'labelStart' | 'labelLength' | 'firstChild' | 'childCount' | 'prefixStart' | 'prefixCount' | 'exactStart' | 'exactCount'>;

/** A dense child table when the first bytes are close together (digits, letters); bounds memory otherwise. */
const isDense = (children: number, span: number): boolean => span <= 16 + 4 * children;

/**
 * Packs `nodes` (children contiguous, sorted by first label byte; labels at `labelBase + labelStart`
 * in `bytes`). Returns the packed array and each node's offset in it.
 */
export function packTrie(nodes: readonly TrieNodeInput[], bytes: Uint8Array, labelBase: number): { trie: Int32Array; offsets: Int32Array; plain: boolean; maxLists: number } {
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
    sizes[i] = P_HEADER + n.labelLength + table;
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
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!;
    const o = offsets[i]!;
    trie[o + P_PREFIX_START] = n.prefixStart;
    trie[o + P_PREFIX_COUNT] = n.prefixCount;
    trie[o + P_EXACT_START] = n.exactStart;
    trie[o + P_EXACT_COUNT] = n.exactCount;
    trie[o + P_LABEL_LENGTH] = n.labelLength;
    trie[o + P_SPAN] = spans[i]!;
    let prev = lastByte[i]!;
    for (let k = 0; k < n.labelLength; k++) {
      const b = bytes[labelBase + n.labelStart + k]!;
      trie[o + P_HEADER + k] = b;
      if (b === QUERY || b === FRAGMENT || (prev === SLASH && (b === SLASH || b === DOT))) plain = false;
      prev = b;
    }
    maxDepth = Math.max(maxDepth, depth[i]!);
    for (let c = n.firstChild; c < n.firstChild + n.childCount; c++) {
      lastByte[c] = prev;
      depth[c] = depth[i]! + 1;
    }
    const table = o + P_HEADER + n.labelLength;
    if (spans[i]! > 0) {
      const min = firstByte(n.firstChild);
      trie[o + P_MIN] = min;
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

const SLASH = 0x2f;
const DOT = 0x2e;
const QUERY = 0x3f;
const FRAGMENT = 0x23;

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
  let labelLength = trie[o + P_LABEL_LENGTH]!;
  for (;;) {
    const prefixCount = trie[o + P_PREFIX_COUNT]!;
    if (prefixCount !== 0) {
      const start = trie[o + P_PREFIX_START]!;
      starts[n] = start;
      ends[n++] = start + prefixCount;
    }
    if (d === len) {
      s.depth = d;
      return appendExact(trie, o, starts, ends, n);
    }
    const byte = units.charCodeAt(d);
    if (byte >= limit) return -1;
    const child = childAt(trie, o, o + P_HEADER + labelLength, byte);
    if (child < 0) {
      s.depth = d;
      return n;
    }
    labelLength = trie[child + P_LABEL_LENGTH]!;
    const end = d + labelLength;
    // Shorter than the label — in code units; with a non-ASCII rest the byte length differs.
    if (end > len) {
      s.depth = d;
      return allBelow(units, d, limit) ? n : -1;
    }
    const label = child + P_HEADER - d;
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

function appendExact(trie: Int32Array, o: number, starts: Int32Array, ends: Int32Array, n: number): number {
  const exactCount = trie[o + P_EXACT_COUNT]!;
  if (exactCount === 0) return n;
  const start = trie[o + P_EXACT_START]!;
  starts[n] = start;
  ends[n] = start + exactCount;
  return n + 1;
}

/** Offset of node `o`'s child whose label starts with `byte` (its child table at `table`); -1 when none. */
function childAt(trie: Int32Array, o: number, table: number, byte: number): number {
  const span = trie[o + P_SPAN]!;
  if (span > 0) {
    const k = byte - trie[o + P_MIN]!;
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

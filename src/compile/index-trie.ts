/**
 * The path index of one virtual host: a radix trie over the UTF-8 bytes of literal paths (prefix,
 * exact, gRPC `/<service>/`). Walking a request path visits at most one node per label, and every
 * node on the way yields the routes whose prefix ends there (and, at the end of the path, those
 * whose exact path ends there) as rank lists already in precedence order. Cost: O(path length +
 * candidates), independent of the number of routes (docs/table-format.md § Index).
 */
import { MAX_U16 } from '../table/layout.js';
import type { NodeRecord } from '../table/types.js';
import { compareBytes } from './precedence.js';
import { MeshrouteError } from '../errors.js';

export interface TrieEntry {
  literal: string;
  /** UTF-8 bytes of the literal. */
  bytes: Uint8Array;
  /** Offset of these bytes inside the table's string blob (edge labels point into it). */
  blobOffset: number;
  kind: 'prefix' | 'exact';
  rank: number;
}

interface Key { bytes: Uint8Array; blobOffset: number; prefix: number[]; exact: number[] }
interface TreeNode { labelStart: number; labelLength: number; children: TreeNode[]; prefix: number[]; exact: number[] }

/**
 * Appends the trie's nodes (breadth-first, root first, children contiguous and sorted by first
 * label byte — the layout the decoder verifies) to `nodes`, and its rank lists to `lists`.
 * Returns the node count (0 when there is no entry).
 */
export function appendTrie(entries: readonly TrieEntry[], nodes: NodeRecord[], lists: number[]): number {
  if (entries.length === 0) return 0;
  const keys = groupKeys(entries);
  const root = buildNode(keys, 0, keys.length, 0, 0, 0);
  return serialize(root, nodes, lists);
}

function groupKeys(entries: readonly TrieEntry[]): Key[] {
  const byLiteral = new Map<string, Key>();
  for (const e of entries) {
    let k = byLiteral.get(e.literal);
    if (k === undefined) {
      k = { bytes: e.bytes, blobOffset: e.blobOffset, prefix: [], exact: [] };
      byLiteral.set(e.literal, k);
    }
    (e.kind === 'prefix' ? k.prefix : k.exact).push(e.rank);
  }
  const keys = [...byLiteral.values()].sort((a, b) => compareBytes(a.bytes, b.bytes));
  for (const k of keys) {
    k.prefix.sort((a, b) => a - b);
    k.exact.sort((a, b) => a - b);
  }
  return keys;
}

/** Node for keys[lo, hi), which all share their first `depth` bytes. */
function buildNode(keys: Key[], lo: number, hi: number, depth: number, labelStart: number, labelLength: number): TreeNode {
  if (labelLength > MAX_U16) throw new MeshrouteError('compile-literal-too-long', `literal path longer than ${MAX_U16} bytes`);
  const node: TreeNode = { labelStart, labelLength, children: [], prefix: [], exact: [] };
  let i = lo;
  const first = keys[i]!;
  if (first.bytes.length === depth) {
    node.prefix = first.prefix;
    node.exact = first.exact;
    i++;
  }
  while (i < hi) {
    const b = keys[i]!.bytes[depth]!;
    let j = i + 1;
    while (j < hi && keys[j]!.bytes[depth] === b) j++;
    const end = commonPrefix(keys[i]!.bytes, keys[j - 1]!.bytes);
    node.children.push(buildNode(keys, i, j, end, keys[i]!.blobOffset + depth, end - depth));
    i = j;
  }
  if (node.children.length > MAX_U16 || node.prefix.length > MAX_U16 || node.exact.length > MAX_U16) {
    throw new MeshrouteError('compile-too-many-routes', `more than ${MAX_U16} routes share one literal path`);
  }
  return node;
}

function commonPrefix(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

function serialize(root: TreeNode, nodes: NodeRecord[], lists: number[]): number {
  const base = nodes.length;
  const queue: TreeNode[] = [root];
  let next = base + 1;
  for (let q = 0; q < queue.length; q++) {
    const n = queue[q]!;
    const prefixStart = lists.length;
    appendAll(lists, n.prefix);
    const exactStart = lists.length;
    appendAll(lists, n.exact);
    nodes.push({
      labelStart: n.labelStart, labelLength: n.labelLength, firstChild: next, childCount: n.children.length,
      prefixStart: n.prefix.length > 0 ? prefixStart : 0, prefixCount: n.prefix.length,
      exactStart: n.exact.length > 0 ? exactStart : 0, exactCount: n.exact.length,
    });
    next += n.children.length;
    appendAll(queue, n.children);
  }
  return queue.length;
}

/** push(...items) without spreading: a spread of ~100,000 arguments overflows the stack. */
export function appendAll<T>(into: T[], items: readonly T[]): void {
  for (let i = 0; i < items.length; i++) into.push(items[i]!);
}

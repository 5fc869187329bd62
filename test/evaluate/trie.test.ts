/**
 * The packed run-time trie (src/evaluate/trie.ts) against its definition: walking a path collects
 * exactly the prefix lists of the literals that are byte prefixes of the path (shortest first) and
 * the exact list of the literal equal to it. Literal sets are generated to produce dense and
 * sparse child tables, labels split inside multi-byte characters, and non-ASCII paths (the
 * code-unit walk hands over to the byte walk).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { appendTrie, type TrieEntry } from '../../src/compile/index-trie.js';
import type { NodeRecord } from '../../src/table/types.js';
import { packTrie, walkUtf8, walkCodeUnits, type ListScratch } from '../../src/evaluate/trie.js';
import { runs } from '../property/_config.js';

const utf8 = new TextEncoder();

/** Builds a trie over `literals` (each as prefix rank 2i and exact rank 2i+1) the way the compiler does. */
function build(literals: string[]): { trie: Int32Array; root: number; lists: number[]; maxLists: number } {
  const blobParts: Uint8Array[] = [];
  let offset = 0;
  const entries: TrieEntry[] = [];
  literals.forEach((literal, i) => {
    const bytes = utf8.encode(literal);
    blobParts.push(bytes);
    entries.push({ literal, bytes, blobOffset: offset, kind: 'prefix', rank: 2 * i });
    entries.push({ literal, bytes, blobOffset: offset, kind: 'exact', rank: 2 * i + 1 });
    offset += bytes.length;
  });
  const blob = new Uint8Array(offset);
  let at = 0;
  for (const p of blobParts) { blob.set(p, at); at += p.length; }
  const nodes: NodeRecord[] = [];
  const lists: number[] = [];
  appendTrie(entries, nodes, lists);
  const { trie, offsets, maxLists } = packTrie(nodes, blob, 0, lists);
  return { trie, root: offsets[0]!, lists, maxLists };
}

function walk(t: ReturnType<typeof build>, path: string): number[] {
  const s: ListScratch = { starts: new Int32Array(2), ends: new Int32Array(2), depth: 0 };
  let n = walkCodeUnits(t.trie, s, t.root, path, 0, t.maxLists);
  if (n < 0) n = walkUtf8(t.trie, s, t.root, path, 0, t.maxLists);
  const out: number[] = [];
  for (let i = 0; i < n; i++) for (let k = s.starts[i]!; k < s.ends[i]!; k++) out.push(t.lists[k]!);
  return out;
}

function expected(literals: string[], path: string): number[] {
  const p = utf8.encode(path);
  const isPrefix = (l: Uint8Array): boolean => l.length <= p.length && l.every((b, i) => p[i] === b);
  const byLength = literals.map((l, i) => ({ b: utf8.encode(l), i })).filter((x) => isPrefix(x.b)).sort((a, b) => a.b.length - b.b.length);
  const out = byLength.map((x) => 2 * x.i);
  const exact = byLength.find((x) => x.b.length === p.length);
  if (exact !== undefined) out.push(2 * exact.i + 1);
  return out;
}

// Few, clustered characters so literals share prefixes; far-apart ones ('~', 'é', '€', '😀') make sparse
// nodes; 'Ã' and '©' are U+00C3 and U+00A9, code units equal to the UTF-8 bytes of 'é' (C3 A9).
const char = fc.constantFrom('/', 'a', 'b', '1', '2', '9', '~', 'é', 'ê', '€', '😀', '.', 'Ã', '©');
const literal = fc.array(char, { minLength: 0, maxLength: 6 }).map((cs) => '/' + cs.join(''));

test('packed trie walk collects exactly the literals that prefix (and equal) the path', () => {
  fc.assert(
    fc.property(fc.uniqueArray(literal, { minLength: 1, maxLength: 40 }), fc.array(fc.oneof(literal, fc.array(char, { maxLength: 10 }).map((c) => '/' + c.join(''))), { minLength: 1, maxLength: 20 }), (literals, paths) => {
      const t = build(literals);
      for (const path of [...paths, ...literals, ...literals.map((l) => l + 'é/x')]) {
        assert.deepEqual(walk(t, path), expected(literals, path), `path ${JSON.stringify(path)} literals ${JSON.stringify(literals)}`);
      }
    }),
    { numRuns: runs(300) },
  );
});

test('a node with far-apart first bytes gets a sparse child table, close ones a dense table; both walk right', () => {
  const sparse = build(['/a', '/~', '/é', '/😀']);
  assert.deepEqual(walk(sparse, '/😀x'), [6]);
  assert.deepEqual(walk(sparse, '/é'), [4, 5]);
  const dense = build(['/1', '/2', '/9', '/a']);
  assert.deepEqual(walk(dense, '/9/z'), [4]);
  assert.deepEqual(walk(dense, '/3'), []);
});

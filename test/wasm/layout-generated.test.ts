// Issue 13 item 9: the filter's table-layout constants are generated from src/table/layout.ts, and
// the reader and evaluator load record fields through them, not through bare offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { WASM_LAYOUT_PATH, wasmLayoutSource } from '../../scripts/gen-wasm-layout.js';

test('wasm/assembly/table/layout.ts is what scripts/gen-wasm-layout.ts generates from src/table/layout.ts', () => {
  assert.equal(readFileSync(WASM_LAYOUT_PATH, 'utf8'), wasmLayoutSource(), 'stale: run node --import tsx scripts/gen-wasm-layout.ts');
});

test('the filter\'s table reader and evaluator load record fields by name, not by bare offsets like `r + 39`', () => {
  for (const file of ['wasm/assembly/table/reader.ts', 'wasm/assembly/evaluate/route.ts', 'wasm/assembly/filter.ts']) {
    const bare = readFileSync(file, 'utf8').split('\n').flatMap((line, i) => [...line.matchAll(/load<[ui]\d+>\((?:[a-z]+|d\.target) \+ \d+\)/g)].map((m) => `${file}:${i + 1}: ${m[0]}`));
    assert.deepEqual(bare, [], 'bare record offsets');
  }
});

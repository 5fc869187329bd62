// docs/testing.md (and the diff example of docs/api.md): every ```js block runs as written, from the repository root, importing the built
// package by name ('meshroute', 'meshroute/testing' resolve to dist/ through package.json exports),
// and exits 0. A failing block prints its line in the page and its output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const PAGE = 'docs/testing.md';
// Inside the package (so self-references resolve; not under node_modules, where they do not).
const DIR = '.doc-blocks'; // git-ignored; not in the package's files

function jsBlocks(text: string): { line: number; code: string }[] {
  const out: { line: number; code: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== '```js') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end] !== '```') end++;
    out.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return out;
}

const blocks = jsBlocks(readFileSync(PAGE, 'utf8'));
const apiDiff = jsBlocks(readFileSync('docs/api.md', 'utf8')).filter((b) => b.code.includes('diff('));

test('docs/testing.md has its four examples', () => {
  assert.equal(blocks.length, 4);
});

for (const [page, block] of [...blocks.map((b) => [PAGE, b] as const), ...apiDiff.map((b) => ['docs/api.md', b] as const)]) {
  test(`${page}:${block.line} runs`, () => {
    mkdirSync(DIR, { recursive: true });
    const file = join(DIR, `${page.replace(/\W/g, '-')}-${block.line}.mjs`);
    writeFileSync(file, block.code + '\n');
    const r = spawnSync(process.execPath, [join('..', file)], { cwd: 'docs', encoding: 'utf8', timeout: 120_000 }); // from docs/: the pages' examples/… paths are docs/examples/…
    assert.equal(r.status, 0, `${page}:${block.line} exited ${r.status}\nreproduce: node ${file}\n${r.stdout}\n${r.stderr}`);
    if (block.code.includes('// true true')) assert.equal(r.stdout.trim(), 'true true');
    if (block.code.includes('// true identical-tables')) assert.equal(r.stdout.trim(), 'true identical-tables');
  });
}

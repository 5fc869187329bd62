// Every code block in README.md, docs/*.md and docs/examples/*/README.md runs as written, in a
// user's project: the packed tarball installed into an empty project (test/_support/packed.ts), one
// fresh directory per document, blocks in document order (a block may use files an earlier one made).
//
// - ```sh: each command (lines joined at a trailing `\`) runs in bash; it must exit 0, or the status
//   its comment states (`# exit 1: …`); no output may hold a stack trace. `npx meshroute` runs the
//   installed bin directly (a shim saves npm's start-up, ~0.5 s a command; that npx finds the bin
//   is checked once, by test/package/pack.test.ts); any other npx command goes to the real npx.
// - ```js: an ES module (top-level await allowed) run by node; must exit 0.
// - ```ts: the same after esbuild strips the types.
// - anything else, or a block that cannot run here, is preceded by `<!-- not run: REASON -->`.
//
// Failures name file:line and show the block and its output. MESHROUTE_SKIP_PACK=1 skips the runs
// (not the marker check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';
import { PACK_SKIP, packedPackage } from '../_support/packed.js';

const RUNNABLE = new Set(['sh', 'js', 'ts']);
const STACK = /^\s+at .+[:(]\d+:\d+\)?$|node:internal/m;

interface Block {
  file: string;
  line: number;
  lang: string;
  code: string;
  notRun: string | null;
}

const DOCS = ['README.md', ...readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), ...readdirSync('docs/examples').map((d) => `docs/examples/${d}/README.md`).filter((f) => existsSync(f))].sort();

/** Fenced blocks (also indented ones, e.g. inside a list item), with the not-run marker before each. */
function extractBlocks(file: string, text: string): Block[] {
  const lines = text.split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})\s*([\w-]*)/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !new RegExp(`^\\s*${fence}\\s*$`).test(lines[j]!); j++) body.push(lines[j]!.slice(Math.min(indent, /^\s*/.exec(lines[j]!)![0].length)));
    let k = i - 1;
    while (k >= 0 && lines[k]!.trim() === '') k--;
    const marker = k >= 0 ? /<!--\s*not run:\s*(.*?)\s*-->/.exec(lines[k]!) : null;
    blocks.push({ file, line: i + 1, lang: open[3]!, code: body.join('\n'), notRun: marker ? marker[1]! : null });
    i = j;
  }
  return blocks;
}

const allBlocks = DOCS.flatMap((f) => extractBlocks(f, readFileSync(f, 'utf8')));

test('every code block in the docs runs in the docs test or says why not', () => {
  assert.ok(allBlocks.length > 20, `found only ${allBlocks.length} blocks in ${DOCS.join(', ')}`);
  const unmarked = allBlocks.filter((b) => !RUNNABLE.has(b.lang) && b.notRun === null).map((b) => `${b.file}:${b.line} (\`\`\`${b.lang || 'no language'})`);
  assert.deepEqual(unmarked, [], 'mark these with <!-- not run: REASON --> on the line before, or make them ```sh / ```js / ```ts that run');
  const noReason = allBlocks.filter((b) => b.notRun !== null && b.notRun.length < 10).map((b) => `${b.file}:${b.line}`);
  assert.deepEqual(noReason, [], 'a not-run marker needs a reason');
});

/** Shell commands of a block: continuation lines joined; blank and comment-only lines dropped. */
function commands(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (const raw of code.split('\n')) {
    if (current === '' && (raw.trim() === '' || raw.trim().startsWith('#'))) continue;
    current += (current ? '\n' : '') + raw;
    if (!/\\\s*$/.test(raw) && !/\\\s+#.*$/.test(raw)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** `# exit N` in a command's comment states the status it ends with; 0 otherwise. */
function expectedStatus(command: string): number {
  const m = /#.*\bexit (\d+)/.exec(command);
  return m ? Number(m[1]) : 0;
}

function show(b: Block, extra: string): string {
  return `${b.file}:${b.line}\n--- block ---\n${b.code}\n--- ${extra}`;
}

/** A directory holding an `npx` that runs `npx meshroute …` as the installed bin, else the real npx. */
function npxShim(app: string): string {
  const dir = join(app, 'docs-run', '.shim');
  mkdirSync(dir, { recursive: true });
  const realNpx = spawnSync('bash', ['-c', 'command -v npx'], { encoding: 'utf8' }).stdout.trim();
  const meshroute = join(app, 'node_modules', '.bin', 'meshroute');
  writeFileSync(join(dir, 'npx'), `#!/bin/sh\nif [ "$1" = meshroute ]; then shift; exec '${meshroute}' "$@"; fi\nexec '${realNpx}' "$@"\n`, { mode: 0o755 });
  return dir;
}

function runBlock(b: Block, index: number, cwd: string, bin: string): void {
  const env = { ...process.env, PATH: `${bin}:${process.env.PATH}`, npm_config_yes: 'false', NO_COLOR: '1', MESHROUTE_DEBUG: '' };
  const opts = { cwd, env, encoding: 'utf8' as const, timeout: 120_000, maxBuffer: 64 << 20 };
  if (b.lang === 'sh') {
    for (const command of commands(b.code)) {
      const r = spawnSync('bash', ['-c', command], opts);
      const out = `command: ${command}\nstatus ${r.status}\nstdout: ${r.stdout.slice(0, 3000)}\nstderr: ${r.stderr.slice(0, 3000)}`;
      assert.equal(r.status, expectedStatus(command), show(b, out));
      assert.doesNotMatch(r.stdout + r.stderr, STACK, show(b, out));
    }
    return;
  }
  const source = b.lang === 'ts' ? transformSync(b.code, { loader: 'ts', format: 'esm' }).code : b.code;
  const file = join(cwd, `block-${index}-line-${b.line}.mjs`);
  writeFileSync(file, source);
  const r = spawnSync(process.execPath, [file], opts);
  assert.equal(r.status, 0, show(b, `node ${file}: status ${r.status}\nstdout: ${r.stdout.slice(0, 3000)}\nstderr: ${r.stderr.slice(0, 3000)}`));
}

for (const doc of DOCS) {
  const blocks = allBlocks.filter((b) => b.file === doc && RUNNABLE.has(b.lang) && b.notRun === null);
  if (blocks.length === 0) continue;
  test(`${doc}: ${blocks.length} code block(s) run as written against the installed tarball`, { skip: PACK_SKIP, timeout: 600_000 }, () => {
    const { app } = packedPackage();
    const cwd = join(app, 'docs-run', doc.replace(/[/.]/g, '_'));
    rmSync(cwd, { recursive: true, force: true });
    mkdirSync(cwd, { recursive: true });
    const path = `${npxShim(app)}:${join(app, 'node_modules', '.bin')}`;
    blocks.forEach((b, i) => runBlock(b, i, cwd, path));
  });
}

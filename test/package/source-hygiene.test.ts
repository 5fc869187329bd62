/**
 * The source says what it does: no import cycles between src/ modules (a cycle makes module
 * initialization order matter and hides which file owns a helper) and no top-level function or
 * constant that nothing uses (dead code read as if it mattered). Issue 13 item 9.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

/** Relative imports and re-exports of a module, as absolute .ts paths (type-only imports included). */
function importsOf(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'(\.{1,2}\/[^']+)'/gm)) out.push(resolve(dirname(file), m[1]!.replace(/\.js$/, '.ts')));
  return out;
}

test('src/ has no import cycle', () => {
  const files = tsFiles(SRC);
  const graph = new Map(files.map((f) => [f, importsOf(f, readFileSync(f, 'utf8'))]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[] = [];
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === 'done') return;
    if (state.get(f) === 'open') {
      cycles.push([...path.slice(path.indexOf(f)), f].map((p) => relative(ROOT, p)).join(' → '));
      return;
    }
    state.set(f, 'open');
    for (const g of graph.get(f) ?? []) if (graph.has(g)) visit(g, [...path, f]);
    state.set(f, 'done');
  };
  for (const f of files) visit(f, []);
  assert.deepEqual(cycles, [], `import cycles (reproduce: node scripts/test.mjs source-hygiene):\n${cycles.join('\n')}`);
});

test('every top-level function and constant in src/ is used somewhere', () => {
  const files = tsFiles(SRC);
  // Public names (meshroute/testing) may be used only by users: the docs that list them count as a use.
  const others = ['test', 'bench', 'scripts', 'wasm', 'docs'].flatMap((d) => tsFilesOrMjs(join(ROOT, d)));
  const texts = new Map([...files, ...others].map((f) => [f, readFileSync(f, 'utf8')]));
  const dead: string[] = [];
  for (const f of files) {
    const text = texts.get(f)!;
    for (const m of text.matchAll(/^(?:export )?(?:async )?(?:function\*?|const|let|class|enum) ([A-Za-z_$][\w$]*)/gm)) {
      const name = m[1]!;
      const word = new RegExp(`(?<![\\w$])${name.replace(/\$/g, '\\$')}(?![\\w$])`, 'g');
      const uses = [...texts].reduce((n, [g, t]) => n + (t.match(word)?.length ?? 0) - (g === f ? 1 : 0), 0);
      if (uses === 0) dead.push(`${relative(ROOT, f)}: ${name}`);
    }
  }
  assert.deepEqual(dead, [], `declared but never used:\n${dead.join('\n')}`);
});

function tsFilesOrMjs(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.name === 'node_modules' || e.name === 'build' ? [] : e.isDirectory() ? tsFilesOrMjs(join(dir, e.name)) : /\.(ts|mjs|md)$/.test(e.name) ? [join(dir, e.name)] : []));
}

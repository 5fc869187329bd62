/**
 * Shared helpers of the model tests: load a case next to a scaffold, find the line a test expects,
 * and print a failing case so it can be reproduced by hand (`meshroute validate <files>`).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../../src/model/diagnostics.js';
import { loadSources, type LoadOptions, type LoadResult } from '../../src/model/load-model.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

export function fixture(name: string): string {
  return readFileSync(join(FIXTURES, name), 'utf8');
}

/** Removes the common leading indentation of a template literal (and its first/last empty lines). */
export function y(text: string): string {
  const lines = text.replace(/^\n/, '').replace(/\n\s*$/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n') + '\n';
}

/** Indents every line of `text` by `n` spaces (to nest a YAML fragment). */
export function indent(text: string, n: number): string {
  const pad = ' '.repeat(n);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l.trim() === '' ? l : pad + l))
    .join('\n');
}

/** 1-based line of the first occurrence of `mark` in `text`, or null. */
export function lineOf(text: string, mark: string): number | null {
  const at = text.indexOf(mark);
  if (at < 0) return null;
  return text.slice(0, at).split('\n').length;
}

export interface Source {
  file: string;
  text: string;
}

export function load(sources: Source[], options: LoadOptions = {}): LoadResult {
  return loadSources(sources, options);
}

export function fmt(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.file ?? '-'}:${d.line ?? '-'}:${d.column ?? '-'} ${d.path || '""'} ${d.message}`;
}

/** A reproduction block for assertion messages: every source and every diagnostic. */
export function repro(sources: Source[], result: LoadResult): string {
  const files = sources.map((s) => `--- ${s.file}\n${s.text}`).join('\n');
  const diags = result.diagnostics.map((d) => '  ' + fmt(d)).join('\n') || '  (none)';
  return `\n=== reproduce: save these files and run meshroute validate on them\n${files}\n=== diagnostics\n${diags}\n`;
}

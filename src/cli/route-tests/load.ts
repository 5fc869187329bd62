/**
 * Reading route-test files: YAML or JSON, checked against the schema (./schema.ts) and a few rules
 * a schema cannot say (manifests xor table, expect xor expectAny). Every finding names file:line of
 * the value at fault, so a bad case is found at once in a long file.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node } from 'yaml';
import Value from 'typebox/value';
import { RouteTestFile, type RouteTestFileData } from './schema.js';

export interface TestFileProblem {
  code: 'TESTFILE_UNREADABLE' | 'TESTFILE_NONE' | 'TESTFILE_SYNTAX' | 'TESTFILE_SCHEMA' | 'TESTFILE_INPUT';
  file: string;
  line: number | null;
  column: number | null;
  /** JSON pointer into the file's value ('' for the whole file). */
  pointer: string;
  message: string;
}

export interface LoadedTestFile {
  file: string;
  data: RouteTestFileData;
  /** 1-based line of case i. */
  caseLines: number[];
  /** Paths of `manifests` / `table`, resolved against the file's directory. */
  manifests: string[] | null;
  table: string | null;
}

/** Reads one file; problems (never a throw) when it is unusable. */
export function loadTestFile(file: string): LoadedTestFile | TestFileProblem[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return [{ code: 'TESTFILE_UNREADABLE', file, line: null, column: null, pointer: '', message: `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})` }];
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return doc.errors.slice(0, 10).map((e) => {
      const pos = lc.linePos(e.pos[0]);
      return { code: 'TESTFILE_SYNTAX' as const, file, line: pos.line, column: pos.col, pointer: '', message: e.message.split('\n')[0]! };
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 }); // yaml's guard against alias bombs throws past it
  } catch (err) {
    return [{ code: 'TESTFILE_SYNTAX', file, line: null, column: null, pointer: '', message: (err as Error).message }];
  }
  const where = (pointer: string): { line: number | null; column: number | null } => {
    const node = nodeAt(doc.contents as Node | null, pointer);
    if (!node?.range) return { line: null, column: null };
    const pos = lc.linePos(node.range[0]);
    return { line: pos.line, column: pos.col };
  };
  const problems = schemaProblems(value).map((p) => ({ code: 'TESTFILE_SCHEMA' as const, file, pointer: p.pointer, message: p.message, ...where(p.pointer) }));
  if (problems.length > 0) return problems;
  const data = value as RouteTestFileData;
  const base = dirname(file);
  return {
    file,
    data,
    caseLines: data.cases.map((_, i) => where(`/cases/${i}`).line ?? 0),
    manifests: data.manifests ? data.manifests.map((m) => resolve(base, m)) : null,
    table: data.table ? resolve(base, data.table) : null,
  };
}

/** Schema findings plus the cross-field rules, with pointers. */
function schemaProblems(value: unknown): { pointer: string; message: string }[] {
  const out: { pointer: string; message: string }[] = [];
  for (const e of Value.Errors(RouteTestFile, value)) {
    if (e.keyword === 'boolean') out.push({ pointer: e.instancePath, message: `unknown field ${JSON.stringify(e.instancePath.split('/').pop())}` });
    else if (e.keyword === 'additionalProperties') continue; // reported per field by the `boolean` error above
    else out.push({ pointer: e.instancePath, message: `${e.instancePath || 'the file'} ${e.message}` });
  }
  if (out.length > 0) return out.map((p) => ({ ...p, message: caseLabel(value, p.pointer) + p.message }));
  const data = value as RouteTestFileData;
  if ((data.manifests === undefined) === (data.table === undefined)) out.push({ pointer: '', message: 'give either `manifests` (paths relative to this file) or `table` (a compiled .mrt), not both or neither' });
  data.cases.forEach((c, i) => {
    if ((c.expect === undefined) === (c.expectAny === undefined)) out.push({ pointer: `/cases/${i}`, message: 'needs either `expect` or `expectAny`' });
  });
  return out.map((p) => ({ ...p, message: caseLabel(value, p.pointer) + p.message }));
}

/** `case 3 "name": ` for a pointer into a case, so the message says which case without opening the file. */
function caseLabel(value: unknown, pointer: string): string {
  const m = /^\/cases\/(\d+)/.exec(pointer);
  if (!m) return '';
  const c = (value as { cases?: { name?: unknown }[] }).cases?.[Number(m[1])];
  return `case ${Number(m[1]) + 1}${typeof c?.name === 'string' ? ` ${JSON.stringify(c.name)}` : ''}: `;
}

/** The YAML node at a JSON pointer (the deepest existing one). */
function nodeAt(root: Node | null, pointer: string): Node | null {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
      if (!pair) return node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      const item = node.items[Number(key)] as Node | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}

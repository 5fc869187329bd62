/**
 * Parses source texts into documents that remember where every value was written.
 *
 * YAML files may hold several documents (`---`), comments and anchors; JSON files hold one value.
 * Values come from the fast parsers (`JSON.parse`; js-yaml with the YAML 1.2 core schema, about 8×
 * faster than building `yaml`'s syntax tree: 150 ms against 1.2 s for 5,000 resources). Positions
 * come from the `yaml` package's syntax tree, built lazily — only when a diagnostic needs a line and
 * column. Any text the fast path refuses (syntax errors, duplicate keys, alias-heavy documents) is
 * read by `yaml` alone, which reports syntax errors per document with positions and bounds alias
 * expansion: one broken document does not hide the others.
 */

import jsyaml from 'js-yaml';
import { LineCounter, parseAllDocuments, parseDocument, isAlias, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { splitPointer } from './pointer.js';
import type { SourceText } from './read-input.js';

export interface Position {
  line: number;
  column: number;
}

/** One top-level value of a file and a way to find where any path inside it was written. */
export interface ParsedDocument {
  file: string;
  /** 0-based index of the document in its file. */
  index: number;
  value: unknown;
  /** Line/column (1-based) of the value at `pointer`, or of its nearest existing ancestor. */
  locate(pointer: string): Position | null;
}

export interface ParseResult {
  documents: ParsedDocument[];
  diagnostics: Diagnostic[];
}

/** yaml's own guard against alias bombs ("billion laughs"): expanding more aliases than this fails. */
const MAX_ALIAS_COUNT = 1000;

/**
 * A document whose values, counted through aliases, outnumber its characters by this factor is an
 * alias bomb ("billion laughs"): js-yaml shares aliased nodes, but every later walk would not.
 */
const MAX_NODES_PER_CHAR = 4;

export function parseSource(source: SourceText): ParseResult {
  const looksJson = /\.json$/i.test(source.file) || /^\s*[[{]/.test(source.text);
  if (looksJson) {
    const fast = parseJsonFast(source);
    if (fast) return fast;
  }
  return parseYamlFast(source) ?? parseYaml(source);
}

function parseYamlFast(source: SourceText): ParseResult | null {
  const values: unknown[] = [];
  try {
    jsyaml.loadAll(source.text, (doc) => values.push(doc), { schema: jsyaml.CORE_SCHEMA, filename: source.file });
  } catch {
    return null;
  }
  if (/&\S/.test(source.text) && values.some((v) => !withinNodeBudget(v, MAX_NODES_PER_CHAR * source.text.length + 1000))) return null;
  let located: { docs: Document[]; lc: LineCounter } | null = null;
  const locator = (index: number) => (pointer: string): Position | null => {
    if (!located) {
      const lc = new LineCounter();
      const docs = parseAllDocuments(source.text, { lineCounter: lc, uniqueKeys: false });
      located = { docs: Array.isArray(docs) ? docs : [], lc };
    }
    // Both readers must agree on the document boundaries, or positions would point into the wrong one.
    if (located.docs.length !== values.length) return null;
    const doc = located.docs[index];
    return doc ? locateInYaml(doc, located.lc, pointer) : null;
  };
  const documents: ParsedDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return; // an empty document (only comments or `---`)
    documents.push({ file: source.file, index, value, locate: locator(index) });
  });
  return { documents, diagnostics: [] };
}

/** False when walking `value` (aliases expanded) would visit more than `budget` nodes. */
function withinNodeBudget(value: unknown, budget: number): boolean {
  let visited = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (++visited > budget) return false;
    if (Array.isArray(node)) for (const item of node) stack.push(item);
    else if (node !== null && typeof node === 'object') for (const item of Object.values(node)) stack.push(item);
  }
  return true;
}

function parseJsonFast(source: SourceText): ParseResult | null {
  let value: unknown;
  try {
    value = JSON.parse(source.text);
  } catch {
    return null; // let the YAML reader report the syntax error with a position
  }
  let lazy: ((pointer: string) => Position) | null = null;
  const locate = (pointer: string): Position => {
    if (!lazy) {
      const lc = new LineCounter();
      const doc = parseDocument(source.text, { lineCounter: lc, uniqueKeys: false });
      lazy = (p) => locateInYaml(doc, lc, p);
    }
    return lazy(pointer);
  };
  // JSON.parse keeps the last of two equal keys without a word: a typo'd duplicate would silently
  // replace a match criterion. YAML input gets the same check from its parsers.
  const duplicate = duplicateJsonKey(source.text);
  const diagnostics: Diagnostic[] = [];
  if (duplicate) {
    const pos = positionOfOffset(source.text, duplicate.offset);
    diagnostics.push({ ...syntaxDiagnostic(source.file, pos, `duplicate key ${JSON.stringify(duplicate.key)} in one object (JSON keeps only the last)`), code: 'INPUT_DUPLICATE_KEY' });
  }
  return { documents: [{ file: source.file, index: 0, value, locate }], diagnostics };
}

/** The first key that appears twice in one object of (already valid) JSON text, with its offset. */
export function duplicateJsonKey(text: string): { key: string; offset: number } | null {
  const objects: (Set<string> | null)[] = []; // null marks an array
  let expectKey = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      const start = i;
      let escaped = false;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i++;
        } else if (d === 0x22) break;
      }
      const keys = objects[objects.length - 1];
      if (expectKey && keys) {
        const raw = text.slice(start, i + 1);
        const key = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        if (keys.has(key)) return { key, offset: start };
        keys.add(key);
      }
      expectKey = false;
    } else if (c === 0x7b) {
      objects.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) {
      objects.push(null);
    } else if (c === 0x7d || c === 0x5d) {
      objects.pop();
    } else if (c === 0x2c) {
      expectKey = objects[objects.length - 1] != null;
    }
  }
  return null;
}

function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

function parseYaml(source: SourceText): ParseResult {
  const lc = new LineCounter();
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(source.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      for (const err of doc.errors) {
        const pos = lc.linePos(err.pos[0]);
        diagnostics.push(syntaxDiagnostic(source.file, toPosition(pos), err.message.split('\n')[0] ?? 'syntax error'));
      }
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (err) {
      const start = doc.contents?.range?.[0] ?? 0;
      diagnostics.push(syntaxDiagnostic(source.file, toPosition(lc.linePos(start)), (err as Error).message));
      return;
    }
    if (value === null || value === undefined) return; // an empty document (only comments or `---`)
    documents.push({ file: source.file, index, value, locate: (p) => locateInYaml(doc, lc, p) });
  });
  return { documents, diagnostics };
}

/**
 * Manifests are a dozen levels deep; the walks over a document (classification, schema, rules,
 * positions) recurse, so a document nested deeper than this is refused with a syntax diagnostic
 * instead of overflowing the stack (JSON.parse and in-memory objects have no depth limit of their own).
 */
export const MAX_NESTING = 256;

/** True when `value` nests arrays/objects deeper than `limit` levels (checked without recursion). */
export function nestedDeeperThan(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

/** The INPUT_SYNTAX diagnostic for a document refused by `nestedDeeperThan`. */
export function tooDeepDiagnostic(doc: ParsedDocument, limit: number): Diagnostic {
  const pos = doc.locate('');
  return { ...syntaxDiagnostic(doc.file, pos ?? { line: 0, column: 0 }, `document nested deeper than ${limit} levels`), line: pos?.line ?? null, column: pos?.column ?? null };
}

function syntaxDiagnostic(file: string, pos: Position, message: string): Diagnostic {
  return {
    severity: 'error',
    code: 'INPUT_SYNTAX',
    message: `syntax error: ${message}`,
    kind: null,
    namespace: null,
    name: null,
    path: '',
    file,
    line: pos.line,
    column: pos.column,
  };
}

function toPosition(p: { line: number; col: number }): Position {
  return { line: p.line, column: p.col };
}

/**
 * Walks the YAML syntax tree along a JSON pointer. A property resolves to its key's position (where
 * a reader's eye goes for "unknown field x"); a missing path resolves to its deepest existing ancestor.
 */
function locateInYaml(doc: Document, lc: LineCounter, pointer: string): Position {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (const seg of splitPointer(pointer)) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key) === seg);
      if (!pair) break;
      offset = rangeStart(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = /^\d+$/.test(seg) ? node.items[Number(seg)] : undefined;
      if (item === undefined) break;
      offset = rangeStart(item) ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return toPosition(lc.linePos(offset));
}

function keyText(key: unknown): string | null {
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : null;
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : null;
}

/**
 * Parses source texts into documents that remember where every value was written.
 *
 * YAML files may hold several documents (`---`), comments and anchors; JSON files hold one value.
 * Values come from the fast parsers (`JSON.parse`; js-yaml with kubectl's scalar rules, ./kube-schema.ts, about 8×
 * faster than building `yaml`'s syntax tree: 150 ms against 1.2 s for 5,000 resources). Positions
 * are found lazily — only when a diagnostic needs a line and column — and any text the fast path
 * refuses (syntax errors, duplicate keys, alias-heavy documents) is read by a slow, careful reader
 * that reports syntax errors per document with positions and bounds alias expansion: one broken
 * document does not hide the others. Both live in ./yaml-syntax.ts (the `yaml` package); the browser
 * bundles swap in src/browser/yaml-syntax.ts (js-yaml alone; docs/bundle-size.md). Every reader
 * resolves scalars with ./kube-scalars.ts, so a value never depends on which one read the file.
 */

import type { Diagnostic } from '../diagnostics.js';
import { loadAllKube } from './kube-schema.js';
import type { SourceText } from './read-input.js';
import { MAX_NODES_PER_CHAR, lineStarts, positionIn, syntaxDiagnostic, withinNodeBudget, type ParseResult, type ParsedDocument, type Position } from './syntax.js';
import { jsonLocator, parseYamlSlow, yamlLocators } from './yaml-syntax.js';
import { jsonSyntaxError } from './json-syntax.js';
import { templateDiagnostic } from './templates.js';

export type { ParseResult, ParsedDocument, Position };

export function parseSource(source: SourceText): ParseResult {
  const template = templateDiagnostic(source.file, source.text);
  if (template) return { documents: [], diagnostics: [template] };
  const isJsonFile = /\.json$/i.test(source.file);
  const looksJson = isJsonFile || /^\s*[[{]/.test(source.text);
  if (looksJson) {
    const fast = parseJsonFast(source);
    if (fast) return fast;
    // A .json file is JSON: its syntax error says where, instead of YAML quietly accepting it.
    if (isJsonFile) return jsonSyntaxResult(source);
  }
  return parseYamlFast(source) ?? parseYamlSlow(source);
}

function jsonSyntaxResult(source: SourceText): ParseResult {
  const error = jsonSyntaxError(source.text) ?? { offset: 0, message: 'not valid JSON' };
  return { documents: [], diagnostics: [syntaxDiagnostic(source.file, positionIn(lineStarts(source.text), error.offset), error.message)] };
}

function parseYamlFast(source: SourceText): ParseResult | null {
  let values: unknown[];
  try {
    values = loadAllKube(source.text, { filename: source.file });
  } catch (err) {
    // The readers recurse per nesting level: a stack overflow means nesting far beyond MAX_NESTING,
    // and the slow reader would only overflow too (and call it a syntax error).
    if (err instanceof RangeError) return tooDeepSource(source);
    return null;
  }
  if (/&\S/.test(source.text) && values.some((v) => !withinNodeBudget(v, MAX_NODES_PER_CHAR * source.text.length + 1000))) return null;
  let located: ((index: number) => (pointer: string) => Position | null) | null = null;
  const locator = (index: number) => (pointer: string): Position | null => (located ??= yamlLocators(source.text, values.length))(index)(pointer);
  const documents: ParsedDocument[] = [];
  values.forEach((value, index) => {
    if (value === null || value === undefined) return; // an empty document (only comments or `---`)
    documents.push({ file: source.file, index, value, locate: locator(index) });
  });
  return { documents, diagnostics: [] };
}

function parseJsonFast(source: SourceText): ParseResult | null {
  let value: unknown;
  try {
    value = JSON.parse(source.text);
  } catch {
    return null; // let the YAML reader report the syntax error with a position
  }
  let lazy: ((pointer: string) => Position | null) | null = null;
  const locate = (pointer: string): Position | null => (lazy ??= jsonLocator(source.text))(pointer);
  // JSON.parse keeps the last of two equal keys without a word: a typo'd duplicate would silently
  // replace a match criterion. YAML input gets the same check from its parsers.
  const duplicate = duplicateJsonKey(source.text);
  const diagnostics: Diagnostic[] = [];
  if (duplicate) {
    const pos = positionIn(lineStarts(source.text), duplicate.offset);
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

/** A text whose nesting overflowed the YAML reader: one diagnostic where the flow nesting passes MAX_NESTING. */
function tooDeepSource(source: SourceText): ParseResult {
  let depth = 0;
  let offset = 0;
  for (let i = 0; i < source.text.length; i++) {
    const c = source.text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) depth++;
    else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    if (depth > MAX_NESTING) {
      offset = i;
      break;
    }
  }
  const pos = positionIn(lineStarts(source.text), offset);
  return { documents: [], diagnostics: [syntaxDiagnostic(source.file, pos, `document nested deeper than ${MAX_NESTING} levels`)] };
}

/** The INPUT_SYNTAX diagnostic for a document refused by `nestedDeeperThan`. */
export function tooDeepDiagnostic(doc: ParsedDocument, limit: number): Diagnostic {
  const pos = doc.locate('');
  return { ...syntaxDiagnostic(doc.file, pos ?? { line: 0, column: 0 }, `document nested deeper than ${limit} levels`), line: pos?.line ?? null, column: pos?.column ?? null };
}

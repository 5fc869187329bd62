/**
 * The `yaml` package's part of reading documents (Node): positions from its syntax tree, and the
 * slow reader for texts js-yaml refuses. The browser bundles swap in src/browser/yaml-syntax.ts,
 * which does the same with js-yaml alone (scripts/build.mjs; docs/bundle-size.md).
 */
import { LineCounter, parseAllDocuments, parseDocument, isAlias, isMap, isSeq, isScalar, type Document, type Node } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { splitPointer } from './pointer.js';
import { syntaxDiagnostic, type ParseResult, type ParsedDocument, type Position, type SourceText } from './syntax.js';

/** yaml's own guard against alias bombs ("billion laughs"): expanding more aliases than this fails. */
const MAX_ALIAS_COUNT = 1000;

/**
 * Locators for the documents of a YAML text that js-yaml read as `count` documents (null positions
 * if `yaml` sees another number: both readers must agree on the boundaries).
 */
export function yamlLocators(text: string, count: number): (index: number) => (pointer: string) => Position | null {
  const lc = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter: lc, uniqueKeys: false });
  const docs = Array.isArray(parsed) ? parsed : [];
  return (index) => (pointer) => {
    const doc = docs.length === count ? docs[index] : undefined;
    return doc ? locateInYaml(doc, lc, pointer) : null;
  };
}

/** The locator of a JSON text (JSON is YAML). */
export function jsonLocator(text: string): (pointer: string) => Position {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  return (p) => locateInYaml(doc, lc, p);
}

/** Reads a text the fast path refused: syntax errors per document, duplicate keys, bounded aliases. */
export function parseYamlSlow(source: SourceText): ParseResult {
  const lc = new LineCounter();
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const docs = parseAllDocuments(source.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, index) => {
    if (doc.errors.length > 0) {
      // One mistake, one error: the parser's follow-on errors at the same spot repeat the first.
      for (const err of doc.errors.slice(0, 1)) {
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

/**
 * The `yaml` package's part of reading documents (Node): positions from its syntax tree, and the
 * slow reader for texts js-yaml refuses. The browser bundles swap in src/browser/yaml-syntax.ts,
 * which does the same with js-yaml alone (scripts/build.mjs; docs/bundle-size.md).
 */
import { LineCounter, parseAllDocuments, parseDocument, isAlias, isMap, isSeq, isScalar, visit, type Document, type Node, type Scalar } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { isFloatScalar, kubeKeyString, resolvePlainScalar, resolveTaggedScalar, type KubeScalar } from './kube-scalars.js';
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
  // failsafe: every scalar stays text, then resolveKubeScalars reads it the way kubectl does.
  const docs = parseAllDocuments(source.text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, schema: 'failsafe', merge: true }); // keys are compared once resolved (resolveKubeScalars)
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
    const bad = resolveKubeScalars(doc);
    if (bad) {
      diagnostics.push(syntaxDiagnostic(source.file, toPosition(lc.linePos(bad.offset)), bad.message));
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

const STANDARD_TAGS = new Map<string, 'str' | 'int' | 'float' | 'bool' | 'null'>(
  (['str', 'int', 'float', 'bool', 'null'] as const).map((t) => [`tag:yaml.org,2002:${t}`, t]),
);

/**
 * Replaces the text of every scalar of a failsafe-parsed document by its value as kubectl reads it
 * (./kube-scalars.ts: plain scalars resolved, standard tags applied, other tags and quoted scalars
 * kept as text, keys as sigs.k8s.io/yaml writes them). The first scalar a tag cannot take, or null.
 */
function resolveKubeScalars(doc: Document): { offset: number; message: string } | null {
  let bad: { offset: number; message: string } | null = null;
  visit(doc, {
    Scalar(key, node: Scalar) {
      const text = node.value === null || node.value === undefined ? '' : String(node.value);
      const tag = node.tag === undefined ? undefined : STANDARD_TAGS.get(node.tag);
      let value: KubeScalar;
      if (node.tag === undefined) {
        if (node.type !== 'PLAIN') return;
        value = resolvePlainScalar(text);
      } else if (tag !== undefined) {
        try {
          value = resolveTaggedScalar(tag, text);
        } catch (err) {
          bad ??= { offset: node.range?.[0] ?? 0, message: (err as Error).message };
          return visit.BREAK;
        }
      } else {
        return; // a tag go-yaml does not resolve: the text as written
      }
      node.value = key === 'key' ? kubeKeyString(value, typeof value === 'number' && (tag === 'float' || isFloatScalar(text))) : value;
      return undefined;
    },
  });
  // Keys equal once resolved (`yes` and `true`) are duplicates, as js-yaml reports them.
  if (!bad) {
    visit(doc, {
      Map(_, map) {
        const seen = new Set<string>();
        for (const pair of map.items) {
          if (!isScalar(pair.key) || pair.key.value === '<<') continue;
          const k = String(pair.key.value);
          if (seen.has(k)) {
            bad = { offset: pair.key.range?.[0] ?? 0, message: 'Map keys must be unique' };
            return visit.BREAK;
          }
          seen.add(k);
        }
        return undefined;
      },
    });
  }
  return bad;
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
  if (isScalar(key) && key.type === 'PLAIN' && key.tag === undefined && typeof key.source === 'string') {
    const text = key.source;
    return kubeKeyString(resolvePlainScalar(text), isFloatScalar(text));
  }
  if (isScalar(key)) return String(key.value);
  return typeof key === 'string' ? key : null;
}

function rangeStart(node: unknown): number | null {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : null;
}

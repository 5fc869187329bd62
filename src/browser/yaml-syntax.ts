/**
 * Browser and worker stand-in for `src/model/load/yaml-syntax.ts`: the same three services with
 * js-yaml alone, so the browser bundles do without the `yaml` package (95.8 KB minified, 29 KB
 * gzipped; docs/bundle-size.md). scripts/build.mjs swaps it in.
 *
 * - Positions: js-yaml reports every node it composes to a `listener` ('open' before the node, 'close'
 *   after it, with its kind and value); the frames form the document's node tree, walked along a
 *   pointer the way the Node locator walks `yaml`'s syntax tree (a property resolves to its key, an
 *   item to itself, a missing path to its deepest existing ancestor). Equal to the Node positions on
 *   generated and example manifests (test/browser/yaml-syntax.test.ts).
 * - Slow reader: the text is cut at its document markers (`---`, `...` at the start of a line) and each
 *   document is read alone, so one broken document does not hide the others. Syntax errors carry
 *   js-yaml's wording and position; a duplicate key uses the Node wording ("Map keys must be unique")
 *   at js-yaml's position; an alias bomb is refused with the Node wording.
 */
import jsyaml from 'js-yaml';
import type { Diagnostic } from '../model/diagnostics.js';
import { KUBE_SCHEMA, loadAllKube } from '../model/load/kube-schema.js';
import { splitPointer } from '../model/load/pointer.js';
import { MAX_NODES_PER_CHAR, lineStarts, positionIn, syntaxDiagnostic, withinNodeBudget, type ParseResult, type ParsedDocument, type Position, type SourceText } from '../model/load/syntax.js';

type Locate = (pointer: string) => Position | null;

/** One node js-yaml composed: where its text starts, what it is, and the nodes composed inside it. */
interface Frame {
  start: number;
  end: number;
  kind: string | null;
  result: unknown;
  children: Frame[];
}

/** Locators for the documents of a YAML text (null positions if js-yaml reads another number than `count`). */
export function yamlLocators(text: string, count: number): (index: number) => Locate {
  const located = nodeTrees(text);
  return (index) => (pointer) => (located && located.roots.length === count ? locateIn(located, index, pointer) : null);
}

/** The locator of a JSON text (JSON is YAML). */
export function jsonLocator(text: string): Locate {
  const located = nodeTrees(text);
  return (pointer) => (located && located.roots.length === 1 ? locateIn(located, 0, pointer) : null);
}

/** Reads a text the fast path refused, one document at a time. */
export function parseYamlSlow(source: SourceText): ParseResult {
  const documents: ParsedDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  const lines = source.text.split('\n');
  let from = 0;
  let index = 0;
  const read = (to: number) => {
    // Earlier lines become empty ones, so js-yaml's lines and columns are the file's.
    const text = '\n'.repeat(from) + lines.slice(from, to).join('\n');
    from = to;
    let values: unknown[] = [];
    try {
      values = loadAllKube(text);
    } catch (err) {
      const e = err as { reason?: string; mark?: { line: number; column: number } };
      const reason = e.reason === 'duplicated mapping key' ? 'Map keys must be unique' : (e.reason ?? String(err));
      diagnostics.push(syntaxDiagnostic(source.file, { line: (e.mark?.line ?? 0) + 1, column: (e.mark?.column ?? 0) + 1 }, reason));
      values = [];
      index++;
      return;
    }
    let locators: ((index: number) => Locate) | null = null;
    values.forEach((value, k) => {
      const at = index++;
      if (value === null || value === undefined) return;
      const locate: Locate = (pointer) => (locators ??= yamlLocators(text, values.length))(k)(pointer);
      if (!withinNodeBudget(value, MAX_NODES_PER_CHAR * text.length + 1000)) {
        diagnostics.push(syntaxDiagnostic(source.file, locate('') ?? { line: 1, column: 1 }, 'Excessive alias count indicates a resource exhaustion attack'));
        return;
      }
      documents.push({ file: source.file, index: at, value, locate });
    });
  };
  lines.forEach((line, i) => {
    if (i > from && /^---(\s|$)/.test(line)) read(i);
    else if (/^\.\.\.(\s|$)/.test(line)) read(i + 1);
  });
  read(lines.length);
  return { documents, diagnostics };
}

// ------------------------------------------------------------------------------------------------

interface NodeTrees {
  /** The text as js-yaml counts positions (without a leading byte order mark). */
  text: string;
  /** 1 when the file starts with a byte order mark (which the Node locator counts as a column). */
  shift: number;
  /** One root frame per document. */
  roots: Frame[];
  /** Collections by value, to follow an alias to its anchored node. */
  byValue: WeakMap<object, Frame>;
  lineStarts: number[] | null;
}

function nodeTrees(text: string): NodeTrees | null {
  const roots: Frame[] = [];
  const stack: Frame[] = [];
  const byValue = new WeakMap<object, Frame>();
  try {
    jsyaml.loadAll(text, () => undefined, {
      schema: KUBE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ start: state.position, end: 0, kind: null, result: undefined, children: [] });
          return;
        }
        let f = stack.pop()!;
        f.end = state.position;
        f.kind = state.kind;
        f.result = state.result;
        // js-yaml composes some nodes twice over (a sequence item, then the same node as a would-be
        // mapping key): keep the inner one, whose start is the node's own.
        const only = f.children.length === 1 ? f.children[0]! : null;
        if (only && only.result === f.result && only.end === f.end) f = only;
        if ((f.kind === 'mapping' || f.kind === 'sequence') && typeof f.result === 'object' && f.result !== null && !byValue.has(f.result)) byValue.set(f.result, f);
        (stack.length > 0 ? stack[stack.length - 1]!.children : roots).push(f);
      },
    });
  } catch {
    return null;
  }
  // js-yaml drops a leading byte order mark before counting positions.
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  return { text: text.slice(shift), shift, roots, byValue, lineStarts: null };
}

function locateIn(t: NodeTrees, index: number, pointer: string): Position | null {
  let node = t.roots[index];
  if (!node) return null;
  let offset = nodeStart(t.text, node);
  for (const seg of splitPointer(pointer)) {
    if (node.kind !== 'mapping' && node.kind !== 'sequence' && typeof node.result === 'object' && node.result !== null) node = t.byValue.get(node.result) ?? node; // an alias
    const items: Frame[] = node.children;
    if (node.kind === 'mapping') {
      let i = 0;
      while (i < items.length && String(items[i]!.result) !== seg) i += 2;
      if (i >= items.length || !items[i + 1]) break;
      offset = nodeStart(t.text, items[i]!);
      node = items[i + 1]!;
    } else if (node.kind === 'sequence') {
      const item = /^\d+$/.test(seg) ? items[Number(seg)] : undefined;
      if (!item) break;
      offset = nodeStart(t.text, item);
      node = item;
    } else break;
  }
  return positionAt(t, offset);
}

/** Where a node's own text starts: js-yaml opens it before the separating space, comments and properties. */
function nodeStart(text: string, f: Frame): number {
  let i = f.start;
  for (;;) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') i++;
    else if (c === '#') while (i < text.length && text[i] !== '\n') i++;
    else if ((c === '&' || c === '!') && i < f.end) while (i < text.length && !/[\s]/.test(text[i]!)) i++;
    else return i;
  }
}

function positionAt(t: NodeTrees, offset: number): Position {
  const pos = positionIn((t.lineStarts ??= lineStarts(t.text)), offset);
  if (pos.line === 1) pos.column += t.shift;
  return pos;
}

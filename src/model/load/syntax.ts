/** What the document readers (./parse-documents.ts and both ./yaml-syntax.ts) share: positions and syntax diagnostics. */
import { inputDiagnostic, type Diagnostic } from '../diagnostics.js';
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

export type { SourceText };

export function syntaxDiagnostic(file: string, pos: Position, message: string): Diagnostic {
  return inputDiagnostic('INPUT_SYNTAX', `syntax error: ${message}`, { file, line: pos.line, column: pos.column });
}

/** Offsets of the first character of every line of `text`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of `offset`, given the text's `lineStarts`. */
export function positionIn(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * A document whose values, counted through aliases, outnumber its characters by this factor is an
 * alias bomb ("billion laughs"): js-yaml shares aliased nodes, but every later walk would not.
 */
export const MAX_NODES_PER_CHAR = 4;

/** False when walking `value` (aliases expanded) would visit more than `budget` nodes. */
export function withinNodeBudget(value: unknown, budget: number): boolean {
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


/**
 * Diagnostics are data: every finding of the loader and the validator is one of these, collected
 * (never thrown) so a user sees every problem of a file in one run. Codes are stable and listed,
 * with their meaning, in docs/errors.md.
 */

import type { ResourceKind } from './types.js';

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** Stable rule code, e.g. `GR_PREFIX_AND_PATH` (docs/errors.md). */
  code: string;
  message: string;
  kind: ResourceKind | 'Namespace' | null;
  namespace: string | null;
  name: string | null;
  /** JSON pointer into the document the problem is in ('' = the document itself). */
  path: string;
  file: string | null;
  /** 1-based line and column in the original file, or null when not known (e.g. stdin JSON built in memory). */
  line: number | null;
  column: number | null;
}

/** An error about an input as a whole (a file, standard input, the paths given), not one resource: no kind, name or pointer. */
export function inputDiagnostic(code: string, message: string, where: { file: string | null; line: number | null; column: number | null }): Diagnostic {
  return { severity: 'error', code, message, kind: null, namespace: null, name: null, path: '', file: where.file, line: where.line, column: where.column };
}

/** Diagnostics sort by file, line, column, code — stable output whatever order rules ran in. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    cmp(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    cmp(a.code, b.code) ||
    cmp(a.path, b.path) ||
    cmp(a.message, b.message)
  );
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

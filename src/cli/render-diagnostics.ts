/** Human rendering of diagnostics and load statistics (the `--json` form is the data itself). */

import type { Diagnostic } from '../model/diagnostics.js';
import type { LoadStats } from '../model/load-model.js';

export function renderDiagnostic(d: Diagnostic): string {
  const where = d.file ? `${d.file}${d.line ? `:${d.line}:${d.column}` : ''}` : '<input>';
  const who = d.kind ? ` ${d.kind}/${d.namespace ? d.namespace + '/' : ''}${d.name ?? '?'}` : '';
  const at = d.path ? ` (at ${d.path})` : '';
  return `${where}${who}: ${d.severity} ${d.code}: ${d.message}${at}`;
}

export function renderSummary(valid: boolean, diagnostics: readonly Diagnostic[], stats: LoadStats): string {
  const count = (s: string) => diagnostics.filter((d) => d.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const resources = Object.values(stats.resources).reduce((a, b) => a + (b ?? 0), 0);
  const skipped = Object.entries(stats.skipped);
  const skippedText = skipped.length
    ? `, ${skipped.reduce((a, [, n]) => a + n, 0)} skipped (${skipped.map(([k, n]) => (n > 1 ? `${n}× ${k}` : k)).join(', ')})`
    : '';
  const head = valid ? '✔ valid' : '✘ invalid';
  return `${head}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} — ${plural(resources, 'App Mesh resource')}, ${plural(stats.namespaces, 'namespace')}${skippedText} in ${plural(stats.files, 'file')}`;
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

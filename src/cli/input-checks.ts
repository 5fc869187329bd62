/** Checks on what the CLI read, before a command trusts it. */

import { inputDiagnostic } from '../model/diagnostics.js';
import type { LoadResult } from '../model/load-model.js';
import { plural } from './render-diagnostics.js';

/**
 * Input without a single App Mesh resource is an error for `validate` and `describe`: an empty
 * file, an empty directory, a folder of other manifests or empty stdin is almost always a CI gate
 * pointed at the wrong path, and "✔ valid … 0 App Mesh resources" would let it pass. Adds one
 * INPUT_NO_RESOURCES diagnostic (and makes the result invalid) when nothing else is wrong.
 */
export function requireResources(result: LoadResult, paths: readonly string[]): LoadResult {
  const resources = Object.values(result.stats.resources).reduce((a, b) => a + (b ?? 0), 0);
  if (resources > 0 || !result.valid) return result;
  const skipped = Object.values(result.stats.skipped).reduce((a, b) => a + b, 0);
  const read = `${plural(result.stats.files, 'file')}, ${plural(result.stats.documents, 'document')}${skipped ? `, ${skipped} skipped as not App Mesh` : ''}`;
  const where = paths.map((p) => (p === '-' ? 'standard input' : p)).join(', ');
  const diagnostic = inputDiagnostic('INPUT_NO_RESOURCES', `no App Mesh resource found in ${where} (${read}); check the path`, { file: null, line: null, column: null });
  return { ...result, valid: false, diagnostics: [...result.diagnostics, diagnostic] };
}

/**
 * Browser and worker stand-in for `src/model/load/read-input.ts` (which reads files with `node:fs`).
 * scripts/build.mjs swaps it in for the browser bundles (`dist/browser/*`, `dist/meshroute.global.js`):
 * `loadFiles()` there throws this typed error instead of pulling Node built-ins into the bundle.
 * Everything else — `loadSources()`, `loadObjects()`, `compile()` — works unchanged.
 */
import { UsageError } from '../errors.js';
import type { SourceText } from '../model/load/read-input.js';

export type { SourceText };

export const NO_FILE_SYSTEM = 'USAGE_NO_FILE_SYSTEM';

export function readInputs(_paths: readonly string[], _readStdin?: () => string): SourceText[] {
  throw new UsageError(
    NO_FILE_SYSTEM,
    'loadFiles() reads files and directories, which browsers and workers do not have: ' +
      'pass the texts to loadSources([{ file, text }]) or parsed objects to loadObjects() / compile()',
  );
}

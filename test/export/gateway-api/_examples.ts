/** The example meshes of docs/examples (each directory with manifests), loaded once per test file. */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadFiles, type LoadResult } from '../../../src/model/load-model.js';

export const EXAMPLES_DIR = 'docs/examples';

export function exampleMeshes(): { name: string; loaded: LoadResult }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((d) => statSync(join(EXAMPLES_DIR, d)).isDirectory())
    .map((d) => ({ name: d, loaded: loadFiles([join(EXAMPLES_DIR, d)], {}) }))
    .filter((e) => e.loaded.valid && e.loaded.model.virtualGateways.length > 0);
}

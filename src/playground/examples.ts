/** The bundled example meshes, which scripts/build-playground.mjs writes into examples.js as a global. */
import type { ManifestFile, RequestFields } from './state.js';

export interface Example {
  folder: string;
  title: string;
  files: ManifestFile[];
  request: Partial<RequestFields>;
}

declare global {
  // eslint-disable-next-line no-var
  var MESHROUTE_EXAMPLES: Example[] | undefined;
}

export function bundledExamples(): Example[] {
  return globalThis.MESHROUTE_EXAMPLES ?? [];
}

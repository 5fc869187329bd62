/**
 * Browser and worker stand-in for `src/analyze/diff.ts`. scripts/build.mjs swaps it in for the
 * browser bundles: diff() with its request generator (~4 KB min+gzip) would push `meshroute`
 * (browser ESM) over its size ceiling (docs/bundle-size.md), and comparing two versions of a mesh
 * is a CI / Node job (`meshroute diff`). Calling it there throws this typed error.
 */
import { UsageError } from '../errors.js';
import type { DiffOptions, DiffResult } from '../analyze/diff.js';
import type { RoutingSource } from '../analyze/routing-source.js';

export type { DiffOptions, DiffResult };

export function diff(_old: RoutingSource, _new: RoutingSource, _options?: DiffOptions): DiffResult {
  throw new UsageError('USAGE_NOT_IN_BROWSER', 'diff() is not in the browser bundles (size budget, docs/bundle-size.md): run it in Node, or use "meshroute diff OLD NEW"');
}

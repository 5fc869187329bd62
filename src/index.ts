/**
 * meshroute — the full library: load and validate App Mesh resources, compile, route, explain.
 * Re-exports only; see docs/ for the contracts.
 */

// ---- errors
export { MeshrouteError, InputError, UsageError, TableFormatError } from './errors.js';

// ---- model: load, validate, resolve
export { loadFiles, loadSources, loadObjects, type LoadOptions, type LoadResult, type LoadStats } from './model/load-model.js';
export { compareDiagnostics, hasErrors, type Diagnostic, type Severity } from './model/diagnostics.js';
export type * from './model/types.js';
export { summarizeGatewayMatch, summarizeRouteMatch, summarizeRewrite } from './model/summary.js';

// Barrel: the zero-dependency runtime (load table bytes, route, explain).
export { loadTable } from './router.js';
export type { Router, LoadOptions } from './router.js';
export type { RouteRequest, RouteOptions, Decision, Explanation, ExplainedRoute, Criterion, CriterionKind, HeaderInput } from './types.js';

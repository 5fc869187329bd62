// Barrel: the zero-dependency runtime (load table bytes, route, explain).
export { loadTable } from './router.js';
export { fnv1a32, seededRandom } from './pick.js';
export type { Router, LoadOptions } from './router.js';
export type { RouteRequest, RouteOptions, Decision, RouteMatch, Explanation, ExplainedRoute, Criterion, CriterionKind, HeaderInput, Endpoint, TimeoutPolicy, RetryPolicyOut, WeightedTargetOut, RouterExplanation } from './types.js';

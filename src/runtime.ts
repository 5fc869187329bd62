/**
 * meshroute/runtime — only the zero-dependency runtime: load table bytes, route, explain.
 * For browsers, workers and gateways that ship precompiled tables. Imports nothing outside the
 * table reader, the evaluator and the regex matcher (pinned by test/evaluate/imports.test.ts).
 */
export { MeshrouteError, TableFormatError } from './errors.js';
export { loadTable, type Router, type LoadOptions } from './evaluate/index.js';
export { fnv1a32, seededRandom } from './evaluate/index.js';
export type { RouteRequest, RouteOptions, Decision, RouteMatch, Explanation, ExplainedRoute, Criterion, CriterionKind, HeaderInput, Endpoint, TimeoutPolicy, RetryPolicyOut, WeightedTargetOut, RouterExplanation } from './evaluate/index.js';
export { loadAutomaton, type Automaton } from './regex/matcher.js';

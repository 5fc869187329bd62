// Barrel: the compiler (model → decision-table bytes).
export { compileGatewayTable, buildGatewayTable, analyzeTies, gatewayRoutesOf, DEFAULT_HOSTNAME_MODE } from './build.js';
export type { CompileOptions, HostnameMode, Tie, GatewayTableBuild } from './build.js';
export { lowerGatewayRoute, lowerRoute, criteriaCount } from './lower.js';
export type { LoweredRoute, LoweredPath, LoweredPredicate } from './lower.js';
export { comparePrecedence, sortByPrecedence, decidingRule, UNSET_PRIORITY_RANK } from './precedence.js';
export type { DecidingRule } from './precedence.js';

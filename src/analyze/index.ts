/** Static analysis of routing (docs/lint.md). Re-exports only. */
export { lint, type LintOptions } from './lint.js';
export { LINT_CODES, atLeast, type LintCode, type LintFinding, type LintResult, type LintRouteRef, type Witness } from './findings.js';

/**
 * meshroute — the full library: load and validate App Mesh resources, compile, route, explain.
 * Re-exports only; see docs/ for the contracts.
 */

// ---- errors
export { MeshrouteError, InputError, UsageError, TableFormatError, ValidationError } from './errors.js';

// ---- model: load, validate, resolve
export { loadFiles, loadSources, loadObjects, type LoadOptions, type LoadResult, type LoadStats, type SkippedDocument } from './model/load-model.js';
export type { SpecName, NamingOptions } from './model/load/spec-names.js';
export { compareDiagnostics, hasErrors, type Diagnostic, type Severity } from './model/diagnostics.js';
export type * from './model/types.js';
export { summarizeGatewayMatch, summarizeRouteMatch, summarizeRewrite } from './model/summary.js';

// ---- compile → route (the high-level API)
export { compile, type MeshRouter, type MeshrouteOptions, type ReloadResult, type Resources } from './api/compile.js';
export { selectGateway } from './api/gateway.js';

// ---- static analysis (docs/lint.md)
export { lint, LINT_CODES, type LintOptions, type LintCode, type LintFinding, type LintResult, type LintRouteRef, type Witness } from './analyze/index.js';

// ---- the compiler and the table format
export { compileGatewayTable, buildGatewayTable, analyzeTies, DEFAULT_HOSTNAME_MODE, type CompileOptions, type HostnameMode, type Tie } from './compile/index.js';
export { dumpTable, decodeTable, FORMAT_VERSION } from './table/index.js';

// ---- the runtime (also alone in meshroute/runtime)
export { loadTable, type Router } from './evaluate/index.js';
export { fnv1a32, seededRandom } from './evaluate/index.js';
export type { RouteRequest, RouteOptions, Decision, RouteMatch, Explanation, ExplainedRoute, Criterion, CriterionKind, HeaderInput, Endpoint, TimeoutPolicy, RetryPolicyOut, WeightedTargetOut, RouterExplanation } from './evaluate/index.js';

// ---- regular expressions (RE2 syntax, linear time)
export { compileRegex, RegexSyntaxError, RegexTooComplexError, type CompiledRegex, type RegexOptions } from './regex/index.js';
export { loadAutomaton, type Automaton } from './regex/matcher.js';

// ---- export to Kubernetes Gateway API, checked request by request (docs/migrate-gateway-api.md)
export { exportGatewayApi, type ExportGatewayApiOptions, type GatewayApiExport } from './export/gateway-api/export.js';
export type { GatewayApiReport, RouteVerdict, Verdict, MeshServiceReport } from './export/gateway-api/report.js';
export type { Counterexample, Divergence, DivergenceKind, Outcome as GatewayApiOutcome } from './export/gateway-api/check.js';
// ---- analysis: which requests two versions route differently
export { diff, type DiffOptions, type DiffResult, type DiffGroup, type ChangeKind, type Outcome as DiffOutcome, type Branch } from './analyze/diff.js';
export type { RoutingSource } from './analyze/routing-source.js';

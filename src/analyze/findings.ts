/**
 * Lint findings are data (like model diagnostics): a stable code, a severity, the routes involved
 * with where they are written, a message, and a witness request that shows the claim. Codes and
 * their meaning are listed in docs/errors.md § Lint; docs/lint.md explains each with an example.
 */
import type { Severity } from '../model/diagnostics.js';
import type { RouteRequest } from '../evaluate/types.js';

/** Every lint code with its severity (the CLI's `--fail-on` compares against these). */
export const LINT_CODES = {
  /** Every request the route matches is taken first by routes earlier in its group. */
  LINT_NEVER_WINS: 'error',
  /** No request can satisfy the route's own criteria (path outside every normalized path, contradictory predicates). */
  LINT_NEVER_MATCHES: 'error',
  /** The analysis could not decide whether the route can win (a regex past the budget, or predicates it cannot compare). */
  LINT_UNDECIDED: 'info',
  /** Two routes that match a common request are ordered only by meshroute's tie-break. */
  LINT_TIE: 'warning',
  /** A gateway route's target virtual service has no provider: its requests end in 404. */
  LINT_SERVICE_NO_PROVIDER: 'error',
  /** A weighted target with weight 0 is never picked. */
  LINT_WEIGHT_ZERO: 'warning',
  /** No route of the target router can match any request this gateway route forwards (after its rewrite). */
  LINT_REWRITE_UNROUTABLE: 'error',
  /** The route's rewrite produces a path with `//`. */
  LINT_REWRITE_DOUBLE_SLASH: 'warning',
  /** A regex (path or header) that matches every value: a prefix `/` or a present-match says it plainly. */
  LINT_REGEX_MATCHES_ALL: 'warning',
  /** A header / metadata matcher no value can satisfy (empty range, regex with an empty language, …). */
  LINT_HEADER_NEVER_HOLDS: 'error',
  /** `hostname.exact` without a port on a listener whose port clients send in Host (not 80 / 443). */
  LINT_HOST_WITHOUT_PORT: 'warning',
} as const satisfies Record<string, Severity>;

export type LintCode = keyof typeof LINT_CODES;

/** A route named by a finding, with where it is written. */
export interface LintRouteRef {
  kind: 'GatewayRoute' | 'Route';
  /** App Mesh name. */
  name: string;
  /** K8s metadata.name, or the API name (the name decisions carry). */
  displayName: string;
  namespace: string | null;
  /** The virtual gateway (gateway routes) or virtual router (routes), App Mesh name. */
  parent: string;
  file: string | null;
  line: number | null;
  column: number | null;
}

/**
 * A request that shows the claim. `at: 'gateway'`: send it to the gateway (`route()` of the linted
 * gateway). `at: 'router'`: the request as the virtual router `virtualRouter` sees it (after the
 * gateway's rewrite) on its listener `port`; docs/lint.md shows how to route it.
 */
export interface Witness {
  at: 'gateway' | 'router';
  gateway: string | null;
  virtualRouter: string | null;
  request: RouteRequest & { port: number };
  /** What routing the witness shows, in words (e.g. `wins: catch-all`, `matches both; tie-break picks a`). */
  shows: string;
}

export interface LintFinding {
  code: LintCode;
  severity: Severity;
  message: string;
  /** The route the finding is about (file and line point at it). */
  route: LintRouteRef;
  /** Other routes involved: the shadowing routes, the tie partner. */
  related: LintRouteRef[];
  /** The listener port and protocol of the group the finding was found in, when it is about one. */
  port: number | null;
  protocol: 'http' | 'http2' | 'grpc' | 'tcp' | null;
  /** null only for claims nothing can show by routing (a criterion no request satisfies: see docs/lint.md). */
  witness: Witness | null;
}

export interface LintResult {
  /** App Mesh names of the gateways linted. */
  gateways: string[];
  /** App Mesh names of the virtual routers linted. */
  virtualRouters: string[];
  findings: LintFinding[];
  /** With `reachable: true`: every route shown to win, with the request that reaches it (checked by routing). */
  reachable?: { route: LintRouteRef; witness: Witness }[];
  counts: { error: number; warning: number; info: number };
}

export function severityOf(code: LintCode): Severity {
  return LINT_CODES[code];
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when `s` is at or above `threshold` (error > warning > info). */
export function atLeast(s: Severity, threshold: Severity): boolean {
  return RANK[s] >= RANK[threshold];
}

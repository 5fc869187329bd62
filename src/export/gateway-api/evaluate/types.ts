/**
 * The public interface of the Gateway API evaluator: an interpreter of Gateway API routing
 * semantics (listener and hostname selection, the spec's match precedence and tie-breaks, filters,
 * weighted backendRefs, GAMMA), independent of meshroute's App Mesh evaluator. The exporter's checker
 * drives both with the same requests and compares decisions (issue 16).
 *
 * What is modelled and which spec text each choice follows: docs/gateway-api-evaluator.md.
 */
import type { GatewayApiObject, HTTPMethod } from '../objects.js';

export type { GatewayApiObject } from '../objects.js';

/** Request headers: a record (array value = repeated header) or [name, value] pairs in wire order. */
export type GatewayHeaderInput = Record<string, string | string[]> | Iterable<readonly [string, string]>;

export interface GatewayApiRequest {
  /** Default 'GET'. Compared case-sensitively with `match.method`. */
  method?: string;
  /** Path with optional query string, e.g. '/a/b?x=1'. Matched as given (no normalization). */
  path: string;
  /** Host header, host[:port]; the port is ignored for hostname matching (spec MUST). */
  authority?: string;
  /** Destination port: picks Gateway listeners, or the Service port for GAMMA. Default: port in authority, else 80 ('http') / 443 ('https'). */
  port?: number;
  /** Default 'http'. 'https' arrives on HTTPS listeners only. */
  scheme?: 'http' | 'https';
  /**
   * Default 'http'. 'grpc' requests are matched against GRPCRoutes first (path `/service/method`,
   * content-type application/grpc), and fall back to HTTPRoutes only when no GRPCRoute is attached
   * to that listener / Service port (GAMMA's GRPCRoute > HTTPRoute conflict rule).
   */
  protocol?: 'http' | 'http2' | 'grpc';
  headers?: GatewayHeaderInput;
}

/** North-south: the request arrives at a Gateway; the listener is picked by port, protocol/scheme and hostname. */
export interface GatewayEntry {
  kind: 'Gateway';
  namespace: string;
  name: string;
}

/**
 * East-west (GAMMA): the request is addressed to a Service port. `clientNamespace` (default: the
 * Service's namespace) selects consumer routes over producer routes (GEP-1294).
 */
export interface ServiceEntry {
  kind: 'Service';
  namespace: string;
  name: string;
  port: number;
  clientNamespace?: string;
}

export type GatewayApiEntry = GatewayEntry | ServiceEntry;

export interface RouteRef {
  kind: 'HTTPRoute' | 'GRPCRoute';
  namespace: string;
  name: string;
}

export type BackendInvalidReason =
  /** Cross-namespace ref without a ReferenceGrant (Gateway-bound routes only; GAMMA needs none). */
  | 'REF_NOT_PERMITTED'
  /** kind/group other than core Service. */
  | 'INVALID_KIND'
  /** A Service backendRef without `port`. */
  | 'MISSING_PORT'
  /** Services were supplied and this one (or its port) is not among them. */
  | 'BACKEND_NOT_FOUND';

export interface GatewayBackend {
  group: string;
  kind: string;
  namespace: string;
  name: string;
  port: number | null;
  weight: number;
  /** weight / Σ weights of the rule's refs (invalid refs included: their share answers 500); 0 when Σ = 0. */
  probability: number;
  /** false: this share of traffic gets 500 (spec: invalid backendRef). */
  valid: boolean;
  invalidReason: BackendInvalidReason | null;
}

export interface HeaderEdit {
  op: 'set' | 'add' | 'remove';
  /** Lowercased. */
  name: string;
  /** null for 'remove'. */
  value: string | null;
}

/** HTTPRoute `rules[].retry` (Experimental channel, GEP-1731), as written; null fields are the implementation's defaults. */
export interface GatewayRetry {
  attempts: number | null;
  codes: number[];
  backoffMs: number | null;
}

export interface GatewayTimeouts {
  /** `timeouts.request` in milliseconds; null = none. */
  requestMs: number | null;
  /** `timeouts.backendRequest` in milliseconds; null = none. */
  backendRequestMs: number | null;
}

/** Where the winning match came from. */
export interface MatchedRule {
  route: RouteRef;
  ruleIndex: number;
  /** Index in `rules[i].matches`; 0 for a rule without matches (the implicit PathPrefix '/' / match-all). */
  matchIndex: number;
  /** `rules[i].name` when set. */
  ruleName: string | null;
}

interface DecisionBase {
  entry: GatewayApiEntry;
  /** Listener that accepted the request (Gateway entry), else null. */
  listener: string | null;
}

/** The request is forwarded (possibly rewritten) to one of `backends`, picked by weight. */
export interface ForwardDecision extends DecisionBase {
  outcome: 'forward';
  /** null: GAMMA Service with no route attached to that port — traffic goes to the Service itself. */
  matched: MatchedRule | null;
  /** Every backendRef of the rule, in order, with its weight share and validity. */
  backends: GatewayBackend[];
  /** Path with query after URLRewrite (unchanged when no rewrite). */
  path: string;
  /** Host after URLRewrite.hostname (unchanged, port included, when no rewrite). */
  authority: string;
  /** RequestHeaderModifier edits of the rule, in the order set, add, remove. */
  headerEdits: HeaderEdit[];
  timeouts: GatewayTimeouts;
  /** The rule's retry policy; null when the rule has none (and always for GRPCRoute). */
  retry: GatewayRetry | null;
  /** GRPCRoute: service and method parsed from the path; null for HTTPRoute. */
  grpc: { service: string; method: string } | null;
}

/** RequestRedirect: the proxy answers itself. */
export interface RedirectDecision extends DecisionBase {
  outcome: 'redirect';
  matched: MatchedRule;
  status: 301 | 302 | 303 | 307 | 308;
  /** Absolute Location: scheme://host[:port]path. */
  location: string;
}

export type ErrorReason =
  /** No listener of the Gateway accepts this port/protocol/hostname. */
  | 'NO_LISTENER'
  /** No attached route's hostnames (∩ listener hostname) match the request host. */
  | 'NO_HOSTNAME'
  /** Routes match the host but no rule matches. */
  | 'NO_MATCH'
  /** Unknown Gateway / Service entry. */
  | 'NO_ENTRY'
  /** The rule has no backendRefs. */
  | 'NO_BACKENDS'
  /** Every backendRef has weight 0 (Istio and Envoy Gateway answer 500). */
  | 'ALL_WEIGHTS_ZERO'
  /** Every backendRef with weight > 0 is invalid. */
  | 'ALL_BACKENDS_INVALID';

/** The proxy answers with an error status. */
export interface ErrorDecision extends DecisionBase {
  outcome: 'error';
  status: 404 | 500;
  /** gRPC requests: 12 UNIMPLEMENTED for 404, 14 UNAVAILABLE for 500 (GRPCRoute invalid backends). */
  grpcStatus: 12 | 14 | null;
  reason: ErrorReason;
  matched: MatchedRule | null;
}

export type GatewayApiDecision = ForwardDecision | RedirectDecision | ErrorDecision;

/** One candidate as the precedence sort saw it (explain()). */
export interface RankedCandidate extends MatchedRule {
  /** Did the request satisfy this match? */
  matches: boolean;
  /** Human-readable sort key, e.g. 'host=exact:7 path=Exact:4 method=1 headers=2 query=0'. */
  key: string;
}

export interface GatewayApiExplanation {
  decision: GatewayApiDecision;
  /** Listeners considered and why each was (not) taken. */
  listeners: { name: string; taken: boolean; why: string }[];
  /** Every match of every attached rule, in precedence order. */
  candidates: RankedCandidate[];
}

/** Problems found while reading the objects; never thrown, so the checker can report them. */
export interface GatewayApiObjectProblem {
  code:
    | 'ROUTE_NOT_ACCEPTED'
    | 'PARENT_NOT_FOUND'
    | 'NO_HOSTNAME_INTERSECTION'
    | 'NOT_ALLOWED_BY_LISTENER'
    | 'INVALID_REGEX'
    | 'INVALID_DURATION'
    | 'INVALID_PATH'
    | 'INVALID_HOSTNAME'
    | 'REPLACE_PREFIX_WITHOUT_PATH_PREFIX';
  /** kind/namespace/name[, rule i][, match j]. */
  where: string;
  message: string;
}

export interface GatewayApiEvaluatorOptions {
  /**
   * Where RegularExpression matches sit in path precedence; implementation-specific per spec.
   * 'after-prefix' (default, Istio): Exact > PathPrefix > RegularExpression, regex ranked by length.
   * 'before-prefix' (Envoy Gateway): Exact > RegularExpression > PathPrefix.
   */
  regexPrecedence?: 'after-prefix' | 'before-prefix';
  /** Default true: a GAMMA route's `hostnames` are ignored (GEP-1294 SHOULD). */
  gammaIgnoresHostnames?: boolean;
  /**
   * Default false: only the routes whose best matching hostname is the most specific one compete
   * (Envoy virtual-host behaviour of Istio and Envoy Gateway). true: every route whose hostnames
   * match competes, ranked by hostname first, so a less specific route still catches what the more
   * specific routes do not match.
   */
  hostnameFallthrough?: boolean;
  /**
   * Default false: backendRefs to Services absent from the objects are taken as existing. true: a
   * Service (or port) missing from the objects makes the ref invalid (BACKEND_NOT_FOUND → 500).
   */
  checkBackendsExist?: boolean;
}

export interface GatewayApiEvaluator {
  route(request: GatewayApiRequest, entry: GatewayApiEntry): GatewayApiDecision;
  explain(request: GatewayApiRequest, entry: GatewayApiEntry): GatewayApiExplanation;
  /** Problems found in the objects (routes not accepted, invalid regexes, …). */
  readonly problems: readonly GatewayApiObjectProblem[];
}

export type { HTTPMethod };

/**
 * Signature of `createGatewayApiEvaluator` (src/export/gateway-api/evaluate/index.ts). Objects of
 * other kinds are ignored; routes that the spec would not accept are left out and listed in
 * `problems`. Throws only on non-object input (UsageError).
 */
export type CreateGatewayApiEvaluator = (
  objects: readonly GatewayApiObject[],
  options?: GatewayApiEvaluatorOptions,
) => GatewayApiEvaluator;

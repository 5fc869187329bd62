/** Request, Decision and Explanation: the runtime's public data shapes. Imports nothing. */

export type HeaderInput = Record<string, string | string[]> | Iterable<readonly [string, string]>;

export interface RouteRequest {
  /** Default 'GET'. Compared case-sensitively with a route's method (HTTP methods are case-sensitive). */
  method?: string;
  /** Path with query string. */
  path: string;
  /** host[:port]. */
  authority?: string;
  headers?: HeaderInput;
  /** Listener port; default: the port in authority if it is a listener, else the gateway's only listener. */
  port?: number;
  /** Matched by virtual-router http2 routes with `scheme` (router stage); default 'http'. Gateway routes have no scheme criterion. */
  scheme?: 'http' | 'https';
  /** Default: the protocol of the listener the request arrives on. */
  protocol?: 'http' | 'http2' | 'grpc';
}

export interface RouteOptions {
  /**
   * Picks among weighted targets (gateway edge canary and router weighted targets); returns [0, 1).
   * Called once per weighted pick. Default Math.random; `seededRandom(seed)` gives a reproducible one.
   */
  random?: () => number;
  /**
   * Sticky picks: the name of a request header (e.g. `x-request-id`) whose value decides every
   * weighted pick — FNV-1a 32 of its UTF-8 bytes, modulo the total weight (docs/precedence.md §7) —
   * so retries of one request land on the same version. Without that header, `random` decides.
   */
  stickyKey?: string;
  /** Router stage: list every weighted target of the winning route (`targets`) and pick none. */
  allTargets?: boolean;
}

/** Where the chosen virtual node is reached: its service discovery with the listener port. */
export type Endpoint =
  | { hostname: string; port: number | null }
  | { namespaceName: string; serviceName: string; attributes: { key: string; value: string }[]; port: number | null };

/** The route's timeout (milliseconds); perRequestMs is App Mesh's 15 000 when unset (http, http2, grpc). */
export interface TimeoutPolicy {
  perRequestMs: number | null;
  idleMs: number | null;
}

/** The route's retry policy, events as written and HTTP events expanded to status codes (reference §3.1). */
export interface RetryPolicyOut {
  maxRetries: number;
  perRetryTimeoutMs: number | null;
  httpRetryEvents: string[];
  httpStatusCodes: number[];
  streamError: boolean;
  tcpRetryEvents: string[];
  grpcRetryEvents: string[];
}

export interface WeightedTargetOut {
  virtualNode: string;
  weight: number;
  /** weight / Σ weights (0 when Σ = 0). */
  probability: number;
}

export interface Decision {
  matched: boolean;
  status: 404 | null;
  grpcStatus: 12 | null;
  stage: 'gateway' | 'router' | null;
  gatewayRoute: string | null;
  virtualService: string | null;
  targetPort: number | null;
  path: string | null;
  authority: string | null;
  /** App Mesh name of the target service's virtual router provider. */
  virtualRouter: string | null;
  /** The router route's name. */
  route: string | null;
  /** App Mesh name of the chosen virtual node. */
  virtualNode: string | null;
  endpoint: Endpoint | null;
  /** The router route's timeout / retry policy: frozen objects shared by every decision of that route (read, do not modify). */
  timeout: TimeoutPolicy | null;
  retryPolicy: RetryPolicyOut | null;
  /** Only with `allTargets`: every weighted target of the router route (no pick made). */
  targets?: WeightedTargetOut[];
}

export type CriterionKind = 'listener' | 'protocol' | 'port' | 'virtual-host' | 'hostname' | 'path' | 'method' | 'scheme' | 'header' | 'query';

export interface Criterion {
  kind: CriterionKind;
  /** Human description of what the route requires, e.g. `prefix /api`, `header x-canary exact "true"`. */
  description: string;
  ok: boolean;
}

export interface ExplainedRoute {
  /** Position in precedence order (0 = tried first). */
  rank: number;
  name: string;
  priority: number | null;
  protocol: 'http' | 'http2' | 'grpc' | 'tcp';
  /** `won`: the decision's route; `failed`: tried before the winner (or no winner) and a criterion failed; `not-reached`: ranks after the winner. */
  outcome: 'won' | 'failed' | 'not-reached';
  /** The first failing criterion, in check order; null when every criterion holds. */
  failed: CriterionKind | null;
  criteria: Criterion[];
  /** e.g. `svc-a.mesh.local` or `svc-a:8080 90%, svc-b 10%`. */
  target: string;
}

/**
 * match()'s answer: which gateway route wins a request, without building a Decision (no rewrite, no
 * target pick, no router stage). Frozen and shared: the same object for every request the route wins.
 */
export interface RouteMatch {
  /** The gateway route's name, as Decision.gatewayRoute gives it. */
  readonly gatewayRoute: string;
  readonly protocol: 'http' | 'http2' | 'grpc';
  readonly priority: number | null;
  /** Its targets in order; route() picks one by weight (one unweighted target for most routes). */
  readonly targets: readonly { readonly virtualService: string; readonly port: number | null; readonly weight: number }[];
  readonly weighted: boolean;
  /** What route() does to the path: the matched prefix → `/` (`default-prefix`), → a value (`prefix`), a whole new path (`path`), or nothing. */
  readonly pathRewrite: 'default-prefix' | 'prefix' | 'path' | 'none';
  /** route() sets the authority to the chosen virtual service's name (App Mesh's default) unless false. */
  readonly hostnameRewrite: boolean;
}

export interface Explanation {
  decision: Decision;
  gateway: string;
  hostnameMode: 'virtual-host' | 'flat';
  request: {
    method: string;
    /** Normalized path, without the query. */
    path: string;
    query: string | null;
    /** Lower-cased authority (port kept). */
    host: string;
    port: number | null;
    protocol: 'http' | 'http2' | 'grpc' | null;
  };
  /** The listener the request arrived on; null when its port is not a listener. */
  listener: { port: number; protocol: string } | null;
  /** Virtual host the request selected (virtual-host mode): `www.example.com`, `*.example.com`, `*`; null if none / flat. */
  virtualHost: string | null;
  /** Every route of the gateway, in precedence order. */
  routes: ExplainedRoute[];
  /** The router stage; null when the gateway stage did not pick a service or the table is gateway-only. */
  router: RouterExplanation | null;
}

export interface RouterExplanation {
  virtualService: string;
  /** The service's provider: `virtualNode`, `virtualRouter`, or null (no provider: the service routes no traffic). */
  provider: 'virtualNode' | 'virtualRouter' | null;
  /** App Mesh name of the provider. */
  providerName: string | null;
  /** The router listener the request uses; null when none (no target port and several listeners, or no listener on it). */
  listener: { port: number; protocol: string } | null;
  /** The request the router sees: the rewritten path (with query) and authority. */
  request: { path: string; authority: string | null; port: number | null; protocol: string | null; scheme: string };
  /** Every route of the router, in precedence order (empty for a node provider). */
  routes: ExplainedRoute[];
}

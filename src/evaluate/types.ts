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
  /** Accepted for the mesh stage (issue 5: VirtualRouter http2 routes match on it); gateway routes have no scheme criterion. */
  scheme?: 'http' | 'https';
  /** Default: the protocol of the listener the request arrives on. */
  protocol?: 'http' | 'http2' | 'grpc';
}

export interface RouteOptions {
  /** Picks among weighted targets; returns [0, 1). Default Math.random. */
  random?: () => number;
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
  virtualRouter: string | null;
  route: string | null;
  virtualNode: string | null;
  endpoint: null;
  timeout: null;
  retryPolicy: null;
}

export type CriterionKind = 'listener' | 'protocol' | 'port' | 'virtual-host' | 'hostname' | 'path' | 'method' | 'header' | 'query';

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
  protocol: 'http' | 'http2' | 'grpc';
  /** `won`: the decision's route; `failed`: tried before the winner (or no winner) and a criterion failed; `not-reached`: ranks after the winner. */
  outcome: 'won' | 'failed' | 'not-reached';
  /** The first failing criterion, in check order; null when every criterion holds. */
  failed: CriterionKind | null;
  criteria: Criterion[];
  /** e.g. `svc-a.mesh.local` or `svc-a:8080 90%, svc-b 10%`. */
  target: string;
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
}

/**
 * Minimal TypeScript shapes of the Kubernetes Gateway API objects (v1.6.1) that the exporter writes
 * and the evaluator reads: only the fields either of them uses. Field names and defaults follow
 * `apis/v1/{gateway,httproute,grpcroute,shared}_types.go` (shared/reference/gateway-api.md [HR] [GR]
 * [ST] [GWT]); an omitted optional field has the spec's default, written next to it.
 */

export const GATEWAY_API_GROUP = 'gateway.networking.k8s.io';
export const GATEWAY_API_V1 = 'gateway.networking.k8s.io/v1';
/** ReferenceGrant is emitted as v1beta1: still the storage version in v1.6.1 (reference §1). */
export const GATEWAY_API_V1BETA1 = 'gateway.networking.k8s.io/v1beta1';

export interface ObjectMeta {
  name: string;
  /** Default 'default'. */
  namespace?: string;
  /** RFC 3339; ties in route precedence go to the oldest route. Missing sorts as oldest-unknown (after every dated route). */
  creationTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

// ---- Gateway -------------------------------------------------------------------------------------

export type ListenerProtocol = 'HTTP' | 'HTTPS' | 'TLS' | 'TCP' | 'UDP';

export interface RouteGroupKind {
  /** Default 'gateway.networking.k8s.io'. */
  group?: string;
  kind: string;
}

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

export interface AllowedRoutes {
  /** Default `{ from: 'Same' }`. */
  namespaces?: { from?: 'All' | 'Same' | 'Selector'; selector?: LabelSelector };
  /** Default: the kinds the listener's protocol supports (HTTP/HTTPS: HTTPRoute, GRPCRoute). */
  kinds?: RouteGroupKind[];
}

export interface GatewayTLSConfig {
  /** Default 'Terminate'. */
  mode?: 'Terminate' | 'Passthrough';
  certificateRefs?: { group?: string; kind?: string; name: string; namespace?: string }[];
  options?: Record<string, string>;
}

export interface Listener {
  name: string;
  /** Omitted: every hostname. May start with `*.`. */
  hostname?: string;
  port: number;
  protocol: ListenerProtocol | string;
  tls?: GatewayTLSConfig;
  allowedRoutes?: AllowedRoutes;
}

export interface Gateway {
  apiVersion: typeof GATEWAY_API_V1;
  kind: 'Gateway';
  metadata: ObjectMeta;
  spec: { gatewayClassName: string; listeners: Listener[] };
}

// ---- Routes (shared) -----------------------------------------------------------------------------

export interface ParentReference {
  /** Default 'gateway.networking.k8s.io'; '' (core) for a GAMMA Service parent. */
  group?: string;
  /** Default 'Gateway'; 'Service' for GAMMA. */
  kind?: string;
  /** Default: the route's namespace. */
  namespace?: string;
  name: string;
  /** Gateway: a listener name. */
  sectionName?: string;
  /** Gateway: a listener port; Service (GAMMA): a Service port. Omitted: every port. */
  port?: number;
}

export interface BackendRef {
  /** Default '' (core). */
  group?: string;
  /** Default 'Service'. */
  kind?: string;
  name: string;
  /** Default: the route's namespace. A different namespace needs a ReferenceGrant (Gateway-bound routes). */
  namespace?: string;
  /** Required when kind is Service (CEL). */
  port?: number;
  /** 0..1_000_000, default 1. */
  weight?: number;
}

export interface HeaderMatch {
  /** Default 'Exact'. */
  type?: 'Exact' | 'RegularExpression';
  /** Compared case-insensitively. */
  name: string;
  value: string;
}

export interface HTTPHeader {
  name: string;
  value: string;
}

export interface HeaderModifier {
  set?: HTTPHeader[];
  add?: HTTPHeader[];
  remove?: string[];
}

// ---- HTTPRoute -----------------------------------------------------------------------------------

export interface HTTPPathMatch {
  /** Default 'PathPrefix'. */
  type?: 'Exact' | 'PathPrefix' | 'RegularExpression';
  /** Default '/'. */
  value?: string;
}

export interface HTTPQueryParamMatch {
  /** Default 'Exact'. */
  type?: 'Exact' | 'RegularExpression';
  /** Compared case-sensitively. */
  name: string;
  value: string;
}

export type HTTPMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';

export interface HTTPRouteMatch {
  /** Default `{ type: 'PathPrefix', value: '/' }`. */
  path?: HTTPPathMatch;
  headers?: HeaderMatch[];
  queryParams?: HTTPQueryParamMatch[];
  method?: HTTPMethod;
}

export type HTTPPathModifier =
  | { type: 'ReplaceFullPath'; replaceFullPath: string }
  | { type: 'ReplacePrefixMatch'; replacePrefixMatch: string };

export interface HTTPURLRewriteFilter {
  hostname?: string;
  path?: HTTPPathModifier;
}

export interface HTTPRequestRedirectFilter {
  scheme?: 'http' | 'https';
  hostname?: string;
  path?: HTTPPathModifier;
  port?: number;
  /** Default 302. */
  statusCode?: 301 | 302 | 303 | 307 | 308;
}

export type HTTPRouteFilter =
  | { type: 'RequestHeaderModifier'; requestHeaderModifier: HeaderModifier }
  | { type: 'ResponseHeaderModifier'; responseHeaderModifier: HeaderModifier }
  | { type: 'URLRewrite'; urlRewrite: HTTPURLRewriteFilter }
  | { type: 'RequestRedirect'; requestRedirect: HTTPRequestRedirectFilter }
  | { type: 'RequestMirror'; requestMirror: { backendRef: BackendRef } }
  | { type: 'ExtensionRef'; extensionRef: { group: string; kind: string; name: string } };

export interface HTTPBackendRef extends BackendRef {
  filters?: HTTPRouteFilter[];
}

/** GEP-2257 durations, e.g. '10s', '1m30s', '500ms'. */
export interface HTTPRouteTimeouts {
  request?: string;
  backendRequest?: string;
}

export interface HTTPRouteRule {
  name?: string;
  /** Omitted or []: one match, PathPrefix '/'. */
  matches?: HTTPRouteMatch[];
  filters?: HTTPRouteFilter[];
  /** Omitted or []: every matching request gets 500. */
  backendRefs?: HTTPBackendRef[];
  timeouts?: HTTPRouteTimeouts;
  /** Experimental channel (GEP-1731). */
  retry?: { codes?: number[]; attempts?: number; backoff?: string };
}

export interface HTTPRoute {
  apiVersion: typeof GATEWAY_API_V1;
  kind: 'HTTPRoute';
  metadata: ObjectMeta;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: HTTPRouteRule[] };
}

// ---- GRPCRoute -----------------------------------------------------------------------------------

export interface GRPCMethodMatch {
  /** Default 'Exact'. */
  type?: 'Exact' | 'RegularExpression';
  /** Omitted: every service. */
  service?: string;
  /** Omitted: every method. */
  method?: string;
}

export interface GRPCRouteMatch {
  method?: GRPCMethodMatch;
  headers?: HeaderMatch[];
}

export type GRPCRouteFilter = Extract<
  HTTPRouteFilter,
  { type: 'RequestHeaderModifier' | 'ResponseHeaderModifier' | 'RequestMirror' | 'ExtensionRef' }
>;

export interface GRPCBackendRef extends BackendRef {
  filters?: GRPCRouteFilter[];
}

export interface GRPCRouteRule {
  name?: string;
  /** Omitted or []: every request. */
  matches?: GRPCRouteMatch[];
  filters?: GRPCRouteFilter[];
  backendRefs?: GRPCBackendRef[];
}

export interface GRPCRoute {
  apiVersion: typeof GATEWAY_API_V1;
  kind: 'GRPCRoute';
  metadata: ObjectMeta;
  spec: { parentRefs?: ParentReference[]; hostnames?: string[]; rules?: GRPCRouteRule[] };
}

// ---- ReferenceGrant, core objects ----------------------------------------------------------------

export interface ReferenceGrant {
  apiVersion: typeof GATEWAY_API_V1BETA1 | typeof GATEWAY_API_V1;
  kind: 'ReferenceGrant';
  metadata: ObjectMeta;
  spec: {
    from: { group: string; kind: string; namespace: string }[];
    /** `name` omitted: every object of that group/kind in the grant's namespace. */
    to: { group: string; kind: string; name?: string }[];
  };
}

export interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  appProtocol?: string;
  targetPort?: number | string;
}

/** Core v1 Service: a backendRef target, and a GAMMA parent. */
export interface Service {
  apiVersion: 'v1';
  kind: 'Service';
  metadata: ObjectMeta;
  spec: { ports?: ServicePort[]; selector?: Record<string, string>; type?: string; clusterIP?: string };
}

/** Core v1 Namespace: only its labels matter (listener allowedRoutes `Selector`). */
export interface Namespace {
  apiVersion: 'v1';
  kind: 'Namespace';
  metadata: ObjectMeta;
}

export type Route = HTTPRoute | GRPCRoute;

export type GatewayApiObject = Gateway | HTTPRoute | GRPCRoute | ReferenceGrant | Service | Namespace;

/**
 * The normalized App Mesh model: one shape, whichever dialect (Kubernetes `appmesh.k8s.aws/v1beta2`
 * or AWS API JSON) the resources came from.
 *
 * The shape follows the AWS API (model 2019-01-25) because that is what the App Mesh control plane
 * consumed: the Kubernetes controller converts each CRD into exactly these API shapes
 * (`pkg/conversions`), resolving `*Ref`s into App Mesh names. Everything downstream — the compiler,
 * the mesh stage, `describe` — reads only this model.
 *
 * Names: `name` is the App Mesh resource name (the K8s `awsName`, or the API `*Name`); that is what
 * App Mesh routes on (a gateway route's target is a virtual service *name*, the default host rewrite
 * is that name). `displayName` is what the user wrote as the object's name (K8s `metadata.name`, or
 * the API name again). `namespace` is the K8s namespace, null for API resources.
 */

/** `k8s` is `appmesh.k8s.aws/v1beta2`; `k8s-v1beta1` the legacy controller v0.x dialect (docs/dialects.md); `aws` API JSON. */
export type Dialect = 'k8s' | 'k8s-v1beta1' | 'aws';

export type ResourceKind =
  | 'Mesh'
  | 'VirtualGateway'
  | 'GatewayRoute'
  | 'VirtualService'
  | 'VirtualRouter'
  | 'Route'
  | 'VirtualNode';

/** Where a resource (or a field of it) was written. `pointer` is a JSON pointer into the document. */
export interface SourceLocation {
  file: string;
  pointer: string;
  line: number;
  column: number;
}

/** Fields every normalized resource carries. */
export interface ResourceBase {
  kind: ResourceKind;
  /** App Mesh name (K8s `awsName` with its defaults applied, or the API name). */
  name: string;
  /** K8s `metadata.name`, or the API name. */
  displayName: string;
  /** K8s namespace; null for AWS API resources and cluster-scoped Meshes. */
  namespace: string | null;
  /** App Mesh name of the mesh this resource belongs to (null only for a Mesh itself: its own name). */
  meshName: string;
  dialect: Dialect;
  labels: Record<string, string>;
  source: SourceLocation;
}

// ---------------------------------------------------------------------------------------------
// Shared match primitives
// ---------------------------------------------------------------------------------------------

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'CONNECT' | 'OPTIONS' | 'TRACE' | 'PATCH';
export const HTTP_METHODS: readonly HttpMethod[] = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'];

/** `range` is `[start, end)` over a signed 64-bit decimal header value. */
export interface MatchRange {
  start: number;
  end: number;
}

/** HeaderMatchMethod / GrpcMetadataMatchMethod: exactly one member is set. */
export type StringMatch =
  | { exact: string }
  | { prefix: string }
  | { suffix: string }
  | { regex: string }
  | { range: MatchRange };

/** A header (HTTP) or metadata (gRPC) criterion. `match: null` means "present". */
export interface HeaderMatch {
  name: string;
  invert: boolean;
  match: StringMatch | null;
}

/** A query-parameter criterion. `exact: null` means "present". */
export interface QueryParameterMatch {
  name: string;
  exact: string | null;
}

export type PathMatch = { exact: string } | { regex: string };
export type HostnameMatch = { exact: string } | { suffix: string };

export type RouteType = 'http' | 'http2' | 'grpc' | 'tcp';
export type ListenerProtocol = 'http' | 'http2' | 'grpc' | 'tcp';

export interface PortMapping {
  port: number;
  protocol: ListenerProtocol;
}

export interface Duration {
  unit: 's' | 'ms';
  value: number;
}

// ---------------------------------------------------------------------------------------------
// Gateway routes
// ---------------------------------------------------------------------------------------------

export interface HttpGatewayRouteMatch {
  prefix: string | null;
  path: PathMatch | null;
  hostname: HostnameMatch | null;
  method: HttpMethod | null;
  headers: HeaderMatch[];
  queryParameters: QueryParameterMatch[];
  port: number | null;
}

export interface GrpcGatewayRouteMatch {
  serviceName: string | null;
  hostname: HostnameMatch | null;
  metadata: HeaderMatch[];
  port: number | null;
}

export interface GatewayRouteRewrite {
  /** `prefix.defaultPrefix` and `prefix.value` are mutually exclusive; both null = absent block. */
  prefix: { defaultPrefix: 'ENABLED' | 'DISABLED' | null; value: string | null } | null;
  path: { exact: string } | null;
  hostname: { defaultTargetHostname: 'ENABLED' | 'DISABLED' | null } | null;
}

/**
 * A gateway route target. App Mesh has exactly one; `weight` is meshroute's edge-canary extension
 * (`weightedTargets` on a gateway route, seed notes) and is 1 for the single App Mesh target.
 */
export interface GatewayRouteTarget {
  virtualServiceName: string;
  port: number | null;
  weight: number;
}

export interface GatewayRouteAction {
  targets: GatewayRouteTarget[];
  /** True when the targets came from the `weightedTargets` extension rather than App Mesh's single target. */
  weighted: boolean;
  rewrite: GatewayRouteRewrite | null;
}

export type GatewayRouteSpec =
  | { type: 'http' | 'http2'; priority: number | null; match: HttpGatewayRouteMatch; action: GatewayRouteAction }
  | { type: 'grpc'; priority: number | null; match: GrpcGatewayRouteMatch; action: GatewayRouteAction };

export interface GatewayRoute extends ResourceBase {
  kind: 'GatewayRoute';
  /** App Mesh name of the virtual gateway this route is bound to (resolved from selectors or given). */
  virtualGatewayName: string;
  spec: GatewayRouteSpec;
}

// ---------------------------------------------------------------------------------------------
// Virtual router routes
// ---------------------------------------------------------------------------------------------

export interface HttpRouteMatch {
  prefix: string | null;
  path: PathMatch | null;
  method: HttpMethod | null;
  headers: HeaderMatch[];
  queryParameters: QueryParameterMatch[];
  scheme: 'http' | 'https' | null;
  port: number | null;
}

export interface GrpcRouteMatch {
  serviceName: string | null;
  methodName: string | null;
  metadata: HeaderMatch[];
  port: number | null;
}

export interface TcpRouteMatch {
  port: number | null;
}

export interface WeightedTarget {
  virtualNodeName: string;
  weight: number;
  port: number | null;
}

export interface RetryPolicy {
  maxRetries: number;
  perRetryTimeout: Duration;
  httpRetryEvents: string[];
  tcpRetryEvents: string[];
  /** gRPC routes only; empty otherwise. */
  grpcRetryEvents: string[];
}

export interface RouteTimeout {
  perRequest: Duration | null;
  idle: Duration | null;
}

export type RouteSpec =
  | {
      type: 'http' | 'http2';
      priority: number | null;
      match: HttpRouteMatch;
      weightedTargets: WeightedTarget[];
      retryPolicy: RetryPolicy | null;
      timeout: RouteTimeout | null;
    }
  | {
      type: 'grpc';
      priority: number | null;
      match: GrpcRouteMatch;
      weightedTargets: WeightedTarget[];
      retryPolicy: RetryPolicy | null;
      timeout: RouteTimeout | null;
    }
  | {
      type: 'tcp';
      priority: number | null;
      match: TcpRouteMatch;
      weightedTargets: WeightedTarget[];
      retryPolicy: null;
      timeout: RouteTimeout | null;
    };

export interface Route extends ResourceBase {
  kind: 'Route';
  /** App Mesh name of the owning virtual router. */
  virtualRouterName: string;
  spec: RouteSpec;
}

// ---------------------------------------------------------------------------------------------
// Other resources. Fields that do not take part in routing keep the API shape verbatim
// (`Record<string, unknown>` after schema validation), so `describe --json` shows them as written.
// ---------------------------------------------------------------------------------------------

export interface Mesh extends ResourceBase {
  kind: 'Mesh';
  egressFilter: 'ALLOW_ALL' | 'DROP_ALL';
  /** K8s only: selects member namespaces. null selects none, `{}` selects all. */
  namespaceSelector: LabelSelector | null;
  spec: Record<string, unknown>;
}

export interface VirtualGatewayListener {
  portMapping: PortMapping;
  /** tls, healthCheck, connectionPool as written (API shape). */
  extra: Record<string, unknown>;
}

export interface VirtualGateway extends ResourceBase {
  kind: 'VirtualGateway';
  listeners: VirtualGatewayListener[];
  /** K8s only. null selects no namespace; `{}` selects all. */
  namespaceSelector: LabelSelector | null;
  /** K8s only. null or `{}` selects every gateway route. */
  gatewayRouteSelector: LabelSelector | null;
  spec: Record<string, unknown>;
}

export type VirtualServiceProvider = { virtualNode: string } | { virtualRouter: string } | null;

export interface VirtualService extends ResourceBase {
  kind: 'VirtualService';
  provider: VirtualServiceProvider;
  spec: Record<string, unknown>;
}

export interface VirtualRouter extends ResourceBase {
  kind: 'VirtualRouter';
  listeners: PortMapping[];
  /** App Mesh names of its routes (K8s: `spec.routes[].name`; API: separate Route resources). */
  routeNames: string[];
  spec: Record<string, unknown>;
}

export type ServiceDiscovery =
  | { dns: { hostname: string; responseType: 'LOADBALANCER' | 'ENDPOINTS' | null; ipPreference: string | null } }
  | {
      awsCloudMap: {
        namespaceName: string;
        serviceName: string;
        attributes: { key: string; value: string }[];
        ipPreference: string | null;
      };
    }
  | null;

export interface VirtualNodeListener {
  portMapping: PortMapping;
  /** tls, healthCheck, timeout, connectionPool, outlierDetection as written (API shape). */
  extra: Record<string, unknown>;
}

export interface VirtualNode extends ResourceBase {
  kind: 'VirtualNode';
  listeners: VirtualNodeListener[];
  serviceDiscovery: ServiceDiscovery;
  /** App Mesh names of backend virtual services. */
  backends: string[];
  spec: Record<string, unknown>;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values: string[];
}

export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: LabelSelectorRequirement[];
}

/** A Kubernetes Namespace found in the input; its labels drive mesh and gateway selectors. */
export interface NamespaceInfo {
  name: string;
  labels: Record<string, string>;
  source: SourceLocation;
}

export type Resource = Mesh | VirtualGateway | GatewayRoute | VirtualService | VirtualRouter | Route | VirtualNode;

/**
 * The whole loaded input, normalized and resolved. Arrays are sorted by (meshName, name) so that
 * the same resources in any order or file split give the same model — and so byte-identical tables.
 */
export interface MeshModel {
  meshes: Mesh[];
  virtualGateways: VirtualGateway[];
  gatewayRoutes: GatewayRoute[];
  virtualServices: VirtualService[];
  virtualRouters: VirtualRouter[];
  routes: Route[];
  virtualNodes: VirtualNode[];
  namespaces: NamespaceInfo[];
}

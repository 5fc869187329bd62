// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_virtualrouters.yaml (apis/appmesh/v1beta2/virtualrouter_types.go)
import Type, { type Static } from 'typebox';
import { GrpcRetryEvent, HttpScheme, Int, List, OneOf, Str, Strict, TcpRetryEvent } from '../common.js';
import {
  Duration,
  HeaderMatch,
  Headers,
  HttpMethod,
  HttpPathMatch,
  HttpTimeout,
  K8sDocument,
  MatchPort,
  MeshReference,
  NamespacedReference,
  PortNumber,
  QueryParameters,
  TcpTimeout,
} from './common.js';

/** WeightedTarget: a node ref or ARN (one-of is a webhook/conversion rule), weight 0..100, port ≥ 0. */
export const K8sWeightedTarget = Strict({
  port: Type.Optional(MatchPort),
  virtualNodeARN: Type.Optional(Type.String()),
  virtualNodeRef: Type.Optional(NamespacedReference),
  weight: Int(0, 100),
});

export const K8sRouteAction = Strict({ weightedTargets: List(K8sWeightedTarget, 1, 10) });

/** HTTP retry events are an enum in the CRD (the API model only bounds their length 1..25). */
export const K8sHttpRetryEvent = Type.Enum(['server-error', 'gateway-error', 'client-error', 'stream-error']);

export const K8sHttpRetryPolicy = Strict({
  httpRetryEvents: Type.Optional(List(K8sHttpRetryEvent, 1, 25)),
  maxRetries: Int(0),
  perRetryTimeout: Duration,
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
});

export const K8sGrpcRetryPolicy = Strict({
  grpcRetryEvents: Type.Optional(List(GrpcRetryEvent, 1, 5)),
  httpRetryEvents: Type.Optional(List(K8sHttpRetryEvent, 1, 25)),
  maxRetries: Int(0),
  perRetryTimeout: Duration,
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
});

export const K8sHttpRouteMatch = Strict({
  headers: Type.Optional(Headers),
  method: Type.Optional(HttpMethod),
  path: Type.Optional(HttpPathMatch),
  port: Type.Optional(MatchPort),
  prefix: Type.Optional(Type.String()),
  queryParameters: Type.Optional(QueryParameters),
  scheme: Type.Optional(HttpScheme),
});

export const K8sHttpRoute = Strict({
  action: K8sRouteAction,
  match: K8sHttpRouteMatch,
  retryPolicy: Type.Optional(K8sHttpRetryPolicy),
  timeout: Type.Optional(HttpTimeout),
});

export const K8sGrpcRouteMatch = Strict({
  metadata: Type.Optional(List(HeaderMatch, 1, 10)),
  methodName: Type.Optional(Str(1, 50)),
  port: Type.Optional(MatchPort),
  serviceName: Type.Optional(Type.String()),
});

export const K8sGrpcRoute = Strict({
  action: K8sRouteAction,
  match: K8sGrpcRouteMatch,
  retryPolicy: Type.Optional(K8sGrpcRetryPolicy),
  timeout: Type.Optional(HttpTimeout),
});

export const K8sTcpRoute = Strict({
  action: K8sRouteAction,
  match: Type.Optional(Strict({ port: Type.Optional(MatchPort) })),
  timeout: Type.Optional(TcpTimeout),
});

/**
 * One entry of `spec.routes`. Route type: exactly one (API RouteSpec "Specify one route type";
 * the webhook checks it too): `x-union` over the four route types.
 */
export const K8sRoute = OneOf(
  {
    grpcRoute: Type.Optional(K8sGrpcRoute),
    http2Route: Type.Optional(K8sHttpRoute),
    httpRoute: Type.Optional(K8sHttpRoute),
    name: Type.String(),
    priority: Type.Optional(Int(0, 1000)),
    tcpRoute: Type.Optional(K8sTcpRoute),
  },
  ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'],
);

export const K8sVirtualRouterProtocol = Type.Enum(['grpc', 'http', 'http2', 'tcp']);

export const K8sVirtualRouterSpec = Strict({
  awsName: Type.Optional(Type.String()),
  listeners: Type.Optional(
    List(Strict({ portMapping: Strict({ port: PortNumber, protocol: K8sVirtualRouterProtocol }) }), 1),
  ),
  meshRef: Type.Optional(MeshReference),
  routes: Type.Optional(Type.Array(K8sRoute)),
});

export const K8sVirtualRouterSchema = K8sDocument('VirtualRouter', K8sVirtualRouterSpec);
export type K8sVirtualRouter = Static<typeof K8sVirtualRouterSchema>;
export type K8sVirtualRouterSpec = Static<typeof K8sVirtualRouterSpec>;
export type K8sRoute = Static<typeof K8sRoute>;
export type K8sHttpRoute = Static<typeof K8sHttpRoute>;
export type K8sGrpcRoute = Static<typeof K8sGrpcRoute>;
export type K8sTcpRoute = Static<typeof K8sTcpRoute>;

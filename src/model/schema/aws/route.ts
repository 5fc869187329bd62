// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (RouteSpec, RouteData, Create/UpdateRouteInput)
import Type, { type Static } from 'typebox';
import { GrpcRetryEvent, HttpMethod, HttpScheme, Int, List, OneOf, Str, Strict, TcpRetryEvent } from '../common.js';
import {
  DataShape,
  Duration,
  HeaderMatch,
  Headers,
  HttpPathMatch,
  HttpTimeout,
  InputExtras,
  ListenerPort,
  QueryParameters,
  ResourceName,
  TcpTimeout,
} from './common.js';

/** WeightedTarget: virtualNode name, weight 0..100 (PercentInt), optional port. */
export const AwsWeightedTarget = Strict({
  port: Type.Optional(ListenerPort),
  virtualNode: ResourceName,
  weight: Int(0, 100),
});

export const AwsRouteAction = Strict({ weightedTargets: List(AwsWeightedTarget, 1, 10) });

/**
 * HttpRetryPolicyEvent is a plain string of 1..25 characters in the model (its documentation lists
 * server-error, gateway-error, client-error, stream-error; the CRD makes those an enum).
 */
export const AwsHttpRetryEvents = List(Str(1, 25), 1, 25);

export const AwsHttpRetryPolicy = Strict({
  httpRetryEvents: Type.Optional(AwsHttpRetryEvents),
  maxRetries: Int(0),
  perRetryTimeout: Duration,
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
});

export const AwsGrpcRetryPolicy = Strict({
  grpcRetryEvents: Type.Optional(List(GrpcRetryEvent, 1, 5)),
  httpRetryEvents: Type.Optional(AwsHttpRetryEvents),
  maxRetries: Int(0),
  perRetryTimeout: Duration,
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
});

export const AwsHttpRouteMatch = Strict({
  headers: Type.Optional(Headers),
  method: Type.Optional(HttpMethod),
  path: Type.Optional(HttpPathMatch),
  port: Type.Optional(ListenerPort),
  prefix: Type.Optional(Type.String()),
  queryParameters: Type.Optional(QueryParameters),
  scheme: Type.Optional(HttpScheme),
});

export const AwsHttpRoute = Strict({
  action: AwsRouteAction,
  match: AwsHttpRouteMatch,
  retryPolicy: Type.Optional(AwsHttpRetryPolicy),
  timeout: Type.Optional(HttpTimeout),
});

export const AwsGrpcRouteMatch = Strict({
  metadata: Type.Optional(List(HeaderMatch, 1, 10)),
  methodName: Type.Optional(Str(1, 50)),
  port: Type.Optional(ListenerPort),
  serviceName: Type.Optional(Type.String()),
});

export const AwsGrpcRoute = Strict({
  action: AwsRouteAction,
  match: AwsGrpcRouteMatch,
  retryPolicy: Type.Optional(AwsGrpcRetryPolicy),
  timeout: Type.Optional(HttpTimeout),
});

export const AwsTcpRoute = Strict({
  action: AwsRouteAction,
  match: Type.Optional(Strict({ port: Type.Optional(ListenerPort) })),
  timeout: Type.Optional(TcpTimeout),
});

/**
 * RouteSpec. Not flagged `union` in the model, but documented "Specify one route type" and
 * rejected by the API otherwise: `x-union` over the four route types.
 */
export const AwsRouteSpec = OneOf(
  {
    grpcRoute: Type.Optional(AwsGrpcRoute),
    http2Route: Type.Optional(AwsHttpRoute),
    httpRoute: Type.Optional(AwsHttpRoute),
    priority: Type.Optional(Int(0, 1000)),
    tcpRoute: Type.Optional(AwsTcpRoute),
  },
  ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'],
);

const names = { meshName: ResourceName, virtualRouterName: ResourceName, routeName: ResourceName };

export const AwsRouteDescribeSchema = Strict({ route: DataShape(names, AwsRouteSpec) });

export const AwsRouteInputSchema = Strict({ ...names, spec: AwsRouteSpec, ...InputExtras });

export type AwsRouteSpec = Static<typeof AwsRouteSpec>;
export type AwsRouteDescribe = Static<typeof AwsRouteDescribeSchema>;
export type AwsRouteInput = Static<typeof AwsRouteInputSchema>;
export type AwsHttpRoute = Static<typeof AwsHttpRoute>;
export type AwsGrpcRoute = Static<typeof AwsGrpcRoute>;
export type AwsTcpRoute = Static<typeof AwsTcpRoute>;

// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (GatewayRouteSpec, GatewayRouteData, Create/UpdateGatewayRouteInput)
import Type, { type Static } from 'typebox';
import { DefaultRewrite, HttpMethod, Int, List, OneOf, Str, Strict } from '../common.js';
import {
  AccountId,
  DataShape,
  HeaderMatch,
  Headers,
  HttpPathMatch,
  ListenerPort,
  QueryParameters,
  ResourceName,
  TagList,
} from './common.js';

/** GatewayRouteHostnameMatch: not a union in the model (exactly-one is a K8s webhook rule). */
export const AwsGatewayRouteHostnameMatch = Strict({
  exact: Type.Optional(Str(1, 253)),
  suffix: Type.Optional(Str(1, 253)),
});

export const AwsGatewayRouteTarget = Strict({
  port: Type.Optional(ListenerPort),
  virtualService: Strict({ virtualServiceName: ResourceName }),
});

const HostnameRewrite = Strict({ defaultTargetHostname: Type.Optional(DefaultRewrite) });

export const AwsHttpGatewayRouteMatch = Strict({
  headers: Type.Optional(Headers),
  hostname: Type.Optional(AwsGatewayRouteHostnameMatch),
  method: Type.Optional(HttpMethod),
  path: Type.Optional(HttpPathMatch),
  port: Type.Optional(ListenerPort),
  prefix: Type.Optional(Type.String()),
  queryParameters: Type.Optional(QueryParameters),
});

export const AwsHttpGatewayRouteRewrite = Strict({
  hostname: Type.Optional(HostnameRewrite),
  path: Type.Optional(Strict({ exact: Type.Optional(Str(1, 255)) })),
  prefix: Type.Optional(
    Strict({ defaultPrefix: Type.Optional(DefaultRewrite), value: Type.Optional(Str(1, 255)) }),
  ),
});

export const AwsHttpGatewayRoute = Strict({
  action: Strict({ rewrite: Type.Optional(AwsHttpGatewayRouteRewrite), target: AwsGatewayRouteTarget }),
  match: AwsHttpGatewayRouteMatch,
});

export const AwsGrpcGatewayRouteMatch = Strict({
  hostname: Type.Optional(AwsGatewayRouteHostnameMatch),
  metadata: Type.Optional(List(HeaderMatch, 1, 10)),
  port: Type.Optional(ListenerPort),
  serviceName: Type.Optional(Type.String()),
});

export const AwsGrpcGatewayRoute = Strict({
  action: Strict({
    rewrite: Type.Optional(Strict({ hostname: Type.Optional(HostnameRewrite) })),
    target: AwsGatewayRouteTarget,
  }),
  match: AwsGrpcGatewayRouteMatch,
});

/**
 * GatewayRouteSpec. Not flagged `union` in the model, but documented "Specify one gateway route
 * type" and rejected by the API otherwise: `x-union` over the route types.
 */
export const AwsGatewayRouteSpec = OneOf(
  {
    grpcRoute: Type.Optional(AwsGrpcGatewayRoute),
    http2Route: Type.Optional(AwsHttpGatewayRoute),
    httpRoute: Type.Optional(AwsHttpGatewayRoute),
    priority: Type.Optional(Int(0, 1000)),
  },
  ['httpRoute', 'http2Route', 'grpcRoute'],
);

const names = {
  meshName: ResourceName,
  virtualGatewayName: ResourceName,
  gatewayRouteName: ResourceName,
};

/** `aws appmesh describe-gateway-route` output: `{"gatewayRoute": GatewayRouteData}`. */
export const AwsGatewayRouteDescribeSchema = Strict({ gatewayRoute: DataShape(names, AwsGatewayRouteSpec) });

/** `create-gateway-route` / `update-gateway-route` input (`--cli-input-json`); tags only on create. */
export const AwsGatewayRouteInputSchema = Strict({
  ...names,
  spec: AwsGatewayRouteSpec,
  clientToken: Type.Optional(Type.String()),
  meshOwner: Type.Optional(AccountId),
  tags: Type.Optional(TagList),
});

export type AwsGatewayRouteSpec = Static<typeof AwsGatewayRouteSpec>;
export type AwsGatewayRouteDescribe = Static<typeof AwsGatewayRouteDescribeSchema>;
export type AwsGatewayRouteInput = Static<typeof AwsGatewayRouteInputSchema>;
export type AwsHttpGatewayRoute = Static<typeof AwsHttpGatewayRoute>;
export type AwsGrpcGatewayRoute = Static<typeof AwsGrpcGatewayRoute>;

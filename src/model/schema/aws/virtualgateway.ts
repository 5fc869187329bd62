// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (VirtualGatewaySpec, VirtualGatewayData, Create/UpdateVirtualGatewayInput)
import Type, { type Static } from 'typebox';
import { Int, OneOf, Strict } from '../common.js';
import {
  AccountId,
  BackendDefaults,
  DataShape,
  HttpConnectionPool,
  ListenerTls,
  Logging,
  PortNumber,
  RequestsConnectionPool,
  ResourceName,
  TagList,
} from './common.js';

/** VirtualGatewayPortProtocol: no tcp. */
export const AwsVirtualGatewayProtocol = Type.Enum(['http', 'http2', 'grpc']);

/** VirtualGatewayConnectionPool: grpc | http | http2 (union). */
export const AwsVirtualGatewayConnectionPool = OneOf({
  grpc: Type.Optional(RequestsConnectionPool),
  http: Type.Optional(HttpConnectionPool),
  http2: Type.Optional(RequestsConnectionPool),
});

export const AwsVirtualGatewayHealthCheck = Strict({
  healthyThreshold: Int(2, 10),
  intervalMillis: Int(5000, 300000),
  path: Type.Optional(Type.String()),
  port: Type.Optional(PortNumber),
  protocol: AwsVirtualGatewayProtocol,
  timeoutMillis: Int(2000, 60000),
  unhealthyThreshold: Int(2, 10),
});

export const AwsVirtualGatewayListener = Strict({
  connectionPool: Type.Optional(AwsVirtualGatewayConnectionPool),
  healthCheck: Type.Optional(AwsVirtualGatewayHealthCheck),
  portMapping: Strict({ port: PortNumber, protocol: AwsVirtualGatewayProtocol }),
  tls: Type.Optional(ListenerTls),
});

/** VirtualGatewaySpec: `listeners` required (no item bounds in the current model). */
export const AwsVirtualGatewaySpec = Strict({
  backendDefaults: Type.Optional(BackendDefaults),
  listeners: Type.Array(AwsVirtualGatewayListener),
  logging: Type.Optional(Logging),
});

const names = { meshName: ResourceName, virtualGatewayName: ResourceName };

export const AwsVirtualGatewayDescribeSchema = Strict({ virtualGateway: DataShape(names, AwsVirtualGatewaySpec) });

export const AwsVirtualGatewayInputSchema = Strict({
  ...names,
  spec: AwsVirtualGatewaySpec,
  clientToken: Type.Optional(Type.String()),
  meshOwner: Type.Optional(AccountId),
  tags: Type.Optional(TagList),
});

export type AwsVirtualGatewaySpec = Static<typeof AwsVirtualGatewaySpec>;
export type AwsVirtualGatewayDescribe = Static<typeof AwsVirtualGatewayDescribeSchema>;
export type AwsVirtualGatewayInput = Static<typeof AwsVirtualGatewayInputSchema>;

// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (VirtualNodeSpec, VirtualNodeData, Create/UpdateVirtualNodeInput)
import Type, { type Static } from 'typebox';
import { DnsResponseType, Int, OneOf, Str, Strict } from '../common.js';
import {
  BackendDefaults,
  ClientPolicy,
  DataShape,
  Duration,
  HttpConnectionPool,
  HttpTimeout,
  InputExtras,
  IpPreference,
  ListenerTls,
  Logging,
  PortNumber,
  RequestsConnectionPool,
  ResourceName,
  ServiceName,
  TcpTimeout,
} from './common.js';
import { AwsPortMapping, AwsPortProtocol } from './virtualrouter.js';

/** VirtualNodeConnectionPool: grpc | http | http2 | tcp (union). */
export const AwsVirtualNodeConnectionPool = OneOf({
  grpc: Type.Optional(RequestsConnectionPool),
  http: Type.Optional(HttpConnectionPool),
  http2: Type.Optional(RequestsConnectionPool),
  tcp: Type.Optional(Strict({ maxConnections: Int(1) })),
});

export const AwsHealthCheck = Strict({
  healthyThreshold: Int(2, 10),
  intervalMillis: Int(5000, 300000),
  path: Type.Optional(Type.String()),
  port: Type.Optional(PortNumber),
  protocol: AwsPortProtocol,
  timeoutMillis: Int(2000, 60000),
  unhealthyThreshold: Int(2, 10),
});

export const AwsOutlierDetection = Strict({
  baseEjectionDuration: Duration,
  interval: Duration,
  maxEjectionPercent: Int(0, 100),
  maxServerErrors: Int(1),
});

/** ListenerTimeout: grpc | http | http2 | tcp (union). */
export const AwsListenerTimeout = OneOf({
  grpc: Type.Optional(HttpTimeout),
  http: Type.Optional(HttpTimeout),
  http2: Type.Optional(HttpTimeout),
  tcp: Type.Optional(TcpTimeout),
});

export const AwsListener = Strict({
  connectionPool: Type.Optional(AwsVirtualNodeConnectionPool),
  healthCheck: Type.Optional(AwsHealthCheck),
  outlierDetection: Type.Optional(AwsOutlierDetection),
  portMapping: AwsPortMapping,
  timeout: Type.Optional(AwsListenerTimeout),
  tls: Type.Optional(ListenerTls),
});

/** ServiceDiscovery: awsCloudMap | dns (union). Cloud Map attribute patterns are the model's. */
export const AwsServiceDiscovery = OneOf({
  awsCloudMap: Type.Optional(
    Strict({
      attributes: Type.Optional(
        Type.Array(
          Strict({
            key: Type.String({ minLength: 1, maxLength: 255, pattern: '^[a-zA-Z0-9!-~]+$' }),
            value: Type.String({
              minLength: 1,
              maxLength: 1024,
              pattern: '^([a-zA-Z0-9!-~][  a-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$',
            }),
          }),
        ),
      ),
      ipPreference: Type.Optional(IpPreference),
      namespaceName: Str(1, 1024),
      serviceName: Str(1, 1024),
    }),
  ),
  dns: Type.Optional(
    Strict({
      hostname: Type.String(),
      ipPreference: Type.Optional(IpPreference),
      responseType: Type.Optional(DnsResponseType),
    }),
  ),
});

/** Backend: a union whose only member is virtualService. */
export const AwsBackend = OneOf({
  virtualService: Type.Optional(
    Strict({ clientPolicy: Type.Optional(ClientPolicy), virtualServiceName: ServiceName }),
  ),
});

export const AwsVirtualNodeSpec = Strict({
  backendDefaults: Type.Optional(BackendDefaults),
  backends: Type.Optional(Type.Array(AwsBackend)),
  listeners: Type.Optional(Type.Array(AwsListener)),
  logging: Type.Optional(Logging),
  serviceDiscovery: Type.Optional(AwsServiceDiscovery),
});

const names = { meshName: ResourceName, virtualNodeName: ResourceName };

export const AwsVirtualNodeDescribeSchema = Strict({ virtualNode: DataShape(names, AwsVirtualNodeSpec) });

export const AwsVirtualNodeInputSchema = Strict({ ...names, spec: AwsVirtualNodeSpec, ...InputExtras });

export type AwsVirtualNodeSpec = Static<typeof AwsVirtualNodeSpec>;
export type AwsVirtualNodeDescribe = Static<typeof AwsVirtualNodeDescribeSchema>;
export type AwsVirtualNodeInput = Static<typeof AwsVirtualNodeInputSchema>;

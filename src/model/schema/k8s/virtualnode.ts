// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_virtualnodes.yaml (apis/appmesh/v1beta2/virtualnode_types.go)
import Type, { type Static } from 'typebox';
import { DnsResponseType, Int, List, OneOf, Str, Strict } from '../common.js';
import {
  BackendDefaults,
  ClientPolicy,
  Duration,
  HttpConnectionPool,
  HttpTimeout,
  K8sDocument,
  LabelSelector,
  ListenerTls,
  Logging,
  MeshReference,
  NamespacedReference,
  PortNumber,
  RequestsConnectionPool,
  TcpTimeout,
  TlsFileTrust,
  TlsSdsTrust,
} from './common.js';

export const K8sVirtualNodeProtocol = Type.Enum(['grpc', 'http', 'http2', 'tcp']);

/** VirtualNodeConnectionPool: grpc | http | http2 | tcp (API union). */
export const K8sVirtualNodeConnectionPool = OneOf({
  grpc: Type.Optional(RequestsConnectionPool),
  http: Type.Optional(HttpConnectionPool),
  http2: Type.Optional(RequestsConnectionPool),
  tcp: Type.Optional(Strict({ maxConnections: Int(1) })),
});

export const K8sVirtualNodeHealthCheck = Strict({
  healthyThreshold: Int(2, 10),
  intervalMillis: Int(5000, 300000),
  path: Type.Optional(Type.String()),
  port: Type.Optional(PortNumber),
  protocol: K8sVirtualNodeProtocol,
  timeoutMillis: Int(2000, 60000),
  unhealthyThreshold: Int(2, 10),
});

export const K8sOutlierDetection = Strict({
  baseEjectionDuration: Duration,
  interval: Duration,
  maxEjectionPercent: Int(0, 100),
  maxServerErrors: Int(1),
});

/** ListenerTimeout: grpc | http | http2 | tcp (API union). */
export const K8sListenerTimeout = OneOf({
  grpc: Type.Optional(HttpTimeout),
  http: Type.Optional(HttpTimeout),
  http2: Type.Optional(HttpTimeout),
  tcp: Type.Optional(TcpTimeout),
});

/** Listener TLS validation trust: file | sds (API union). */
export const K8sListenerTlsTrust = OneOf({ file: Type.Optional(TlsFileTrust), sds: Type.Optional(TlsSdsTrust) });

export const K8sVirtualNodeListener = Strict({
  connectionPool: Type.Optional(K8sVirtualNodeConnectionPool),
  healthCheck: Type.Optional(K8sVirtualNodeHealthCheck),
  outlierDetection: Type.Optional(K8sOutlierDetection),
  portMapping: Strict({ port: PortNumber, protocol: K8sVirtualNodeProtocol }),
  timeout: Type.Optional(K8sListenerTimeout),
  tls: Type.Optional(ListenerTls(K8sListenerTlsTrust)),
});

/** ServiceDiscovery: awsCloudMap | dns (API union). The CRD has no dns.ipPreference (the API does). */
export const K8sServiceDiscovery = OneOf({
  awsCloudMap: Type.Optional(
    Strict({
      attributes: Type.Optional(Type.Array(Strict({ key: Str(1, 255), value: Str(1, 1024) }))),
      namespaceName: Str(1, 1024),
      serviceName: Str(1, 1024),
    }),
  ),
  dns: Type.Optional(Strict({ hostname: Type.String(), responseType: Type.Optional(DnsResponseType) })),
});

/** A backend: virtualService with a ref or an ARN (one-of is a webhook/conversion rule) and a client policy. */
export const K8sBackend = Strict({
  virtualService: Strict({
    clientPolicy: Type.Optional(ClientPolicy),
    virtualServiceARN: Type.Optional(Type.String()),
    virtualServiceRef: Type.Optional(NamespacedReference),
  }),
});

export const K8sVirtualNodeSpec = Strict({
  awsName: Type.Optional(Type.String()),
  backendDefaults: Type.Optional(BackendDefaults),
  backendGroups: Type.Optional(Type.Array(NamespacedReference)),
  backends: Type.Optional(Type.Array(K8sBackend)),
  listeners: Type.Optional(List(K8sVirtualNodeListener, 0)),
  logging: Type.Optional(Logging),
  meshRef: Type.Optional(MeshReference),
  podSelector: Type.Optional(LabelSelector),
  serviceDiscovery: Type.Optional(K8sServiceDiscovery),
});

export const K8sVirtualNodeSchema = K8sDocument('VirtualNode', K8sVirtualNodeSpec);
export type K8sVirtualNode = Static<typeof K8sVirtualNodeSchema>;
export type K8sVirtualNodeSpec = Static<typeof K8sVirtualNodeSpec>;

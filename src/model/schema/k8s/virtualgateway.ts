// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_virtualgateways.yaml (apis/appmesh/v1beta2/virtualgateway_types.go)
import Type, { type Static } from 'typebox';
import { Int, List, OneOf, Strict } from '../common.js';
import {
  BackendDefaults,
  HttpConnectionPool,
  K8sDocument,
  LabelSelector,
  ListenerTls,
  Logging,
  MeshReference,
  PortNumber,
  RequestsConnectionPool,
  TlsAcmTrust,
  TlsFileTrust,
  TlsSdsTrust,
} from './common.js';

export const VirtualGatewayProtocol = Type.Enum(['grpc', 'http', 'http2']);

/** VirtualGatewayConnectionPool: grpc | http | http2 (API union). */
export const K8sVirtualGatewayConnectionPool = OneOf({
  grpc: Type.Optional(RequestsConnectionPool),
  http: Type.Optional(HttpConnectionPool),
  http2: Type.Optional(RequestsConnectionPool),
});

/** Health check. Unlike the API and the VirtualNode CRD, `healthyThreshold` is optional here. */
export const K8sVirtualGatewayHealthCheck = Strict({
  healthyThreshold: Type.Optional(Int(2, 10)),
  intervalMillis: Int(5000, 300000),
  path: Type.Optional(Type.String()),
  port: Type.Optional(PortNumber),
  protocol: VirtualGatewayProtocol,
  timeoutMillis: Int(2000, 60000),
  unhealthyThreshold: Int(2, 10),
});

/** Listener TLS validation trust: the CRD allows acm | file | sds (the API only file | sds). */
export const K8sVirtualGatewayListenerTlsTrust = OneOf({
  acm: Type.Optional(TlsAcmTrust),
  file: Type.Optional(TlsFileTrust),
  sds: Type.Optional(TlsSdsTrust),
});

export const K8sVirtualGatewayListener = Strict({
  connectionPool: Type.Optional(K8sVirtualGatewayConnectionPool),
  healthCheck: Type.Optional(K8sVirtualGatewayHealthCheck),
  portMapping: Strict({ port: PortNumber, protocol: VirtualGatewayProtocol }),
  tls: Type.Optional(ListenerTls(K8sVirtualGatewayListenerTlsTrust)),
});

export const K8sVirtualGatewaySpec = Strict({
  awsName: Type.Optional(Type.String()),
  backendDefaults: Type.Optional(BackendDefaults),
  gatewayRouteSelector: Type.Optional(LabelSelector),
  listeners: Type.Optional(List(K8sVirtualGatewayListener, 0)),
  logging: Type.Optional(Logging),
  meshRef: Type.Optional(MeshReference),
  namespaceSelector: Type.Optional(LabelSelector),
  podSelector: Type.Optional(LabelSelector),
});

export const K8sVirtualGatewaySchema = K8sDocument('VirtualGateway', K8sVirtualGatewaySpec);
export type K8sVirtualGateway = Static<typeof K8sVirtualGatewaySchema>;
export type K8sVirtualGatewaySpec = Static<typeof K8sVirtualGatewaySpec>;

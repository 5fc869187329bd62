// Source: aws/aws-app-mesh-controller-for-k8s@08c2d4b0 pkg/apis/appmesh/v1beta1/types.go:330-528 (VirtualNodeSpec, Listener, HealthCheckPolicy, ServiceDiscovery, Backend, TLS, Logging)
import Type from 'typebox';
import { Int, OneOf, Str, Strict, TlsMode } from '../common.js';
import { LegacyClientPolicy, LegacyDocument, LegacyPortMapping } from './common.js';

/** types.go HealthCheckPolicy: every field optional; the controller fills the defaults (docs/dialects.md). */
const LegacyHealthCheck = Strict({
  healthyThreshold: Type.Optional(Int(2, 10)),
  intervalMillis: Type.Optional(Int(5000, 300000)),
  path: Type.Optional(Type.String()),
  port: Type.Optional(Int(1, 65535)),
  protocol: Type.Optional(Type.Enum(['http', 'http2', 'grpc', 'tcp'])),
  timeoutMillis: Type.Optional(Int(2000, 60000)),
  unhealthyThreshold: Type.Optional(Int(2, 10)),
});

const LegacyListenerTls = Strict({
  mode: TlsMode,
  certificate: OneOf({
    acm: Type.Optional(Strict({ certificateArn: Str(1) })),
    file: Type.Optional(Strict({ certificateChain: Str(1, 255), privateKey: Str(1, 255) })),
  }),
});

/** `dns` wins when both are set (pkg/aws/appmesh.go:410-422); `cloudMap.attributes` is a map, not a list. */
const LegacyServiceDiscovery = Strict({
  cloudMap: Type.Optional(
    Strict({
      namespaceName: Str(1, 1024),
      serviceName: Str(1, 1024),
      attributes: Type.Optional(Type.Record(Type.String(), Type.String())),
    }),
  ),
  dns: Type.Optional(Strict({ hostName: Str(1) })),
});

export const LegacyVirtualNodeSpec = Strict({
  meshName: Str(1),
  listeners: Type.Optional(
    Type.Array(
      Strict({
        portMapping: LegacyPortMapping,
        healthCheck: Type.Optional(LegacyHealthCheck),
        tls: Type.Optional(LegacyListenerTls),
      }),
    ),
  ),
  serviceDiscovery: Type.Optional(LegacyServiceDiscovery),
  backends: Type.Optional(
    Type.Array(
      Strict({
        virtualService: Strict({ virtualServiceName: Str(1), clientPolicy: Type.Optional(LegacyClientPolicy) }),
      }),
    ),
  ),
  backendDefaults: Type.Optional(Strict({ clientPolicy: Type.Optional(LegacyClientPolicy) })),
  logging: Type.Optional(Strict({ accessLog: Type.Optional(Strict({ file: Type.Optional(Strict({ path: Str(1) })) })) })),
});

export const LegacyVirtualNodeSchema = LegacyDocument('VirtualNode', LegacyVirtualNodeSpec);

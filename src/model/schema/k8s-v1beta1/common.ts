// Source: aws/aws-app-mesh-controller-for-k8s@08c2d4b0 (branch legacy-controller = tag v0.5.0) pkg/apis/appmesh/v1beta1/types.go, deploy/all.yaml
/**
 * Pieces shared by the legacy `appmesh.k8s.aws/v1beta1` kinds (controller v0.x; `v1alpha1` is the
 * same schema served under another name). The Go types are authoritative: the controller decoded
 * specs with them and ignored everything else (docs/dialects.md). Bounds the Go types lack but the
 * App Mesh API enforced after the controller's verbatim copy (weights, ports, priorities, name and
 * match lengths) are written here, because a manifest breaking them never became an App Mesh object.
 */
import Type, { type TSchema } from 'typebox';
import { headerMatchMethodWith, Int, List, OneOf, Str, Strict } from '../common.js';
import { ObjectMeta } from '../k8s/common.js';

export const V1BETA1_API_VERSIONS = ['appmesh.k8s.aws/v1beta1', 'appmesh.k8s.aws/v1alpha1'] as const;

/** A whole v1beta1 document of one kind. `status` is the controller's, anything goes. */
export function LegacyDocument<K extends string, S extends TSchema>(kind: K, spec: S) {
  return Strict({
    apiVersion: Type.Enum([...V1BETA1_API_VERSIONS]),
    kind: Type.Literal(kind),
    metadata: ObjectMeta,
    spec: Type.Optional(spec),
    status: Type.Optional(Type.Unknown()),
  });
}

/** ListenerPort of the API (types.go PortMapping.Port is an int64 the API bounds). */
const Port = Int(1, 65535);

/** types.go PortMapping; the CRD enum also allows `https`, which the API rejects (a rule says so). */
export const LegacyPortMapping = Strict({ port: Port, protocol: Type.Enum(['http', 'http2', 'grpc', 'tcp', 'https']) });

/** types.go MatchRange: both ends optional in v1beta1 (required in v1beta2 and the API). */
const LegacyMatchRange = Strict({ start: Type.Optional(Type.Integer()), end: Type.Optional(Type.Integer()) });

/** types.go HeaderMatchMethod; copied into the API's union, so exactly one member. */
const LegacyHeaderMatchMethod = headerMatchMethodWith(LegacyMatchRange);

/** types.go HttpRouteHeader / GrpcRouteMetadata. */
export const LegacyHeaderMatch = Strict({
  name: Str(1, 50),
  invert: Type.Optional(Type.Boolean()),
  match: Type.Optional(LegacyHeaderMatchMethod),
});

/** types.go WeightedTarget: `virtualNodeName` is a string the controller names (http/tcp) or sends verbatim (http2/grpc). */
const LegacyWeightedTarget = Strict({ virtualNodeName: Str(1), weight: Int(0, 100) });
export const LegacyRouteAction = Strict({ weightedTargets: List(LegacyWeightedTarget, 1, 10) });

const HttpRetryEvent = Type.Enum(['server-error', 'gateway-error', 'client-error', 'stream-error']);
const TcpRetryEvent = Type.Enum(['connection-error']);
const GrpcRetryEvent = Type.Enum(['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable']);

/** types.go HttpRetryPolicy: every field optional in Go; the API needs maxRetries, a timeout and an event (a rule says so). */
export const LegacyHttpRetryPolicy = Strict({
  perRetryTimeoutMillis: Type.Optional(Int(0)),
  maxRetries: Type.Optional(Int(0)),
  httpRetryEvents: Type.Optional(List(HttpRetryEvent, 1, 25)),
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
});

export const LegacyGrpcRetryPolicy = Strict({
  perRetryTimeoutMillis: Type.Optional(Int(0)),
  maxRetries: Type.Optional(Int(0)),
  httpRetryEvents: Type.Optional(List(HttpRetryEvent, 1, 25)),
  tcpRetryEvents: Type.Optional(List(TcpRetryEvent, 1, 1)),
  grpcRetryEvents: Type.Optional(List(GrpcRetryEvent, 1, 5)),
});

/** Route priority of the API (types.go Route.Priority, an int64 passed through). */
export const LegacyPriority = Int(0, 1000);

/** types.go TLS validation trust: acm | file (an API union). */
export const LegacyTlsValidation = Strict({
  trust: OneOf({
    acm: Type.Optional(Strict({ certificateAuthorityArns: List(Type.String(), 1, 3) })),
    file: Type.Optional(Strict({ certificateChain: Str(1, 255) })),
  }),
});

/** types.go ClientPolicy. */
export const LegacyClientPolicy = Strict({
  tls: Type.Optional(
    Strict({
      enforce: Type.Optional(Type.Boolean()),
      ports: Type.Optional(List(Port)),
      validation: LegacyTlsValidation,
    }),
  ),
});

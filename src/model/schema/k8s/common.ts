// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_*.yaml (+ apis/appmesh/v1beta2/types.go, virtualnode_types.go)
/**
 * Pieces shared by several `appmesh.k8s.aws/v1beta2` kinds: the document envelope, ObjectMeta,
 * references, label selectors, route match primitives, TLS, logging, health checks, durations.
 * Constraints are the ones of the generated CRD openAPIV3Schema (kubebuilder markers), which are
 * sometimes looser than the App Mesh API (e.g. `match.port` minimum 0 instead of 1).
 */
import Type, { type TSchema } from 'typebox';
import {
  HeaderMatch,
  DefaultRewrite,
  DurationUnit,
  HttpMethod,
  Int,
  List,
  OneOf,
  Str,
  Strict,
  TlsMode,
} from '../common.js';

export const K8S_API_VERSION = 'appmesh.k8s.aws/v1beta2';

/**
 * Kubernetes ObjectMeta. The CRD only says `type: object`; Kubernetes fills and checks it. Known
 * fields are typed, anything else (managedFields, ownerReferences, …) is allowed.
 */
export const ObjectMeta = Type.Object(
  {
    name: Str(1),
    namespace: Type.Optional(Type.String()),
    labels: Type.Optional(Type.Record(Type.String(), Type.String())),
    annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
    uid: Type.Optional(Type.String()),
    generation: Type.Optional(Type.Integer()),
    resourceVersion: Type.Optional(Type.String()),
    creationTimestamp: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'] })),
    generateName: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

/** A whole K8s document of one kind: apiVersion, kind, metadata, spec, status (anything). */
export function K8sDocument<K extends string, S extends TSchema>(kind: K, spec: S) {
  return Strict({
    apiVersion: Type.Literal(K8S_API_VERSION),
    kind: Type.Literal(kind),
    metadata: ObjectMeta,
    spec: Type.Optional(spec),
    status: Type.Optional(Type.Unknown()),
  });
}

// ---- references and selectors -------------------------------------------------------------------

/** `meshRef` (read-only, set by the mutating webhook). */
export const MeshReference = Strict({ name: Type.String(), uid: Type.String() });

/** `virtualGatewayRef` on a GatewayRoute (read-only, set by the mutating webhook). */
export const VirtualGatewayReference = Strict({
  name: Type.String(),
  namespace: Type.Optional(Type.String()),
  uid: Type.String(),
});

/** VirtualServiceReference / VirtualNodeReference / VirtualRouterReference / BackendGroupReference. */
export const NamespacedReference = Strict({ name: Type.String(), namespace: Type.Optional(Type.String()) });

/**
 * metav1.LabelSelector. The CRD does not constrain `operator`, but the controller's
 * `LabelSelectorAsSelector` fails on anything but In, NotIn, Exists, DoesNotExist, so the
 * webhook rejects the object: an enum here.
 */
export const LabelSelector = Strict(
  {
    matchExpressions: Type.Optional(
      Type.Array(
        Strict({ key: Type.String(), operator: Type.Enum(['In', 'NotIn', 'Exists', 'DoesNotExist']), values: Type.Optional(Type.Array(Type.String())) }),
      ),
    ),
    matchLabels: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { 'x-kubernetes-map-type': 'atomic' },
);

// ---- route match primitives ---------------------------------------------------------------------

// Header matches are identical in both dialects: defined once in ../common.ts.
export { MatchRange, HeaderMatchMethod, HeaderMatch } from '../common.js';

/** `path`: exact or regex (one-of is a webhook rule, not an API union). */
export const HttpPathMatch = Strict({
  exact: Type.Optional(Str(1, 255)),
  regex: Type.Optional(Str(1, 255)),
});

export const QueryParameter = Strict({
  match: Type.Optional(Strict({ exact: Type.Optional(Type.String()) })),
  name: Type.String(),
});

/** Gateway route `hostname` match (one-of is a webhook rule). */
export const GatewayRouteHostnameMatch = Strict({
  exact: Type.Optional(Str(1, 253)),
  suffix: Type.Optional(Str(1, 253)),
});

export const Headers = List(HeaderMatch, 1, 10);
export const QueryParameters = List(QueryParameter, 1, 10);
export { HttpMethod, DefaultRewrite };

/** CRD ports in route matches and targets: `minimum: 0`, no maximum (the API needs 1..65535). */
export const MatchPort = Int(0);

/** Listener / health-check / TLS ports: 1..65535 in the CRD as in the API. */
export const PortNumber = Int(1, 65535);

/** Duration: both fields required in the CRD (optional in the API). */
export const Duration = Strict({ unit: DurationUnit, value: Int(0) });

// ---- TLS ----------------------------------------------------------------------------------------

export const TlsAcmCertificate = Strict({ certificateARN: Type.String() });
export const TlsFileCertificate = Strict({ certificateChain: Str(1, 255), privateKey: Str(1, 255) });
export const TlsSdsCertificate = Strict({ secretName: Type.String() });

/** ListenerTLSCertificate: acm | file | sds (API union). */
export const ListenerTlsCertificate = OneOf({
  acm: Type.Optional(TlsAcmCertificate),
  file: Type.Optional(TlsFileCertificate),
  sds: Type.Optional(TlsSdsCertificate),
});

/** ClientTLSCertificate: file | sds (API union). */
export const ClientTlsCertificate = OneOf({
  file: Type.Optional(TlsFileCertificate),
  sds: Type.Optional(TlsSdsCertificate),
});

export const TlsAcmTrust = Strict({ certificateAuthorityARNs: List(Type.String(), 1, 3) });
export const TlsFileTrust = Strict({ certificateChain: Str(1, 255) });
export const TlsSdsTrust = Strict({ secretName: Type.String() });

/** TLSValidationContextTrust (client policy): acm | file | sds (API union). */
export const TlsValidationContextTrust = OneOf({
  acm: Type.Optional(TlsAcmTrust),
  file: Type.Optional(TlsFileTrust),
  sds: Type.Optional(TlsSdsTrust),
});

export const SubjectAlternativeNames = Strict({
  match: Strict({ exact: Type.Array(Type.String()) }),
});

export const TlsValidationContext = Strict({
  subjectAlternativeNames: Type.Optional(SubjectAlternativeNames),
  trust: TlsValidationContextTrust,
});

/** Client policy (backend defaults and per backend). */
export const ClientPolicy = Strict({
  tls: Type.Optional(
    Strict({
      certificate: Type.Optional(ClientTlsCertificate),
      enforce: Type.Optional(Type.Boolean()),
      ports: Type.Optional(Type.Array(PortNumber)),
      validation: TlsValidationContext,
    }),
  ),
});

export const BackendDefaults = Strict({ clientPolicy: Type.Optional(ClientPolicy) });

/** A listener's `tls` block; `trust` differs per kind (the VirtualGateway CRD also allows acm). */
export function ListenerTls<T extends TSchema>(trust: T) {
  return Strict({
    certificate: ListenerTlsCertificate,
    mode: TlsMode,
    validation: Type.Optional(
      Strict({ subjectAlternativeNames: Type.Optional(SubjectAlternativeNames), trust }),
    ),
  });
}

// ---- logging ------------------------------------------------------------------------------------

/** LoggingFormat: json | text (API union). CRD has no max lengths here (API: key/value ≤ 100, text ≤ 1000). */
export const LoggingFormat = OneOf({
  json: Type.Optional(Type.Array(Strict({ key: Str(1), value: Str(1) }))),
  text: Type.Optional(Type.String()),
});

/** Logging: accessLog is an API union with the single member `file`. */
export const Logging = Strict({
  accessLog: Type.Optional(
    OneOf({
      file: Type.Optional(Strict({ format: Type.Optional(LoggingFormat), path: Str(1, 255) })),
    }),
  ),
});

// ---- listener pieces ----------------------------------------------------------------------------

export const HttpConnectionPool = Strict({ maxConnections: Int(1), maxPendingRequests: Type.Optional(Int(1)) });
export const RequestsConnectionPool = Strict({ maxRequests: Int(1) });

// ---- timeouts (routes and virtual node listeners) -----------------------------------------------

/** HTTPTimeout / GRPCTimeout: same shape. */
export const HttpTimeout = Strict({ idle: Type.Optional(Duration), perRequest: Type.Optional(Duration) });
export const TcpTimeout = Strict({ idle: Type.Optional(Duration) });

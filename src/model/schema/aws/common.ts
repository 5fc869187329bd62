// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (App Mesh API 2019-01-25)
/**
 * Shapes shared by several App Mesh API resources (model 2019-01-25). Constraint names in comments
 * are the model's shape names. `x-union` marks the shapes the model flags `"union": true`.
 */
import Type, { type TSchema } from 'typebox';
import { HeaderMatch, DurationUnit, Int, List, OneOf, Str, Strict, TlsMode } from '../common.js';

/** ResourceName: 1..255. */
export const ResourceName = Str(1, 255);
/** ServiceName (virtual service names): no length bounds in the model. */
export const ServiceName = Type.String();
/** AccountId: exactly 12 characters. */
export const AccountId = Str(12, 12);
/** PortNumber / ListenerPort: 1..65535. */
export const PortNumber = Int(1, 65535);
export const ListenerPort = Int(1, 65535);

/** Duration: both members optional in the model. DurationValue ≥ 0. */
export const Duration = Strict({ unit: Type.Optional(DurationUnit), value: Type.Optional(Int(0)) });

// Header matches are identical in both dialects: defined once in ../common.ts.
export { MatchRange, HeaderMatchMethod, HeaderMatch } from '../common.js';
export const Headers = List(HeaderMatch, 1, 10);

/** HttpPathMatch: not a union in the model (exactly-one is only a K8s webhook rule). */
export const HttpPathMatch = Strict({ exact: Type.Optional(Str(1, 255)), regex: Type.Optional(Str(1, 255)) });

/** HttpQueryParameter; QueryParameterName and String have no bounds. */
export const QueryParameters = List(
  Strict({ match: Type.Optional(Strict({ exact: Type.Optional(Type.String()) })), name: Type.String() }),
  1,
  10,
);

/** TagList: 0..50 of {key 1..128, value 0..256}. */
export const TagList = List(Strict({ key: Str(1, 128), value: Str(0, 256) }), 0, 50);

/** Timestamps: the CLI prints ISO strings, SDKs may emit epoch seconds: accept both. */
export const Timestamp = Type.Unsafe<string | number>({ type: ['string', 'number'] });

/** ResourceMetadata of describe output. */
export const ResourceMetadata = Strict({
  arn: Type.String(),
  createdAt: Timestamp,
  lastUpdatedAt: Timestamp,
  meshOwner: AccountId,
  resourceOwner: AccountId,
  uid: Type.String(),
  version: Type.Integer(),
});

export const StatusCode = Type.Enum(['ACTIVE', 'INACTIVE', 'DELETED']);
/** *Status of describe output (`status` is optional only in MeshStatus). */
export const ResourceStatus = Strict({ status: StatusCode });

/**
 * The describe-* `*Data` object: names, spec, metadata and status. The model marks metadata and
 * status required in output; we accept documents without them (hand-trimmed describe output) but
 * validate them strictly when present.
 */
export function DataShape<N extends Record<string, TSchema>, S extends TSchema>(names: N, spec: S) {
  return Strict({
    ...names,
    spec,
    metadata: Type.Optional(ResourceMetadata),
    status: Type.Optional(ResourceStatus),
  });
}

// ---- TLS ----------------------------------------------------------------------------------------

export const FilePath = Str(1, 255);
export const TlsFileCertificate = Strict({ certificateChain: FilePath, privateKey: FilePath });
export const TlsSdsCertificate = Strict({ secretName: Type.String() });
export const TlsAcmCertificate = Strict({ certificateArn: Type.String() });

/** ListenerTlsCertificate / VirtualGatewayListenerTlsCertificate: acm | file | sds (union). */
export const ListenerTlsCertificate = OneOf({
  acm: Type.Optional(TlsAcmCertificate),
  file: Type.Optional(TlsFileCertificate),
  sds: Type.Optional(TlsSdsCertificate),
});

/** ClientTlsCertificate / VirtualGatewayClientTlsCertificate: file | sds (union). */
export const ClientTlsCertificate = OneOf({
  file: Type.Optional(TlsFileCertificate),
  sds: Type.Optional(TlsSdsCertificate),
});

export const TlsAcmTrust = Strict({ certificateAuthorityArns: List(Type.String(), 1, 3) });
export const TlsFileTrust = Strict({ certificateChain: FilePath });
export const TlsSdsTrust = Strict({ secretName: Type.String() });

/** TlsValidationContextTrust / VirtualGatewayTlsValidationContextTrust: acm | file | sds (union). */
export const TlsValidationContextTrust = OneOf({
  acm: Type.Optional(TlsAcmTrust),
  file: Type.Optional(TlsFileTrust),
  sds: Type.Optional(TlsSdsTrust),
});

/** ListenerTlsValidationContextTrust / VirtualGatewayListenerTlsValidationContextTrust: file | sds (union). */
export const ListenerTlsValidationContextTrust = OneOf({
  file: Type.Optional(TlsFileTrust),
  sds: Type.Optional(TlsSdsTrust),
});

/** SubjectAlternativeNames: match.exact[] of 1..254-character names. */
export const SubjectAlternativeNames = Strict({ match: Strict({ exact: Type.Array(Str(1, 254)) }) });

export const ClientPolicy = Strict({
  tls: Type.Optional(
    Strict({
      certificate: Type.Optional(ClientTlsCertificate),
      enforce: Type.Optional(Type.Boolean()),
      ports: Type.Optional(Type.Array(PortNumber)),
      validation: Strict({
        subjectAlternativeNames: Type.Optional(SubjectAlternativeNames),
        trust: TlsValidationContextTrust,
      }),
    }),
  ),
});

export const BackendDefaults = Strict({ clientPolicy: Type.Optional(ClientPolicy) });

export const ListenerTls = Strict({
  certificate: ListenerTlsCertificate,
  mode: TlsMode,
  validation: Type.Optional(
    Strict({
      subjectAlternativeNames: Type.Optional(SubjectAlternativeNames),
      trust: ListenerTlsValidationContextTrust,
    }),
  ),
});

// ---- logging ------------------------------------------------------------------------------------

/** LoggingFormat: json | text (union). JsonKey/JsonValue 1..100, TextFormat 1..1000. */
export const LoggingFormat = OneOf({
  json: Type.Optional(Type.Array(Strict({ key: Str(1, 100), value: Str(1, 100) }))),
  text: Type.Optional(Str(1, 1000)),
});

/** Logging / VirtualGatewayLogging; AccessLog / VirtualGatewayAccessLog is a union of one member. */
export const Logging = Strict({
  accessLog: Type.Optional(
    OneOf({ file: Type.Optional(Strict({ format: Type.Optional(LoggingFormat), path: FilePath })) }),
  ),
});

// ---- listener pieces ----------------------------------------------------------------------------

export const HttpConnectionPool = Strict({ maxConnections: Int(1), maxPendingRequests: Type.Optional(Int(1)) });
export const RequestsConnectionPool = Strict({ maxRequests: Int(1) });

/** IpPreference (mesh service discovery, dns, awsCloudMap). */
export const IpPreference = Type.Enum(['IPv6_PREFERRED', 'IPv4_PREFERRED', 'IPv4_ONLY', 'IPv6_ONLY']);

/** HttpTimeout / GrpcTimeout and TcpTimeout. */
export const HttpTimeout = Strict({ idle: Type.Optional(Duration), perRequest: Type.Optional(Duration) });
export const TcpTimeout = Strict({ idle: Type.Optional(Duration) });

/** The create and update input fields every kind but Mesh shares (tags: create only). */
export const InputExtras = {
  clientToken: Type.Optional(Type.String()),
  meshOwner: Type.Optional(AccountId),
  tags: Type.Optional(TagList),
};

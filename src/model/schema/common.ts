/**
 * Building blocks shared by both dialects' schemas.
 *
 * Conventions every schema in this folder follows:
 * - Every object has `additionalProperties: false` (except K8s `metadata` and `status`), so a typo'd
 *   field is reported with its own path instead of being silently dropped.
 * - App Mesh "union" shapes (exactly one member must be set) are NOT written with `Type.Union`
 *   (anyOf errors are noise). They are one object whose members are all optional, annotated with
 *   `'x-union'`: `true` means "exactly one of all properties", a string array means "exactly one of
 *   these properties" (used where a union sits beside ordinary fields, e.g. a route spec's
 *   `priority`). `schemaErrors` (./errors.ts) checks the annotation.
 */
import Type, { type TSchema, type TProperties, type TObject } from 'typebox';
import { UNION_KEY } from './errors.js';

/** Annotation key marking an App Mesh union ("exactly one member must be set"); defined beside its reader. */
export { UNION_KEY };

/** An object that rejects unknown fields. */
export function Strict<P extends TProperties>(properties: P, options: Record<string, unknown> = {}): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, ...options });
}

/**
 * An App Mesh union: all members optional (write them with `Type.Optional`), exactly one must be
 * set. `members` restricts the rule to some properties (default: all of them).
 */
export function OneOf<P extends TProperties>(properties: P, members?: readonly (keyof P & string)[]): TObject<P> {
  return Type.Object(properties, { additionalProperties: false, [UNION_KEY]: members ? [...members] : true });
}

/** A string with optional length bounds. */
export function Str(minLength?: number, maxLength?: number) {
  const options: Record<string, number> = {};
  if (minLength !== undefined) options['minLength'] = minLength;
  if (maxLength !== undefined) options['maxLength'] = maxLength;
  return Type.String(options);
}

/** An integer with optional bounds. */
export function Int(minimum?: number, maximum?: number) {
  const options: Record<string, number> = {};
  if (minimum !== undefined) options['minimum'] = minimum;
  if (maximum !== undefined) options['maximum'] = maximum;
  return Type.Integer(options);
}

/** An array with optional item-count bounds. */
export function List<T extends TSchema>(items: T, minItems?: number, maxItems?: number) {
  const options: Record<string, number> = {};
  if (minItems !== undefined) options['minItems'] = minItems;
  if (maxItems !== undefined) options['maxItems'] = maxItems;
  return Type.Array(items, options);
}

/** HTTP methods in the order the API model lists them (the CRD lists the same set alphabetically). */
export const HTTP_METHOD_VALUES = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;
export const HttpMethod = Type.Enum(HTTP_METHOD_VALUES);
export const DefaultRewrite = Type.Enum(['ENABLED', 'DISABLED']);
export const DurationUnit = Type.Enum(['s', 'ms']);
export const HttpScheme = Type.Enum(['http', 'https']);
export const TlsMode = Type.Enum(['STRICT', 'PERMISSIVE', 'DISABLED']);
export const EgressFilterType = Type.Enum(['ALLOW_ALL', 'DROP_ALL']);
export const DnsResponseType = Type.Enum(['LOADBALANCER', 'ENDPOINTS']);
export const GrpcRetryEvent = Type.Enum(['cancelled', 'deadline-exceeded', 'internal', 'resource-exhausted', 'unavailable']);
export const TcpRetryEvent = Type.Enum(['connection-error']);

// ---- header / metadata matches: identical in the v1beta2 CRD and the API model ------------------

/** `range`: [start, end) over an int64 header value. */
export const MatchRange = Strict({ start: Type.Integer(), end: Type.Integer() });

/**
 * HeaderMatchMethod (also gRPC metadata): a union in the API. The CRD does not enforce one-of, but
 * the controller copies it verbatim into the API's union, so several (or zero) members are an API
 * error in both dialects: annotated `x-union`.
 */
export const HeaderMatchMethod = headerMatchMethodWith(MatchRange);

/** The header match union with `range` of the given schema (the v1beta1 dialect's ends are optional). */
export function headerMatchMethodWith<R extends TSchema>(range: R) {
  return OneOf({
    exact: Type.Optional(Str(1, 255)),
    prefix: Type.Optional(Str(1, 255)),
    range: Type.Optional(range),
    regex: Type.Optional(Str(1, 255)),
    suffix: Type.Optional(Str(1, 255)),
  });
}

/** HttpRouteHeader / HttpGatewayRouteHeader / GrpcRouteMetadata / GrpcGatewayRouteMetadata. */
export const HeaderMatch = Strict({
  invert: Type.Optional(Type.Boolean()),
  match: Type.Optional(HeaderMatchMethod),
  name: Str(1, 50),
});

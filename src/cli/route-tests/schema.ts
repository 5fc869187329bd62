/**
 * The route-test file (docs/route-tests.md), as a TypeBox schema. docs/route-tests.schema.json is
 * this schema serialized (test/cli/route-tests-schema.test.ts keeps the two equal), so editors can
 * validate files with the published JSON Schema and the CLI reports the same findings.
 */
import Type, { type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const RouteTestRequest = Type.Object({
  method: Type.Optional(Type.String({ minLength: 1, description: 'default GET' })),
  url: Type.String({ minLength: 1, description: 'http://host[:port]/path?query or /path?query (as `meshroute route URL`)' }),
  headers: Type.Optional(Type.Record(Type.String({ minLength: 1 }), Type.Union([Type.String(), Type.Array(Type.String())]), { description: 'name → value, or several values (joined with `,`)' })),
  port: Type.Optional(Type.Integer({ minimum: 1, maximum: 65535, description: 'listener port (default: the URL port, else the only listener)' })),
  protocol: Type.Optional(Type.Union([Type.Literal('http'), Type.Literal('http2'), Type.Literal('grpc')])),
}, { additionalProperties: false });

const WeightedTarget = Type.Object({
  virtualNode: Type.Optional(Type.String()),
  weight: Type.Optional(Type.Integer()),
  probability: Type.Optional(Type.Number()),
}, { additionalProperties: false });

/** Any subset of the fields of `meshroute route --json` (docs/cli.md); objects compare as subsets too. */
export const RouteTestExpect = Type.Object({
  matched: Type.Optional(Type.Boolean()),
  status: Type.Optional(Nullable(Type.Literal(404))),
  grpcStatus: Type.Optional(Nullable(Type.Literal(12))),
  stage: Type.Optional(Nullable(Type.Union([Type.Literal('gateway'), Type.Literal('router')]))),
  gatewayRoute: Type.Optional(Nullable(Type.String())),
  virtualService: Type.Optional(Nullable(Type.String())),
  targetPort: Type.Optional(Nullable(Type.Integer())),
  path: Type.Optional(Nullable(Type.String())),
  authority: Type.Optional(Nullable(Type.String())),
  virtualRouter: Type.Optional(Nullable(Type.String())),
  route: Type.Optional(Nullable(Type.String())),
  virtualNode: Type.Optional(Nullable(Type.String())),
  endpoint: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  timeout: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  retryPolicy: Type.Optional(Nullable(Type.Object({}, { additionalProperties: true }))),
  targets: Type.Optional(Type.Array(WeightedTarget, { description: 'with allTargets: every weighted target of the router route, in order' })),
}, { additionalProperties: false });

export const RouteTestCase = Type.Object({
  name: Type.String({ minLength: 1 }),
  request: RouteTestRequest,
  expect: Type.Optional(RouteTestExpect),
  expectAny: Type.Optional(Type.Array(RouteTestExpect, { minItems: 1, description: 'the decision must fit one of these' })),
  seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'weighted picks (default 0: reproducible)' })),
  stickyKey: Type.Optional(Type.String({ minLength: 1, description: 'weighted picks hash this request header' })),
  allTargets: Type.Optional(Type.Boolean({ description: 'list every weighted target of the router route (`targets`), pick none' })),
}, { additionalProperties: false });

export const RouteTestFile = Type.Object({
  $schema: Type.Optional(Type.String()),
  manifests: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'manifest files or directories, relative to this file' })),
  table: Type.Optional(Type.String({ minLength: 1, description: 'a table written by `meshroute compile`, relative to this file' })),
  gateway: Type.Optional(Type.String({ minLength: 1, description: 'App Mesh name, K8s name or namespace/name; optional with one gateway' })),
  hostnameMode: Type.Optional(Type.Union([Type.Literal('virtual-host'), Type.Literal('flat')])),
  cases: Type.Array(RouteTestCase, { minItems: 1 }),
}, { additionalProperties: false, title: 'meshroute route-test file', description: 'docs/route-tests.md' });

export type RouteTestFileData = Static<typeof RouteTestFile>;
export type RouteTestCaseData = Static<typeof RouteTestCase>;
export type RouteTestExpectData = Static<typeof RouteTestExpect>;

/** The published JSON Schema (docs/route-tests.schema.json). */
export function routeTestJsonSchema(): object {
  return { $schema: 'https://json-schema.org/draft/2020-12/schema', ...JSON.parse(JSON.stringify(RouteTestFile)) };
}

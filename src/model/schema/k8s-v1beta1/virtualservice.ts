// Source: aws/aws-app-mesh-controller-for-k8s@08c2d4b0 pkg/apis/appmesh/v1beta1/types.go:95-278 (VirtualServiceSpec, Route, HttpRoute, TcpRoute, GrpcRoute)
import Type from 'typebox';
import { HttpScheme, Str, Strict } from '../common.js';
import { LegacyGrpcRetryPolicy, LegacyHeaderMatch, LegacyHttpRetryPolicy, LegacyDocument, LegacyPortMapping, LegacyPriority, LegacyRouteAction } from './common.js';

/**
 * types.go HttpRoute (also http2). `match.prefix` has no omitempty: always sent. `priority` here is
 * the CRD's placement, which the Go types do not read (a rule warns); the route-level one counts.
 */
const LegacyHttpRoute = Strict({
  match: Strict({
    prefix: Type.String(),
    method: Type.Optional(Type.String()),
    scheme: Type.Optional(HttpScheme),
    headers: Type.Optional(Type.Array(LegacyHeaderMatch)),
  }),
  action: LegacyRouteAction,
  retryPolicy: Type.Optional(LegacyHttpRetryPolicy),
  priority: Type.Optional(Type.Unknown()),
});

const LegacyTcpRoute = Strict({ action: LegacyRouteAction });

const LegacyGrpcRoute = Strict({
  match: Type.Optional(
    Strict({
      serviceName: Type.Optional(Type.String()),
      methodName: Type.Optional(Type.String()),
      metadata: Type.Optional(Type.Array(LegacyHeaderMatch)),
    }),
  ),
  action: LegacyRouteAction,
  retryPolicy: Type.Optional(LegacyGrpcRetryPolicy),
  priority: Type.Optional(Type.Unknown()),
});

/** types.go Route: the controller uses the first of http, tcp, http2, grpc that is set (a rule warns about the others). */
const LegacyRoute = Strict({
  name: Str(1, 255),
  priority: Type.Optional(LegacyPriority),
  http: Type.Optional(LegacyHttpRoute),
  tcp: Type.Optional(LegacyTcpRoute),
  http2: Type.Optional(LegacyHttpRoute),
  grpc: Type.Optional(LegacyGrpcRoute),
});

/** `meshName` is not required by the CRD, but the controller refuses (and retries) a VS without it. */
export const LegacyVirtualServiceSpec = Strict({
  meshName: Str(1),
  virtualRouter: Type.Optional(
    Strict({
      name: Type.Optional(Type.String()),
      listeners: Type.Optional(Type.Array(Strict({ portMapping: LegacyPortMapping }))),
    }),
  ),
  routes: Type.Optional(Type.Array(LegacyRoute)),
});

export const LegacyVirtualServiceSchema = LegacyDocument('VirtualService', LegacyVirtualServiceSpec);

/**
 * What match() answers: the winning gateway route's description — frozen, made once per route and
 * shared by every request that route wins, so match() allocates nothing.
 */
import { Protocol } from '../table/layout.js';
import type { LoadedRoute } from './loaded.js';
import { Rewrite } from './rewrite.js';
import type { RouteMatch } from './types.js';

const REWRITES: Record<number, RouteMatch['pathRewrite']> = {
  [Rewrite.keep]: 'none',
  [Rewrite.replace]: 'path',
  [Rewrite.cutPrefix]: 'default-prefix',
  [Rewrite.prefixToValue]: 'prefix',
};

export function describeRoute(r: LoadedRoute): RouteMatch {
  return Object.freeze({
    gatewayRoute: r.name,
    protocol: r.protocol === Protocol.grpc ? 'grpc' : r.protocol === Protocol.http2 ? 'http2' : 'http',
    priority: r.priority,
    targets: Object.freeze(r.targets.map((t) => Object.freeze({ virtualService: t.virtualService, port: t.port, weight: t.weight }))),
    weighted: r.weighted,
    pathRewrite: REWRITES[r.rewrite]!,
    hostnameRewrite: !r.hostRewriteDisabled,
  });
}

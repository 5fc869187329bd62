/**
 * VirtualRouter route rules beyond the schema (reference appmesh-semantics §3). Duplicate route
 * names are checked where identities are indexed (resolve.ts, `VR_DUPLICATE_ROUTE`).
 */

import { list, rec, ROUTE_TYPES } from '../convert/spec.js';
import type { RuleContext } from './context.js';
import { checkAsciiHeaderNames, checkExactPathSlash, checkHeaderMatchPresent, checkHeaderRanges, checkPathOneOf, checkPrefixSlash, checkQueryParameters } from './match-rules.js';

/** API: "The total weight for all targets combined must be less than or equal to 100." */
const MAX_TOTAL_WEIGHT = 100;

export function checkRoute(ctx: RuleContext): void {
  const spec = ctx.draft.spec;
  const webhook = ctx.draft.dialect === 'k8s';
  const types = ROUTE_TYPES.filter((k) => spec[k] !== undefined && spec[k] !== null);
  if (types.length !== 1) {
    // A legacy v1beta1 route converts to at most one type; its own rule names the v1beta1 members.
    if (ctx.draft.dialect === 'k8s-v1beta1') return;
    ctx.report('error', 'ROUTE_TYPE', '', types.length === 0 ? 'a route must specify one of httpRoute, http2Route, grpcRoute, tcpRoute' : `a route must specify only one type, found ${types.join(', ')}`);
    return;
  }
  const key = types[0]!;
  const route = rec(spec[key]) ?? {};
  const match = rec(route.match) ?? {};
  const at = `/${key}/match`;
  if (key === 'httpRoute' || key === 'http2Route') {
    const set = ['prefix', 'path'].filter((k) => match[k] !== undefined);
    if (webhook && set.length !== 1) {
      ctx.report('error', 'ROUTE_MATCH_ONE_OF', at, set.length === 0 ? 'Either prefix or path must be specified' : 'Both prefix and path for match are not allowed. Only one must be specified');
    }
    checkPrefixSlash(ctx, match.prefix, `${at}/prefix`);
    if (webhook) checkPathOneOf(ctx, match.path, `${at}/path`);
    checkExactPathSlash(ctx, rec(match.path)?.exact, `${at}/path/exact`);
    checkHeaderMatchPresent(ctx, match.headers, `${at}/headers`);
    checkHeaderRanges(ctx, match.headers, `${at}/headers`, webhook);
    checkAsciiHeaderNames(ctx, match.headers, `${at}/headers`, 'header');
    if (webhook) checkQueryParameters(ctx, match.queryParameters, `${at}/queryParameters`);
    if (key === 'httpRoute' && match.scheme !== undefined) {
      ctx.report('warning', 'ROUTE_SCHEME_HTTP2_ONLY', `${at}/scheme`, 'scheme matching applies only to http2Route (App Mesh API)');
    }
  }
  if (key === 'grpcRoute') {
    if (match.methodName !== undefined && match.serviceName === undefined) {
      ctx.report('error', 'ROUTE_GRPC_METHOD_NEEDS_SERVICE', `${at}/methodName`, 'methodName requires serviceName');
    }
    checkHeaderRanges(ctx, match.metadata, `${at}/metadata`, webhook);
    checkAsciiHeaderNames(ctx, match.metadata, `${at}/metadata`, 'metadata');
  }
  checkWeights(ctx, list(rec(route.action)?.weightedTargets), `/${key}/action/weightedTargets`);
}

function checkWeights(ctx: RuleContext, targets: unknown[], at: string): void {
  let sum = 0;
  for (const t of targets) {
    const w = rec(t)?.weight;
    if (typeof w === 'number') sum += w;
  }
  if (targets.length === 0) return;
  if (sum === 0) ctx.report('error', 'WEIGHTS_ZERO', at, 'the weights of all targets add up to 0: no target could ever be picked');
  if (sum > MAX_TOTAL_WEIGHT) ctx.report('error', 'WEIGHTS_OVER_100', at, `the weights add up to ${sum}; the App Mesh API requires a total of at most ${MAX_TOTAL_WEIGHT}`);
}

/**
 * GatewayRoute rules beyond the schema (reference appmesh-semantics §2.3). Each rule says which
 * layer enforced it in App Mesh; `webhook` rules apply to Kubernetes manifests only, because the
 * API accepted what the admission webhook rejected (e.g. a port-only match).
 */

import { list, rec, str, suffixAsEndingCharacters, GATEWAY_ROUTE_TYPES } from '../convert/spec.js';
import type { RuleContext } from './context.js';
import { checkAsciiHeaderNames, checkAsciiHostname, checkExactPathSlash, checkHeaderMatchPresent, checkHeaderRanges, checkPathOneOf, checkPrefixSlash, checkQueryParameters } from './match-rules.js';

/** API: "/aws-appmesh*" and "/aws-app-mesh*" cannot be used as a gateway route prefix. */
const RESERVED_PREFIX = /^\/aws-app-?mesh/;
/** API: gRPC service names starting "aws.app-mesh" or equal to "aws.appmesh" are reserved. */
const RESERVED_GRPC_SERVICE = /^aws\.app-mesh|^aws\.appmesh$/;

export function checkGatewayRoute(ctx: RuleContext): void {
  const spec = ctx.draft.spec;
  const webhook = ctx.draft.dialect === 'k8s';
  const types = GATEWAY_ROUTE_TYPES.filter((k) => spec[k] !== undefined && spec[k] !== null);
  if (types.length !== 1) {
    ctx.report('error', 'GR_ROUTE_TYPE', '', types.length === 0 ? 'Missing GatewayRoute Type: specify one of httpRoute, http2Route, grpcRoute' : `Found multiple types of GatewayRoute: ${types.join(', ')}; specify one`);
    return;
  }
  const key = types[0]!;
  const route = rec(spec[key]);
  if (!route) return;
  const match = rec(route.match) ?? {};
  const action = rec(route.action) ?? {};
  if (key === 'grpcRoute') checkGrpcMatch(ctx, match, `/${key}/match`, webhook);
  else checkHttpMatch(ctx, match, `/${key}/match`, webhook);
  checkRewrite(ctx, rec(action.rewrite), match, `/${key}/action/rewrite`, webhook, key === 'grpcRoute');
  checkWeightedTargets(ctx);
}

function checkHttpMatch(ctx: RuleContext, match: Record<string, unknown>, at: string, webhook: boolean): void {
  const hasPrefix = match.prefix !== undefined;
  const hasPath = match.path !== undefined;
  if (webhook && !hasPrefix && !hasPath && match.hostname === undefined) {
    ctx.report('error', 'GR_MATCH_REQUIRED', at, 'Either prefix or path or hostname must be specified');
  }
  if (hasPrefix && hasPath) {
    // The webhook rejects it; the API's behaviour is undocumented, so an AWS document gets a warning.
    ctx.report(webhook ? 'error' : 'warning', 'GR_PREFIX_AND_PATH', at, 'Both prefix and path for match are not allowed. Only one must be specified');
  }
  checkPrefixSlash(ctx, match.prefix, `${at}/prefix`);
  if (typeof match.prefix === 'string' && RESERVED_PREFIX.test(match.prefix)) {
    ctx.report('error', 'GR_PREFIX_RESERVED', `${at}/prefix`, `prefix ${match.prefix} is reserved by App Mesh (/aws-appmesh*, /aws-app-mesh*)`);
  }
  if (webhook) checkPathOneOf(ctx, match.path, `${at}/path`);
  checkExactPathSlash(ctx, rec(match.path)?.exact, `${at}/path/exact`);
  checkHostname(ctx, match.hostname, `${at}/hostname`, webhook);
  checkHeaderMatchPresent(ctx, match.headers, `${at}/headers`);
  checkHeaderRanges(ctx, match.headers, `${at}/headers`, webhook);
  checkAsciiHeaderNames(ctx, match.headers, `${at}/headers`, 'header');
  // Webhook quirk kept: when headers are present, queryParameters are not validated.
  if (webhook && list(match.headers).length === 0) checkQueryParameters(ctx, match.queryParameters, `${at}/queryParameters`);
}

function checkGrpcMatch(ctx: RuleContext, match: Record<string, unknown>, at: string, webhook: boolean): void {
  if (webhook && match.serviceName === undefined && match.hostname === undefined) {
    ctx.report('error', 'GR_GRPC_MATCH_REQUIRED', at, 'Either servicename or hostname must be specified');
  }
  const service = str(match.serviceName);
  if (service !== null && RESERVED_GRPC_SERVICE.test(service)) {
    ctx.report('error', 'GR_GRPC_SERVICE_RESERVED', `${at}/serviceName`, `gRPC service name ${service} is reserved by App Mesh (aws.app-mesh*, aws.appmesh)`);
  }
  checkHostname(ctx, match.hostname, `${at}/hostname`, webhook);
  checkHeaderRanges(ctx, match.metadata, `${at}/metadata`, webhook);
  checkAsciiHeaderNames(ctx, match.metadata, `${at}/metadata`, 'metadata');
}

function checkHostname(ctx: RuleContext, hostname: unknown, at: string, webhook: boolean): void {
  const h = rec(hostname);
  if (!h) return;
  const set = ['exact', 'suffix'].filter((k) => h[k] !== undefined);
  if (set.length === 2) ctx.report(webhook ? 'error' : 'warning', 'GR_HOSTNAME_ONE_OF', at, 'Both exact and suffix match for hostname are not allowed. Only one must be specified');
  if (set.length === 0 && webhook) ctx.report('error', 'GR_HOSTNAME_ONE_OF', at, 'hostname must set exactly one of exact or suffix');
  const suffix = str(h.suffix);
  if (suffix !== null) checkSuffixForm(ctx, suffix, `${at}/suffix`);
  for (const k of ['exact', 'suffix']) {
    const v = str(h[k]);
    if (v !== null) checkAsciiHostname(ctx, v, `${at}/${k}`);
  }
}

/**
 * The suffix forms docs/precedence.md § Hostnames defines: `.example.com` is the documented one; a
 * leading `*` is read as the wildcard App Mesh adds itself; without a leading dot the suffix also
 * matches the end of a label (`myexample.com`), which an Envoy `*.example.com` domain never does.
 */
function checkSuffixForm(ctx: RuleContext, suffix: string, at: string): void {
  const ending = suffixAsEndingCharacters(suffix);
  if (ending !== suffix) {
    ctx.report('warning', 'GR_HOSTNAME_SUFFIX_FORM', at, `App Mesh adds the wildcard itself: write ${JSON.stringify(ending)} (read as that)`);
  } else if (!ending.startsWith('.')) {
    ctx.report('warning', 'GR_HOSTNAME_SUFFIX_FORM', at, `without a leading dot the suffix also matches ${JSON.stringify('my' + suffix)}`);
  }
}

function checkRewrite(ctx: RuleContext, rewrite: Record<string, unknown> | null, match: Record<string, unknown>, at: string, webhook: boolean, grpc: boolean): void {
  if (!rewrite) return;
  const prefix = rec(rewrite.prefix);
  const path = rec(rewrite.path);
  if (webhook && !grpc && !prefix && !path && !rec(rewrite.hostname)) {
    ctx.report('error', 'GR_REWRITE_EMPTY', at, 'rewrite must set at least one of prefix, path or hostname');
  }
  if (prefix && path) ctx.report('error', 'GR_REWRITE_PREFIX_AND_PATH', at, 'Cannot specify both prefix and path rewrites; only one is allowed');
  if (prefix) {
    if (prefix.defaultPrefix !== undefined && prefix.value !== undefined) {
      ctx.report('error', 'GR_REWRITE_PREFIX_ONE_OF', `${at}/prefix`, 'Cannot specify both defaultPrefix and value for a prefix rewrite');
    }
    const value = str(prefix.value);
    if (value !== null && (!value.startsWith('/') || !value.endsWith('/'))) {
      ctx.report(webhook ? 'error' : 'warning', 'GR_REWRITE_VALUE_SLASHES', `${at}/prefix/value`, `Prefix rewrite value ${JSON.stringify(value)} must start and end with '/'`);
    }
    const matchPrefix = str(match.prefix);
    if (matchPrefix === null) {
      ctx.report('warning', 'GR_REWRITE_PREFIX_WITHOUT_PREFIX_MATCH', `${at}/prefix`,
        'a prefix rewrite without a prefix match is undocumented in App Mesh; meshroute treats the matched prefix as "/" (unverified)');
    } else {
      if (webhook && !matchPrefix.startsWith('/')) {
        ctx.report('error', 'GR_REWRITE_PREFIX_MATCH_SLASH', `${at}/prefix`, `Prefix to be matched on must start with '/' when a prefix rewrite is set (match prefix ${JSON.stringify(matchPrefix)})`);
      }
      if (value !== null && !matchPrefix.endsWith('/')) {
        ctx.report('warning', 'GR_REWRITE_PREFIX_TRAILING_SLASH', `${at}/prefix/value`,
          `custom prefix rewrite with match prefix ${JSON.stringify(matchPrefix)} (no trailing '/') is undocumented App Mesh behaviour (the CDK forbids it); meshroute applies its documented slash handling (unverified)`);
      }
    }
  }
  if (path) {
    const exact = str(path.exact);
    if (exact !== null && !exact.startsWith('/')) ctx.report('warning', 'GR_REWRITE_PATH_SLASH', `${at}/path/exact`, `path rewrite ${JSON.stringify(exact)} should start with '/'`);
    if (str(match.prefix) !== null) ctx.report('warning', 'GR_REWRITE_PATH_WITH_PREFIX_MATCH', `${at}/path`, 'a path rewrite replaces the whole path; with a prefix match, App Mesh documents only prefix rewrites');
  }
}

/** The edge-canary extension: weights are integers 0..100 and at least one must be positive. */
function checkWeightedTargets(ctx: RuleContext): void {
  const targets = ctx.draft.weightedTargets;
  if (!targets) return;
  const base = ctx.draft.specPointer;
  if (targets.length === 0 || targets.length > 10) {
    ctx.report('error', 'GR_WEIGHTED_TARGETS_COUNT', '', `weightedTargets must list 1 to 10 targets, found ${targets.length}`);
  }
  let sum = 0;
  for (const t of targets) {
    const rel = t.path.startsWith(base) ? t.path.slice(base.length) : t.path;
    if (!t.ref && !t.arn && !t.virtualServiceName) ctx.report('error', 'GR_WEIGHTED_TARGET_REF', rel, 'a weighted target must name a virtual service (targetRef.virtualServiceRef.name, virtualService.virtualServiceRef or virtualService.virtualServiceName)');
    if (typeof t.weight !== 'number' || !Number.isInteger(t.weight) || t.weight < 0 || t.weight > 100) {
      ctx.report('error', 'WEIGHT_RANGE', `${rel}/weight`, `weight must be an integer from 0 to 100, found ${JSON.stringify(t.weight)}`);
    } else {
      sum += t.weight;
    }
    if (t.port !== undefined && (typeof t.port !== 'number' || !Number.isInteger(t.port) || t.port < 1 || t.port > 65535)) {
      ctx.report('error', 'SCHEMA_RANGE', `${rel}/port`, 'port must be an integer from 1 to 65535');
    }
  }
  if (targets.length > 0 && sum === 0) ctx.report('error', 'WEIGHTS_ZERO', '', 'the weights of all targets add up to 0: no target could ever be picked');
}

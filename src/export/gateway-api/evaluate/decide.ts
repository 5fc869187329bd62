/** The winning rule → the decision: redirect, 500 for missing / zero-weight / invalid backends, else forward. */
import type { Rule } from './compiled.js';
import { applyRequestFilters, findRedirect, redirectLocation } from './filters.js';
import { resolveBackends, type BackendContext } from './backends.js';
import { grpcPathParts } from './match.js';
import type { Candidate } from './precedence.js';
import type { NormalizedRequest } from './request.js';
import type { ErrorDecision, ErrorReason, GatewayApiDecision, GatewayApiEntry, MatchedRule } from './types.js';

export interface DecideContext {
  entry: GatewayApiEntry;
  listener: string | null;
  /** The port a redirect without scheme/port keeps (the listener's, or the Service port). */
  listenerPort: number;
  backends: BackendContext;
}

export function decide(winner: Candidate, req: NormalizedRequest, ctx: DecideContext): GatewayApiDecision {
  const rule: Rule = winner.route.rules[winner.ruleIndex]!;
  const matched: MatchedRule = { route: winner.route.ref, ruleIndex: winner.ruleIndex, matchIndex: winner.matchIndex, ruleName: rule.name };
  const httpMatch = rule.http?.[winner.matchIndex] ?? null;
  const base = { entry: ctx.entry, listener: ctx.listener };
  const redirect = findRedirect(rule.filters);
  if (redirect !== null) {
    return { ...base, outcome: 'redirect', matched, status: redirect.statusCode ?? 302, location: redirectLocation(redirect, req, ctx.listenerPort, httpMatch) };
  }
  if (rule.backendRefs.length === 0) return errorDecision(req, ctx, 500, 'NO_BACKENDS', matched);
  const backends = resolveBackends(winner.route, rule.backendRefs, ctx.backends);
  if (backends.every((b) => b.weight === 0)) return errorDecision(req, ctx, 500, 'ALL_WEIGHTS_ZERO', matched);
  if (backends.every((b) => b.weight === 0 || !b.valid)) return errorDecision(req, ctx, 500, 'ALL_BACKENDS_INVALID', matched);
  const rewritten = applyRequestFilters(rule.filters, req, httpMatch);
  return {
    ...base,
    outcome: 'forward',
    matched,
    backends,
    ...rewritten,
    timeouts: rule.timeouts,
    retry: rule.retry,
    grpc: rule.grpc !== null ? grpcPathParts(req.path) : null,
  };
}

export function errorDecision(req: NormalizedRequest, ctx: Pick<DecideContext, 'entry' | 'listener'>, status: 404 | 500, reason: ErrorReason, matched: MatchedRule | null): ErrorDecision {
  const grpcStatus = req.protocol !== 'grpc' ? null : status === 404 ? 12 : 14;
  return { entry: ctx.entry, listener: ctx.listener, outcome: 'error', status, grpcStatus, reason, matched };
}

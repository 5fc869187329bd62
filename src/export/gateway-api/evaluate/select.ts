/**
 * Picks the winning (route, rule, match) among the routes attached where the request arrives.
 * Hostnames first: by default only the routes whose best matching hostname is the most specific
 * one take part — the "virtual host" reading every Envoy-based implementation has (a request for
 * `a.example.com` never reaches a `*.example.com` route when an `a.example.com` route exists);
 * `hostnameFallthrough` instead ranks all hostname-matching routes and lets less specific ones
 * match when the more specific have no matching rule (the literal reading of [HR] Hostnames).
 */
import type { Attachment } from './compiled.js';
import { hostnameScore } from './hostnames.js';
import { grpcMatchHolds, httpMatchHolds } from './match.js';
import { compareCandidates, describeSpecificity, grpcSpecificity, httpSpecificity, type Candidate } from './precedence.js';
import type { NormalizedRequest } from './request.js';
import type { GatewayApiEvaluatorOptions, RankedCandidate } from './types.js';

export interface Selection {
  winner: Candidate | null;
  /** No attachment's hostnames matched the host. */
  noHostname: boolean;
  /** Every match considered (for explain), best first. */
  ranked: RankedCandidate[];
}

export interface SelectOptions {
  regexPrecedence: NonNullable<GatewayApiEvaluatorOptions['regexPrecedence']>;
  hostnameFallthrough: boolean;
  /** GAMMA: hostnames are ignored (GEP-1294 SHOULD). */
  ignoreHostnames: boolean;
  wantRanking: boolean;
}

export function selectRule(attachments: readonly Attachment[], req: NormalizedRequest, opts: SelectOptions): Selection {
  const scored: { a: Attachment; host: [number, number] }[] = [];
  for (const a of attachments) {
    const host = opts.ignoreHostnames ? ([0, 0] as [number, number]) : hostnameScore(a.hostnames, req.host);
    if (host !== null) scored.push({ a, host });
  }
  if (scored.length === 0) return { winner: null, noHostname: attachments.length > 0, ranked: [] };
  const pool = opts.hostnameFallthrough ? scored : mostSpecificHost(scored);
  let winner: Candidate | null = null;
  const all: { c: Candidate; holds: boolean }[] = [];
  for (const { a, host } of pool) {
    for (const rule of a.route.rules) {
      for (const m of rule.http ?? []) consider({ route: a.route, ruleIndex: rule.index, matchIndex: m.index, specificity: httpSpecificity(host, m, opts.regexPrecedence) }, httpMatchHolds(m, req));
      for (const m of rule.grpc ?? []) consider({ route: a.route, ruleIndex: rule.index, matchIndex: m.index, specificity: grpcSpecificity(host, m) }, grpcMatchHolds(m, req));
    }
  }
  return { winner, noHostname: false, ranked: opts.wantRanking ? rank(all) : [] };

  function consider(c: Candidate, holds: boolean): void {
    if (opts.wantRanking) all.push({ c, holds });
    if (holds && (winner === null || compareCandidates(c, winner) < 0)) winner = c;
  }
}

function mostSpecificHost<T extends { host: [number, number] }>(scored: T[]): T[] {
  let best = scored[0]!.host;
  for (const s of scored) if (s.host[0] > best[0] || (s.host[0] === best[0] && s.host[1] > best[1])) best = s.host;
  return scored.filter((s) => s.host[0] === best[0] && s.host[1] === best[1]);
}

function rank(all: { c: Candidate; holds: boolean }[]): RankedCandidate[] {
  return all
    .sort((x, y) => compareCandidates(x.c, y.c))
    .map(({ c, holds }) => {
      const rule = c.route.rules[c.ruleIndex]!;
      return {
        route: c.route.ref,
        ruleIndex: c.ruleIndex,
        matchIndex: c.matchIndex,
        ruleName: rule.name,
        matches: holds,
        key: describeSpecificity(c.route.ref.kind, c.specificity),
      };
    });
}

/**
 * The spec's precedence, written once. Across all rules of all routes attached where the request
 * arrives ([HR] HTTPRouteRule.Matches):
 *   "* "Exact" path match. * "Prefix" path match with largest number of characters. * Method match.
 *    * Largest number of header matches. * Largest number of query param matches."
 *   "Note: The precedence of RegularExpression path matches are implementation-specific."
 *   "If ties still exist across multiple Routes … * The oldest Route based on creation timestamp.
 *    * The Route appearing first in alphabetical order by "{namespace}/{name}"."
 *   "If ties still exist within an HTTPRoute, matching precedence MUST be granted to the FIRST
 *    matching rule (in list order)"
 * preceded by the route's hostname score ([HR] Hostnames: characters in a matching non-wildcard
 * hostname, then in a matching hostname). GRPCRoute ([GR]): hostname score, characters in a matching
 * service, in a matching method, header matches; then the same route and rule tie-breaks.
 */
import type { CompiledRoute, GrpcMatch, HttpMatch } from './compiled.js';
import type { GatewayApiEvaluatorOptions } from './types.js';

export interface Candidate {
  route: CompiledRoute;
  ruleIndex: number;
  matchIndex: number;
  /** Specificity, compared element by element, larger first. */
  specificity: number[];
}

const PATH_CLASS = {
  'after-prefix': { Exact: 3, PathPrefix: 2, RegularExpression: 1 },
  'before-prefix': { Exact: 3, RegularExpression: 2, PathPrefix: 1 },
} as const;

export function httpSpecificity(host: readonly [number, number], m: HttpMatch, regexPrecedence: NonNullable<GatewayApiEvaluatorOptions['regexPrecedence']>): number[] {
  // Path length ranks prefixes (spec) and regexes (Istio ranks regexes by pattern length too).
  return [host[0], host[1], PATH_CLASS[regexPrecedence][m.pathType], m.pathValue.length, m.method === null ? 0 : 1, m.headers.length, m.query.length];
}

export function grpcSpecificity(host: readonly [number, number], m: GrpcMatch): number[] {
  return [host[0], host[1], m.service?.length ?? 0, m.method?.length ?? 0, m.headers.length];
}

/** Negative when `a` takes precedence over `b`. */
export function compareCandidates(a: Candidate, b: Candidate): number {
  for (let i = 0; i < a.specificity.length; i++) {
    const d = b.specificity[i]! - a.specificity[i]!;
    if (d !== 0) return d;
  }
  if (a.route !== b.route) {
    if (a.route.createdAt !== b.route.createdAt) return a.route.createdAt < b.route.createdAt ? -1 : 1;
    const an = `${a.route.ref.namespace}/${a.route.ref.name}`;
    const bn = `${b.route.ref.namespace}/${b.route.ref.name}`;
    if (an !== bn) return an < bn ? -1 : 1;
  }
  return a.ruleIndex - b.ruleIndex || a.matchIndex - b.matchIndex;
}

export function describeSpecificity(kind: 'HTTPRoute' | 'GRPCRoute', s: readonly number[]): string {
  if (kind === 'GRPCRoute') return `host=${s[0]}/${s[1]} service=${s[2]} method=${s[3]} headers=${s[4]}`;
  return `host=${s[0]}/${s[1]} pathClass=${s[2]} pathLength=${s[3]} method=${s[4]} headers=${s[5]} query=${s[6]}`;
}

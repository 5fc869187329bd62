/**
 * Which routes of a group can win, and which pairs only meshroute's tie-break orders.
 *
 * Route B (at rank i of its group) never wins when every request it matches is matched by some
 * route earlier in the group. Shown exactly for paths (languages.ts): with I = the earlier routes
 * whose other criteria every request of B satisfies (criteria.ts), B never wins if
 *     paths(B) ∩ NORMALIZED_PATHS ⊆ ⋃ paths(A), A ∈ I.
 * Otherwise the shortest path outside that union, with B's criteria satisfied, is a candidate
 * witness; routed through the compiled table it either reaches B (B can win: shown) or is taken by
 * an earlier route A whose criteria the analysis could not compare — then A's paths are excluded
 * too and the search repeats. When no path is left, the answer is "cannot decide": never a guess.
 */
import { decidingRule, isTieBreak } from '../compile/precedence.js';
import type { RouteRequest } from '../evaluate/types.js';
import { criteriaImply, type LangCache } from './criteria.js';
import { severityOf, type LintCode, type LintFinding, type LintRouteRef, type Witness } from './findings.js';
import type { Group, Member } from './groups.js';
import { acceptsBytes, decode, enumerate, findWitness, type Lang, type SearchResult } from './languages.js';
import { mayShareAPath, pathLang, universe } from './paths.js';
import type { Probe } from './probe.js';
import { buildRequest } from './witness-request.js';

/** Candidate witnesses tried per route before answering "cannot decide". */
export const MAX_REFINEMENTS = 8;
/** Shortest paths of a route tried as witnesses before a full product search. */
export const CANDIDATES = 24;
/** Earlier routes (those taking B's shortest paths) each tried as a single cover of B before the union search. */
export const ALONE_TRIES = 4;
/** Earlier routes of an equal-precedence run checked for a tie with each route. */
export const TIE_SCAN = 16;
/** A tie is reported only when shown; its search gets a smaller budget than a never-wins proof. */
export const TIE_SEARCH_BUDGET = 5_000;

export interface GroupContext {
  langs: LangCache;
  group: Group;
  probe: Probe;
  ref(m: Member): LintRouteRef;
  /** Where witnesses are sent (`gateway`: the linted gateway; `router`: the router probe). */
  at: Pick<Witness, 'at' | 'gateway' | 'virtualRouter'>;
  /** Members whose own criteria are reported unsatisfiable elsewhere (smells): skipped here. */
  skip: Set<Member>;
}

export interface GroupAnalysis {
  findings: LintFinding[];
  /** A request each reachable member wins, checked by routing it. */
  reaching: Map<Member, RouteRequest & { port: number }>;
  /** Any request the member matches (its criteria hold), reachable or not. */
  matching: Map<Member, RouteRequest & { port: number }>;
  /** Members shown never to win (LINT_NEVER_WINS). */
  neverWins: Set<Member>;
}

export function analyzeGroup(ctx: GroupContext): GroupAnalysis {
  const out: GroupAnalysis = { findings: [], reaching: new Map(), matching: new Map(), neverWins: new Set() };
  const members = ctx.group.members;
  members.forEach((b, i) => {
    if (ctx.skip.has(b)) return;
    analyzeMember(ctx, members, i, out);
    // A route that never wins gets that finding alone: its ties with the routes that hide it are moot.
    if (!out.neverWins.has(b)) findTies(ctx, members, i, out, (a) => out.neverWins.has(a));
  });
  return out;
}

// ------- internal functions -------

function analyzeMember(ctx: GroupContext, members: readonly Member[], i: number, out: GroupAnalysis): void {
  const b = members[i]!;
  const U = universe(ctx.langs);
  const lb = pathLang(b.lowered, ctx.langs);
  if (lb === null) return void out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, [], `cannot decide whether ${b.lowered.displayName} can win: its path regex is too large to analyze`, null));
  const candidates = enumerate([lb, U], CANDIDATES);
  const own: SearchResult = candidates.length > 0 ? { kind: 'witness', bytes: candidates[0]!, text: decode(candidates[0]!) } : findWitness({ all: [lb, U] });
  if (own.kind === 'budget') return void out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, [], `cannot decide whether ${b.lowered.displayName} can win: the path analysis ran out of budget`, null));
  if (own.kind === 'empty') {
    return void out.findings.push(finding(ctx, 'LINT_NEVER_MATCHES', b, [], `${b.lowered.displayName} never matches: its path ${describePath(b)} accepts no normalized request path (they start with "/", have no "//", "/./" or "/../")`, null));
  }
  const base = buildRequest(ctx.group, [b.lowered], own.text, ctx.langs);
  if (base.kind === 'contradiction') return void out.findings.push(finding(ctx, 'LINT_NEVER_MATCHES', b, [], `${b.lowered.displayName} never matches: no request satisfies its ${base.what} criteria together`, null));
  if (base.kind === 'undecided') return void out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, [], `cannot decide whether ${b.lowered.displayName} can win: no request satisfying its ${base.what} criterion was found`, null));
  out.matching.set(b, base.request);

  const earlier = members.slice(0, i).filter((a) => mayShareAPath(a.lowered, b.lowered));
  const implied = earlier.filter((a) => pathLang(a.lowered, ctx.langs) !== null && criteriaImply(b.lowered, a.lowered, ctx.langs));
  const none: Lang[] = implied.map((a) => pathLang(a.lowered, ctx.langs)!);
  // Fast path: one of B's shortest paths that no implied earlier route accepts.
  let search: SearchResult = firstOutside(candidates, none);
  let shadowers: Member[] = [];
  if (search.kind !== 'witness') {
    // The implied routes that take B's shortest paths; one of them alone covering B (the usual
    // catch-all) settles it, else the union of every implied route is searched.
    const takers = implied.filter((a) => candidates.some((c) => acceptsBytes(pathLang(a.lowered, ctx.langs)!, c)));
    const alone = takers.slice(0, ALONE_TRIES).find((a) => findWitness({ all: [lb, U], none: [pathLang(a.lowered, ctx.langs)!] }).kind === 'empty');
    search = alone !== undefined ? { kind: 'empty' } : findWitness({ all: [lb, U], none });
    shadowers = alone !== undefined ? [alone] : takers;
  }
  if (search.kind === 'empty') {
    const winner = ctx.probe.winner(base.request);
    const names = shadowers.map((a) => a.lowered.displayName);
    // The witness must be matched by B and won by an earlier route of the group (not always one named: an earlier one may take this path first).
    if (winner === null || !members.slice(0, i).some((a) => a.lowered.displayName === winner)) {
      out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, shadowers, `cannot decide whether ${b.lowered.displayName} can win: the analysis finds it shadowed by ${list(names)}, but its witness routes to ${winner ?? 'no route'}`, null));
      return;
    }
    out.neverWins.add(b);
    out.findings.push(finding(ctx, 'LINT_NEVER_WINS', b, shadowers,
      `${b.lowered.displayName} never wins: every request it matches is taken first by ${shadowers.length === 1 ? names[0] : `earlier routes together (${list(names)}${implied.length > shadowers.length ? ', …' : ''})`}`,
      witness(ctx, base.request, `matches ${b.lowered.displayName}, but ${winner} wins`)));
    return;
  }
  const excluded: Member[] = [];
  for (let round = 0; round < MAX_REFINEMENTS; round++) {
    if (search.kind === 'budget') break;
    if (search.kind === 'empty') {
      out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, excluded,
        `cannot decide whether ${b.lowered.displayName} can win: the requests it matches that no earlier route surely takes are matched by ${list(excluded.map((a) => a.lowered.displayName))}, whose other criteria differ`,
        witness(ctx, base.request, `matches ${b.lowered.displayName}; ${ctx.probe.winner(base.request) ?? 'no route'} wins this one`)));
      return;
    }
    const built = buildRequest(ctx.group, [b.lowered], search.text, ctx.langs);
    if (built.kind !== 'request') break;
    const winner = ctx.probe.winner(built.request);
    if (winner === b.lowered.displayName) {
      out.reaching.set(b, built.request);
      return;
    }
    const taker = earlier.find((a) => a.lowered.displayName === winner && !excluded.includes(a));
    const lt = taker === undefined ? null : pathLang(taker.lowered, ctx.langs);
    if (taker === undefined || lt === null) break;
    excluded.push(taker);
    none.push(lt);
    search = firstOutside(candidates, none);
    if (search.kind !== 'witness') search = findWitness({ all: [lb, U], none });
  }
  out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, excluded, `cannot decide whether ${b.lowered.displayName} can win: no witness request reached it within ${MAX_REFINEMENTS} tries`, null));
}

function findTies(ctx: GroupContext, members: readonly Member[], i: number, out: GroupAnalysis, hidden: (m: Member) => boolean): void {
  const b = members[i]!;
  const lb = pathLang(b.lowered, ctx.langs);
  if (lb === null) return;
  for (let j = i - 1; j >= 0 && j >= i - TIE_SCAN; j--) {
    const a = members[j]!;
    const { rule } = decidingRule(a.lowered, b.lowered);
    if (!isTieBreak(rule)) break;
    if (ctx.skip.has(a) || hidden(a) || !mayShareAPath(a.lowered, b.lowered)) continue;
    const la = pathLang(a.lowered, ctx.langs);
    if (la === null) continue;
    // A shared path no route before `a` surely takes: there the tie-break is what decides.
    const before = members.slice(0, j).filter((x) => mayShareAPath(x.lowered, a.lowered) && pathLang(x.lowered, ctx.langs) !== null
      && (criteriaImply(a.lowered, x.lowered, ctx.langs) || criteriaImply(b.lowered, x.lowered, ctx.langs)));
    const beforeLangs = before.map((x) => pathLang(x.lowered, ctx.langs)!);
    const shared = enumerate([la, lb, universe(ctx.langs)], CANDIDATES);
    if (shared.length === 0 && shared.complete) continue; // no common path
    let both = firstOutside(shared, beforeLangs);
    if (both.kind !== 'witness' && !(shared.complete && shared.length < CANDIDATES)) both = findWitness({ all: [la, lb, universe(ctx.langs)], none: beforeLangs }, TIE_SEARCH_BUDGET);
    if (both.kind !== 'witness') continue;
    const built = buildRequest(ctx.group, [a.lowered, b.lowered], both.text, ctx.langs);
    if (built.kind !== 'request') continue;
    // Both match by construction (path in both languages, request built for both); routing it shows `a` wins.
    if (ctx.probe.winner(built.request) !== a.lowered.displayName) continue;
    const by = rule === 'criteria-count' ? 'more criteria first' : 'name order';
    out.findings.push(finding(ctx, 'LINT_TIE', b, [a],
      `${a.lowered.displayName} and ${b.lowered.displayName} match the same requests and only meshroute's tie-break (${by}) puts ${a.lowered.displayName} first; App Mesh left their order unspecified — give them different priorities`,
      witness(ctx, built.request, `matches both; ${a.lowered.displayName} wins by the tie-break`)));
  }
}

export function finding(ctx: Pick<GroupContext, 'ref' | 'group'>, code: LintCode, route: Member, related: Member[], message: string, w: Witness | null): LintFinding {
  return { code, severity: severityOf(code), message, route: ctx.ref(route), related: related.map((m) => ctx.ref(m)), port: ctx.group.port, protocol: ctx.group.protocol, witness: w };
}

export function witness(ctx: Pick<GroupContext, 'at'>, request: RouteRequest & { port: number }, shows: string): Witness {
  return { ...ctx.at, request, shows };
}

/** The first candidate no language of `none` accepts; 'empty' stands for "none found" (the caller searches on). */
function firstOutside(candidates: readonly Uint8Array[], none: readonly Lang[]): SearchResult {
  for (const c of candidates) if (!none.some((l) => acceptsBytes(l, c))) return { kind: 'witness', bytes: c, text: decode(c) };
  return { kind: 'empty' };
}

function list(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

function describePath(m: Member): string {
  const p = m.lowered.path;
  return p.kind === 'none' ? '(none)' : `${p.kind} ${JSON.stringify(p.value)}`;
}

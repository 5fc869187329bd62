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
import { findWitness, type Lang } from './languages.js';
import { mayShareAPath, pathLang, universe } from './paths.js';
import type { Probe } from './probe.js';
import { buildRequest } from './witness-request.js';

/** Candidate witnesses tried per route before answering "cannot decide". */
export const MAX_REFINEMENTS = 8;
/** Earlier routes of an equal-precedence run checked for a tie with each route. */
export const TIE_SCAN = 16;

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
}

export function analyzeGroup(ctx: GroupContext): GroupAnalysis {
  const out: GroupAnalysis = { findings: [], reaching: new Map(), matching: new Map() };
  const members = ctx.group.members;
  const refs = new Map<Member, unknown>();
  const ref = ctx.ref;
  ctx = { ...ctx, ref: (m) => { let r = refs.get(m); if (r === undefined) refs.set(m, (r = ref(m))); return r as ReturnType<typeof ref>; } };
  members.forEach((b, i) => {
    if (ctx.skip.has(b)) return;
    analyzeMember(ctx, members, i, out);
    // A route that never wins gets that finding alone: its ties with the routes that hide it are moot.
    if (!neverWins(out, refs.get(b))) findTies(ctx, members, i, out, (a) => neverWins(out, refs.get(a)));
  });
  return out;
}

// ------- internal functions -------

function analyzeMember(ctx: GroupContext, members: readonly Member[], i: number, out: GroupAnalysis): void {
  const b = members[i]!;
  const U = universe(ctx.langs);
  const lb = pathLang(b.lowered, ctx.langs);
  if (lb === null) return void out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, [], `cannot decide whether ${b.lowered.displayName} can win: its path regex is too large to analyze`, null));
  const own = findWitness({ all: [lb, U] });
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
  let search = findWitness({ all: [lb, U], none });
  if (search.kind === 'empty') {
    const shadowers = minimalCover(ctx, implied, lb, U);
    const winner = ctx.probe.winner(base.request);
    const names = shadowers.map((a) => a.lowered.displayName);
    // The witness must be matched by B and won by an earlier route of the group (not always one named: an earlier one may take this path first).
    if (winner === null || !members.slice(0, i).some((a) => a.lowered.displayName === winner)) {
      out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, shadowers, `cannot decide whether ${b.lowered.displayName} can win: the analysis finds it shadowed by ${list(names)}, but its witness routes to ${winner ?? 'no route'}`, null));
      return;
    }
    out.findings.push(finding(ctx, 'LINT_NEVER_WINS', b, shadowers,
      `${b.lowered.displayName} never wins: every request it matches is taken first by ${list(names)}`,
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
    search = findWitness({ all: [lb, U], none });
  }
  out.findings.push(finding(ctx, 'LINT_UNDECIDED', b, excluded, `cannot decide whether ${b.lowered.displayName} can win: no witness request reached it within ${MAX_REFINEMENTS} tries`, null));
}

function neverWins(out: GroupAnalysis, ref: unknown): boolean {
  return ref !== undefined && out.findings.some((f) => f.code === 'LINT_NEVER_WINS' && f.route === ref);
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
    const both = findWitness({ all: [la, lb, universe(ctx.langs)], none: before.map((x) => pathLang(x.lowered, ctx.langs)!) });
    if (both.kind !== 'witness') continue;
    const built = buildRequest(ctx.group, [a.lowered, b.lowered], both.text, ctx.langs);
    if (built.kind !== 'request') continue;
    const matching = ctx.probe.matching(built.request);
    if (!matching.includes(a.lowered.displayName) || !matching.includes(b.lowered.displayName)) continue;
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

/**
 * The routes to name as hiding B: one earlier route that alone covers B's paths when there is one
 * (the first in precedence order), else every implied route that shares a path with B (a union).
 */
function minimalCover(ctx: GroupContext, implied: Member[], lb: Lang, U: Lang): Member[] {
  const sharing = implied.filter((a) => findWitness({ all: [pathLang(a.lowered, ctx.langs)!, lb, U] }).kind === 'witness');
  const alone = sharing.find((a) => findWitness({ all: [lb, U], none: [pathLang(a.lowered, ctx.langs)!] }).kind === 'empty');
  return alone !== undefined ? [alone] : sharing;
}

function list(names: string[]): string {
  return names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`;
}

function describePath(m: Member): string {
  const p = m.lowered.path;
  return p.kind === 'none' ? '(none)' : `${p.kind} ${JSON.stringify(p.value)}`;
}

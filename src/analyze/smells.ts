/**
 * Smells: configurations that are valid but rarely mean what their author meant — a rewrite that
 * produces `//`, a regex that matches everything, a header matcher no value satisfies, and an
 * exact host without a port on a listener whose port clients put in Host.
 */
import type { LoweredPredicate } from '../compile/lower.js';
import { findWitness } from './languages.js';
import { isStringOp, type LangCache } from './criteria.js';
import type { LintFinding } from './findings.js';
import type { Member } from './groups.js';
import { pathLang, universe } from './paths.js';
import { finding, witness, type GroupAnalysis, type GroupContext } from './shadowing.js';

/** Ports a client leaves out of Host (RFC 9110 §7.2: the scheme's default port). */
const DEFAULT_PORTS = new Set([80, 443]);

type HeaderPredicate = Extract<LoweredPredicate, { kind: 'header' }>;

/** A header predicate no request satisfies, with why; null when some value satisfies it. */
export function neverHolds(p: LoweredPredicate, langs: LangCache): string | null {
  if (p.kind !== 'header') return null;
  if (p.op === 'range') return !p.invert && p.start >= p.end ? `range [${p.start}, ${p.end}) is empty` : null;
  if (!isStringOp(p)) return null;
  const l = langs.matcher(p);
  const values = langs.values;
  if (l === null || values === null) return null;
  if (!p.invert) return findWitness({ all: [l, values] }).kind === 'empty' ? `${p.op} ${JSON.stringify(p.value)} accepts no header value` : null;
  return findWitness({ all: [values], none: [l] }).kind === 'empty' ? `inverted ${p.op} ${JSON.stringify(p.value)} rejects every header value` : null;
}

/** Members with a predicate that never holds: LINT_HEADER_NEVER_HOLDS, and skipped by the shadowing analysis. */
export function headerNeverHolds(ctx: Pick<GroupContext, 'ref' | 'group' | 'langs'>): { findings: LintFinding[]; members: Set<Member> } {
  const findings: LintFinding[] = [];
  const members = new Set<Member>();
  for (const m of ctx.group.members) {
    for (const p of m.lowered.predicates) {
      const why = neverHolds(p, ctx.langs);
      if (why === null) continue;
      members.add(m);
      const what = ctx.group.protocol === 'grpc' ? 'metadata' : 'header';
      findings.push(finding(ctx, 'LINT_HEADER_NEVER_HOLDS', m, [], `${m.lowered.displayName} never matches: its ${what} ${(p as HeaderPredicate).name} ${why}`, null));
    }
  }
  return { findings, members };
}

/** Smells shown on a request each route matches (analysis.matching). */
export function smells(ctx: GroupContext, analysis: GroupAnalysis): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of ctx.group.members) {
    const request = analysis.reaching.get(m) ?? analysis.matching.get(m);
    if (request === undefined) continue;
    const r = m.lowered;
    // A regex path that accepts every normalized path.
    if (r.path.kind === 'regex') {
      const l = pathLang(r, ctx.langs);
      if (l !== null && findWitness({ all: [universe(ctx.langs)], none: [l] }).kind === 'empty') {
        out.push(finding(ctx, 'LINT_REGEX_MATCHES_ALL', m, [], `${r.displayName}: path regex ${JSON.stringify(r.path.value)} matches every path; a prefix "/" (or no path match) says so plainly and ranks as App Mesh documents`, witness(ctx, request, `its path criterion holds on ${request.path}, as on any path`)));
      }
    }
    for (const p of r.predicates) {
      if (p.kind !== 'header' || p.op !== 'regex' || p.invert) continue;
      const l = ctx.langs.matcher(p);
      const values = ctx.langs.values;
      if (l === null || values === null || findWitness({ all: [values], none: [l] }).kind !== 'empty') continue;
      out.push(finding(ctx, 'LINT_REGEX_MATCHES_ALL', m, [], `${r.displayName}: header ${p.name} regex ${JSON.stringify(p.value)} matches every value; it only requires the header to be present`, witness(ctx, request, `its ${p.name} criterion holds on ${JSON.stringify(headerOf(request, p.name))}, as on any value`)));
    }
    // A rewrite that writes `//` into the upstream path.
    const rw = r.rewrite;
    const written = rw.pathExact ?? (rw.prefix === 'value' ? rw.prefixValue : null);
    if (written !== null && written.includes('//') && ctx.at.at === 'gateway') {
      const reach = analysis.reaching.get(m);
      const path = reach === undefined ? null : ctx.probe.rewrittenPath(reach);
      if (reach !== undefined && path !== null && path.includes('//')) {
        out.push(finding(ctx, 'LINT_REWRITE_DOUBLE_SLASH', m, [], `${r.displayName}: its rewrite ${JSON.stringify(written)} sends paths with "//" upstream (here ${JSON.stringify(path)}); routers and services may read them differently`, witness(ctx, reach, `rewritten to ${path}`)));
      }
    }
    // An exact host without a port on a listener whose port clients send in Host.
    if (r.hostname?.kind === 'exact' && !r.hostname.value.includes(':') && !DEFAULT_PORTS.has(ctx.group.port) && ctx.at.at === 'gateway') {
      const withPort = { ...request, authority: `${r.hostname.value}:${ctx.group.port}` };
      const winner = ctx.probe.winner(withPort);
      if (winner !== r.displayName) {
        out.push(finding(ctx, 'LINT_HOST_WITHOUT_PORT', m, [], `${r.displayName}: hostname ${JSON.stringify(r.hostname.value)} has no port, but clients of listener ${ctx.group.port} send "Host: ${r.hostname.value}:${ctx.group.port}", which does not match it (App Mesh keeps the port); add a route for that host too`, witness(ctx, withPort, `Host ${withPort.authority} reaches ${winner ?? 'no route'}, not ${r.displayName}`)));
      }
    }
  }
  return out;
}

function headerOf(request: { headers?: unknown }, name: string): string {
  const h = request.headers as Record<string, string> | undefined;
  return h?.[name] ?? '';
}

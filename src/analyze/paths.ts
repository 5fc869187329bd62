/**
 * Path languages. Requests are matched on their normalized path (docs/precedence.md §4), so every
 * question about paths is asked within NORMALIZED_PATHS: `/`, or `/segment`s with an optional
 * trailing `/`, where no segment is empty, `.` or `..`, and no `?`, `#`, whitespace or control
 * character occurs (a request target carries none; RFC 9112 §3.2).
 */
import type { LoweredRoute } from '../compile/lower.js';
import { regexLiteralPrefix } from '../compile/regex-prefix.js';
import type { LangCache } from './criteria.js';
import { exactLang, patternLang, prefixLang, type Lang } from './languages.js';

/** A path character: not `/`, `?`, `#`, whitespace or a control (RFC 9112 §3.2: a request target has none). */
const C = '[^/?#\\x00-\\x20\\x7f]';
const NOT_DOT = '[^/?#.\\x00-\\x20\\x7f]';
const SEGMENT = `(?:${NOT_DOT}${C}*|\\.${NOT_DOT}${C}*|\\.\\.${C}+)`;
export const NORMALIZED_PATHS = `/|(?:/${SEGMENT})+/?`;

export function universe(langs: LangCache): Lang {
  const u = langs.of('universe', () => patternLang(NORMALIZED_PATHS));
  if (u === null) throw new Error('unreachable: the normalized-path language always compiles');
  return u;
}

/** The paths a route's path criterion accepts (path-less: every path); null when too complex. */
export function pathLang(r: LoweredRoute, langs: LangCache): Lang | null {
  const p = r.path;
  switch (p.kind) {
    case 'none': return universe(langs);
    case 'prefix': return langs.of(`path-prefix:${p.value}`, () => prefixLang(p.value));
    case 'exact': return langs.of(`path-exact:${p.value}`, () => exactLang(p.value));
    default: return langs.of(`path-regex:${p.value}`, () => patternLang(p.value));
  }
}

/**
 * A cheap necessary condition for two path criteria to share a path: their literal beginnings
 * (the literal, or a regex's literal prefix) agree. False means disjoint; true means "maybe".
 */
export function mayShareAPath(a: LoweredRoute, b: LoweredRoute): boolean {
  const la = literalStart(a);
  const lb = literalStart(b);
  if (!(la.startsWith(lb) || lb.startsWith(la))) return false;
  if (a.path.kind === 'exact' && b.path.kind === 'exact') return a.path.value === b.path.value;
  if (a.path.kind === 'exact' && b.path.kind === 'prefix') return a.path.value.startsWith(b.path.value);
  if (b.path.kind === 'exact' && a.path.kind === 'prefix') return b.path.value.startsWith(a.path.value);
  return true;
}

function literalStart(r: LoweredRoute): string {
  const p = r.path;
  return p.kind === 'none' ? '' : p.kind === 'regex' ? regexLiteralPrefix(p.value) : p.value;
}

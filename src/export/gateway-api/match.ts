/**
 * One flat rule's criteria as a Gateway API match (HTTPRoute or GRPCRoute), field by field as
 * docs/migrate-gateway-api.md's mapping table says. Criteria Gateway API lacks become
 * RegularExpressions (RE2, full match — the dialect of Istio and Envoy Gateway) when the target
 * accepts them; what has no form is returned as `unsupported` and the rule is not written.
 */
import type { LoweredPredicate } from '../../compile/index.js';
import type { GRPCRouteMatch, HeaderMatch, HTTPPathMatch, HTTPQueryParamMatch, HTTPRouteMatch } from './objects.js';
import type { WriterCapabilities } from './capabilities.js';
import type { FlatRule } from './flatten.js';
import { complementRegex } from '../../regex/complement.js';
import { exactRegex, integerRangeRegex, prefixRegex, presentRegex, suffixRegex } from './regex-forms.js';

export type PrefixMode = 'segment' | 'exact';

export interface MatchResult<M> {
  match: M;
  /** Differences the writer knows of (they become checker probes' targets; the checker decides). */
  notes: string[];
  unsupported: string[];
}


/** CRD rules for Exact / PathPrefix values (reference §2 "CEL and schema rules"). */
export function isGatewayPathLiteral(v: string): boolean {
  if (!v.startsWith('/') || v.length > 1024) return false;
  if (/\/\/|\/\.\/|\/\.\.\/|%2f|#/i.test(v) || v.endsWith('/..') || v.endsWith('/.')) return false;
  return /^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/.test(v);
}

export function httpMatchOf(rule: FlatRule, mode: PrefixMode, caps: WriterCapabilities): MatchResult<HTTPRouteMatch> {
  const notes: string[] = [];
  const unsupported: string[] = [];
  const match: HTTPRouteMatch = {};
  const path = pathMatchOf(rule, mode, caps, notes, unsupported);
  if (path !== null) match.path = path;
  const { headers, queryParams } = predicatesOf(rule.predicates, caps, unsupported);
  if (headers.length > 0) match.headers = headers;
  if (queryParams.length > 0) {
    if (!caps.queryParams) unsupported.push('query parameter matches (the target has none)');
    match.queryParams = queryParams;
  }
  if (rule.method !== null) match.method = rule.method;
  if (rule.scheme === 'https') unsupported.push('scheme https: Gateway API cannot match the scheme');
  else if (rule.scheme === 'http') notes.push('scheme http: not matched (Gateway API cannot match the scheme; HTTP listeners only see http)');
  return { match, notes, unsupported };
}

/**
 * gRPC: `/<service>/<method>` exact → method {service, method}; prefix `/<service>/` → {service};
 * no path → every method. Metadata → headers.
 */
export function grpcMatchOf(rule: FlatRule, caps: WriterCapabilities): MatchResult<GRPCRouteMatch> {
  const notes: string[] = [];
  const unsupported: string[] = [];
  const match: GRPCRouteMatch = {};
  const p = rule.path;
  if (p.kind === 'exact') {
    const m = /^\/([^/]+)\/([^/]+)$/.exec(p.value);
    if (m === null) unsupported.push(`gRPC path ${JSON.stringify(p.value)} is not /<service>/<method>`);
    else match.method = { type: 'Exact', service: m[1]!, method: m[2]! };
  } else if (p.kind === 'prefix') {
    const m = /^\/([^/]+)\/$/.exec(p.value);
    if (m === null) unsupported.push(`gRPC path prefix ${JSON.stringify(p.value)} is not /<service>/`);
    else match.method = { type: 'Exact', service: m[1]! };
  } else if (p.kind === 'regex') unsupported.push('gRPC regex path');
  const { headers, queryParams } = predicatesOf(rule.predicates, caps, unsupported);
  if (queryParams.length > 0) unsupported.push('query parameters on a gRPC route');
  if (headers.length > 0) match.headers = headers;
  return { match, notes, unsupported };
}

// ------- internal functions -------

/** Matches only the empty string (Gateway API match values must not be empty). */
const EMPTY_REGEX = '(?:)';

function pathMatchOf(rule: FlatRule, mode: PrefixMode, caps: WriterCapabilities, notes: string[], unsupported: string[]): HTTPPathMatch | null {
  const p = rule.path;
  switch (p.kind) {
    case 'none':
      return null;
    case 'exact':
      if (isGatewayPathLiteral(p.value)) return { type: 'Exact', value: p.value };
      if (caps.regex) return { type: 'RegularExpression', value: exactRegex(p.value) };
      unsupported.push(`exact path ${JSON.stringify(p.value)} is not a valid Gateway API path and the target has no RegularExpression`);
      return null;
    case 'regex':
      if (!caps.regex) unsupported.push(`regex path ${JSON.stringify(p.value)} (the target has no RegularExpression)`);
      return { type: 'RegularExpression', value: p.value };
    case 'prefix': {
      const literal = isGatewayPathLiteral(p.value);
      if (p.value === '/') return { type: 'PathPrefix', value: '/' };
      // ReplacePrefixMatch is only valid with a PathPrefix match (CEL), whatever the mode.
      const mustBePrefix = rule.rewrite.kind === 'prefix' && caps.urlRewrite;
      if ((mode === 'exact' && !mustBePrefix) || !literal) {
        if (caps.regex && !mustBePrefix) return { type: 'RegularExpression', value: prefixRegex(p.value) };
        if (!literal) {
          unsupported.push(`prefix ${JSON.stringify(p.value)} is not a valid Gateway API path${mustBePrefix ? ' and the rewrite needs a PathPrefix' : ' and the target has no RegularExpression'}`);
          return null;
        }
        notes.push(mustBePrefix ? `prefix ${p.value}: PathPrefix (ReplacePrefixMatch requires it), segment-wise unlike App Mesh's plain prefix` : `prefix ${p.value}: PathPrefix (the target has no RegularExpression), segment-wise unlike App Mesh's plain prefix`);
      } else notes.push(`prefix ${p.value}: PathPrefix is segment-wise; App Mesh's prefix is a plain string prefix`);
      return { type: 'PathPrefix', value: p.value };
    }
  }
}

function predicatesOf(predicates: readonly LoweredPredicate[], caps: WriterCapabilities, unsupported: string[]): { headers: HeaderMatch[]; queryParams: HTTPQueryParamMatch[] } {
  const headers: HeaderMatch[] = [];
  const queryParams: HTTPQueryParamMatch[] = [];
  const seenHeaders = new Map<string, string>();
  const seenQuery = new Map<string, string>();
  for (const p of predicates) {
    if (p.kind === 'query') {
      // Gateway API values are 1+ characters: an empty exact value is the regex matching only "".
      const q: HTTPQueryParamMatch = p.op === 'exact' && p.value !== '' ? { type: 'Exact', name: p.name, value: p.value } : { type: 'RegularExpression', name: p.name, value: p.op === 'exact' ? EMPTY_REGEX : presentRegex() };
      if (q.type === 'RegularExpression' && !caps.regex) unsupported.push(`query parameter ${p.name} ${p.op === 'exact' ? 'empty' : 'present'} (needs RegularExpression)`);
      if (!addOnce(seenQuery, p.name, q, queryParams)) unsupported.push(`two different criteria on query parameter ${p.name} (Gateway API counts only the first)`);
      continue;
    }
    const h = headerOf(p, caps, unsupported);
    if (h !== null && !addOnce(seenHeaders, p.name.toLowerCase(), h, headers)) unsupported.push(`two different criteria on header ${p.name} (Gateway API counts only the first)`);
  }
  if (caps.maxHeaders !== null && headers.length > caps.maxHeaders) unsupported.push(`${headers.length} header matches (the target allows ${caps.maxHeaders})`);
  if (headers.length > 16 || queryParams.length > 16) unsupported.push('more than 16 header or query matches (CRD limit)');
  return { headers, queryParams };
}

function addOnce<T extends { name: string }>(seen: Map<string, string>, key: string, item: T, into: T[]): boolean {
  const text = JSON.stringify(item);
  const before = seen.get(key);
  if (before === undefined) {
    seen.set(key, text);
    into.push(item);
    return true;
  }
  return before === text;
}

function headerOf(p: Extract<LoweredPredicate, { kind: 'header' }>, caps: WriterCapabilities, unsupported: string[]): HeaderMatch | null {
  const name = p.name;
  if (p.op === 'exact' && p.value !== '' && !p.invert) return { type: 'Exact', name, value: p.value };
  let value: string;
  switch (p.op) {
    case 'exact': value = p.value === '' ? EMPTY_REGEX : exactRegex(p.value); break;
    case 'prefix': value = prefixRegex(p.value); break;
    case 'suffix': value = suffixRegex(p.value); break;
    case 'regex': value = p.value; break;
    case 'present':
      // Inverted presence is the header's absence: Gateway API can only match headers that are there.
      if (p.invert) {
        unsupported.push(`header ${name} absent (inverted present match): Gateway API cannot match a missing header`);
        return null;
      }
      value = presentRegex();
      break;
    case 'range': {
      const re = integerRangeRegex(p.start, p.end);
      if (re === null) {
        unsupported.push(`range match on header ${name} [${p.start}, ${p.end}) is empty`);
        return null;
      }
      value = re;
      break;
    }
  }
  if (!caps.regex) {
    unsupported.push(`${p.invert ? 'inverted ' : ''}${p.op} match on header ${name} (needs RegularExpression; the target has none)`);
    return null;
  }
  if (p.invert) {
    // App Mesh: an inverted matcher holds for a present header whose value the matcher rejects —
    // the complement language, which RE2 cannot say with look-ahead but can as a plain regex.
    const c = complementRegex(value);
    if (!c.ok) {
      unsupported.push(`inverted ${p.op} match on header ${name}: ${c.message}`);
      return null;
    }
    value = c.pattern === '' ? EMPTY_REGEX : c.pattern;
  }
  return { type: 'RegularExpression', name, value };
}

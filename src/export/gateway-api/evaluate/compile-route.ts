/**
 * HTTPRoute / GRPCRoute → CompiledRoute: the spec's defaults applied (an omitted `matches` is one
 * PathPrefix '/' match; an omitted path is PathPrefix '/'; duplicate header / query names keep the
 * first entry), regexes compiled with meshroute's RE2 engine (full match, as Envoy's safe_regex),
 * and the checks whose failure means the route would not be accepted.
 */
import { compileRegex, type CompiledRegex } from '../../../regex/index.js';
import type { GRPCRoute, GRPCRouteMatch, HeaderMatch, HTTPQueryParamMatch, HTTPRoute, HTTPRouteMatch, HTTPRouteRule, GRPCRouteRule } from '../objects.js';
import type { CompiledRoute, GrpcMatch, HttpMatch, Rule, ValueMatch } from './compiled.js';
import { parseDuration } from './duration.js';
import type { GatewayApiObjectProblem } from './types.js';

type Problems = GatewayApiObjectProblem[];

/** null when the route would not be accepted (the reasons are pushed to `problems`). */
export function compileRoute(route: HTTPRoute | GRPCRoute, problems: Problems): CompiledRoute | null {
  const namespace = route.metadata.namespace ?? 'default';
  const where = `${route.kind}/${namespace}/${route.metadata.name}`;
  const before = problems.length;
  for (const h of route.spec.hostnames ?? []) if (!HOSTNAME.test(h) || h.length > 253) problems.push({ code: 'INVALID_HOSTNAME', where: `${where} hostnames`, message: `${JSON.stringify(h)} is not a lowercase RFC 1123 hostname with an optional leading "*." ([HR] Hostname)` });
  const rules = (route.spec.rules ?? [{}]).map((rule, i) =>
    route.kind === 'HTTPRoute' ? compileHttpRule(rule as HTTPRouteRule, i, `${where} rule ${i}`, problems) : compileGrpcRule(rule as GRPCRouteRule, i, `${where} rule ${i}`, problems),
  );
  if (problems.length > before) {
    problems.push({ code: 'ROUTE_NOT_ACCEPTED', where, message: 'left out: the problems above would make the route Accepted=False' });
    return null;
  }
  const created = route.metadata.creationTimestamp === undefined ? Number.NaN : Date.parse(route.metadata.creationTimestamp);
  return {
    ref: { kind: route.kind, namespace, name: route.metadata.name },
    createdAt: Number.isNaN(created) ? Number.POSITIVE_INFINITY : created,
    parentRefs: route.spec.parentRefs ?? [],
    hostnames: route.spec.hostnames,
    rules,
  };
}

function compileHttpRule(rule: HTTPRouteRule, index: number, where: string, problems: Problems): Rule {
  const matches: HTTPRouteMatch[] = rule.matches === undefined || rule.matches.length === 0 ? [{}] : rule.matches;
  const http = matches.map((m, j) => compileHttpMatch(m, j, `${where} match ${j}`, problems));
  checkReplacePrefixMatch(rule, http, where, problems);
  return {
    index,
    name: rule.name ?? null,
    http,
    grpc: null,
    filters: rule.filters ?? [],
    backendRefs: rule.backendRefs ?? [],
    timeouts: {
      requestMs: duration(rule.timeouts?.request, `${where} timeouts.request`, problems),
      backendRequestMs: duration(rule.timeouts?.backendRequest, `${where} timeouts.backendRequest`, problems),
    },
    retry:
      rule.retry === undefined
        ? null
        : { attempts: rule.retry.attempts ?? null, codes: rule.retry.codes ?? [], backoffMs: duration(rule.retry.backoff, `${where} retry.backoff`, problems) },
  };
}

function compileGrpcRule(rule: GRPCRouteRule, index: number, where: string, problems: Problems): Rule {
  const matches: GRPCRouteMatch[] = rule.matches === undefined || rule.matches.length === 0 ? [{}] : rule.matches;
  return {
    index,
    name: rule.name ?? null,
    http: null,
    grpc: matches.map((m, j) => compileGrpcMatch(m, j, `${where} match ${j}`, problems)),
    filters: rule.filters ?? [],
    backendRefs: rule.backendRefs ?? [],
    timeouts: { requestMs: null, backendRequestMs: null }, // GRPCRoute has no timeouts field
    retry: null, // nor retry
  };
}

function compileHttpMatch(m: HTTPRouteMatch, index: number, where: string, problems: Problems): HttpMatch {
  const pathType = m.path?.type ?? 'PathPrefix';
  const pathValue = m.path?.value ?? '/';
  if (pathType !== 'RegularExpression') {
    const why = invalidPathValue(pathValue);
    if (why !== null) problems.push({ code: 'INVALID_PATH', where: `${where} path`, message: `${pathType} ${JSON.stringify(pathValue)} ${why} (CRD CEL rules on HTTPPathMatch)` });
  }
  return {
    index,
    pathType,
    pathValue,
    pathRegex: pathType === 'RegularExpression' ? regex(pathValue, `${where} path`, problems) : null,
    method: m.method ?? null,
    headers: valueMatches(m.headers ?? [], true, `${where} header`, problems),
    query: valueMatches(m.queryParams ?? [], false, `${where} queryParam`, problems),
  };
}

function compileGrpcMatch(m: GRPCRouteMatch, index: number, where: string, problems: Problems): GrpcMatch {
  const type = m.method?.type ?? 'Exact';
  const service = m.method?.service ?? null;
  const method = m.method?.method ?? null;
  const re = (v: string | null, field: string): CompiledRegex | null => (type === 'RegularExpression' && v !== null ? regex(v, `${where} ${field}`, problems) : null);
  return {
    index,
    type,
    service,
    method,
    serviceRegex: re(service, 'method.service'),
    methodRegex: re(method, 'method.method'),
    headers: valueMatches(m.headers ?? [], true, `${where} header`, problems),
  };
}

/** Duplicate names: "only the first entry with that name MUST be considered" ([HR] HTTPHeaderMatch, HTTPQueryParamMatch). */
function valueMatches(list: readonly (HeaderMatch | HTTPQueryParamMatch)[], caseInsensitiveName: boolean, where: string, problems: Problems): ValueMatch[] {
  const out: ValueMatch[] = [];
  for (const h of list) {
    const name = caseInsensitiveName ? h.name.toLowerCase() : h.name;
    if (out.some((x) => x.name === name)) continue;
    const type = h.type ?? 'Exact';
    out.push({ name, type, value: h.value, regex: type === 'RegularExpression' ? regex(h.value, `${where} ${h.name}`, problems) : null });
  }
  return out;
}

/** [ST] Hostname: lowercase RFC 1123 labels, `*.` only as the whole first label (IPs are not told apart here). */
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** CRD CEL rules on Exact / PathPrefix values ([HR] HTTPPathMatch): why the API server rejects `value`, or null. */
export function invalidPathValue(value: string): string | null {
  if (!value.startsWith('/')) return 'must be an absolute path';
  if (value.length > 1024) return 'is longer than 1024 characters';
  if (/\/\/|\/\.\/|\/\.\.\/|%2f|%2F|#/.test(value) || /\/\.\.?$/.test(value)) return "must not contain '//', '/./', '/../', '%2f', '%2F' or '#', nor end with '/..' or '/.'";
  if (!/^(?:[-A-Za-z0-9/._~!$&'()*+,;=:@]|%[0-9a-fA-F]{2})+$/.test(value)) return "may only contain the characters [-A-Za-z0-9/._~!$&'()*+,;=:@] and %XX escapes";
  return null;
}

function regex(pattern: string, where: string, problems: Problems): CompiledRegex | null {
  try {
    return compileRegex(pattern);
  } catch (e) {
    problems.push({ code: 'INVALID_REGEX', where, message: `not an RE2 pattern the engine accepts: ${(e as Error).message}` });
    return null;
  }
}

function duration(text: string | undefined, where: string, problems: Problems): number | null {
  if (text === undefined) return null;
  const ms = parseDuration(text);
  if (ms === null) problems.push({ code: 'INVALID_DURATION', where, message: `${JSON.stringify(text)} is not a GEP-2257 duration` });
  return ms;
}

/** CEL on HTTPRouteRule: ReplacePrefixMatch needs exactly one match, and it must be PathPrefix. */
function checkReplacePrefixMatch(rule: HTTPRouteRule, matches: readonly HttpMatch[], where: string, problems: Problems): void {
  const filters = [...(rule.filters ?? []), ...(rule.backendRefs ?? []).flatMap((b) => b.filters ?? [])];
  const uses = filters.some(
    (f) =>
      (f.type === 'URLRewrite' && f.urlRewrite.path?.type === 'ReplacePrefixMatch') ||
      (f.type === 'RequestRedirect' && f.requestRedirect.path?.type === 'ReplacePrefixMatch'),
  );
  // Checked after defaulting, as the API server does: an omitted `matches` / `path` is PathPrefix '/'.
  if (uses && (matches.length !== 1 || matches[0]!.pathType !== 'PathPrefix')) {
    problems.push({ code: 'REPLACE_PREFIX_WITHOUT_PATH_PREFIX', where, message: 'ReplacePrefixMatch needs exactly one match with a PathPrefix path (CRD CEL rule)' });
  }
}

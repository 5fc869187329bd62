/**
 * Rules on match blocks shared by gateway routes and routes: headers / metadata, query parameters,
 * prefixes. Which apply depends on the dialect (docs/errors.md, "Which layer"): the Kubernetes
 * admission webhook (`webhooks/appmesh/*_validator.go`) is stricter than the App Mesh API.
 */

import { list, rec, str } from '../convert/spec.js';
import type { RuleContext } from './context.js';

/**
 * K8s webhook header checks, with the webhook's own quirk kept: `validateHTTPHeadersIfAny` returns
 * after the first header that has a `range`, so later headers go unchecked by it. A range that can
 * never match is still reported (as a warning) wherever the webhook let it through.
 */
export function checkHeaderRanges(ctx: RuleContext, headers: unknown, path: string, webhook: boolean): void {
  let webhookChecking = webhook;
  list(headers).forEach((h, i) => {
    const range = rec(rec(rec(h)?.match)?.range);
    if (!range || typeof range.start !== 'number' || typeof range.end !== 'number') return;
    const at = `${path}/${i}/match/range`;
    if (range.start >= range.end) {
      if (webhookChecking) ctx.report('error', 'RANGE_ORDER', at, `range end has to be greater than start (start ${range.start}, end ${range.end})`);
      else ctx.report('warning', 'RANGE_EMPTY', at, `range [${range.start}, ${range.end}) is empty: this header match can never hold`);
    }
    if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end)) {
      ctx.report('error', 'RANGE_UNSAFE_INTEGER', at, 'range bounds beyond ±2^53 cannot be represented exactly by meshroute');
    }
    webhookChecking = false; // the webhook's early return
  });
}

/** Header / metadata `match: {}` has no method: the API union needs exactly one (webhook: "don't specify match block if you don't need it"). */
export function checkHeaderMatchPresent(ctx: RuleContext, headers: unknown, path: string): void {
  list(headers).forEach((h, i) => {
    const match = rec(h)?.match;
    if (match === undefined || match === null) return;
    const m = rec(match);
    const methods = m ? ['exact', 'prefix', 'suffix', 'regex', 'range'].filter((k) => m[k] !== undefined) : [];
    if (methods.length !== 1) {
      ctx.report('error', 'HEADER_MATCH_ONE_OF', `${path}/${i}/match`,
        methods.length === 0 ? 'a header match block must set exactly one of exact, prefix, suffix, regex, range (omit match to test presence)' : `a header match block must set exactly one method, found ${methods.join(', ')}`);
    }
  });
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A non-ASCII header / metadata name: the App Mesh API accepts it (a 1–50 character string, no
 * pattern), but no request reaching Envoy carries one — header names are ASCII tokens (RFC 9110
 * §5.1), which Envoy's HTTP/1 parser and nghttp2 enforce — so the criterion never holds there.
 * A warning, not an error: App Mesh took the resource. The case rule is docs/precedence.md § 4.
 */
export function checkAsciiHeaderNames(ctx: RuleContext, headers: unknown, path: string, what: 'header' | 'metadata'): void {
  list(headers).forEach((h, i) => {
    const name = str(rec(h)?.name);
    if (name === null || !NON_ASCII.test(name)) return;
    ctx.report('warning', 'NAME_NOT_ASCII', `${path}/${i}/name`, `${what} name ${JSON.stringify(name)} is not ASCII: Envoy never routes such requests`);
  });
}

/**
 * A non-ASCII hostname: Envoy answers 400 (`http.invalid_authority`) to a Host that is not a valid
 * RFC 3986 authority (Http::HeaderUtility::requestHeadersValid → nghttp2_check_authority, ASCII only)
 * before any route is chosen; clients send internationalized names in their `xn--` (punycode) form.
 */
export function checkAsciiHostname(ctx: RuleContext, host: string, path: string): void {
  if (NON_ASCII.test(host)) ctx.report('warning', 'NAME_NOT_ASCII', path, `hostname ${JSON.stringify(host)} is not ASCII: Envoy answers 400 to such a Host; write its xn-- form`);
}

/** K8s webhook: a query parameter with a `match` block must give `match.exact`. */
export function checkQueryParameters(ctx: RuleContext, params: unknown, path: string): void {
  list(params).forEach((q, i) => {
    const match = rec(q)?.match;
    if (match === undefined || match === null) return;
    if (str(rec(match)?.exact) === null) ctx.report('error', 'QUERY_MATCH_EXACT_REQUIRED', `${path}/${i}/match`, 'queryParameters match must set exact (omit match to test presence)');
  });
}

export function checkPrefixSlash(ctx: RuleContext, prefix: unknown, path: string): void {
  if (typeof prefix === 'string' && !prefix.startsWith('/')) ctx.report('error', 'PREFIX_SLASH', path, `prefix ${JSON.stringify(prefix)} must start with /`);
}

export function checkExactPathSlash(ctx: RuleContext, exact: unknown, path: string): void {
  if (typeof exact === 'string' && !exact.startsWith('/')) ctx.report('warning', 'PATH_EXACT_SLASH', path, `exact path ${JSON.stringify(exact)} does not start with / and can never match a request path`);
}

/** HttpPathMatch: exactly one of exact / regex. */
export function checkPathOneOf(ctx: RuleContext, path: unknown, at: string): void {
  const p = rec(path);
  if (!p) return;
  const set = ['exact', 'regex'].filter((k) => p[k] !== undefined);
  if (set.length !== 1) ctx.report('error', 'PATH_ONE_OF', at, set.length === 0 ? 'path must set exactly one of exact or regex' : 'path must set only one of exact or regex, not both');
}

/**
 * Small building blocks: names, paths, header / query / hostname matches. Every value they produce
 * is valid under both the App Mesh API and the Kubernetes admission webhook, and draws no warning.
 */
import fc from 'fast-check';

/** A JSON object as the manifests hold it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A short RFC 1123 label (`[a-z][a-z0-9]{0,7}`), usable in K8s names, App Mesh names and path segments. */
export function dnsLabelArbitrary(): fc.Arbitrary<string> {
  return wordArbitrary(LOWER, LOWER + DIGITS, 7);
}

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';

/**
 * A word: one character of `first`, then up to `maxRest` of `rest`. (Built from constantFrom
 * rather than fc.stringMatching, which is orders of magnitude slower.)
 */
export function wordArbitrary(first: string, rest: string, maxRest: number): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...first), fc.array(fc.constantFrom(...rest), { maxLength: maxRest }))
    .map(([a, b]) => a + b.join(''));
}

/** An identifier starting with an upper-case letter (`[A-Z][A-Za-z0-9]{0,max}`): gRPC service and method names. */
export function pascalNameArbitrary(max = 9): fc.Arbitrary<string> {
  return wordArbitrary(UPPER, LOWER + UPPER + DIGITS, max);
}

/** One path segment (never `aws-appmesh…`, which App Mesh reserves). */
export function pathSegmentArbitrary(): fc.Arbitrary<string> {
  return wordArbitrary(LOWER + DIGITS, LOWER + DIGITS + '._-', 9).filter((s) => !/^aws-app-?mesh/.test(s));
}

/** A gateway-route or route match prefix: `/`, `/a`, `/a/b`, optionally with a trailing `/`. */
export function pathPrefixArbitrary(): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(pathSegmentArbitrary(), { minLength: 0, maxLength: 3 }), fc.boolean())
    .map(([segments, trailing]) => (segments.length === 0 ? '/' : '/' + segments.join('/') + (trailing ? '/' : '')));
}

/** An absolute path for `path.exact` and `rewrite.path.exact`. */
export function exactPathArbitrary(): fc.Arbitrary<string> {
  return fc.array(pathSegmentArbitrary(), { minLength: 1, maxLength: 3 }).map((s) => '/' + s.join('/'));
}

/** RE2 patterns every engine accepts (full-match semantics; no look-around, no back-references). */
export const SAFE_PATH_REGEXES = ['/api/[a-z]+', '/v[0-9]+/.*', '/items/[0-9]{1,4}', '/(red|blue)/tell', '/[^/]+/health'] as const;
export const SAFE_VALUE_REGEXES = ['[a-z]+', '.*green.*', 'v[0-9]+', '(alpha|beta)', 'ios|android'] as const;

/** `{exact}` or `{suffix}` hostname match. */
export function hostnameMatchArbitrary(): fc.Arbitrary<JsonObject> {
  return fc.oneof(
    fc.tuple(dnsLabelArbitrary(), dnsLabelArbitrary()).map(([a, b]): JsonObject => ({ exact: `${a}.${b}.example.com` })),
    dnsLabelArbitrary().map((a): JsonObject => ({ suffix: `.${a}.example.com` })),
  );
}

/** A header (or gRPC metadata) match method: exactly one of exact, prefix, suffix, regex, range (start < end). */
export function headerMatchMethodArbitrary(): fc.Arbitrary<JsonObject> {
  return fc.oneof(
    dnsLabelArbitrary().map((v): JsonObject => ({ exact: v })),
    dnsLabelArbitrary().map((v): JsonObject => ({ prefix: v })),
    dnsLabelArbitrary().map((v): JsonObject => ({ suffix: v })),
    fc.constantFrom(...SAFE_VALUE_REGEXES).map((v): JsonObject => ({ regex: v })),
    fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 1, max: 100000 })).map(([start, len]): JsonObject => ({ range: { start, end: start + len } })),
  );
}

/** A header / metadata criterion `{name, invert?, match?}` (no `match`: "present"). */
export function headerMatchArbitrary(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      name: dnsLabelArbitrary().map((n) => `x-${n}`),
      invert: fc.option(fc.boolean(), { nil: undefined }),
      match: fc.option(headerMatchMethodArbitrary(), { nil: undefined }),
    })
    .map((h) => compact(h));
}

/** 1..`max` headers with distinct names. */
export function headersArbitrary(max = 3): fc.Arbitrary<JsonObject[]> {
  return fc.uniqueArray(headerMatchArbitrary(), { minLength: 1, maxLength: max, selector: (h) => h.name });
}

/** 1..`max` query parameters with distinct names; a `match` always carries `exact` (the webhook requires it). */
export function queryParametersArbitrary(max = 2): fc.Arbitrary<JsonObject[]> {
  return fc.uniqueArray(
    fc.record({ name: dnsLabelArbitrary(), match: fc.option(dnsLabelArbitrary().map((exact) => ({ exact })), { nil: undefined }) }).map((q) => compact(q)),
    { minLength: 1, maxLength: max, selector: (q) => q.name },
  );
}

export const HTTP_METHOD_VALUES = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'] as const;

/** `{unit, value}` durations (both fields set: the CRD requires both). */
export function durationArbitrary(): fc.Arbitrary<JsonObject> {
  return fc.record({ unit: fc.constantFrom('s', 'ms'), value: fc.integer({ min: 0, max: 120000 }) });
}

/** Drops `undefined` members, so optional fields are absent rather than undefined. */
export function compact<T extends Record<string, unknown>>(o: T): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v as Json;
  return out;
}

/**
 * RE2 full-match regexes for the App Mesh matchers Gateway API lacks (issue 16: prefix, suffix,
 * present, range; invert is complementRegex in src/regex/complement.ts). Each function returns a
 * pattern whose language is exactly the set of values the App Mesh matcher accepts, for RE2 full
 * matching as Envoy's safe_regex does (shared/reference/gateway-api.md §2 regex dialect).
 * `(?s:.)` stands for any character: header values may hold any character the parser let through,
 * and the language must be equal on every string, not only on printable ones.
 */
import { quoteRegex } from '../../regex/quote.js';

const ANY = '(?s:.*)';

/** `value.startsWith(prefix)`. */
export function prefixRegex(prefix: string): string {
  return `${quoteRegex(prefix)}${ANY}`;
}

/** `value.endsWith(suffix)`. */
export function suffixRegex(suffix: string): string {
  return `${ANY}${quoteRegex(suffix)}`;
}

/** `value === exact`. */
export function exactRegex(exact: string): string {
  return quoteRegex(exact);
}

/** Presence: any value, the empty one included. */
export function presentRegex(): string {
  return ANY;
}

/** ASCII whitespace as absl::SimpleAtoi skips it (RE2's `\s` lacks \v, so it is spelled out). */
const WS = '[\\t-\\r ]*';

/**
 * The values App Mesh's header `range` {start, end} accepts: Envoy parses the value with
 * absl::SimpleAtoi into int64 — optional ASCII whitespace around, an optional sign, decimal digits
 * (leading zeros allowed) — and matches start ≤ v < end (shared/reference/appmesh-semantics.md §7,
 * range; meshroute's evaluator: src/evaluate/request.ts parseInt64). Values outside int64 never
 * match, and [start, end) lies inside int64, so the language is: whitespace, a signed decimal
 * spelling of an integer in [start, end), whitespace. null when the range is empty (end ≤ start).
 */
export function integerRangeRegex(start: bigint, end: bigint): string | null {
  const last = end - 1n;
  if (last < start) return null;
  const alternatives: string[] = [];
  if (start < 0n) {
    const magnitudes = decimalRangeRegex(last < -1n ? -last : 1n, -start); // -1 … -|start|
    if (magnitudes !== null) alternatives.push(`-0*${magnitudes}`);
  }
  if (start <= 0n && last >= 0n) alternatives.push('[+-]?0+');
  if (last >= 1n) {
    const positives = decimalRangeRegex(start > 1n ? start : 1n, last);
    if (positives !== null) alternatives.push(`\\+?0*${positives}`);
  }
  const body = alternatives.length === 1 ? alternatives[0]! : `(?:${alternatives.join('|')})`;
  return `${WS}${body}${WS}`;
}

/**
 * Canonical decimal spellings (no sign, no leading zero) of the integers in [lo, hi], 1 ≤ lo:
 * split by digit count, then each equal-length range into prefix + [a-b] + [0-9]{k} blocks.
 */
export function decimalRangeRegex(lo: bigint, hi: bigint): string | null {
  if (lo < 1n || hi < lo) return null;
  const parts: string[] = [];
  let fullRun: [number, number] | null = null; // digit counts whose whole range is inside [lo, hi]
  const flush = (): void => {
    if (fullRun !== null) parts.push(`[1-9]${repeatDigits(fullRun[0] - 1, fullRun[1] - 1)}`);
    fullRun = null;
  };
  for (let digits = lo.toString().length; digits <= hi.toString().length; digits++) {
    const first = 10n ** BigInt(digits - 1);
    const from = bigMax(lo, first);
    const to = bigMin(hi, first * 10n - 1n);
    if (from === first && to === first * 10n - 1n) {
      fullRun = fullRun === null ? [digits, digits] : [fullRun[0], digits];
      continue;
    }
    flush();
    parts.push(...sameLength(from.toString(), to.toString()));
  }
  flush();
  return parts.length === 1 ? parts[0]! : `(?:${parts.join('|')})`;
}

/** `[0-9]` repeated min..max times. */
function repeatDigits(min: number, max: number): string {
  if (max === 0) return '';
  if (min === max) return anyDigits(min);
  return `[0-9]{${min},${max}}`;
}

/** Patterns for the digit strings in [a, b], a and b of equal length, a ≤ b. */
function sameLength(a: string, b: string): string[] {
  if (a === b) return [a];
  if (a.length === 1) return [digitClass(a, b)];
  if (a[0] === b[0]) return sameLength(a.slice(1), b.slice(1)).map((p) => a[0] + p);
  const rest = a.length - 1;
  const aTail = a.slice(1);
  const bTail = b.slice(1);
  const lowFull = /^0*$/.test(aTail);
  const highFull = /^9*$/.test(bTail);
  const out: string[] = [];
  if (!lowFull) out.push(...sameLength(aTail, '9'.repeat(rest)).map((p) => a[0] + p));
  const midLo = Number(a[0]) + (lowFull ? 0 : 1);
  const midHi = Number(b[0]) - (highFull ? 0 : 1);
  if (midLo <= midHi) out.push(`${digitClass(String(midLo), String(midHi))}${anyDigits(rest)}`);
  if (!highFull) out.push(...sameLength('0'.repeat(rest), bTail).map((p) => b[0] + p));
  return out;
}

function digitClass(a: string, b: string): string {
  if (a === b) return a;
  if (a === '0' && b === '9') return '[0-9]';
  return Number(b) === Number(a) + 1 ? `[${a}${b}]` : `[${a}-${b}]`;
}

function anyDigits(n: number): string {
  return n === 0 ? '' : n === 1 ? '[0-9]' : `[0-9]{${n}}`;
}

function bigMax(a: bigint, b: bigint): bigint {
  return a > b ? a : b;
}

function bigMin(a: bigint, b: bigint): bigint {
  return a < b ? a : b;
}

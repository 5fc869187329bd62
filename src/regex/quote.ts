/**
 * RE2 source text for literal strings and code point sets: the printing half of the regex tools
 * that generate patterns (src/export/gateway-api/regex-forms.ts, complement.ts). Output is plain
 * RE2 syntax any RE2 (Envoy's safe_regex, Go regexp) accepts: metacharacters escaped with `\`,
 * characters outside printable ASCII written as `\x{…}` so the pattern survives YAML and logs.
 */
import { MAX_RUNE, negateRanges, subtractRange, unionRanges } from './charset.js';

const META = new Set('\\.+*?()|[]{}^$');
const CLASS_META = new Set('\\]^-[');

/** A pattern matching exactly `text` (RE2 QuoteMeta, plus `\x{…}` for non-printable characters). */
export function quoteRegex(text: string): string {
  let out = '';
  for (const ch of text) out += literal(ch.codePointAt(0)!, META);
  return out;
}

function literal(c: number, meta: Set<string>): string {
  if (c >= 0x20 && c < 0x7f) {
    const ch = String.fromCharCode(c);
    return meta.has(ch) ? `\\${ch}` : ch;
  }
  return `\\x{${c.toString(16)}}`;
}

const SURROGATES: readonly number[] = [0xd800, 0xdfff];

/**
 * A pattern matching one character of the canonical set `ranges` ([lo0, hi0, lo1, hi1, …]).
 * Surrogates never occur in matched text (they are U+FFFD after encoding), so a set is printed
 * in whichever form — positive, negated, `(?s:.)`, or the empty class — is shortest once
 * surrogates are treated as don't-care.
 */
export function printSet(ranges: readonly number[]): string {
  const withSurrogates = unionRanges(ranges, SURROGATES);
  if (withSurrogates.length === 2 && withSurrogates[0] === 0 && withSurrogates[1] === MAX_RUNE) return '(?s:.)';
  const plain = subtractRange(ranges, 0xd800, 0xdfff);
  if (plain.length === 0) return '[^\\x00-\\x{10ffff}]';
  if (plain.length === 2 && plain[0] === plain[1]) return literal(plain[0]!, META);
  const negated = negateRanges(withSurrogates);
  const positive = `[${classBody(plain)}]`;
  const negative = `[^${classBody(negated)}]`;
  return negative.length < positive.length ? negative : positive;
}

function classBody(ranges: readonly number[]): string {
  let out = '';
  for (let i = 0; i < ranges.length; i += 2) {
    const lo = ranges[i]!;
    const hi = ranges[i + 1]!;
    out += literal(lo, CLASS_META);
    if (hi > lo) out += `${hi > lo + 1 ? '-' : ''}${literal(hi, CLASS_META)}`;
  }
  return out;
}

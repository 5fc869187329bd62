/**
 * The literal prefix every match of a regex path must start with, so regex routes can sit in the
 * path trie behind it instead of being tried on every request (their regex is still checked).
 * Conservative: the run of plain characters at the start of the pattern, minus the last one if a
 * quantifier follows it; '' when the pattern has a top-level alternation or starts with anything
 * else (`^`, `(`, `[`, `\`, `.`). Full match (RE2, anchored) makes the prefix necessary.
 */

/** Characters with a meaning in RE2 syntax (any one code point is tested against these strings). */
const META = '\\.+*?()|[]{}^$';
const OPTIONAL_QUANTIFIERS = '*?{';

export function regexLiteralPrefix(pattern: string): string {
  if (hasTopLevelAlternation(pattern)) return '';
  const chars = [...pattern];
  let k = 0;
  while (k < chars.length && !META.includes(chars[k]!)) k++;
  if (k < chars.length && OPTIONAL_QUANTIFIERS.includes(chars[k]!)) k--;
  return k <= 0 ? '' : chars.slice(0, k).join('');
}

function hasTopLevelAlternation(p: string): boolean {
  let depth = 0;
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') { i++; continue; }
    if (inClass) { if (c === ']') inClass = false; continue; }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth <= 0) return true;
  }
  return false;
}

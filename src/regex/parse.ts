/**
 * RE2 syntax → syntax tree (ast.ts). A recursive-descent parser over the pattern's code points that
 * applies flags as it goes (see ast.ts) and rejects exactly what RE2 rejects, with RE2's error
 * kinds and fragments (errors.ts). Offsets are UTF-16 indexes into the pattern.
 */
import { Assertion, EMPTY, Kind, NO_MATCH, UNBOUNDED, type Node } from './ast.js';
import { MAX_RUNE, negateRanges, normalizeRanges } from './charset.js';
import { RegexSyntaxError, type RegexErrorCode } from './errors.js';
import { ASCII_CLASSES, PERL_CLASSES, foldClosure, foldOrbit, unicodeClass } from './unicode.js';

/** RE2's `maximum_repeat_count`: the largest n in `{n}` and, multiplied through nesting, the largest total count. */
export const MAX_REPEAT = 1000;

/**
 * Nesting depth limit for groups and repetitions: keeps the recursive parser and the compiler's
 * recursion far from the JS stack limit; RE2 (`max_depth`) and Go (`maxHeight`) cap it at 1000 too.
 */
export const MAX_NESTING_DEPTH = 1000;

/** Flag bits (a const enum: esbuild inlines the values). */
const enum Flag {
  I = 1, // case-insensitive
  M = 2, // ^ $ match at line boundaries
  S = 4, // . matches \n
  U = 8, // swap greedy and lazy
}

const FLAG_BITS: Readonly<Record<string, number>> = { i: Flag.I, m: Flag.M, s: Flag.S, U: Flag.U };

/**
 * Parses an RE2 pattern; throws RegexSyntaxError. A recursive-descent parser written as closures over
 * the pattern and the read position (not a class: `this.pos` everywhere cost ~0.1 KB of gzipped
 * bundle, docs/bundle-size.md).
 */
export function parseRegex(src: string): Node {
  let pos = 0;
  let captures = 0;
  const names = new Set<string>();
  /** The first repeated group name: reported only if the rest parses, as re2-wasm's RE2 does. */
  let duplicate = null as { offset: number; fragment: string } | null;

  function fail(code: RegexErrorCode, offset: number, fragment: string): never {
    throw new RegexSyntaxError(code, src, offset, fragment);
  }

  /** The code point at `at`, or -1 at the end; a lone surrogate is invalid UTF-8. */
  function runeAt(at: number): number {
    if (at >= src.length) return -1;
    const c = src.codePointAt(at)!;
    if (c >= 0xd800 && c <= 0xdfff) fail('REGEX_BAD_UTF8', at, src.slice(at, at + 1));
    return c;
  }

  function next(): number {
    const c = runeAt(pos);
    pos += c > 0xffff ? 2 : 1;
    return c;
  }

  function peekIs(s: string): boolean {
    return src.startsWith(s, pos);
  }

  /** alternation := concat ('|' concat)* ; stops before ')' or at the end. */
  function parseAlternation(flagsIn: number, depth: number): Node {
    if (depth > MAX_NESTING_DEPTH) fail('REGEX_NESTING_DEPTH', pos, src.slice(pos, pos + 1));
    let flags = flagsIn;
    const alts: Node[] = [];
    let items: Node[] = [];
    let lastRepeatStart = -1; // offset of the repetition operator just parsed, or -1
    while (pos < src.length) {
      const start = pos;
      const c = src.charCodeAt(start);
      const repeatStartBefore = lastRepeatStart;
      lastRepeatStart = -1;
      if (c === 0x29 /* ) */) break;
      if (c === 0x7c /* | */) {
        pos++;
        alts.push(concatOf(items));
        items = [];
        continue;
      }
      if (c === 0x2a || c === 0x2b || c === 0x3f /* * + ? */) {
        pos++;
        const min = c === 0x2b ? 1 : 0;
        const max = c === 0x3f ? 1 : UNBOUNDED;
        applyRepeat(items, flags, start, repeatStartBefore, min, max);
        lastRepeatStart = start;
        continue;
      }
      if (c === 0x7b /* { */) {
        const counted = tryCount();
        if (counted !== null) {
          applyRepeat(items, flags, start, repeatStartBefore, counted[0], counted[1]);
          lastRepeatStart = start;
          continue;
        }
        pos++;
        items.push(literal(0x7b, flags));
        continue;
      }
      if (c === 0x28 /* ( */) {
        const group = parseGroup(flags, depth);
        if (typeof group === 'number') flags = group;
        else items.push(group);
        continue;
      }
      if (c === 0x5b /* [ */) {
        items.push(parseClass(flags));
        continue;
      }
      if (c === 0x5c /* \ */) {
        parseEscapeAtom(items, flags);
        continue;
      }
      pos++;
      if (c === 0x2e /* . */) items.push(set(flags & Flag.S ? [0, MAX_RUNE] : [0, 9, 11, MAX_RUNE]));
      else if (c === 0x5e /* ^ */) items.push(assert(flags & Flag.M ? Assertion.BEGIN_LINE : Assertion.BEGIN_TEXT));
      else if (c === 0x24 /* $ */) items.push(assert(flags & Flag.M ? Assertion.END_LINE : Assertion.END_TEXT));
      else {
        pos = start;
        items.push(literal(next(), flags));
      }
    }
    alts.push(concatOf(items));
    return alts.length === 1 ? alts[0]! : { kind: Kind.Alt, subs: alts };
  }

  /**
   * Applies `* + ? {n,m}` (plus an optional lazy `?`) to the last item, with RE2's checks: no
   * stacked operators (`a**`), counts ≤ MAX_REPEAT also when multiplied through nesting, and an
   * argument to repeat.
   */
  function applyRepeat(items: Node[], flags: number, opStart: number, prevOpStart: number, min: number, max: number): void {
    let greedy = true;
    if (src.charCodeAt(pos) === 0x3f) {
      pos++;
      greedy = false;
    }
    if (flags & Flag.U) greedy = !greedy;
    const counted = src.charCodeAt(opStart) === 0x7b;
    if (prevOpStart >= 0) fail('REGEX_REPEAT_OP', prevOpStart, src.slice(prevOpStart, pos));
    const opText = src.slice(opStart, pos);
    if (counted && (min > MAX_REPEAT || max > MAX_REPEAT || (max !== UNBOUNDED && max < min))) {
      fail('REGEX_REPEAT_SIZE', opStart, opText);
    }
    const sub = items.pop();
    if (sub === undefined) fail('REGEX_REPEAT_ARGUMENT', opStart, opText);
    const node: Node = { kind: Kind.Repeat, sub, min, max, greedy };
    if (counted && repeatProduct(node) > MAX_REPEAT) fail('REGEX_REPEAT_SIZE', opStart, opText);
    items.push(node);
  }

  /**
   * `{n}`, `{n,}` or `{n,m}` at pos → [min, max] and advances; anything else is a literal `{`
   * (null). Like RE2's ParseInteger, a number with a leading zero or more than 9 digits does not
   * count as a number, so `a{01}` is the literal text "a{01}".
   */
  function tryCount(): [number, number] | null {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(src.slice(pos, pos + 40));
    if (m === null || !isCount(m[1]!) || (m[3] !== undefined && m[3] !== '' && !isCount(m[3]))) return null;
    pos += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? UNBOUNDED : Number(m[3]);
    return [min, max];
  }

  /** A group at `(`: returns the new flags for `(?flags)`, otherwise the group's node. */
  function parseGroup(flags: number, depth: number): Node | number {
    const open = pos;
    pos++;
    let name: string | null = null;
    let capture = true;
    let innerFlags = flags;
    if (peekIs('?')) {
      if (peekIs('?P<') || (peekIs('?<') && !peekIs('?<=') && !peekIs('?<!'))) {
        name = parseCaptureName(open);
      } else {
        const parsed = parseFlags(open, flags);
        if (parsed.closed) return parsed.flags;
        innerFlags = parsed.flags;
        capture = false;
      }
    }
    const index = capture ? ++captures : 0;
    const sub = parseAlternation(innerFlags, depth + 1);
    if (src.charCodeAt(pos) !== 0x29) fail('REGEX_MISSING_PAREN', open, src);
    pos++;
    return capture ? { kind: Kind.Capture, sub, index, name } : sub;
  }

  /** `(?P<name>` or `(?<name>`: names are ASCII word characters, unique in the pattern. */
  function parseCaptureName(open: number): string {
    const nameStart = src.indexOf('<', open) + 1;
    const close = src.indexOf('>', nameStart);
    if (close < 0) fail('REGEX_BAD_NAMED_CAPTURE', open, src.slice(open));
    const name = src.slice(nameStart, close);
    if (!/^[A-Za-z0-9_]+$/.test(name)) fail('REGEX_BAD_NAMED_CAPTURE', open, src.slice(open, close + 1));
    if (names.has(name)) duplicate ??= { offset: open, fragment: src.slice(open, close + 1) };
    names.add(name);
    pos = close + 1;
    return name;
  }

  /** `(?flags)` or `(?flags:`; pos is at `?`. Flags are i m s U, optionally negated after one `-`. */
  function parseFlags(open: number, flags: number): { flags: number; closed: boolean } {
    pos++;
    let negated = false;
    let sawFlag = false;
    let out = flags;
    for (;;) {
      if (pos >= src.length) fail('REGEX_BAD_PERL_OP', open, src.slice(open));
      const ch = src[pos]!;
      const c = next();
      const bad = (): never => fail('REGEX_BAD_PERL_OP', open, src.slice(open, pos));
      if (c === 0x3a || c === 0x29) {
        if (negated && !sawFlag) bad();
        return { flags: out, closed: c === 0x29 };
      }
      if (c === 0x2d) {
        if (negated) bad();
        negated = true;
        sawFlag = false;
        continue;
      }
      const bit = Object.hasOwn(FLAG_BITS, ch) ? FLAG_BITS[ch]! : 0;
      if (bit === 0) bad();
      out = negated ? out & ~bit : out | bit;
      sawFlag = true;
    }
  }

  /** An escape outside brackets: assertions, `\C`, `\Q…\E`, classes, or a literal. */
  function parseEscapeAtom(items: Node[], flags: number): void {
    const start = pos;
    const e = src[start + 1];
    if (e !== undefined && Object.hasOwn(ESCAPE_ATOMS, e)) {
      pos += 2;
      items.push(ESCAPE_ATOMS[e]!);
      return;
    }
    if (e === 'Q') {
      pos += 2;
      const end = src.indexOf('\\E', pos);
      const stop = end < 0 ? src.length : end;
      while (pos < stop) items.push(literal(next(), flags));
      if (end >= 0) pos = end + 2;
      return;
    }
    const cls = tryClassEscape(flags);
    if (cls !== null) {
      items.push(set(cls));
      return;
    }
    items.push(literal(parseEscapedRune(), flags));
  }

  /** `\d \s \w \D \S \W \pX \p{Name} \PX \p{^Name}` at pos → folded set, or null if not a class escape. */
  function tryClassEscape(flags: number): number[] | null {
    const start = pos;
    const e = src[start + 1];
    if (e === undefined) return null;
    const lower = e.toLowerCase();
    if ((lower === 'd' || lower === 's' || lower === 'w') && Object.hasOwn(PERL_CLASSES, lower)) {
      pos += 2;
      return signed(foldIf(PERL_CLASSES[lower]!, flags), e !== lower);
    }
    if (e !== 'p' && e !== 'P') return null;
    let negate = e === 'P';
    let name: string;
    let end: number;
    if (src[start + 2] === '{') {
      const close = src.indexOf('}', start + 3);
      if (close < 0) fail('REGEX_BAD_CHAR_RANGE', start, src.slice(start));
      name = src.slice(start + 3, close);
      end = close + 1;
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
    } else {
      if (start + 2 >= src.length) fail('REGEX_BAD_CHAR_RANGE', start, src.slice(start));
      const c = src.codePointAt(start + 2)!;
      name = String.fromCodePoint(c);
      end = start + 2 + name.length;
    }
    const ranges = unicodeClass(name);
    if (ranges === null) fail('REGEX_BAD_CHAR_RANGE', start, src.slice(start, end));
    pos = end;
    return signed(foldIf(ranges, flags), negate);
  }

  /** A single-character escape at pos (`\n`, `\x41`, `\x{…}`, octal, escaped punctuation) → code point. */
  function parseEscapedRune(): number {
    const start = pos;
    if (start + 1 >= src.length) fail('REGEX_TRAILING_BACKSLASH', start, '\\');
    pos++;
    const c = next();
    const badEscape = (): never => fail('REGEX_BAD_ESCAPE', start, src.slice(start, pos));
    if (Object.hasOwn(CONTROL_ESCAPES, c)) return CONTROL_ESCAPES[c]!;
    if (c >= 0x31 && c <= 0x37) {
      // \1-\7 alone would be a back-reference; RE2 reads it as octal only when another octal digit follows.
      if (!isOctal(src.charCodeAt(pos))) badEscape();
      return octal(c);
    }
    if (c === 0x30) return octal(c);
    if (c === 0x78 /* x */) return hexEscape(start);
    if (c < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(c))) return c;
    return badEscape();
  }

  /** Up to two more octal digits after the first (already consumed) digit `first`. */
  function octal(first: number): number {
    let v = first - 0x30;
    for (let k = 0; k < 2 && isOctal(src.charCodeAt(pos)); k++) v = v * 8 + (src.charCodeAt(pos++) - 0x30);
    return v;
  }

  /** `\xHH` or `\x{H…}` (≤ U+10FFFF); pos is after the `x`. */
  function hexEscape(start: number): number {
    const badEscape = (): never => fail('REGEX_BAD_ESCAPE', start, src.slice(start, pos));
    if (src[pos] === '{') {
      pos++;
      let v = 0;
      let digits = 0;
      while (pos < src.length && isHex(src.charCodeAt(pos))) {
        v = v * 16 + parseInt(src[pos]!, 16);
        pos++;
        digits++;
        if (v > MAX_RUNE) badEscape();
      }
      if (digits === 0 || src[pos] !== '}') {
        if (pos < src.length) pos++;
        badEscape();
      }
      pos++;
      return v;
    }
    // Like RE2, look at the next two characters together; on error both are in the fragment.
    const first = runeAt(pos);
    const second = first < 0 ? -1 : runeAt(pos + (first > 0xffff ? 2 : 1));
    for (const c of [first, second]) if (c >= 0) pos += c > 0xffff ? 2 : 1;
    if (!isHex(first) || !isHex(second)) badEscape();
    return parseInt(src.slice(pos - 2, pos), 16);
  }

  /** A bracket expression `[…]`. */
  function parseClass(flags: number): Node {
    const open = pos;
    pos++;
    let negate = false;
    if (src[pos] === '^') {
      negate = true;
      pos++;
    }
    const ranges: number[] = [];
    let first = true;
    while (pos < src.length && (first || src[pos] !== ']')) {
      first = false;
      const itemStart = pos;
      if (peekIs('[:')) {
        const close = src.indexOf(':]', pos + 2);
        if (close >= 0) {
          let name = src.slice(pos + 2, close);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          if (!Object.hasOwn(ASCII_CLASSES, name)) fail('REGEX_BAD_CHAR_RANGE', itemStart, src.slice(itemStart, close + 2));
          pos = close + 2;
          ranges.push(...signed(foldIf(ASCII_CLASSES[name]!, flags), neg));
          continue;
        }
      }
      if (src[pos] === '\\') {
        const cls = tryClassEscape(flags);
        if (cls !== null) {
          ranges.push(...cls);
          continue;
        }
      }
      const lo = classRune();
      let hi = lo;
      if (src[pos] === '-' && pos + 1 < src.length && src[pos + 1] !== ']') {
        pos++;
        hi = classRune();
        if (hi < lo) fail('REGEX_BAD_CHAR_RANGE', itemStart, src.slice(itemStart, pos));
      }
      ranges.push(...foldIf([lo, hi], flags));
    }
    if (pos >= src.length) fail('REGEX_MISSING_BRACKET', open, src.slice(open));
    pos++;
    const canonical = normalizeRanges(ranges);
    return set(negate ? negateRanges(canonical) : canonical);
  }

  /** One character inside brackets: a literal or a single-character escape. */
  function classRune(): number {
    if (src[pos] !== '\\') return next();
    if (pos + 1 >= src.length) fail('REGEX_TRAILING_BACKSLASH', pos, '\\');
    return parseEscapedRune();
  }

  const node = parseAlternation(0, 0);
  if (pos < src.length) fail('REGEX_UNEXPECTED_PAREN', pos, src); // only ')' stops early
  if (duplicate !== null) fail('REGEX_BAD_NAMED_CAPTURE', duplicate.offset, duplicate.fragment);
  return node;
}

/** Escapes that are atoms of their own outside brackets (RE2 rejects them inside). */
const ESCAPE_ATOMS: Readonly<Record<string, Node>> = {
  A: { kind: Kind.Assert, assertion: Assertion.BEGIN_TEXT },
  z: { kind: Kind.Assert, assertion: Assertion.END_TEXT },
  b: { kind: Kind.Assert, assertion: Assertion.WORD_BOUNDARY },
  B: { kind: Kind.Assert, assertion: Assertion.NON_WORD_BOUNDARY },
  C: { kind: Kind.AnyByte },
};

/** `\a \f \t \n \r \v` by the code of their letter. */
const CONTROL_ESCAPES: Readonly<Record<number, number>> = { 0x61: 7, 0x66: 12, 0x74: 9, 0x6e: 10, 0x72: 13, 0x76: 11 };

function isOctal(c: number): boolean {
  return c >= 0x30 && c <= 0x37;
}

function isHex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** RE2's ParseInteger: "0", or up to 9 digits without a leading zero. */
function isCount(digits: string): boolean {
  return /^(?:0|[1-9]\d{0,8})$/.test(digits);
}

function set(ranges: readonly number[]): Node {
  return ranges.length === 0 ? NO_MATCH : { kind: Kind.Set, ranges };
}

function assert(assertion: Assertion): Node {
  return { kind: Kind.Assert, assertion };
}

function literal(c: number, flags: number): Node {
  if (!(flags & Flag.I)) return { kind: Kind.Set, ranges: [c, c] };
  return { kind: Kind.Set, ranges: normalizeRanges(foldOrbit(c).flatMap((d) => [d, d])) };
}

function foldIf(ranges: readonly number[], flags: number): readonly number[] {
  return flags & Flag.I ? foldClosure(ranges) : ranges;
}

/** RE2 folds a class before negating it, so the result stays closed under folding. */
function signed(ranges: readonly number[], negate: boolean): number[] {
  return negate ? negateRanges(normalizeRanges([...ranges])) : [...ranges];
}

function concatOf(items: Node[]): Node {
  if (items.length === 0) return EMPTY;
  return items.length === 1 ? items[0]! : { kind: Kind.Concat, subs: items };
}

/**
 * The largest product of counted-repetition bounds along any path from `node` down (a bound is
 * `max`, or `min` when unbounded; 0 counts as 1, so `* + ?` never add to it). RE2 rejects
 * `(a{100}){11}` because the product exceeds MAX_REPEAT.
 */
function repeatProduct(node: Node): number {
  switch (node.kind) {
    case Kind.Repeat: {
      const bound = node.max === UNBOUNDED ? node.min : node.max;
      return (bound > 0 ? bound : 1) * repeatProduct(node.sub);
    }
    case Kind.Capture:
      return repeatProduct(node.sub);
    case Kind.Concat:
    case Kind.Alt: {
      let most = 1;
      for (const sub of node.subs) most = Math.max(most, repeatProduct(sub));
      return most;
    }
    default:
      return 1;
  }
}

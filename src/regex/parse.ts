/**
 * RE2 syntax → syntax tree (ast.ts). A recursive-descent parser over the pattern's code points that
 * applies flags as it goes (see ast.ts) and rejects exactly what RE2 rejects, with RE2's error
 * kinds and fragments (errors.ts). Offsets are UTF-16 indexes into the pattern.
 */
import { Assertion, EMPTY, NO_MATCH, UNBOUNDED, type Node } from './ast.js';
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

const FLAG_I = 1; // case-insensitive
const FLAG_M = 2; // ^ $ match at line boundaries
const FLAG_S = 4; // . matches \n
const FLAG_U = 8; // swap greedy and lazy

const FLAG_BITS: Readonly<Record<string, number>> = { i: FLAG_I, m: FLAG_M, s: FLAG_S, U: FLAG_U };

/** Parses an RE2 pattern; throws RegexSyntaxError. */
export function parseRegex(pattern: string): Node {
  return new Parser(pattern).parseAll();
}

class Parser {
  private pos = 0;
  private captures = 0;
  private readonly names = new Set<string>();
  /** The first repeated group name: reported only if the rest parses, as re2-wasm's RE2 does. */
  private duplicate: { offset: number; fragment: string } | null = null;
  constructor(private readonly src: string) {}

  parseAll(): Node {
    const node = this.parseAlternation(0, 0);
    if (this.pos < this.src.length) this.fail('REGEX_UNEXPECTED_PAREN', this.pos, this.src); // only ')' stops early
    if (this.duplicate !== null) this.fail('REGEX_BAD_NAMED_CAPTURE', this.duplicate.offset, this.duplicate.fragment);
    return node;
  }

  private fail(code: RegexErrorCode, offset: number, fragment: string): never {
    throw new RegexSyntaxError(code, this.src, offset, fragment);
  }

  /** The code point at `at`, or -1 at the end; a lone surrogate is invalid UTF-8. */
  private runeAt(at: number): number {
    if (at >= this.src.length) return -1;
    const c = this.src.codePointAt(at)!;
    if (c >= 0xd800 && c <= 0xdfff) this.fail('REGEX_BAD_UTF8', at, this.src.slice(at, at + 1));
    return c;
  }

  private next(): number {
    const c = this.runeAt(this.pos);
    this.pos += c > 0xffff ? 2 : 1;
    return c;
  }

  private peekIs(s: string): boolean {
    return this.src.startsWith(s, this.pos);
  }

  /** alternation := concat ('|' concat)* ; stops before ')' or at the end. */
  private parseAlternation(flagsIn: number, depth: number): Node {
    if (depth > MAX_NESTING_DEPTH) this.fail('REGEX_NESTING_DEPTH', this.pos, this.src.slice(this.pos, this.pos + 1));
    let flags = flagsIn;
    const alts: Node[] = [];
    let items: Node[] = [];
    let lastRepeatStart = -1; // offset of the repetition operator just parsed, or -1
    while (this.pos < this.src.length) {
      const start = this.pos;
      const c = this.src.charCodeAt(start);
      const repeatStartBefore = lastRepeatStart;
      lastRepeatStart = -1;
      if (c === 0x29 /* ) */) break;
      if (c === 0x7c /* | */) {
        this.pos++;
        alts.push(concatOf(items));
        items = [];
        continue;
      }
      if (c === 0x2a || c === 0x2b || c === 0x3f /* * + ? */) {
        this.pos++;
        const min = c === 0x2b ? 1 : 0;
        const max = c === 0x3f ? 1 : UNBOUNDED;
        this.applyRepeat(items, flags, start, repeatStartBefore, min, max);
        lastRepeatStart = start;
        continue;
      }
      if (c === 0x7b /* { */) {
        const counted = this.tryCount();
        if (counted !== null) {
          this.applyRepeat(items, flags, start, repeatStartBefore, counted[0], counted[1]);
          lastRepeatStart = start;
          continue;
        }
        this.pos++;
        items.push(literal(0x7b, flags));
        continue;
      }
      if (c === 0x28 /* ( */) {
        const group = this.parseGroup(flags, depth);
        if (typeof group === 'number') flags = group;
        else items.push(group);
        continue;
      }
      if (c === 0x5b /* [ */) {
        items.push(this.parseClass(flags));
        continue;
      }
      if (c === 0x5c /* \ */) {
        this.parseEscapeAtom(items, flags);
        continue;
      }
      this.pos++;
      if (c === 0x2e /* . */) items.push(set(flags & FLAG_S ? [0, MAX_RUNE] : [0, 9, 11, MAX_RUNE]));
      else if (c === 0x5e /* ^ */) items.push(assert(flags & FLAG_M ? Assertion.BEGIN_LINE : Assertion.BEGIN_TEXT));
      else if (c === 0x24 /* $ */) items.push(assert(flags & FLAG_M ? Assertion.END_LINE : Assertion.END_TEXT));
      else {
        this.pos = start;
        items.push(literal(this.next(), flags));
      }
    }
    alts.push(concatOf(items));
    return alts.length === 1 ? alts[0]! : { kind: 'alt', subs: alts };
  }

  /**
   * Applies `* + ? {n,m}` (plus an optional lazy `?`) to the last item, with RE2's checks: no
   * stacked operators (`a**`), counts ≤ MAX_REPEAT also when multiplied through nesting, and an
   * argument to repeat.
   */
  private applyRepeat(items: Node[], flags: number, opStart: number, prevOpStart: number, min: number, max: number): void {
    let greedy = true;
    if (this.src.charCodeAt(this.pos) === 0x3f) {
      this.pos++;
      greedy = false;
    }
    if (flags & FLAG_U) greedy = !greedy;
    const counted = this.src.charCodeAt(opStart) === 0x7b;
    if (prevOpStart >= 0) this.fail('REGEX_REPEAT_OP', prevOpStart, this.src.slice(prevOpStart, this.pos));
    const opText = this.src.slice(opStart, this.pos);
    if (counted && (min > MAX_REPEAT || max > MAX_REPEAT || (max !== UNBOUNDED && max < min))) {
      this.fail('REGEX_REPEAT_SIZE', opStart, opText);
    }
    const sub = items.pop();
    if (sub === undefined) this.fail('REGEX_REPEAT_ARGUMENT', opStart, opText);
    const node: Node = { kind: 'repeat', sub, min, max, greedy };
    if (counted && repeatProduct(node) > MAX_REPEAT) this.fail('REGEX_REPEAT_SIZE', opStart, opText);
    items.push(node);
  }

  /**
   * `{n}`, `{n,}` or `{n,m}` at pos → [min, max] and advances; anything else is a literal `{`
   * (null). Like RE2's ParseInteger, a number with a leading zero or more than 9 digits does not
   * count as a number, so `a{01}` is the literal text "a{01}".
   */
  private tryCount(): [number, number] | null {
    const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.src.slice(this.pos, this.pos + 40));
    if (m === null || !isCount(m[1]!) || (m[3] !== undefined && m[3] !== '' && !isCount(m[3]))) return null;
    this.pos += m[0].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? UNBOUNDED : Number(m[3]);
    return [min, max];
  }

  /** A group at `(`: returns the new flags for `(?flags)`, otherwise the group's node. */
  private parseGroup(flags: number, depth: number): Node | number {
    const open = this.pos;
    this.pos++;
    let name: string | null = null;
    let capture = true;
    let innerFlags = flags;
    if (this.peekIs('?')) {
      if (this.peekIs('?P<') || (this.peekIs('?<') && !this.peekIs('?<=') && !this.peekIs('?<!'))) {
        name = this.parseCaptureName(open);
      } else {
        const parsed = this.parseFlags(open, flags);
        if (parsed.closed) return parsed.flags;
        innerFlags = parsed.flags;
        capture = false;
      }
    }
    const index = capture ? ++this.captures : 0;
    const sub = this.parseAlternation(innerFlags, depth + 1);
    if (this.src.charCodeAt(this.pos) !== 0x29) this.fail('REGEX_MISSING_PAREN', open, this.src);
    this.pos++;
    return capture ? { kind: 'capture', sub, index, name } : sub;
  }

  /** `(?P<name>` or `(?<name>`: names are ASCII word characters, unique in the pattern. */
  private parseCaptureName(open: number): string {
    const nameStart = this.src.indexOf('<', open) + 1;
    const close = this.src.indexOf('>', nameStart);
    if (close < 0) this.fail('REGEX_BAD_NAMED_CAPTURE', open, this.src.slice(open));
    const name = this.src.slice(nameStart, close);
    if (!/^[A-Za-z0-9_]+$/.test(name)) this.fail('REGEX_BAD_NAMED_CAPTURE', open, this.src.slice(open, close + 1));
    if (this.names.has(name)) this.duplicate ??= { offset: open, fragment: this.src.slice(open, close + 1) };
    this.names.add(name);
    this.pos = close + 1;
    return name;
  }

  /** `(?flags)` or `(?flags:`; pos is at `?`. Flags are i m s U, optionally negated after one `-`. */
  private parseFlags(open: number, flags: number): { flags: number; closed: boolean } {
    this.pos++;
    let negated = false;
    let sawFlag = false;
    let out = flags;
    for (;;) {
      if (this.pos >= this.src.length) this.fail('REGEX_BAD_PERL_OP', open, this.src.slice(open));
      const ch = this.src[this.pos]!;
      const c = this.next();
      const bad = (): never => this.fail('REGEX_BAD_PERL_OP', open, this.src.slice(open, this.pos));
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
  private parseEscapeAtom(items: Node[], flags: number): void {
    const start = this.pos;
    const e = this.src[start + 1];
    if (e !== undefined && Object.hasOwn(ESCAPE_ATOMS, e)) {
      this.pos += 2;
      items.push(ESCAPE_ATOMS[e]!);
      return;
    }
    if (e === 'Q') {
      this.pos += 2;
      const end = this.src.indexOf('\\E', this.pos);
      const stop = end < 0 ? this.src.length : end;
      while (this.pos < stop) items.push(literal(this.next(), flags));
      if (end >= 0) this.pos = end + 2;
      return;
    }
    const cls = this.tryClassEscape(flags);
    if (cls !== null) {
      items.push(set(cls));
      return;
    }
    items.push(literal(this.parseEscapedRune(), flags));
  }

  /** `\d \s \w \D \S \W \pX \p{Name} \PX \p{^Name}` at pos → folded set, or null if not a class escape. */
  private tryClassEscape(flags: number): number[] | null {
    const start = this.pos;
    const e = this.src[start + 1];
    if (e === undefined) return null;
    const lower = e.toLowerCase();
    if ((lower === 'd' || lower === 's' || lower === 'w') && Object.hasOwn(PERL_CLASSES, lower)) {
      this.pos += 2;
      return signed(foldIf(PERL_CLASSES[lower]!, flags), e !== lower);
    }
    if (e !== 'p' && e !== 'P') return null;
    let negate = e === 'P';
    let name: string;
    let end: number;
    if (this.src[start + 2] === '{') {
      const close = this.src.indexOf('}', start + 3);
      if (close < 0) this.fail('REGEX_BAD_CHAR_RANGE', start, this.src.slice(start));
      name = this.src.slice(start + 3, close);
      end = close + 1;
      if (name.startsWith('^')) {
        negate = !negate;
        name = name.slice(1);
      }
    } else {
      if (start + 2 >= this.src.length) this.fail('REGEX_BAD_CHAR_RANGE', start, this.src.slice(start));
      const c = this.src.codePointAt(start + 2)!;
      name = String.fromCodePoint(c);
      end = start + 2 + name.length;
    }
    const ranges = unicodeClass(name);
    if (ranges === null) this.fail('REGEX_BAD_CHAR_RANGE', start, this.src.slice(start, end));
    this.pos = end;
    return signed(foldIf(ranges, flags), negate);
  }

  /** A single-character escape at pos (`\n`, `\x41`, `\x{…}`, octal, escaped punctuation) → code point. */
  private parseEscapedRune(): number {
    const start = this.pos;
    if (start + 1 >= this.src.length) this.fail('REGEX_TRAILING_BACKSLASH', start, '\\');
    this.pos++;
    const c = this.next();
    const badEscape = (): never => this.fail('REGEX_BAD_ESCAPE', start, this.src.slice(start, this.pos));
    if (Object.hasOwn(CONTROL_ESCAPES, c)) return CONTROL_ESCAPES[c]!;
    if (c >= 0x31 && c <= 0x37) {
      // \1-\7 alone would be a back-reference; RE2 reads it as octal only when another octal digit follows.
      if (!isOctal(this.src.charCodeAt(this.pos))) badEscape();
      return this.octal(c);
    }
    if (c === 0x30) return this.octal(c);
    if (c === 0x78 /* x */) return this.hexEscape(start);
    if (c < 0x80 && !/[A-Za-z0-9]/.test(String.fromCharCode(c))) return c;
    return badEscape();
  }

  /** Up to two more octal digits after the first (already consumed) digit `first`. */
  private octal(first: number): number {
    let v = first - 0x30;
    for (let k = 0; k < 2 && isOctal(this.src.charCodeAt(this.pos)); k++) v = v * 8 + (this.src.charCodeAt(this.pos++) - 0x30);
    return v;
  }

  /** `\xHH` or `\x{H…}` (≤ U+10FFFF); pos is after the `x`. */
  private hexEscape(start: number): number {
    const badEscape = (): never => this.fail('REGEX_BAD_ESCAPE', start, this.src.slice(start, this.pos));
    if (this.src[this.pos] === '{') {
      this.pos++;
      let v = 0;
      let digits = 0;
      while (this.pos < this.src.length && isHex(this.src.charCodeAt(this.pos))) {
        v = v * 16 + parseInt(this.src[this.pos]!, 16);
        this.pos++;
        digits++;
        if (v > MAX_RUNE) badEscape();
      }
      if (digits === 0 || this.src[this.pos] !== '}') {
        if (this.pos < this.src.length) this.pos++;
        badEscape();
      }
      this.pos++;
      return v;
    }
    // Like RE2, look at the next two characters together; on error both are in the fragment.
    const first = this.runeAt(this.pos);
    const second = first < 0 ? -1 : this.runeAt(this.pos + (first > 0xffff ? 2 : 1));
    for (const c of [first, second]) if (c >= 0) this.pos += c > 0xffff ? 2 : 1;
    if (!isHex(first) || !isHex(second)) badEscape();
    return parseInt(this.src.slice(this.pos - 2, this.pos), 16);
  }

  /** A bracket expression `[…]`. */
  private parseClass(flags: number): Node {
    const open = this.pos;
    this.pos++;
    let negate = false;
    if (this.src[this.pos] === '^') {
      negate = true;
      this.pos++;
    }
    const ranges: number[] = [];
    let first = true;
    while (this.pos < this.src.length && (first || this.src[this.pos] !== ']')) {
      first = false;
      const itemStart = this.pos;
      if (this.peekIs('[:')) {
        const close = this.src.indexOf(':]', this.pos + 2);
        if (close >= 0) {
          let name = this.src.slice(this.pos + 2, close);
          const neg = name.startsWith('^');
          if (neg) name = name.slice(1);
          if (!Object.hasOwn(ASCII_CLASSES, name)) this.fail('REGEX_BAD_CHAR_RANGE', itemStart, this.src.slice(itemStart, close + 2));
          this.pos = close + 2;
          ranges.push(...signed(foldIf(ASCII_CLASSES[name]!, flags), neg));
          continue;
        }
      }
      if (this.src[this.pos] === '\\') {
        const cls = this.tryClassEscape(flags);
        if (cls !== null) {
          ranges.push(...cls);
          continue;
        }
      }
      const lo = this.classRune();
      let hi = lo;
      if (this.src[this.pos] === '-' && this.pos + 1 < this.src.length && this.src[this.pos + 1] !== ']') {
        this.pos++;
        hi = this.classRune();
        if (hi < lo) this.fail('REGEX_BAD_CHAR_RANGE', itemStart, this.src.slice(itemStart, this.pos));
      }
      ranges.push(...foldIf([lo, hi], flags));
    }
    if (this.pos >= this.src.length) this.fail('REGEX_MISSING_BRACKET', open, this.src.slice(open));
    this.pos++;
    const canonical = normalizeRanges(ranges);
    return set(negate ? negateRanges(canonical) : canonical);
  }

  /** One character inside brackets: a literal or a single-character escape. */
  private classRune(): number {
    if (this.src[this.pos] !== '\\') return this.next();
    if (this.pos + 1 >= this.src.length) this.fail('REGEX_TRAILING_BACKSLASH', this.pos, '\\');
    return this.parseEscapedRune();
  }
}

/** Escapes that are atoms of their own outside brackets (RE2 rejects them inside). */
const ESCAPE_ATOMS: Readonly<Record<string, Node>> = {
  A: { kind: 'assert', assertion: Assertion.BEGIN_TEXT },
  z: { kind: 'assert', assertion: Assertion.END_TEXT },
  b: { kind: 'assert', assertion: Assertion.WORD_BOUNDARY },
  B: { kind: 'assert', assertion: Assertion.NON_WORD_BOUNDARY },
  C: { kind: 'anyByte' },
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
  return ranges.length === 0 ? NO_MATCH : { kind: 'set', ranges };
}

function assert(assertion: (typeof Assertion)[keyof typeof Assertion]): Node {
  return { kind: 'assert', assertion };
}

function literal(c: number, flags: number): Node {
  if (!(flags & FLAG_I)) return { kind: 'set', ranges: [c, c] };
  return { kind: 'set', ranges: normalizeRanges(foldOrbit(c).flatMap((d) => [d, d])) };
}

function foldIf(ranges: readonly number[], flags: number): readonly number[] {
  return flags & FLAG_I ? foldClosure(ranges) : ranges;
}

/** RE2 folds a class before negating it, so the result stays closed under folding. */
function signed(ranges: readonly number[], negate: boolean): number[] {
  return negate ? negateRanges(normalizeRanges([...ranges])) : [...ranges];
}

function concatOf(items: Node[]): Node {
  if (items.length === 0) return EMPTY;
  return items.length === 1 ? items[0]! : { kind: 'concat', subs: items };
}

/**
 * The largest product of counted-repetition bounds along any path from `node` down (a bound is
 * `max`, or `min` when unbounded; 0 counts as 1, so `* + ?` never add to it). RE2 rejects
 * `(a{100}){11}` because the product exceeds MAX_REPEAT.
 */
function repeatProduct(node: Node): number {
  switch (node.kind) {
    case 'repeat': {
      const bound = node.max === UNBOUNDED ? node.min : node.max;
      return (bound > 0 ? bound : 1) * repeatProduct(node.sub);
    }
    case 'capture':
      return repeatProduct(node.sub);
    case 'concat':
    case 'alt': {
      let most = 1;
      for (const sub of node.subs) most = Math.max(most, repeatProduct(sub));
      return most;
    }
    default:
      return 1;
  }
}

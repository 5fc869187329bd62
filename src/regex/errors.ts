/**
 * Errors the regex compiler throws. Codes are stable (docs/regex.md § Error codes); messages follow
 * RE2's wording (`<what>: <fragment>`) and add the UTF-16 offset of the fragment in the pattern.
 */
import { MeshrouteError } from '../errors.js';

/** RE2's error kinds (re2/regexp.h `RegexpStatusCode`), as meshroute error codes with RE2's text. */
export const REGEX_ERROR_TEXT = {
  REGEX_BAD_ESCAPE: 'invalid escape sequence',
  REGEX_BAD_CHAR_RANGE: 'invalid character class range',
  REGEX_MISSING_BRACKET: 'missing ]',
  REGEX_MISSING_PAREN: 'missing )',
  REGEX_UNEXPECTED_PAREN: 'unexpected )',
  REGEX_TRAILING_BACKSLASH: 'trailing \\',
  REGEX_REPEAT_ARGUMENT: 'no argument for repetition operator',
  REGEX_REPEAT_SIZE: 'invalid repetition size',
  REGEX_REPEAT_OP: 'bad repetition operator',
  REGEX_BAD_PERL_OP: 'invalid perl operator',
  REGEX_BAD_UTF8: 'invalid UTF-8',
  REGEX_BAD_NAMED_CAPTURE: 'invalid named capture group',
  REGEX_NESTING_DEPTH: 'expression nests too deeply',
} as const;

export type RegexErrorCode = keyof typeof REGEX_ERROR_TEXT;

/** The pattern is not valid RE2 syntax; `offset` is the UTF-16 index where `fragment` starts. */
export class RegexSyntaxError extends MeshrouteError {
  readonly pattern: string;
  readonly offset: number;
  readonly fragment: string;
  constructor(code: RegexErrorCode, pattern: string, offset: number, fragment: string) {
    super(code, `error parsing regexp: ${REGEX_ERROR_TEXT[code]}: \`${fragment}\` at offset ${offset}`);
    this.name = 'RegexSyntaxError';
    this.pattern = pattern;
    this.offset = offset;
    this.fragment = fragment;
  }
}

/** The compiled program would exceed `limit` instructions (RegexOptions.maxProgramSize). */
export class RegexTooComplexError extends MeshrouteError {
  readonly pattern: string;
  readonly size: number;
  readonly limit: number;
  constructor(pattern: string, size: number, limit: number) {
    super(
      'REGEX_TOO_COMPLEX',
      `regexp too complex: ${JSON.stringify(pattern)} needs more than ${limit} automaton instructions (reached ${size}); simplify it or raise maxProgramSize`,
    );
    this.name = 'RegexTooComplexError';
    this.pattern = pattern;
    this.size = size;
    this.limit = limit;
  }
}

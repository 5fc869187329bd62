/**
 * TEMPORARY shim of the regex engine interface (src/regex/README.md), so the compiler can be built
 * and tested before the real engine is merged. Drop this commit on merge.
 *
 * Uses an anchored JS RegExp `^(?:p)$` with the `u` flag; `bytes` is the UTF-8 of the pattern.
 */
import { MeshrouteError } from '../errors.js';

export interface RegexOptions {
  maxDfaStates?: number;
  maxProgramSize?: number;
}

export interface CompiledRegex {
  fullMatch(input: string): boolean;
  bytes: Uint8Array;
  stats: { kind: 'dfa' | 'nfa'; states: number; bytes: number; compileMs: number };
}

export class RegexSyntaxError extends MeshrouteError {
  readonly pattern: string;
  readonly offset: number;
  constructor(code: string, message: string, pattern: string, offset: number) {
    super(code, message);
    this.name = 'RegexSyntaxError';
    this.pattern = pattern;
    this.offset = offset;
  }
}

export class RegexTooComplexError extends MeshrouteError {
  readonly pattern: string;
  readonly size: number;
  readonly limit: number;
  constructor(pattern: string, size: number, limit: number) {
    super('regex-too-complex', `regex too complex: ${size} > ${limit}`);
    this.name = 'RegexTooComplexError';
    this.pattern = pattern;
    this.size = size;
    this.limit = limit;
  }
}

export function compileRegex(pattern: string, options: RegexOptions = {}): CompiledRegex {
  const started = Date.now();
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch (e) {
    throw new RegexSyntaxError('regex-syntax', `invalid regex: ${(e as Error).message}`, pattern, 0);
  }
  const limit = options.maxProgramSize ?? Infinity;
  if (pattern.length > limit) throw new RegexTooComplexError(pattern, pattern.length, limit);
  const bytes = new TextEncoder().encode(pattern);
  return {
    fullMatch: (input: string) => re.test(input),
    bytes,
    stats: { kind: 'nfa', states: pattern.length + 1, bytes: bytes.length, compileMs: Date.now() - started },
  };
}

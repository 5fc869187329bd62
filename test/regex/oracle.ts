/**
 * The differential oracle: Google's RE2 compiled to WebAssembly (the `re2-wasm` dev dependency).
 * We call its embind class `WrappedRE2` directly, because the package's `RE2` wrapper rewrites
 * patterns for JavaScript compatibility (`/`, `\u`, `\c`, `(?<`), which would hide RE2's own
 * behaviour.
 *
 * Full match is `\A(?:p)\z`: without the m flag this is exactly RE2::FullMatch, and flags set
 * inside p stay inside the group. A pattern still inside `\Q…` at its end gets a closing `\E`
 * first, or the `)\z` would be quoted too. Inputs are made well-formed (lone surrogates → U+FFFD)
 * because emscripten's string conversion does not do what TextEncoder does with them.
 */
import { createRequire } from 'node:module';

interface Wrapped {
  ok(): boolean;
  error(): string;
  match(input: string, start: number, groups: boolean): { index: number };
  capturingGroupNames(): { keys(): { size(): number; get(i: number): number }; get(k: number): string };
  delete(): void;
}
const require = createRequire(import.meta.url);
const { WrappedRE2 } = require('re2-wasm/build/wasm/re2.js') as { WrappedRE2: new (p: string, i: boolean, m: boolean, s: boolean) => Wrapped };

/** RE2's answer for a pattern: an error text, or a full matcher (call `free` when done). */
export type OracleResult = { ok: false; error: string } | { ok: true; fullMatch(input: string): boolean; free(): void };

/** RE2's error for "pattern too large - compile failed": size limits differ from ours by design. */
export const ORACLE_TOO_LARGE = 'pattern too large';

export function oracleCompile(pattern: string): OracleResult {
  const alone = new WrappedRE2(pattern, false, false, false);
  try {
    if (!alone.ok()) return { ok: false, error: alone.error() };
    const dup = duplicateName(alone);
    if (dup !== null) return { ok: false, error: `invalid named capture group: duplicate name ${dup}` };
  } finally {
    alone.delete();
  }
  const anchored = new WrappedRE2(`\\A(?:${pattern}${quoteOpenAtEnd(pattern) ? '\\E' : ''})\\z`, false, false, false);
  if (!anchored.ok()) {
    const error = anchored.error();
    anchored.delete();
    if (error.startsWith(ORACLE_TOO_LARGE)) return { ok: false, error };
    throw new Error(`oracle: ${JSON.stringify(pattern)} compiles alone but not anchored: ${error}`);
  }
  return {
    ok: true,
    fullMatch: (input) => anchored.match(wellFormed(input), 0, false).index >= 0,
    free: () => anchored.delete(),
  };
}

/** re2-wasm's RE2 class (like current RE2 and Go) rejects duplicate group names; WrappedRE2 alone does not. */
function duplicateName(w: Wrapped): string | null {
  const names = w.capturingGroupNames();
  const keys = names.keys();
  const seen = new Set<string>();
  for (let i = 0; i < keys.size(); i++) {
    const name = names.get(keys.get(i));
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return null;
}

/** Whether a (valid) pattern ends inside `\Q…` with no closing `\E`. */
export function quoteOpenAtEnd(pattern: string): boolean {
  let quoted = false;
  for (let i = 0; i < pattern.length; i++) {
    if (quoted) {
      if (pattern.startsWith('\\E', i)) {
        quoted = false;
        i++;
      }
    } else if (pattern[i] === '\\') {
      if (pattern[i + 1] === 'Q') quoted = true;
      i++;
    }
  }
  return quoted;
}

/** Lone surrogates → U+FFFD, as TextEncoder encodes them (String#toWellFormed is ES2024). */
export function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * TEMPORARY shim of the runtime automaton loader (src/regex/README.md). Drop this commit on merge.
 * The "automaton" bytes are the UTF-8 pattern; it becomes an anchored JS RegExp.
 */
import { TableFormatError } from '../errors.js';

export interface Automaton {
  fullMatch(input: string): boolean;
}

export function loadAutomaton(bytes: Uint8Array, offset = 0, length = bytes.length - offset): Automaton {
  if (offset < 0 || length < 0 || offset + length > bytes.length) {
    throw new TableFormatError('regex-out-of-bounds', 'automaton outside the data', offset);
  }
  let pattern: string;
  try {
    pattern = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, offset + length));
  } catch {
    throw new TableFormatError('regex-utf8', 'automaton pattern is not valid UTF-8', offset);
  }
  let re: RegExp;
  try {
    re = new RegExp(`^(?:${pattern})$`, 'u');
  } catch {
    throw new TableFormatError('regex-invalid', 'automaton pattern does not compile', offset);
  }
  return { fullMatch: (input: string) => re.test(input) };
}

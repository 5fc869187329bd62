/** The regex engine's build-time API (docs/regex.md). Re-exports only. */
export { compileRegex, DEFAULT_MAX_DFA_STATES, DEFAULT_MAX_PROGRAM_SIZE, type CompiledRegex, type RegexOptions } from './compile.js';
export { RegexSyntaxError, RegexTooComplexError, REGEX_ERROR_TEXT, type RegexErrorCode } from './errors.js';
export { MAX_REPEAT } from './parse.js';
export { loadAutomaton, type Automaton } from './matcher.js';
export { dumpAutomaton } from './dump.js';

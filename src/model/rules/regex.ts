/**
 * Every regex in a route (path.regex, header / metadata `match.regex`) must be valid RE2 and within
 * the complexity cap. Checked here, at validation time, naming the route and field — never at
 * request time. Compiling here also means a table build cannot fail on a regex.
 */

import type { Diagnostic } from '../diagnostics.js';
import { diagnosticAt, type Draft } from '../drafts.js';
import { compileRegex, RegexSyntaxError, RegexTooComplexError, type RegexOptions } from '../../regex/index.js';
import { isRecord } from '../load/classify.js';
import { escapeSegment } from '../load/pointer.js';

export type RegexLimits = Pick<RegexOptions, 'maxProgramSize' | 'maxDfaStates'>;

export function checkRegexes(drafts: readonly Draft[], diagnostics: Diagnostic[], limits: RegexLimits = {}): void {
  for (const d of drafts) {
    if (d.kind !== 'GatewayRoute' && d.kind !== 'Route') continue;
    for (const { pattern, path } of regexFields(d.spec, '')) {
      const problem = regexProblem(pattern, limits);
      if (!problem) continue;
      diagnostics.push(
        diagnosticAt(d.unit, 'error', problem.code, d.specPointer + path, problem.message, { kind: d.kind, namespace: d.namespace, name: d.displayName || null }),
      );
    }
  }
}

function regexProblem(pattern: string, limits: RegexLimits): { code: string; message: string } | null {
  try {
    compileRegex(pattern, limits);
    return null;
  } catch (err) {
    if (err instanceof RegexSyntaxError) return { code: 'REGEX_SYNTAX', message: `invalid RE2 regex ${JSON.stringify(pattern)}: ${err.message}` };
    if (err instanceof RegexTooComplexError) return { code: 'REGEX_TOO_COMPLEX', message: `regex ${JSON.stringify(pattern)} is too complex: ${err.message}` };
    throw err;
  }
}

/** Every `regex: "<string>"` property below the spec, with its pointer. */
function* regexFields(node: unknown, path: string): Generator<{ pattern: string; path: string }> {
  if (Array.isArray(node)) {
    for (let i = 0; i < node.length; i++) yield* regexFields(node[i], `${path}/${i}`);
  } else if (isRecord(node)) {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'regex' && typeof v === 'string') yield { pattern: v, path: `${path}/regex` };
      else yield* regexFields(v, `${path}/${escapeSegment(k)}`);
    }
  }
}

/**
 * What a rule needs: the draft it checks, and a way to report at a path relative to the spec.
 * Rules never throw; they report and move on, so one run shows every problem.
 */

import type { Diagnostic, Severity } from '../diagnostics.js';
import { diagnosticAt, type Draft } from '../drafts.js';

export interface RuleContext {
  draft: Draft;
  report(severity: Severity, code: string, specPath: string, message: string): void;
}

export function ruleContext(draft: Draft, diagnostics: Diagnostic[]): RuleContext {
  return {
    draft,
    report(severity, code, specPath, message) {
      diagnostics.push(
        diagnosticAt(draft.unit, severity, code, draft.specPointer + specPath, message, {
          kind: draft.kind,
          namespace: draft.namespace,
          name: draft.displayName || null,
        }),
      );
    },
  };
}

/**
 * Helm (Go template) input: `{{ … }}` is not YAML a cluster ever saw, and reading it as YAML gives
 * either a syntax error that hides the cause or values such as `{{ .Values.mesh }}` that look like
 * names. Such a file is reported once, with the fix, and not read.
 */

import { inputDiagnostic, type Diagnostic } from '../diagnostics.js';
import { lineStarts, positionIn } from './syntax.js';

/** `{{ … }}` on one line (Go template actions never span lines in manifests; `{{-`/`-}}` included). */
const ACTION = /\{\{-?\s*[^{}\n]*?\s*-?\}\}/g;

export function templateDiagnostic(file: string, text: string): Diagnostic | null {
  const m = firstAction(text);
  if (!m) return null;
  const pos = positionIn(lineStarts(text), m.index);
  const action = m[0].length > 40 ? m[0].slice(0, 37) + '…' : m[0];
  return inputDiagnostic('INPUT_TEMPLATE', `this is a Helm/Go template (${action}), not a manifest: render it first (helm template RELEASE CHART > rendered.yaml) and validate the output; the file was not read`, { file, line: pos.line, column: pos.column });
}

/** The first action outside a YAML comment (a comment may mention `{{ }}` in a real manifest). */
function firstAction(text: string): RegExpExecArray | null {
  if (!text.includes('{{')) return null;
  ACTION.lastIndex = 0;
  for (let m = ACTION.exec(text); m; m = ACTION.exec(text)) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (!/(^|\s)#/.test(text.slice(lineStart, m.index))) return m;
  }
  return null;
}

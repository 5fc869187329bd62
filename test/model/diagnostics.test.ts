import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDiagnostics, hasErrors, type Diagnostic } from '../../src/model/diagnostics.js';

function diag(over: Partial<Diagnostic>): Diagnostic {
  return {
    severity: 'error', code: 'X', message: 'm', kind: null, namespace: null, name: null,
    path: '', file: 'a.yaml', line: 1, column: 1, ...over,
  };
}

test('diagnostics sort by file, line, column, then code', () => {
  const list = [diag({ file: 'b.yaml' }), diag({ line: 9 }), diag({ line: 2, code: 'B' }), diag({ line: 2, code: 'A' })];
  const sorted = [...list].sort(compareDiagnostics).map((d) => `${d.file}:${d.line}:${d.code}`);
  assert.deepEqual(sorted, ['a.yaml:2:A', 'a.yaml:2:B', 'a.yaml:9:X', 'b.yaml:1:X']);
});

test('hasErrors ignores warnings', () => {
  assert.equal(hasErrors([diag({ severity: 'warning' })]), false);
  assert.equal(hasErrors([diag({ severity: 'warning' }), diag({})]), true);
});

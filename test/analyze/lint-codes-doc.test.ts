// Pins docs/errors.md § Lint: it lists exactly the codes of LINT_CODES, each with its severity; and
// docs/lint.md has a section for every code. Failing output names the codes to add or remove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { LINT_CODES } from '../../src/analyze/findings.js';

function lintSection(): string {
  const doc = readFileSync('docs/errors.md', 'utf8');
  const start = doc.indexOf('## Lint');
  assert.ok(start >= 0, 'docs/errors.md needs a "## Lint" section');
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

test('docs/errors.md § Lint lists every lint code with its severity, and no other', () => {
  const rows = new Map([...lintSection().matchAll(/^\| `(LINT_[A-Z_]+)` \| (\w+) \|/gm)].map((m) => [m[1]!, m[2]!]));
  const want = new Map(Object.entries(LINT_CODES));
  assert.deepEqual([...rows.keys()].sort(), [...want.keys()].sort(), 'codes in docs/errors.md § Lint ≠ LINT_CODES (src/analyze/findings.ts)');
  for (const [code, severity] of want) assert.equal(rows.get(code), severity, `${code}: severity in docs/errors.md`);
});

test('docs/lint.md explains every lint code', () => {
  const doc = readFileSync('docs/lint.md', 'utf8');
  const missing = Object.keys(LINT_CODES).filter((c) => !doc.includes(`### \`${c}\``));
  assert.deepEqual(missing, [], `add a "### \`CODE\`" section to docs/lint.md for: ${missing.join(', ')}`);
});

// Pins docs/errors.md: every diagnostic code the model layer can emit is documented, and every
// documented code is still emitted somewhere. Failing output names the codes to add or remove.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const CODE = /'((?:INPUT|SCHEMA|GR|ROUTE|REF|MESH|NAMESPACE|DUPLICATE|LISTENER|TARGET|VN|VR|RANGE|QUERY|PATH|PREFIX|HEADER|REGEX|SEED|EXT|WEIGHT|WEIGHTS|UNKNOWN|USAGE|GATEWAY|INVALID|AWS)_[A-Z0-9_]+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function emittedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of [...sources('src/model'), ...sources('src/cli'), ...sources('src/api'), ...sources('src/browser'), ...sources('src/export'), 'src/errors.ts']) {
    if (file.includes('/schema/')) continue; // schema keywords are mapped to SCHEMA_* codes in drafts.ts
    for (const m of readFileSync(file, 'utf8').matchAll(CODE)) codes.add(m[1]!);
  }
  return codes;
}

function documentedCodes(): Set<string> {
  const doc = readFileSync('docs/errors.md', 'utf8');
  return new Set([...doc.matchAll(/`([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)+)`/g)].map((m) => m[1]!));
}

test('every emitted diagnostic code is documented in docs/errors.md', () => {
  const documented = documentedCodes();
  const missing = [...emittedCodes()].filter((c) => !documented.has(c)).sort();
  assert.deepEqual(missing, [], `add these codes to docs/errors.md: ${missing.join(', ')}`);
});

test('every code documented in docs/errors.md is emitted by the code', () => {
  const emitted = emittedCodes();
  const stale = [...documentedCodes()].filter((c) => !emitted.has(c) && /^(INPUT|SCHEMA|GR|ROUTE|REF|MESH|NAMESPACE|DUPLICATE|LISTENER|TARGET|VN|VR|RANGE|QUERY|PATH|PREFIX|HEADER|REGEX|SEED|EXT|WEIGHT|WEIGHTS|UNKNOWN|USAGE|GATEWAY|INVALID|AWS)_/.test(c)).sort();
  assert.deepEqual(stale, [], `docs/errors.md lists codes nothing emits: ${stale.join(', ')}`);
});

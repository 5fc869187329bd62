// The runtime stays zero-dependency (DESIGN §5, issue 4): src/evaluate imports only ../errors.js,
// ../regex/matcher.js and the table decoding modules, which import nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join, normalize, dirname } from 'node:path';

const ALLOWED_OUTSIDE = new Set(['src/errors.ts', 'src/regex/matcher.ts', 'src/table/decode.ts', 'src/table/layout.ts', 'src/table/crc32.ts', 'src/table/types.ts']);

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)).replace(/\.js$/, '.ts') : s));
}

test('src/evaluate imports only errors, the regex matcher and the table decoder', () => {
  const seen = new Set<string>();
  const queue = readdirSync('src/evaluate').filter((f) => f.endsWith('.ts')).map((f) => join('src/evaluate', f));
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const dep of importsOf(file)) {
      assert.ok(dep.startsWith('src/'), `${file} imports the package ${dep}`);
      assert.ok(dep.startsWith('src/evaluate/') || ALLOWED_OUTSIDE.has(dep), `${file} imports ${dep}`);
      if (dep !== 'src/regex/matcher.ts') queue.push(dep);
    }
  }
  assert.ok(seen.has('src/table/decode.ts') && seen.has('src/errors.ts'));
});

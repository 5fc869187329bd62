/**
 * `npm run bench`: runs every benchmark under bench/ (files named *.bench.ts), each in a fresh
 * Node process so one benchmark's JIT state and garbage cannot skew the next.
 * Usage: npm run bench [-- substring...]   (only benchmarks whose path contains a substring)
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = join(dir, name);
      return statSync(p).isDirectory() ? find(p) : name.endsWith('.bench.ts') ? [p] : [];
    });
}

const filters = process.argv.slice(2);
const files = find('bench').filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)));
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

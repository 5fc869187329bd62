// Builds dist/ with esbuild: the library entries and the CLI, for Node (ESM).
// Later issues add browser, CJS and IIFE bundles here; keep one place that knows the entries.
import { build } from 'esbuild';
import { existsSync, rmSync, chmodSync } from 'node:fs';

const entries = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/runtime.ts', out: 'runtime' },
  { in: 'src/testing.ts', out: 'testing' },
  { in: 'src/cli/main.ts', out: 'cli' },
].filter((e) => existsSync(e.in));

rmSync('dist', { recursive: true, force: true });
await build({
  entryPoints: entries,
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
console.log(`built ${entries.map((e) => `dist/${e.out}.js`).join(', ')}`);

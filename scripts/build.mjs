// Builds dist/ with esbuild (and tsc for the declarations). One place knows every entry and output:
//
//   dist/{index,runtime,testing}.js        Node ESM (dependencies external; shared chunks in dist/chunks)
//   dist/cli.js                            the CLI (bin.meshroute), Node ESM
//   dist/cjs/{index,runtime,testing}.js    Node CJS (dist/cjs/package.json says "commonjs"); typebox,
//                                          which ships ESM only, is bundled in; other dependencies external
//   dist/browser/{index,runtime}.js        browser/worker ESM, minified, self-contained, no Node built-ins
//   dist/meshroute.global.js               IIFE for a plain <script>: window.meshroute
//   dist/types/**.d.ts                     declarations for ESM consumers (tsc -p tsconfig.build.json)
//   dist/cjs/types/**.d.ts                 the same declarations in the "commonjs" scope, for require()
//
// The browser seam (BROWSER_SWAPS): src/model/load/read-input.ts (node:fs) is replaced by
// src/browser/read-input.ts, so loadFiles() throws UsageError USAGE_NO_FILE_SYSTEM there; and
// src/model/load/yaml-syntax.ts (the yaml package: positions, the slow reader) by
// src/browser/yaml-syntax.ts (js-yaml alone; docs/bundle-size.md). Everything else is the same code.
// Usage: node scripts/build.mjs [--no-types]
import { build } from 'esbuild';
import { chmodSync, cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { RUNTIME_INTERNAL_PROPS } from './runtime-props.mjs';
import { buildPlayground } from './build-playground.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const withTypes = !process.argv.includes('--no-types');

const library = [
  { in: 'src/index.ts', out: 'index' },
  { in: 'src/runtime.ts', out: 'runtime' },
  { in: 'src/testing.ts', out: 'testing' },
];
const browserEntries = library.filter((e) => e.out !== 'testing');
/**
 * The meshroute/runtime browser bundle shortens the runtime's internal property names (the list and
 * its rules: scripts/runtime-props.mjs): its budget is 12 KB min+gzip (docs/runtime-size.md). Only
 * that bundle: the full browser bundle exports decodeTable, whose records callers read.
 */
const runtimeMangle = {
  mangleProps: new RegExp(`^(?:${RUNTIME_INTERNAL_PROPS.join('|')})$`),
  // Class fields as constructor assignments, not `field;` declarations (76 B of min+gzip). The errors
  // keep their own-property order (src/errors.ts assigns `code` before `name`; pinned by
  // test/browser/runtime-bundle.test.ts); the matchers' fields are internal.
  tsconfigRaw: { compilerOptions: { useDefineForClassFields: false } },
};

/** Node module → its browser stand-in (each stand-in's header says what differs). */
const BROWSER_SWAPS = {
  'src/model/load/read-input.ts': 'src/browser/read-input.ts',
  'src/model/load/yaml-syntax.ts': 'src/browser/yaml-syntax.ts',
  'src/analyze/diff.ts': 'src/browser/diff.ts',
  'src/export/gateway-api/export.ts': 'src/browser/export-gateway-api.ts',
};
const browserSeam = {
  name: 'meshroute-browser-seam',
  setup(b) {
    const swaps = new Map(Object.entries(BROWSER_SWAPS).map(([from, to]) => [resolve(root, from), resolve(root, to)]));
    b.onResolve({ filter: /\/(read-input|yaml-syntax|diff|export)\.js$/ }, (args) => {
      const stub = swaps.get(resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts')));
      return stub ? { path: stub } : undefined;
    });
  },
};

/**
 * js-yaml's loader alone in the browser bundles: meshroute only reads YAML (loadAll with the failsafe
 * schema extended by src/model/load/kube-schema.ts: kubectl's scalar rules and js-yaml's merge type)
 * and reports an error's reason and position, so the dumper, the other schemas' types (null, bool,
 * int, float, timestamp, binary, omap, pairs, set) and the source excerpt in error messages are dead weight that esbuild cannot shake out of js-yaml's single ESM file: 4.2 KB of the
 * bundle's min+gzip (docs/bundle-size.md). Reads js-yaml 4.1.0's lib/ files (CommonJS) directly.
 */
const jsYamlLoaderOnly = {
  name: 'meshroute-js-yaml-loader-only',
  setup(b) {
    const lib = resolve(root, 'node_modules/js-yaml/lib');
    b.onResolve({ filter: /^js-yaml$/ }, () => ({ path: 'js-yaml', namespace: 'js-yaml-loader' }));
    b.onLoad({ filter: /^snippet$/, namespace: 'js-yaml-loader' }, () => ({ contents: 'module.exports = () => null;\n', loader: 'js' }));
    b.onLoad({ filter: /^js-yaml$/, namespace: 'js-yaml-loader' }, () => ({
      contents: "import loader from './loader.js';\nimport FAILSAFE_SCHEMA from './schema/failsafe.js';\nimport Type from './type.js';\nimport merge from './type/merge.js';\nexport default { loadAll: loader.loadAll, FAILSAFE_SCHEMA, Type, types: { merge } };\n",
      loader: 'js',
      resolveDir: lib,
    }));
    const inJsYaml = (args) => /[/\\]js-yaml[/\\]lib$/.test(args.resolveDir);
    // loader.js defaults to the default schema when none is given; meshroute always passes its own.
    b.onResolve({ filter: /^\.\/schema\/default$/ }, (args) => (inJsYaml(args) ? { path: resolve(args.resolveDir, 'schema/failsafe.js') } : undefined));
    // The source excerpt js-yaml appends to an error's message: meshroute reports reason and mark only.
    b.onResolve({ filter: /^\.\/snippet$/ }, (args) => (inJsYaml(args) ? { path: 'snippet', namespace: 'js-yaml-loader' } : undefined));
  },
};

const common = { bundle: true, sourcemap: true, logLevel: 'warning', legalComments: 'eof' };
const browserCommon = { ...common, platform: 'browser', target: 'es2022', minify: true, plugins: [browserSeam, jsYamlLoaderOnly], metafile: true };

rmSync('dist', { recursive: true, force: true });
const started = Date.now();
const builds = [
  // Node ESM + the CLI
  build({
    ...common,
    entryPoints: [...library, { in: 'src/cli/main.ts', out: 'cli' }],
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
  }),
  // Node CJS
  build({
    ...common,
    entryPoints: library,
    outdir: 'dist/cjs',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['yaml', 'js-yaml', 'fast-check'],
  }),
  // Browser ESM (one build per entry: only the runtime's is property-mangled)
  build({ ...browserCommon, entryPoints: browserEntries.filter((e) => e.out !== 'runtime'), outdir: 'dist/browser', format: 'esm' }),
  build({ ...browserCommon, ...runtimeMangle, entryPoints: browserEntries.filter((e) => e.out === 'runtime'), outdir: 'dist/browser', format: 'esm' }),
  // IIFE
  build({ ...browserCommon, entryPoints: { 'meshroute.global': 'src/index.ts' }, outdir: 'dist', format: 'iife', globalName: 'meshroute' }),
];
const results = await Promise.all(builds);
mkdirSync('dist/cjs', { recursive: true });
writeFileSync('dist/cjs/package.json', '{ "type": "commonjs" }\n');
mkdirSync('dist/meta', { recursive: true });
const browserMeta = { inputs: { ...results[2].metafile.inputs, ...results[3].metafile.inputs }, outputs: { ...results[2].metafile.outputs, ...results[3].metafile.outputs } };
writeFileSync('dist/meta/browser.json', JSON.stringify(browserMeta)); // read by scripts/size.mjs; not packed
writeFileSync('dist/meta/global.json', JSON.stringify(results[4].metafile));
if (existsSync('dist/cli.js')) chmodSync('dist/cli.js', 0o755);
await buildPlayground(); // dist/playground/: the page reads dist/meshroute.global.js
const bundled = Date.now() - started;

if (withTypes) {
  const tsc = resolve(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  cpSync('dist/types', 'dist/cjs/types', { recursive: true });
}
console.log(
  `built dist/ in ${Date.now() - started} ms (bundles ${bundled} ms): ESM + CJS for ${library.map((e) => e.out).join(', ')}; ` +
    `browser ESM for ${browserEntries.map((e) => e.out).join(', ')}; meshroute.global.js; cli.js${withTypes ? '; .d.ts' : ''}`,
);

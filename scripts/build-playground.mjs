// Builds dist/playground/: the static playground page (docs/playground/, code in src/playground/).
//
//   index.html, playground.css      copied from docs/playground/
//   meshroute.global.js             the browser bundle (dist/meshroute.global.js, window.meshroute)
//   playground.js                   the page's own code, an IIFE that reads window.meshroute
//   examples.js                     the bundled example meshes (docs/playground/examples.json)
//
// Classic scripts only, no modules and no fetch: the page works from file:// and offline.
// Run by scripts/build.mjs after the browser bundles; alone: node scripts/build-playground.mjs.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/playground');

/** The page's imports of the library resolve to the global the browser bundle defines. */
const libraryAsGlobal = {
  name: 'meshroute-library-global',
  setup(b) {
    const library = new Set([resolve(root, 'src/index.ts'), resolve(root, 'src/errors.ts')]);
    b.onResolve({ filter: /\/(index|errors)\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      return library.has(target) ? { path: target, namespace: 'meshroute-global' } : undefined;
    });
    b.onLoad({ filter: /.*/, namespace: 'meshroute-global' }, () => ({ contents: 'module.exports = globalThis.meshroute;', loader: 'js' }));
  },
};

export async function buildPlayground() {
  mkdirSync(out, { recursive: true });
  const result = await build({
    entryPoints: [join(root, 'src/playground/main.ts')],
    outfile: join(out, 'playground.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    sourcemap: true,
    legalComments: 'eof',
    logLevel: 'warning',
    metafile: true,
    plugins: [libraryAsGlobal],
  });
  mkdirSync(join(root, 'dist/meta'), { recursive: true });
  writeFileSync(join(root, 'dist/meta/playground.json'), JSON.stringify(result.metafile));
  for (const f of ['index.html', 'playground.css']) copyFileSync(join(root, 'docs/playground', f), join(out, f));
  copyFileSync(join(root, 'dist/meshroute.global.js'), join(out, 'meshroute.global.js'));
  writeFileSync(join(out, 'examples.js'), `globalThis.MESHROUTE_EXAMPLES = ${JSON.stringify(examples())};\n`);
}

function examples() {
  const list = JSON.parse(readFileSync(join(root, 'docs/playground/examples.json'), 'utf8')).examples;
  return list.map(({ folder, title, request }) => {
    const dir = join(root, 'docs/examples', folder);
    const files = readdirSync(dir)
      .filter((name) => /\.(ya?ml|json)$/.test(name))
      .sort()
      .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));
    if (files.length === 0) throw new Error(`docs/playground/examples.json: docs/examples/${folder} has no manifest`);
    return { folder, title, files, request };
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await buildPlayground();

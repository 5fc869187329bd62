/** `meshroute examples [DIR]` — copy the example meshes shipped in the package out (docs/cli.md). */

import { copyFileSync, cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MeshrouteError, UsageError } from '../../errors.js';
import { flag, parseArgs, type OptionSpec } from '../args.js';
import { makeOutputDirectory, OutputError, systemReason } from '../failure.js';
import { EXIT_OK, type CliIo } from '../io.js';

export const EXAMPLES_HELP = `Usage: meshroute examples [DIR] [--json]

Copies the example meshes and embedding examples that ship with meshroute (the package's
docs/examples) into DIR (default: examples), so the commands in the docs run in any
project:  meshroute examples && meshroute validate examples/edge-gateway
The route-test files' JSON Schema comes along (DIR/route-tests.schema.json) and their
$schema points at it.
DIR must not exist yet, or be empty: nothing is overwritten.

  --json    print {"directory", "examples": [names]}
  --help    this text

Exit status: 0 copied, 1 DIR not empty or not writable, 2 usage error.`;

const OPTIONS: OptionSpec[] = [{ name: 'json' }, { name: 'help', short: 'h' }];

/** docs/examples beside the CLI: dist/cli.js → ../docs/examples; src/cli/commands/ → ../../../docs/examples. */
function bundledExamples(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [join(here, '..', 'docs', 'examples'), join(here, '..', '..', '..', 'docs', 'examples')]) {
    if (existsSync(join(p, 'edge-gateway'))) return p;
  }
  throw new MeshrouteError('EXAMPLES_NOT_FOUND', `the example meshes are not installed beside ${here} (a broken install? reinstall meshroute)`);
}

export function examplesCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(EXAMPLES_HELP + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length > 1) throw new UsageError('USAGE_BAD_VALUE', `meshroute examples takes one directory, got ${args.positionals.length}`);
  const target = resolve(args.positionals[0] ?? 'examples');
  const source = bundledExamples();
  if (existsSync(target) && (!statSync(target).isDirectory() || readdirSync(target).length > 0)) {
    throw new OutputError('OUTPUT_EXISTS', `${target} exists and is not an empty directory; choose a new one (nothing is overwritten)`, target);
  }
  makeOutputDirectory(target);
  const names = readdirSync(source).filter((n) => statSync(join(source, n)).isDirectory()).sort();
  for (const name of names) {
    try {
      cpSync(join(source, name), join(target, name), { recursive: true, errorOnExist: true, force: false });
    } catch (err) {
      throw new OutputError('OUTPUT_WRITE_FAILED', `cannot write ${join(target, name)}: ${systemReason(err)}`, join(target, name));
    }
  }
  withRouteTestSchema(source, target);
  if (flag(args, 'json')) io.out(JSON.stringify({ directory: target, examples: names }, null, 2) + '\n');
  else {
    io.out(`copied ${names.length} examples into ${target}: ${names.join(', ')}\n`);
    io.out(`try: meshroute validate ${join(target, 'edge-gateway')}\n`);
  }
  return EXIT_OK;
}

/**
 * The route-test files point `$schema` at docs/route-tests.schema.json, two folders up — outside
 * DIR once copied. The schema is copied into DIR and the copies point one folder up instead.
 */
function withRouteTestSchema(source: string, target: string): void {
  const schema = join(source, '..', 'route-tests.schema.json');
  const tests = join(target, 'route-tests');
  if (!existsSync(schema) || !existsSync(tests)) return;
  try {
    copyFileSync(schema, join(target, 'route-tests.schema.json'));
    for (const name of readdirSync(tests)) {
      const file = join(tests, name);
      const text = readFileSync(file, 'utf8');
      const moved = text.replace(/(["']?\$schema["']?\s*:\s*["']?)\.\.\/\.\.\/route-tests\.schema\.json/, '$1../route-tests.schema.json');
      if (moved !== text) writeFileSync(file, moved);
    }
  } catch (err) {
    throw new OutputError('OUTPUT_WRITE_FAILED', `cannot write the route-test schema into ${target}: ${systemReason(err)}`, target);
  }
}

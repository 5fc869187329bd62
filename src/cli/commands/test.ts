/** `meshroute test FILE…` — route-assertion files with route coverage (docs/route-tests.md, docs/cli.md). */

import { statSync, writeFileSync } from 'node:fs';
import { filesNamed } from '../../model/load/read-input.js';
import { InputError, UsageError } from '../../errors.js';
import type { Routing } from '../../analyze/routing-source.js';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { loadTestFile, type TestFileProblem } from '../route-tests/load.js';
import { runSuite, type SuiteResult } from '../route-tests/run.js';
import { buildReport, renderHuman, renderJson, renderJunit, renderTap } from '../route-tests/report.js';

export const TEST_HELP = `Usage: meshroute test FILE|DIR... [--json | --tap] [--junit FILE] [--min-coverage N]

Runs route-assertion files (YAML or JSON, docs/route-tests.md); a directory stands for every
*.routes.yaml, *.routes.yml and *.routes.json file in it and below. Each case routes one request through
the file's gateway and compares the decision with its expectation (any subset of the fields of
"meshroute route --json"). Prints each case, a field-by-field diff on failure, and route coverage:
which gateway routes and router routes some case's decision went through.

  --json               one JSON document: cases, failures, coverage, file errors (docs/cli.md)
  --tap                TAP version 13 on stdout
  --junit FILE         also write JUnit XML to FILE
  --min-coverage N     fail when route coverage is below N percent (0..100)
  --help               this text

Exit status: 0 every case passed (and coverage ≥ N), 1 a case failed, coverage below N or a file is
unusable, 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'json' },
  { name: 'tap' },
  { name: 'junit', value: true },
  { name: 'min-coverage', value: true },
  { name: 'help', short: 'h' },
];

export function testCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(TEST_HELP + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length === 0) throw new UsageError('USAGE_MISSING_PATHS', 'meshroute test needs at least one route-test file');
  if (flag(args, 'json') && flag(args, 'tap')) throw new UsageError('USAGE_BAD_VALUE', '--json and --tap both write stdout; choose one');
  const minText = stringOption(args, 'min-coverage');
  if (minText !== undefined && (!/^\d+(\.\d+)?$/.test(minText) || Number(minText) > 100)) throw new UsageError('USAGE_BAD_VALUE', `--min-coverage must be a percentage 0..100, got ${minText}`);
  const problems: TestFileProblem[] = [];
  const suites: (SuiteResult & { key: string })[] = [];
  const cache = new Map<string, Routing>();
  const expanded = args.positionals.map((p) => testFilesOf(p, problems));
  const files = expanded.flat();
  for (const file of files) {
    const loaded = loadTestFile(file);
    if (Array.isArray(loaded)) problems.push(...loaded);
    else suites.push(runSuite(loaded, cache));
  }
  // A directory that gave no file still counts as one (its problem is listed).
  const report = buildReport(files.length + expanded.filter((x) => x.length === 0).length, suites, problems, minText === undefined ? null : Number(minText));
  const junit = stringOption(args, 'junit');
  if (junit !== undefined) {
    try {
      writeFileSync(junit, renderJunit(report));
    } catch (err) {
      throw new UsageError('USAGE_BAD_VALUE', `--junit ${junit}: cannot be written (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  }
  io.out(flag(args, 'json') ? renderJson(report) : flag(args, 'tap') ? renderTap(report) : renderHuman(report));
  return report.passed ? EXIT_OK : EXIT_FINDINGS;
}

/** Route-test files by name: what a directory argument stands for. */
const TEST_FILE = /\.routes\.(ya?ml|json)$/;

/**
 * The files an argument names: a file itself (whatever its name; loadTestFile reports it when it
 * cannot be read), or a directory's *.routes.{yaml,yml,json} files in it and below, sorted. A
 * directory without any is a file problem (TESTFILE_NONE), not silently nothing.
 */
function testFilesOf(path: string, problems: TestFileProblem[]): string[] {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    return [path];
  }
  if (!isDir) return [path];
  let found: string[];
  try {
    found = filesNamed(path, TEST_FILE);
  } catch (err) {
    // filesNamed's InputError names the entry (`FILE: cannot be read (…)`); readdirSync's own errors carry a code.
    const where = err instanceof InputError ? err.file ?? path : path;
    const message = err instanceof InputError ? err.message.slice(where.length + 2) : `cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    problems.push({ code: 'TESTFILE_UNREADABLE', file: where, line: null, column: null, pointer: '', message });
    return [];
  }
  if (found.length === 0) {
    problems.push({ code: 'TESTFILE_NONE', file: path, line: null, column: null, pointer: '', message: 'is a directory with no *.routes.yaml, *.routes.yml or *.routes.json file' });
  }
  return found;
}

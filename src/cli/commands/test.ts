/** `meshroute test FILE…` — route-assertion files with route coverage (docs/route-tests.md, docs/cli.md). */

import { writeFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import type { Routing } from '../../analyze/routing-source.js';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { loadTestFile, type TestFileProblem } from '../route-tests/load.js';
import { runSuite, type SuiteResult } from '../route-tests/run.js';
import { buildReport, renderHuman, renderJson, renderJunit, renderTap } from '../route-tests/report.js';

export const TEST_HELP = `Usage: meshroute test FILE... [--json | --tap] [--junit FILE] [--min-coverage N]

Runs route-assertion files (YAML or JSON, docs/route-tests.md): each case routes one request through
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
  for (const file of args.positionals) {
    const loaded = loadTestFile(file);
    if (Array.isArray(loaded)) problems.push(...loaded);
    else suites.push(runSuite(loaded, cache));
  }
  const report = buildReport(args.positionals.length, suites, problems, minText === undefined ? null : Number(minText));
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

/** `meshroute lint <paths...> [--gateway NAME] [--json] [--fail-on warning|error] [--hostname-mode M]` — docs/cli.md, docs/lint.md. */

import { UsageError } from '../../errors.js';
import { atLeast, lint } from '../../analyze/index.js';
import type { Severity } from '../../model/diagnostics.js';
import { flag, listOption, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { renderFinding, renderLintSummary } from '../render-lint.js';
import { hostnameModeOption, loadValidManifests, requirePaths } from './_shared.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const LINT_HELP = `Usage: meshroute lint <paths...> [--gateway NAME] [--json] [--fail-on warning|error]

Finds what the routing does that its author probably did not mean: routes that can never win
(every request they match is taken first), route pairs only meshroute's tie-break orders, dead
targets (no provider, no router listener, weight 0, rewrites no router route matches) and smells.
Every finding names its routes with file and line, and shows a witness request you can route.
Without --gateway every gateway of the input is linted, and every virtual router.

Options:
  --gateway NAME        lint this gateway (and the routers it reaches) only
  --json                print one JSON document {gateways, virtualRouters, findings, counts} (docs/cli.md)
  --fail-on LEVEL       exit 1 when a finding at or above LEVEL exists: error (default) or warning
  --hostname-mode MODE  virtual-host (default) or flat, as for route
${NAMING_HELP}
  --help                this text

Exit status: 0 no finding at or above --fail-on, 1 such findings or invalid input, 2 usage error.
Codes: docs/errors.md § Lint; explanations with examples: docs/lint.md.`;

const OPTIONS: OptionSpec[] = [
  { name: 'gateway', value: true },
  { name: 'json' },
  { name: 'fail-on', value: true },
  { name: 'hostname-mode', value: true },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

export function lintCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(LINT_HELP + '\n');
    return EXIT_OK;
  }
  const paths = requirePaths(args.positionals, 'lint');
  const failOn = failOnOption(stringOption(args, 'fail-on'));
  const mode = hostnameModeOption(args);
  const gateway = stringOption(args, 'gateway');
  const loaded = loadValidManifests(paths, io, args);
  if (loaded === null) return EXIT_FINDINGS;
  const result = lint(loaded, { ...mode, ...(gateway === undefined ? {} : { gateway }) });
  if (flag(args, 'json')) {
    io.out(JSON.stringify(result, null, 2) + '\n');
  } else {
    const mesh = stringOption(args, 'mesh');
    const line = { paths, ...(mode.hostnameMode ? { hostnameMode: mode.hostnameMode } : {}), ...(mesh !== undefined ? { mesh } : {}), specNames: listOption(args, 'spec-name') };
    for (const f of result.findings) io.out(renderFinding(f, line) + '\n');
    io.out(renderLintSummary(result) + '\n');
  }
  return result.findings.some((f) => atLeast(f.severity, failOn)) ? EXIT_FINDINGS : EXIT_OK;
}

function failOnOption(v: string | undefined): Severity {
  if (v === undefined) return 'error';
  if (v !== 'error' && v !== 'warning') throw new UsageError('USAGE_BAD_VALUE', `--fail-on must be warning or error, got ${v}`);
  return v;
}

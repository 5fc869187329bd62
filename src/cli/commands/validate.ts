/** `meshroute validate <paths...> [--json] [--strict]` — docs/cli.md. */

import { InputError } from '../../errors.js';
import { loadFiles } from '../../model/load-model.js';
import { flag, parseArgs, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { renderDiagnostic, renderSummary } from '../render-diagnostics.js';
import { inputErrorDiagnostic } from '../failure.js';
import { requireResources } from '../input-checks.js';
import { requirePaths } from './_shared.js';
import { NAMING_HELP, NAMING_OPTIONS, namingOptions } from './_naming.js';

export const VALIDATE_HELP = `Usage: meshroute validate <paths...> [--json] [--strict] [--mesh MESH] [--spec-name FILE=Kind/name]...

Validates App Mesh resources the way App Mesh did: API constraints, the Kubernetes admission webhook
rules (for v1beta2 manifests), and references between resources. Paths are YAML/JSON files,
directories (searched recursively for *.yaml, *.yml, *.json) or - for standard input.
Non-App-Mesh documents (Deployments, Services, ...) are skipped and counted; input without a
single App Mesh resource (an empty file or directory, empty stdin) is invalid.

Options:
  --json     print {"valid": bool, "diagnostics": [...], "skipped": [...]} (docs/cli.md)
  --strict   non-canonical shapes from popular articles are errors, not warnings
  --help     this text
${NAMING_HELP}

Exit status: 0 valid, 1 invalid, 2 usage error.`;

const OPTIONS: OptionSpec[] = [{ name: 'json' }, { name: 'strict' }, { name: 'help', short: 'h' }, ...NAMING_OPTIONS];

export function validateCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(VALIDATE_HELP + '\n');
    return EXIT_OK;
  }
  const paths = requirePaths(args.positionals, 'validate');
  const json = flag(args, 'json');
  let result;
  try {
    result = requireResources(loadFiles(paths, { strict: flag(args, 'strict'), ...namingOptions(args) }, io.readStdin), paths);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const diagnostic = inputErrorDiagnostic(err);
    if (json) io.out(JSON.stringify({ valid: false, diagnostics: [diagnostic], skipped: [] }, null, 2) + '\n');
    else io.err(renderDiagnostic(diagnostic) + '\n');
    return EXIT_FINDINGS;
  }
  if (json) {
    io.out(JSON.stringify({ valid: result.valid, diagnostics: result.diagnostics, skipped: result.skipped }, null, 2) + '\n');
  } else {
    for (const d of result.diagnostics) io.out(renderDiagnostic(d) + '\n');
    io.out(renderSummary(result.valid, result.diagnostics, result.stats) + '\n');
  }
  return result.valid ? EXIT_OK : EXIT_FINDINGS;
}

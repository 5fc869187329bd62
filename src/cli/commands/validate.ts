/** `meshroute validate <paths...> [--json] [--strict]` — docs/cli.md. */

import { InputError } from '../../errors.js';
import { loadFiles } from '../../model/load-model.js';
import { flag, parseArgs, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { renderDiagnostic, renderSummary } from '../render-diagnostics.js';
import { inputDiagnostic, requirePaths } from './_shared.js';

export const VALIDATE_HELP = `Usage: meshroute validate <paths...> [--json] [--strict]

Validates App Mesh resources the way App Mesh did: API constraints, the Kubernetes admission webhook
rules (for v1beta2 manifests), and references between resources. Paths are YAML/JSON files,
directories (searched recursively for *.yaml, *.yml, *.json) or - for standard input.
Non-App-Mesh documents (Deployments, Services, ...) are skipped and counted.

Options:
  --json     print {"valid": bool, "diagnostics": [...]} (docs/cli.md)
  --strict   non-canonical shapes from popular articles are errors, not warnings
  --help     this text

Exit status: 0 valid, 1 invalid, 2 usage error.`;

const OPTIONS: OptionSpec[] = [{ name: 'json' }, { name: 'strict' }, { name: 'help', short: 'h' }];

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
    result = loadFiles(paths, { strict: flag(args, 'strict') }, io.readStdin);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    const diagnostic = inputDiagnostic(err);
    if (json) io.out(JSON.stringify({ valid: false, diagnostics: [diagnostic] }, null, 2) + '\n');
    else io.err(renderDiagnostic(diagnostic) + '\n');
    return EXIT_FINDINGS;
  }
  if (json) {
    io.out(JSON.stringify({ valid: result.valid, diagnostics: result.diagnostics }, null, 2) + '\n');
  } else {
    for (const d of result.diagnostics) io.out(renderDiagnostic(d) + '\n');
    io.out(renderSummary(result.valid, result.diagnostics, result.stats) + '\n');
  }
  return result.valid ? EXIT_OK : EXIT_FINDINGS;
}

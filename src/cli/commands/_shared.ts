/** What several commands share: paths, loading manifests that must be valid, the hostname mode. */

import { InputError, UsageError } from '../../errors.js';
import type { CompileOptions } from '../../compile/index.js';
import type { Diagnostic } from '../../model/diagnostics.js';
import { loadFiles, type LoadResult } from '../../model/load-model.js';
import { stringOption, type ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { renderDiagnostic } from '../render-diagnostics.js';

export function requirePaths(positionals: string[], command: string): string[] {
  if (positionals.length === 0) throw new UsageError('USAGE_MISSING_PATHS', `meshroute ${command} needs at least one path (file, directory, or - for stdin)`);
  return positionals;
}

/**
 * Loads manifests a command can only use when valid (route, compile, export). Unreadable paths and
 * errors are printed on stderr, and null returned: the command then exits 1.
 */
export function loadValidManifests(files: string[], io: CliIo, command: string): LoadResult | null {
  let loaded: LoadResult;
  try {
    loaded = loadFiles(files, {}, io.readStdin);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    io.err(renderDiagnostic(inputDiagnostic(err)) + '\n');
    return null;
  }
  if (loaded.valid) return loaded;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  for (const d of errors) io.err(renderDiagnostic(d) + '\n');
  io.err(`meshroute ${command}: ${errors.length} error(s) in the input; fix them first ("meshroute validate" lists every finding)\n`);
  return null;
}

/** `--hostname-mode virtual-host|flat` as compile options ({} when not given). */
export function hostnameModeOption(args: ParsedArgs): Pick<CompileOptions, 'hostnameMode'> {
  const mode = stringOption(args, 'hostname-mode');
  if (mode === undefined) return {};
  if (mode !== 'virtual-host' && mode !== 'flat') throw new UsageError('USAGE_BAD_VALUE', `--hostname-mode must be virtual-host or flat, got ${mode}`);
  return { hostnameMode: mode };
}

/** An unreadable input (missing file, bad encoding) as the diagnostic every command prints. */
export function inputDiagnostic(err: InputError): Diagnostic {
  return { severity: 'error', code: err.code, message: err.message, kind: null, namespace: null, name: null, path: '', file: err.file, line: err.line, column: err.column };
}

/** What several commands share: paths, loading manifests that must be valid, the hostname mode. */

import { UsageError, ValidationError } from '../../errors.js';
import type { CompileOptions } from '../../compile/index.js';
import { loadFiles, type LoadResult } from '../../model/load-model.js';
import { stringOption, type ParsedArgs } from '../args.js';
import type { CliIo } from '../io.js';
import { namingOptions } from './_naming.js';

export function requirePaths(positionals: string[], command: string): string[] {
  if (positionals.length === 0) throw new UsageError('USAGE_MISSING_PATHS', `meshroute ${command} needs at least one path (file, directory, or - for stdin)`);
  return positionals;
}

/**
 * Loads manifests a command can only use when valid (route, compile, lint, diff, export), named by
 * the command's `--mesh` / `--spec-name` when it takes them (_naming.ts). An unreadable path throws
 * InputError, invalid resources throw ValidationError: main.ts reports either (exit 1, and with
 * --json one JSON document). Never null any more; the type stays for existing callers.
 */
export function loadValidManifests(files: string[], io: CliIo, args: ParsedArgs): LoadResult | null {
  const loaded = loadFiles(files, namingOptions(args), io.readStdin);
  if (!loaded.valid) throw new ValidationError(loaded.diagnostics);
  return loaded;
}

/** `--hostname-mode virtual-host|flat` as compile options ({} when not given). */
export function hostnameModeOption(args: ParsedArgs): Pick<CompileOptions, 'hostnameMode'> {
  const mode = stringOption(args, 'hostname-mode');
  if (mode === undefined) return {};
  if (mode !== 'virtual-host' && mode !== 'flat') throw new UsageError('USAGE_BAD_VALUE', `--hostname-mode must be virtual-host or flat, got ${mode}`);
  return { hostnameMode: mode };
}

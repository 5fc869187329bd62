import { UsageError } from '../../errors.js';

export function requirePaths(positionals: string[], command: string): string[] {
  if (positionals.length === 0) throw new UsageError('USAGE_MISSING_PATHS', `meshroute ${command} needs at least one path (file, directory, or - for stdin)`);
  return positionals;
}

/**
 * A small, strict argument parser: every command declares its options; anything else is a usage
 * error (exit 2) naming the option. No dependency — the CLI must start fast.
 */

import { UsageError } from '../errors.js';
import { didYouMean } from './suggest.js';

export interface OptionSpec {
  /** Long name without dashes, e.g. `json`. */
  name: string;
  short?: string;
  /** Takes a value (`--gateway NAME`); `multiple` collects repeats into an array. */
  value?: boolean;
  multiple?: boolean;
}

export interface ParsedArgs {
  options: Record<string, string | string[] | boolean | undefined>;
  positionals: string[];
}

export function parseArgs(argv: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const options: ParsedArgs['options'] = {};
  const positionals: string[] = [];
  const byLong = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short!, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let spec: OptionSpec | undefined;
    let inline: string | undefined;
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      inline = eq >= 0 ? arg.slice(eq + 1) : undefined;
      spec = byLong.get(name);
      if (!spec) throw new UsageError('USAGE_UNKNOWN_OPTION', `unknown option --${name}${didYouMean(name, [...byLong.keys()], (n) => `--${n}`)}`);
    } else if (arg.startsWith('-') && arg.length > 1) {
      spec = byShort.get(arg.slice(1));
      if (!spec) throw new UsageError('USAGE_UNKNOWN_OPTION', `unknown option ${arg}${arg.length > 2 ? didYouMean(arg.slice(1), [...byLong.keys()], (n) => `--${n}`) : ''}`);
    } else {
      positionals.push(arg);
      continue;
    }
    if (!spec.value) {
      if (inline !== undefined) throw new UsageError('USAGE_BAD_VALUE', `option --${spec.name} takes no value`);
      options[spec.name] = true;
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new UsageError('USAGE_MISSING_VALUE', `option --${spec.name} needs a value`);
    if (spec.multiple) {
      const prev = options[spec.name];
      options[spec.name] = [...(Array.isArray(prev) ? prev : []), value];
    } else {
      if (options[spec.name] !== undefined) throw new UsageError('USAGE_REPEATED_OPTION', `option --${spec.name} given twice`);
      options[spec.name] = value;
    }
  }
  return { options, positionals };
}

export function stringOption(args: ParsedArgs, name: string): string | undefined {
  const v = args.options[name];
  return typeof v === 'string' ? v : undefined;
}

export function listOption(args: ParsedArgs, name: string): string[] {
  const v = args.options[name];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

export function flag(args: ParsedArgs, name: string): boolean {
  return args.options[name] === true;
}

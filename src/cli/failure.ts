/**
 * How every CLI command fails: one typed error, one message, one documented exit status, never a
 * stack trace (docs/cli.md "Errors and exit status"). Commands throw; `reportFailure` (called once,
 * by main.ts) renders. Node's system errors (ENOENT, ENOSPC, EEXIST, …) from writing outputs become
 * `OutputError`s naming the path; anything else unexpected is an internal error (exit 3) whose stack
 * is shown only with MESHROUTE_DEBUG=1. With `--json`, the failure is one JSON document on stdout.
 */

import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { InputError, MeshrouteError, TableFormatError, UsageError, ValidationError } from '../errors.js';
import { inputDiagnostic, type Diagnostic } from '../model/diagnostics.js';
import { EXIT_FINDINGS, EXIT_USAGE, type CliIo } from './io.js';
import { renderDiagnostic } from './render-diagnostics.js';

/** A bug in meshroute (an exception no rule anticipated): exit status 3. */
export const EXIT_INTERNAL = 3;

/** A file or directory the command was told to write could not be written. */
export class OutputError extends MeshrouteError {
  readonly file: string;
  constructor(code: string, message: string, file: string) {
    super(code, message);
    this.name = 'OutputError';
    this.file = file;
  }
}

/** An exception meshroute did not anticipate, wrapped so it is reported without a stack trace. */
export class InternalError extends MeshrouteError {
  readonly original: unknown;
  constructor(original: unknown) {
    const what = original instanceof Error ? `${original.name}: ${original.message}` : String(original);
    super('INTERNAL_ERROR', `internal error (a bug in meshroute; please report it with the command that caused it): ${what}`);
    this.name = 'InternalError';
    this.original = original;
  }
}

/** Node's system error codes, in a user's words. */
const SYSTEM_REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory (does its directory exist?)',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EEXIST: 'a file of that name already exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'it is a directory',
  ENOTDIR: 'a part of the path is a file, not a directory',
  EROFS: 'read-only file system',
  EMFILE: 'too many open files',
  EFBIG: 'file too large',
  EIO: 'input/output error',
  EPIPE: 'the reader closed the pipe',
};

interface SystemError {
  code: string;
  message: string;
}

function isSystemError(err: unknown): err is SystemError {
  const code = err instanceof Error ? (err as Partial<SystemError>).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code);
}

/** "no space left on the device (ENOSPC)" for a system error, else its message. */
export function systemReason(err: unknown): string {
  if (!isSystemError(err)) return err instanceof Error ? err.message : String(err);
  return `${SYSTEM_REASONS[err.code] ?? err.message} (${err.code})`;
}

/** Runs one write to `file`; a system error becomes an OutputError naming the file and the reason. */
function writing<T>(action: string, file: string, write: () => T): T {
  try {
    return write();
  } catch (err) {
    if (!isSystemError(err)) throw err;
    throw new OutputError('OUTPUT_WRITE_FAILED', `cannot ${action} ${file}: ${systemReason(err)}`, file);
  }
}

export function writeOutputFile(file: string, data: string | Uint8Array): void {
  writing('write', file, () => writeFileSync(file, data));
}

export function copyOutputFile(from: string, to: string): void {
  writing('write', to, () => copyFileSync(from, to));
}

/** mkdir -p; an existing file at `dir` (EEXIST/ENOTDIR) is named as such. */
export function makeOutputDirectory(dir: string): void {
  writing('create directory', dir, () => mkdirSync(dir, { recursive: true }));
}

/** The typed error for anything a command threw. */
export function typedError(err: unknown): MeshrouteError {
  if (err instanceof MeshrouteError) return err;
  // A system error that escaped a command (not through the helpers above) still names its cause.
  if (isSystemError(err)) return new OutputError('SYSTEM_ERROR', systemReason(err), (err as { path?: string }).path ?? '');
  return new InternalError(err);
}

export function exitStatusOf(err: MeshrouteError): number {
  if (err instanceof UsageError) return EXIT_USAGE;
  if (err instanceof InternalError) return EXIT_INTERNAL;
  return EXIT_FINDINGS;
}

/** An InputError as the diagnostic `validate` reports for it. */
export function inputErrorDiagnostic(err: InputError): Diagnostic {
  return inputDiagnostic(err.code, err.message, err);
}

/** The `--json` document of a failure (docs/cli.md): every field always present, null where not applicable. */
export interface FailureReport {
  error: { code: string; message: string; exitStatus: number; file: string | null; line: number | null; column: number | null; offset: number | null };
  diagnostics: Diagnostic[];
}

export function failureReport(err: MeshrouteError): FailureReport {
  const file = err instanceof InputError || err instanceof OutputError ? err.file || null : null;
  return {
    error: {
      code: err.code,
      message: err.message,
      exitStatus: exitStatusOf(err),
      file,
      line: err instanceof InputError ? err.line : null,
      column: err instanceof InputError ? err.column : null,
      offset: err instanceof TableFormatError ? err.offset : null,
    },
    diagnostics: err instanceof ValidationError ? [...err.diagnostics] : err instanceof InputError ? [inputErrorDiagnostic(err)] : [],
  };
}

/** Reports a failure of `meshroute <command>` (null: before a command was chosen); returns the exit status. */
export function reportFailure(thrown: unknown, command: string | null, io: CliIo, json: boolean): number {
  const err = typedError(thrown);
  const status = exitStatusOf(err);
  if (json) {
    io.out(JSON.stringify(failureReport(err), null, 2) + '\n');
  } else {
    const who = command === null ? 'meshroute' : `meshroute ${command}`;
    if (err instanceof ValidationError) {
      const errors = err.diagnostics.filter((d) => d.severity === 'error');
      for (const d of errors) io.err(renderDiagnostic(d) + '\n');
      io.err(`${who}: ${errors.length} error(s) in the input; fix them first ("meshroute validate" lists every finding)\n`);
    } else if (err instanceof InputError) {
      io.err(renderDiagnostic(inputErrorDiagnostic(err)) + '\n');
    } else {
      io.err(`${who}: ${err.message}\n`);
      if (err instanceof UsageError) io.err(`Run "${command === null ? 'meshroute' : who} --help" for usage.\n`);
    }
  }
  if (err instanceof InternalError && debugEnabled()) {
    io.err(`${err.original instanceof Error ? err.original.stack : String(err.original)}\n`);
  } else if (err instanceof InternalError) {
    io.err('(set MESHROUTE_DEBUG=1 to see where it happened)\n');
  }
  return status;
}

function debugEnabled(): boolean {
  return typeof process !== 'undefined' && process.env.MESHROUTE_DEBUG === '1';
}

/** True when the arguments ask for JSON output (`--json` before any `--`). */
export function wantsJson(argv: readonly string[]): boolean {
  for (const a of argv) {
    if (a === '--') return false;
    if (a === '--json') return true;
  }
  return false;
}

/**
 * The library's typed errors. Every failure meshroute reports to a caller is one of these, so callers
 * can branch on `instanceof` or on the stable `code` instead of parsing messages.
 *
 * This file imports nothing: the zero-dependency runtime (table reader, evaluator, regex matcher)
 * throws these too.
 */

/** Base class of every error meshroute throws on purpose. */
export class MeshrouteError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code; // before name: the same own-property order with and without class-field semantics
    this.name = 'MeshrouteError';
  }
}

/** Input could not be read or parsed at all (unreadable file, YAML/JSON syntax error). */
export class InputError extends MeshrouteError {
  readonly file: string | null;
  readonly line: number | null;
  readonly column: number | null;
  constructor(code: string, message: string, where: { file?: string | null; line?: number | null; column?: number | null } = {}) {
    super(code, message);
    this.name = 'InputError';
    this.file = where.file ?? null;
    this.line = where.line ?? null;
    this.column = where.column ?? null;
  }
}

/** A caller used the API or CLI wrongly (unknown option, missing argument, unknown gateway name). */
export class UsageError extends MeshrouteError {
  constructor(code: string, message: string) {
    super(code, message);
    this.name = 'UsageError';
  }
}

/**
 * Decision-table or automaton bytes are unusable: bad magic, unsupported version, checksum
 * mismatch, or an offset/length pointing outside the data. `offset` is the byte offset where the
 * reader noticed the problem.
 */
export class TableFormatError extends MeshrouteError {
  readonly offset: number;
  constructor(code: string, message: string, offset: number) {
    super(code, message);
    this.name = 'TableFormatError';
    this.offset = offset;
  }
}

/**
 * Resources given to `compile()` / `reload()` are invalid. `diagnostics` lists every finding (the
 * same data `meshroute validate --json` prints); the message names the first errors.
 */
export class ValidationError extends MeshrouteError {
  readonly diagnostics: readonly import('./model/diagnostics.js').Diagnostic[];
  constructor(diagnostics: readonly import('./model/diagnostics.js').Diagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const shown = errors
      .slice(0, 3)
      .map((d) => `${d.file ?? '<input>'}${d.line ? `:${d.line}:${d.column}` : ''} ${d.code}: ${d.message}`)
      .join('; ');
    super('INVALID_RESOURCES', `${errors.length} invalid resource error(s): ${shown}${errors.length > 3 ? '; …' : ''}`);
    this.name = 'ValidationError';
    this.diagnostics = diagnostics;
  }
}

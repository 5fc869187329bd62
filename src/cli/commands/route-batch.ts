/**
 * `meshroute route -f PATH --batch FILE|-`: many requests, one process. Input is JSON Lines, one
 * request per line (`{"method","url","headers","port","protocol"}`); output is one `route --json`
 * decision per line, in input order. A bad line gives an error line for that line and the rest
 * go on (docs/cli.md).
 */
import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import type { RouteOptions, Router } from '../../evaluate/index.js';
import { requestFromArgs } from '../request-args.js';
import { flag, stringOption, type ParsedArgs } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';

/** Output lines written per io.out call: one write per line costs more than routing the line. */
const LINES_PER_WRITE = 1024;
const REQUEST_KEYS = new Set(['method', 'url', 'headers', 'port', 'protocol']);

/** Reads the batch input (a file or `-` for stdin). */
export function readBatchInput(source: string, io: CliIo): string {
  if (source === '-') return io.readStdin();
  try {
    return readFileSync(source, 'utf8');
  } catch (err) {
    throw new InputError('INPUT_NOT_FOUND', `${source}: cannot be read (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`, { file: source });
  }
}

/** Routes every non-blank line of `text`; returns the exit status (1 when any line was bad). */
export function routeBatch(text: string, router: Router, options: RouteOptions, args: ParsedArgs, io: CliIo): number {
  const explain = flag(args, 'explain');
  let bad = 0;
  let pending: string[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    let out: string;
    try {
      const request = requestFromLine(line);
      if (explain) {
        const explanation = router.explain(request, options);
        out = JSON.stringify({ ...explanation.decision, explanation });
      } else out = JSON.stringify(router.route(request, options));
    } catch (err) {
      if (!(err instanceof UsageError || err instanceof InputError || err instanceof TypeError || err instanceof SyntaxError)) throw err;
      bad++;
      const code = err instanceof SyntaxError ? 'BATCH_BAD_JSON' : err instanceof UsageError || err instanceof InputError ? err.code : 'BATCH_BAD_REQUEST';
      out = JSON.stringify({ line: i + 1, error: { code, message: err.message } });
    }
    pending.push(out);
    if (pending.length >= LINES_PER_WRITE) {
      io.out(pending.join('\n') + '\n');
      pending = [];
    }
  }
  if (pending.length > 0) io.out(pending.join('\n') + '\n');
  return bad > 0 ? EXIT_FINDINGS : EXIT_OK;
}

function requestFromLine(line: string) {
  const v: unknown = JSON.parse(line);
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new UsageError('BATCH_BAD_REQUEST', 'a line must be a JSON object {"method","url","headers","port","protocol"}');
  const o = v as Record<string, unknown>;
  const unknown = Object.keys(o).find((k) => !REQUEST_KEYS.has(k));
  if (unknown !== undefined) throw new UsageError('BATCH_BAD_REQUEST', `unknown field ${JSON.stringify(unknown)} (fields: ${[...REQUEST_KEYS].join(', ')})`);
  if (typeof o.url !== 'string') throw new UsageError('BATCH_BAD_REQUEST', '"url" must be a string');
  if (o.method !== undefined && typeof o.method !== 'string') throw new UsageError('BATCH_BAD_REQUEST', '"method" must be a string');
  if (o.port !== undefined && !Number.isInteger(o.port)) throw new UsageError('BATCH_BAD_REQUEST', '"port" must be an integer');
  if (o.protocol !== undefined && typeof o.protocol !== 'string') throw new UsageError('BATCH_BAD_REQUEST', '"protocol" must be a string');
  const request = requestFromArgs({ url: o.url, method: o.method as string | undefined, headers: [], port: o.port === undefined ? undefined : String(o.port), protocol: o.protocol as string | undefined });
  if (o.headers !== undefined) {
    const h = o.headers;
    const ok = h !== null && typeof h === 'object' && !Array.isArray(h) && Object.values(h).every((x) => typeof x === 'string' || (Array.isArray(x) && x.every((y) => typeof y === 'string')));
    if (!ok) throw new UsageError('BATCH_BAD_REQUEST', '"headers" must be an object of name → string or array of strings');
    request.headers = h as Record<string, string | string[]>;
  }
  return request;
}

/** `--batch` excludes a URL argument: say so plainly. */
export function checkBatchArgs(args: ParsedArgs): string | undefined {
  const batch = stringOption(args, 'batch');
  if (batch !== undefined && args.positionals.length > 0) throw new UsageError('USAGE_BAD_VALUE', '--batch reads requests from FILE or -; give no URL with it');
  return batch;
}

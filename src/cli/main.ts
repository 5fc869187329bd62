#!/usr/bin/env node
/**
 * The `meshroute` command. Thin: parse arguments, call the library, render. Every command has
 * `--json` and `--help`. Exit 0 = ran (valid / matched or not), 1 = findings or invalid input,
 * 2 = usage error, 3 = internal error. The JSON output is a contract (docs/cli.md). Every failure
 * goes through ./failure.ts: a typed error, no stack trace, and with --json one JSON document.
 */

import { UsageError } from '../errors.js';
import { readStdinSync } from '../model/load/read-input.js';
import { EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { reportFailure, systemReason, wantsJson } from './failure.js';
import { didYouMean } from './suggest.js';
import { examplesCommand } from './commands/examples.js';
import { validateCommand } from './commands/validate.js';
import { describeCommand } from './commands/describe.js';
import { explainCommand, routeCommand } from './commands/route.js';
import { compileCommand } from './commands/compile.js';
import { exportCommand } from './commands/export.js';
import { lintCommand } from './commands/lint.js';
import { diffCommand } from './commands/diff.js';
import { testCommand } from './commands/test.js';
import { playgroundCommand } from './commands/playground.js';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => number> = {
  validate: validateCommand,
  describe: describeCommand,
  route: routeCommand,
  explain: explainCommand,
  compile: compileCommand,
  export: exportCommand,
  diff: diffCommand,
  examples: examplesCommand,
  lint: lintCommand,
  test: testCommand,
  playground: playgroundCommand,
};

export const MAIN_HELP = `meshroute — AWS App Mesh routing semantics, anywhere.

Usage: meshroute <command> [options]

Commands:
  validate <paths...>   validate App Mesh resources (K8s v1beta2 manifests or AWS API JSON)
  describe <paths...>   print the resolved topology
  route -f PATH URL     route one request through a gateway (--explain: why)
  explain -f PATH URL   the same as route --explain: every route in precedence order, ✔/✘
  compile -f PATH -o F  write a gateway's decision table (route --table F reads it)
  export envoy -f PATH  write an Envoy bootstrap with the wasm filter (docs/wasm-filter.md)
  export gateway-api -f PATH -o DIR  Gateway API resources, checked against App Mesh (docs/migrate-gateway-api.md)
  examples [DIR]        copy the example meshes shipped with the package into DIR
  lint <paths...>       routes that never win, tie-break-only orders, dead targets, smells (docs/lint.md)
  test FILE...          run route-assertion files, with route coverage (docs/route-tests.md)
  diff OLD NEW          which requests two manifest sets route differently, with witnesses
  playground            serve the playground page on 127.0.0.1 (docs/playground.md)

Run "meshroute <command> --help" for a command's options.
Exit status: 0 ran, 1 invalid input or an output that cannot be written, 2 usage error,
3 internal error. With --json every outcome, errors included, is one JSON document (docs/cli.md).`;

export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.out(MAIN_HELP + '\n');
    return command === undefined ? EXIT_USAGE : EXIT_OK;
  }
  if (command === '--version') {
    io.out('meshroute 0.1.0\n');
    return EXIT_OK;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) {
    const hint = didYouMean(command, Object.keys(COMMANDS), (c) => `"meshroute ${c}"`);
    return reportFailure(new UsageError('USAGE_UNKNOWN_COMMAND', `unknown command ${JSON.stringify(command)}${hint}; commands: ${Object.keys(COMMANDS).join(', ')}`), null, io, wantsJson(rest));
  }
  try {
    return run(rest, io);
  } catch (err) {
    return reportFailure(err, command, io, wantsJson(rest));
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && /(^|[\\/])(cli|main)\.(js|ts|mjs)$|meshroute$/.test(entry);
}

/**
 * Standard output that cannot be written: a reader that stopped (`meshroute validate … | head -1`,
 * EPIPE) ends the command quietly with its own status, as Unix tools do; any other failure (a full
 * disk, `> /dev/full`) is reported on stderr, exit 1. Node reports both as 'error' events.
 */
function guardStdout(): void {
  process.stdout.on('error', (err: Error & { code?: string }) => {
    if (err.code !== 'EPIPE') {
      process.stderr.write(`meshroute: cannot write standard output: ${systemReason(err)}\n`);
      if (!process.exitCode) process.exitCode = 1;
    }
    process.exit();
  });
}

if (isMain()) {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: readStdinSync,
    tty: Boolean(process.stdout.isTTY),
  };
  guardStdout();
  // Last resort for anything thrown outside a command's call (none today): still no stack trace.
  process.on('uncaughtException', (err) => {
    process.exitCode = reportFailure(err, null, io, wantsJson(process.argv.slice(2)));
  });
  process.exitCode = runCli(process.argv.slice(2), io);
}

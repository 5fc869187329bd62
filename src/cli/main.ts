#!/usr/bin/env node
/**
 * The `meshroute` command. Thin: parse arguments, call the library, render. Every command has
 * `--json` and `--help`. Exit 0 = ran (valid / matched or not), 1 = findings or invalid input,
 * 2 = usage error. The JSON output is a contract (docs/cli.md).
 */

import { readFileSync } from 'node:fs';
import { MeshrouteError, UsageError } from '../errors.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, type CliIo } from './io.js';
import { validateCommand } from './commands/validate.js';
import { describeCommand } from './commands/describe.js';
import { explainCommand, routeCommand } from './commands/route.js';
import { compileCommand } from './commands/compile.js';
import { exportCommand } from './commands/export.js';
import { lintCommand } from './commands/lint.js';
import { playgroundCommand } from './commands/playground.js';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIo) => number> = {
  validate: validateCommand,
  describe: describeCommand,
  route: routeCommand,
  explain: explainCommand,
  compile: compileCommand,
  export: exportCommand,
  lint: lintCommand,
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
  lint <paths...>       routes that never win, tie-break-only orders, dead targets, smells (docs/lint.md)
  playground            serve the playground page on 127.0.0.1 (docs/playground.md)

Run "meshroute <command> --help" for a command's options.`;

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
  const run = COMMANDS[command];
  if (!run) {
    io.err(`meshroute: unknown command ${JSON.stringify(command)}\n\n${MAIN_HELP}\n`);
    return EXIT_USAGE;
  }
  try {
    return run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(`meshroute ${command}: ${err.message}\nRun "meshroute ${command} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    if (err instanceof MeshrouteError) {
      io.err(`meshroute ${command}: ${err.message}\n`);
      return EXIT_FINDINGS;
    }
    throw err;
  }
}

function isMain(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && /(^|[\\/])(cli|main)\.(js|ts|mjs)$|meshroute$/.test(entry);
}

if (isMain()) {
  const io: CliIo = {
    out: (t) => process.stdout.write(t),
    err: (t) => process.stderr.write(t),
    readStdin: () => readFileSync(0, 'utf8'),
    tty: Boolean(process.stdout.isTTY),
  };
  process.exitCode = runCli(process.argv.slice(2), io);
}

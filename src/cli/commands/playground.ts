/** `meshroute playground [--port N]` — serves the playground page (docs/playground.md) on 127.0.0.1. */

import { MeshrouteError, UsageError } from '../../errors.js';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { servePlayground } from '../playground-server.js';

export const PLAYGROUND_HELP = `Usage: meshroute playground [--port N] [--json]

Serves the playground on http://127.0.0.1:N/ until stopped (Ctrl+C): paste or drop manifests, see the
diagnostics on their lines, the topology, and the decision and explanation for any request. It runs
entirely in the browser; nothing is sent anywhere. Opens no browser by itself.
(The page also works without a server: open dist/playground/index.html from the package.)

  --port N   port on 127.0.0.1 (default 8737; 0 = any free port)
  --json     print {"url", "root"} once serving
  --help     this text

Exit status: 0 stopped normally, 1 the port cannot be used, 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'port', value: true },
  { name: 'json' },
  { name: 'help', short: 'h' },
];

export const DEFAULT_PLAYGROUND_PORT = 8737;

export function playgroundCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(PLAYGROUND_HELP + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length > 0) throw new UsageError('USAGE_UNEXPECTED_ARGUMENT', `meshroute playground takes no arguments, got ${JSON.stringify(args.positionals[0])}`);
  const portText = stringOption(args, 'port');
  const port = portText === undefined ? DEFAULT_PLAYGROUND_PORT : Number(portText);
  if (portText !== undefined && (!/^\d+$/.test(portText) || port > 65535)) throw new UsageError('USAGE_BAD_VALUE', `--port must be 0..65535, got ${portText}`);
  const json = flag(args, 'json');
  servePlayground({ port }).then(
    (server) => {
      if (json) io.out(JSON.stringify({ url: server.url, root: server.root }) + '\n');
      else io.out(`meshroute playground: serving ${server.root} at ${server.url} (Ctrl+C stops)\n`);
    },
    (err: unknown) => {
      if (!(err instanceof MeshrouteError)) throw err;
      if (json) io.out(JSON.stringify({ error: { name: err.name, code: err.code, message: err.message } }) + '\n');
      io.err(`meshroute playground: ${err.message}\n`);
      process.exitCode = EXIT_FINDINGS;
    },
  );
  return EXIT_OK;
}

/** `meshroute compile -f PATH... --gateway NAME -o FILE` — write a gateway's decision table (docs/cli.md). */

import { UsageError } from '../../errors.js';
import { buildGatewayTable } from '../../compile/index.js';
import { dumpTable } from '../../table/index.js';
import { selectGateway } from '../../api/gateway.js';
import { flag, listOption, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { writeOutputFile } from '../failure.js';
import { hostnameModeOption, loadValidManifests } from './_shared.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const COMPILE_HELP = `Usage: meshroute compile -f PATH [-f PATH]... [--gateway NAME] (-o FILE | --dump) [--json]

Compiles one VirtualGateway into a single decision table (docs/table-format.md): its gateway
routes plus every virtual router, provider and virtual node endpoint reachable from them, so
"meshroute route --table", the runtime (loadTable) and the WASM filter make the whole two-stage
decision from that file alone.

  -f, --file PATH     manifests: file, directory or - (repeatable)
  --gateway NAME      App Mesh name, K8s name or namespace/name (optional with one gateway)
  -o, --output FILE   where to write the table
  --dump              print the table's text dump instead of (or besides) writing it
  --hostname-mode M   virtual-host (default) | flat
  --json              print {"gateway", "output", "bytes", "routes", "virtualRouters", "virtualNodes", "ties"}
${NAMING_HELP}
  --help              this text

Exit status: 0 written, 1 invalid input, 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'file', short: 'f', value: true, multiple: true },
  { name: 'gateway', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'dump' },
  { name: 'hostname-mode', value: true },
  { name: 'json' },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

export function compileCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(COMPILE_HELP + '\n');
    return EXIT_OK;
  }
  const files = [...listOption(args, 'file'), ...args.positionals];
  if (files.length === 0) throw new UsageError('USAGE_MISSING_PATHS', 'meshroute compile needs manifests (-f PATH)');
  const output = stringOption(args, 'output');
  if (output === undefined && !flag(args, 'dump')) throw new UsageError('USAGE_MISSING_OUTPUT', 'meshroute compile needs -o FILE (or --dump)');
  const modeOption = hostnameModeOption(args);
  const loaded = loadValidManifests(files, io, args);
  if (!loaded) return EXIT_FINDINGS;
  const gateway = selectGateway(loaded.model, stringOption(args, 'gateway'));
  const build = buildGatewayTable(loaded.model, gateway, modeOption);
  if (output !== undefined) writeOutputFile(output, build.table);
  const summary = { gateway: gateway.name, output: output ?? null, bytes: build.table.length, routes: build.routes.length, virtualRouters: build.virtualRouters, virtualNodes: build.virtualNodes, ties: build.ties };
  if (flag(args, 'json')) io.out(JSON.stringify(summary, null, 2) + '\n');
  else {
    if (flag(args, 'dump')) io.out(dumpTable(build.table));
    if (output !== undefined) io.out(`wrote ${output}: gateway ${gateway.name}, ${build.routes.length} gateway routes, ${build.virtualRouters.length} virtual routers, ${build.virtualNodes.length} virtual nodes, ${build.table.length} bytes\n`);
    for (const t of build.ties) {
      const where = t.virtualRouter === null ? 'gateway routes' : `routes of virtual router ${t.virtualRouter}`;
      io.out(`note: ${where} ${t.first} and ${t.second} are ordered only by meshroute's tie-break (${t.decidedBy}); App Mesh left their order unspecified\n`);
    }
  }
  return EXIT_OK;
}

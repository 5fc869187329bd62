/** `meshroute export envoy -f PATH... --gateway NAME [-o DIR]` — an Envoy bootstrap with the wasm filter (docs/wasm-filter.md). */

import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from '../../errors.js';
import { buildGatewayTable } from '../../compile/index.js';
import { selectGateway } from '../../api/gateway.js';
import { exportEnvoy } from '../../export/envoy.js';
import { flag, listOption, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { copyOutputFile, makeOutputDirectory, writeOutputFile } from '../failure.js';
import { hostnameModeOption, loadValidManifests } from './_shared.js';
import { exportGatewayApiCommand } from './export-gateway-api.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const EXPORT_HELP = `Usage: meshroute export envoy -f PATH [-f PATH]... [--gateway NAME] [-o DIR] [options]

Writes an Envoy bootstrap that runs the VirtualGateway on plain Envoy with the meshroute
proxy-wasm filter: DIR/envoy.yaml, DIR/<gateway>.table and DIR/meshroute-filter.wasm.

  -f, --file PATH      manifests: file, directory or - (repeatable)
  --gateway NAME       App Mesh name, K8s name or namespace/name (optional with one gateway)
  -o, --output DIR     output directory (default: .)
  --wasm-path PATH     the .wasm path as Envoy sees it (default: DIR/meshroute-filter.wasm, absolute)
  --hostname-mode M    virtual-host (default) | flat
  --admin-port N       Envoy admin port (default 9901)
  --json               print {"gateway", "files", "clusters", "notes"}
${NAMING_HELP}
  --help               this text

Exit status: 0 written, 1 invalid input, 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'file', short: 'f', value: true, multiple: true },
  { name: 'gateway', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'wasm-path', value: true },
  { name: 'hostname-mode', value: true },
  { name: 'admin-port', value: true },
  { name: 'json' },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

/** Where `node wasm/build.mjs` puts the filter (dist/ beside the CLI, or the repository's dist/). */
function builtFilter(): string | null {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const p of [join(here, 'meshroute-filter.wasm'), join(here, '..', '..', '..', 'dist', 'meshroute-filter.wasm'), join(here, '..', 'meshroute-filter.wasm')]) {
    if (existsSync(p)) return p;
  }
  return null;
}

export function exportCommand(argv: readonly string[], io: CliIo): number {
  if (argv[0] === 'gateway-api') return exportGatewayApiCommand(argv.slice(1), io);
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(EXPORT_HELP + '\n');
    return EXIT_OK;
  }
  const [target, ...extra] = args.positionals;
  if (target !== 'envoy') throw new UsageError('USAGE_BAD_VALUE', target === undefined ? 'meshroute export needs a target: envoy or gateway-api' : `unknown export target ${JSON.stringify(target)} (supported: envoy, gateway-api)`);
  const files = [...listOption(args, 'file'), ...extra];
  if (files.length === 0) throw new UsageError('USAGE_MISSING_PATHS', 'meshroute export envoy needs manifests (-f PATH)');
  const modeOption = hostnameModeOption(args);
  const adminText = stringOption(args, 'admin-port');
  const adminPort = adminText === undefined ? undefined : Number(adminText);
  if (adminPort !== undefined && !(Number.isInteger(adminPort) && adminPort >= 1 && adminPort <= 65535)) throw new UsageError('USAGE_BAD_VALUE', `--admin-port must be a port number, got ${adminText}`);
  const loaded = loadValidManifests(files, io, args);
  if (!loaded) return EXIT_FINDINGS;
  const gateway = selectGateway(loaded.model, stringOption(args, 'gateway'));
  const table = buildGatewayTable(loaded.model, gateway, modeOption).table;
  const dir = resolve(stringOption(args, 'output') ?? '.');
  const tablePath = join(dir, `${gateway.name}.table`);
  const wasmOut = join(dir, 'meshroute-filter.wasm');
  const wasmPath = stringOption(args, 'wasm-path') ?? wasmOut;
  const out = exportEnvoy(loaded.model, gateway, table, { wasmPath, tablePath, ...(adminPort === undefined ? {} : { adminPort }) });
  makeOutputDirectory(dir);
  const envoyPath = join(dir, 'envoy.yaml');
  writeOutputFile(envoyPath, out.yaml);
  writeOutputFile(tablePath, table);
  const written = [envoyPath, tablePath];
  const filter = builtFilter();
  if (filter !== null && resolve(filter) !== wasmOut) {
    copyOutputFile(filter, wasmOut);
    written.push(wasmOut);
  } else if (filter === null) {
    out.notes.push(`dist/meshroute-filter.wasm not found: build it (npm run build:wasm) and copy it to ${wasmPath}`);
  }
  if (flag(args, 'json')) {
    io.out(JSON.stringify({ gateway: gateway.name, files: written, clusters: out.clusters, notes: out.notes }, null, 2) + '\n');
  } else {
    for (const f of written) io.out(`wrote ${f}\n`);
    io.out(`gateway ${gateway.name}: ${gateway.listeners.length} listener(s), ${out.clusters.length} cluster(s)\n`);
    for (const n of out.notes) io.out(`note: ${n}\n`);
    io.out(`run: envoy -c ${envoyPath}\n`);
  }
  return EXIT_OK;
}

/**
 * `meshroute export gateway-api -f PATH... [--gateway NAME] -o DIR [options]` — Gateway API objects
 * for one VirtualGateway (and GAMMA routes for the mesh), checked request by request against App
 * Mesh; DIR/*.yaml + DIR/report.json. docs/cli.md § export gateway-api, docs/migrate-gateway-api.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../../errors.js';
import { exportGatewayApi } from '../../export/gateway-api/export.js';
import { TARGET_NAMES, type TargetName } from '../../export/gateway-api/capabilities.js';
import type { GatewayApiReport, RouteVerdict } from '../../export/gateway-api/report.js';
import { flag, listOption, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { loadValidManifests } from './_shared.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const EXPORT_GATEWAY_API_HELP = `Usage: meshroute export gateway-api -f PATH [-f PATH]... [--gateway NAME] -o DIR [options]

Writes Kubernetes Gateway API resources for a VirtualGateway — Gateway, HTTPRoute / GRPCRoute
(the gateway route → router route chain flattened), ReferenceGrant, and GAMMA routes for
east-west traffic — as DIR/<namespace>.<kind>.yaml, checks them request by request against App
Mesh's routing and writes DIR/report.json (docs/migrate-gateway-api.md).

  -f, --file PATH        manifests: file, directory or - (repeatable)
  --gateway NAME         App Mesh name, K8s name or namespace/name (optional with one gateway)
  -o, --output DIR       output directory (required)
  --gateway-class NAME   gatewayClassName (default per target: gateway, istio, eg, amazon-vpc-lattice)
  --target T             standard (default) | vpc-lattice | istio | envoy-gateway
  --prefix-mode M        segment (default: PathPrefix) | exact (RegularExpression, App Mesh's plain prefix)
  --no-mesh              leave out the GAMMA routes
  --requests N           random requests per check on top of the systematic ones (default 1000)
  --seed N               seed of the random requests (default 1)
  --json                 print report.json instead of the summary table
${NAMING_HELP}
  --help                 this text

Exit status: 0 every route exact, 1 any route approximate or unsupported (or invalid input),
2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'file', short: 'f', value: true, multiple: true },
  { name: 'gateway', value: true },
  { name: 'output', short: 'o', value: true },
  { name: 'gateway-class', value: true },
  { name: 'target', value: true },
  { name: 'prefix-mode', value: true },
  { name: 'no-mesh' },
  { name: 'requests', value: true },
  { name: 'seed', value: true },
  { name: 'json' },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

export function exportGatewayApiCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(EXPORT_GATEWAY_API_HELP + '\n');
    return EXIT_OK;
  }
  const files = [...listOption(args, 'file'), ...args.positionals];
  if (files.length === 0) throw new UsageError('USAGE_MISSING_PATHS', 'meshroute export gateway-api needs manifests (-f PATH)');
  const out = stringOption(args, 'output');
  if (out === undefined) throw new UsageError('USAGE_MISSING_VALUE', 'meshroute export gateway-api needs an output directory (-o DIR)');
  const target = stringOption(args, 'target') ?? 'standard';
  if (!(TARGET_NAMES as readonly string[]).includes(target)) throw new UsageError('USAGE_BAD_VALUE', `--target must be one of ${TARGET_NAMES.join(', ')}, got ${target}`);
  const prefixMode = stringOption(args, 'prefix-mode') ?? 'segment';
  if (prefixMode !== 'segment' && prefixMode !== 'exact') throw new UsageError('USAGE_BAD_VALUE', `--prefix-mode must be segment or exact, got ${prefixMode}`);
  const randomRequests = integerOption(args, 'requests', 0, 1_000_000);
  const seed = integerOption(args, 'seed', 0, 2 ** 31 - 1);
  const gatewayClass = stringOption(args, 'gateway-class');
  const gateway = stringOption(args, 'gateway');
  const loaded = loadValidManifests(files, io, args);
  if (!loaded) return EXIT_FINDINGS;
  const result = exportGatewayApi(loaded, {
    target: target as TargetName,
    prefixMode,
    noMesh: flag(args, 'no-mesh'),
    ...(gateway === undefined ? {} : { gateway }),
    ...(gatewayClass === undefined ? {} : { gatewayClass }),
    ...(randomRequests === undefined ? {} : { randomRequests }),
    ...(seed === undefined ? {} : { seed }),
  });
  const dir = resolve(out);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(result.files)) writeFileSync(join(dir, name), content);
  if (flag(args, 'json')) io.out(result.files['report.json']!);
  else io.out(summaryTable(result.report, Object.keys(result.files).map((f) => join(dir, f))));
  const s = result.report.summary;
  return s.approximate + s.unsupported === 0 ? EXIT_OK : EXIT_FINDINGS;
}

/** The human summary: one line per pair, then the totals. */
export function summaryTable(report: GatewayApiReport, written: readonly string[]): string {
  const lines = written.map((f) => `wrote ${f}`);
  const row = (r: RouteVerdict) => {
    const from = r.gatewayRoute === null ? `mesh ${r.virtualService}` : `${r.gatewayRoute}`;
    const to = r.route === null ? r.virtualService : `${r.virtualRouter} / ${r.route}`;
    const why = r.verdict === 'unsupported' ? r.unsupported[0] ?? '' : r.verdict === 'approximate' ? r.reasons.map((d) => d.kind).join(', ') : r.unreachable ?? '';
    return [r.verdict, from, to, why];
  };
  const rows = [['verdict', 'from', 'to', 'why'], ...report.routes.map(row), ...(report.mesh ?? []).flatMap((m) => m.routes.map(row))];
  const widths = [0, 1, 2].map((i) => Math.min(60, Math.max(...rows.map((r) => r[i]!.length))));
  for (const r of rows) lines.push(r.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd());
  const s = report.summary;
  lines.push(`${s.exact} exact, ${s.approximate} approximate, ${s.unsupported} unsupported; ${s.checkedRequests} requests checked, ${s.divergent} routed differently (target ${report.target}, prefix mode ${report.prefixMode}); details: report.json`);
  for (const f of report.findings) lines.push(`note: ${f.where}: ${f.message}`);
  return lines.join('\n') + '\n';
}

function integerOption(args: ReturnType<typeof parseArgs>, name: string, min: number, max: number): number | undefined {
  const text = stringOption(args, name);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError('USAGE_BAD_VALUE', `--${name} must be an integer from ${min} to ${max}, got ${text}`);
  return n;
}

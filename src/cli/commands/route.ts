/** `meshroute route` — one request through a gateway, from manifests or a compiled table (docs/cli.md). */

import { readFileSync } from 'node:fs';
import { InputError, UsageError } from '../../errors.js';
import { buildGatewayTable } from '../../compile/index.js';
import { loadTable, seededRandom, type Decision, type Endpoint, type Explanation, type RouteOptions, type Router } from '../../evaluate/index.js';
import { selectGateway } from '../../api/gateway.js';
import { flag, listOption, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { renderExplanation } from '../render-explain.js';
import { requestFromArgs } from '../request-args.js';
import { hostnameModeOption, loadValidManifests } from './_shared.js';
import { checkBatchArgs, readBatchInput, routeBatch } from './route-batch.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const ROUTE_HELP = `Usage: meshroute route -f PATH [-f PATH]... [--gateway NAME] [options] URL
       meshroute route --table FILE [--gateway NAME] [options] URL

Routes one request the way App Mesh would — gateway route, virtual service, virtual router route,
weighted target, virtual node and its endpoint — and prints the decision.

  URL                  http://host[:port]/path?query  (authority and listener port from it)
                       or /path?query                 (the gateway's only listener)
  -f, --file PATH      manifests: file, directory or - (repeatable)
  --table FILE         a table written by "meshroute compile" instead of manifests
  --gateway NAME       App Mesh name, K8s name or namespace/name (optional with one gateway)
  -X, --method METHOD  default GET
  -H, --header 'N: v'  a request header (repeatable; gRPC metadata for --protocol grpc)
  --port N             the listener port (default: the URL's port, else the only listener)
  --protocol P         http | http2 | grpc (default: the listener's protocol)
  --hostname-mode M    virtual-host (default) | flat   (docs/precedence.md §3)
  --seed N             reproducible weighted picks (seeded PRNG; default: random)
  --sticky-key NAME    weighted picks hash this request header (e.g. x-request-id)
  --all-targets        list every weighted target of the router route with its probability; pick none
  --explain            every gateway route, then every router route, in precedence order, ✔/✘ per criterion
  --json               one JSON object (docs/cli.md)
  --batch FILE|-       JSON Lines in ({"method","url","headers","port","protocol"}), one route --json decision per line out
${NAMING_HELP}
  --help               this text

Exit status: 0 the command ran (matched or not), 1 invalid input (with --batch: a bad line), 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'file', short: 'f', value: true, multiple: true },
  { name: 'table', value: true },
  { name: 'gateway', value: true },
  { name: 'method', short: 'X', value: true },
  { name: 'header', short: 'H', value: true, multiple: true },
  { name: 'port', value: true },
  { name: 'protocol', value: true },
  { name: 'hostname-mode', value: true },
  { name: 'seed', value: true },
  { name: 'sticky-key', value: true },
  { name: 'all-targets' },
  { name: 'explain' },
  { name: 'json' },
  { name: 'batch', value: true },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

/** `meshroute explain …` is `meshroute route --explain …` (DESIGN §5 names both commands). */
export function explainCommand(argv: readonly string[], io: CliIo): number {
  return routeCommand(argv.includes('--explain') ? argv : [...argv, '--explain'], io);
}

export function routeCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(ROUTE_HELP + '\n');
    return EXIT_OK;
  }
  const batch = checkBatchArgs(args);
  if (batch === undefined && args.positionals.length !== 1) throw new UsageError('USAGE_MISSING_URL', 'meshroute route needs exactly one URL');
  const files = listOption(args, 'file');
  const tableFile = stringOption(args, 'table');
  if ((files.length > 0) === (tableFile !== undefined)) throw new UsageError('USAGE_MISSING_INPUT', 'give manifests with -f PATH or a compiled table with --table FILE (not both)');
  if (batch !== undefined) {
    const router = tableFile !== undefined ? routerFromTable(tableFile, stringOption(args, 'gateway')) : routerFromFiles(files, args, io);
    return router ? routeBatch(readBatchInput(batch, io), router, routeOptions(args), args, io) : EXIT_FINDINGS;
  }
  const request = requestFromArgs({
    url: args.positionals[0]!,
    method: stringOption(args, 'method'),
    headers: listOption(args, 'header'),
    port: stringOption(args, 'port'),
    protocol: stringOption(args, 'protocol'),
  });
  const router = tableFile !== undefined ? routerFromTable(tableFile, stringOption(args, 'gateway')) : routerFromFiles(files, args, io);
  if (!router) return EXIT_FINDINGS;
  const options = routeOptions(args);
  const explain = flag(args, 'explain');
  const explanation = explain ? router.explain(request, options) : null;
  const decision = explanation ? explanation.decision : router.route(request, options);
  if (flag(args, 'json')) {
    io.out(JSON.stringify(explanation ? { ...decision, explanation } : decision, null, 2) + '\n');
  } else {
    io.out(explanation ? renderExplanation(explanation) : renderDecision(decision, router.gateway));
  }
  return EXIT_OK;
}

function routeOptions(args: ReturnType<typeof parseArgs>): RouteOptions {
  const options: RouteOptions = {};
  const seed = stringOption(args, 'seed');
  if (seed !== undefined) {
    if (!/^\d+$/.test(seed) || Number(seed) > 0xffffffff) throw new UsageError('USAGE_BAD_VALUE', `--seed must be an integer 0..4294967295, got ${seed}`);
    options.random = seededRandom(Number(seed));
  }
  const sticky = stringOption(args, 'sticky-key');
  if (sticky !== undefined) options.stickyKey = sticky;
  if (flag(args, 'all-targets')) options.allTargets = true;
  return options;
}

function routerFromTable(file: string, gateway: string | undefined): Router {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputError('INPUT_NOT_FOUND', `${file}: cannot be read (${(err as Error).message})`, { file });
  }
  return loadTable(bytes, gateway === undefined ? {} : { gateway });
}

function routerFromFiles(files: string[], args: ReturnType<typeof parseArgs>, io: CliIo): Router | null {
  const modeOption = hostnameModeOption(args);
  const loaded = loadValidManifests(files, io, args);
  if (!loaded) return null;
  const gateway = selectGateway(loaded.model, stringOption(args, 'gateway'));
  return loadTable(buildGatewayTable(loaded.model, gateway, modeOption).table);
}

export function renderDecision(d: Decision, gateway: string): string {
  const status = `HTTP ${d.status}${d.grpcStatus !== null ? `, grpc-status ${d.grpcStatus}` : ''}`;
  if (!d.matched && d.stage === 'gateway') {
    const named = d.gatewayRoute ? ` (gateway route ${d.gatewayRoute} matched but has no target to pick)` : '';
    return `✘ no match at the gateway stage of gateway ${gateway}: ${status}${named}\n`;
  }
  const lines = [
    `${d.matched ? '✔' : '✘'} gateway route ${d.gatewayRoute}  →  virtual service ${d.virtualService}${d.targetPort !== null ? `:${d.targetPort}` : ''}`,
    `  path ${d.path}   authority ${d.authority}`,
  ];
  if (!d.matched) {
    const why = d.virtualRouter === null ? `virtual service ${d.virtualService} has no provider (it routes no traffic)`
      : d.route === null ? `virtual router ${d.virtualRouter} has no route for this request`
      : `router route ${d.route} has no target with weight > 0`;
    lines.push(`✘ no match at the router stage: ${why}: ${status}`);
    return lines.join('\n') + '\n';
  }
  if (d.virtualRouter !== null) lines.push(`  virtual router ${d.virtualRouter}  route ${d.route}${d.virtualNode !== null ? `  →  virtual node ${d.virtualNode}` : ''}`);
  else if (d.virtualNode !== null) lines.push(`  provider  →  virtual node ${d.virtualNode}`);
  if (d.targets !== undefined) {
    for (const t of d.targets) lines.push(`    target ${t.virtualNode}  weight ${t.weight}  ${(t.probability * 100).toFixed(1)}%`);
  }
  if (d.endpoint !== null) lines.push(`  endpoint ${renderEndpoint(d.endpoint)}`);
  if (d.timeout !== null || d.retryPolicy !== null) {
    const parts: string[] = [];
    if (d.timeout !== null) parts.push(`timeout per-request ${ms(d.timeout.perRequestMs)}, idle ${ms(d.timeout.idleMs)}`);
    if (d.retryPolicy !== null) parts.push(`retries ${d.retryPolicy.maxRetries} × ${d.retryPolicy.perRetryTimeoutMs} ms on ${[...d.retryPolicy.httpStatusCodes.map(String), ...(d.retryPolicy.streamError ? ['stream-error'] : []), ...d.retryPolicy.tcpRetryEvents, ...d.retryPolicy.grpcRetryEvents].join(',') || '-'}`);
    lines.push(`  ${parts.join('; ')}`);
  }
  return lines.join('\n') + '\n';
}

export function renderEndpoint(e: Endpoint): string {
  const port = e.port === null ? '' : `:${e.port}`;
  if ('hostname' in e) return `dns ${e.hostname}${port}`;
  const attrs = e.attributes.map((a) => `${a.key}=${a.value}`).join(',');
  return `cloud map ${e.namespaceName}/${e.serviceName}${attrs ? ` [${attrs}]` : ''}${port}`;
}

export type { Explanation };

/** `5000 ms`, or `none` for an unset timeout. */
function ms(value: number | null): string {
  return value === null ? 'none' : `${value} ms`;
}

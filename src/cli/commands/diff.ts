/** `meshroute diff OLD NEW` — which requests two versions of a gateway's routing treat differently (docs/cli.md). */

import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { MAGIC } from '../../table/layout.js';
import { diff, type Branch, type DiffResult, type Outcome } from '../../analyze/diff.js';
import type { RouteRequest } from '../../evaluate/types.js';
import { flag, parseArgs, stringOption, type OptionSpec } from '../args.js';
import { EXIT_FINDINGS, EXIT_OK, type CliIo } from '../io.js';
import { hostnameModeOption, loadValidManifests } from './_shared.js';
import { NAMING_HELP, NAMING_OPTIONS } from './_naming.js';

export const DIFF_HELP = `Usage: meshroute diff OLD NEW [--gateway NAME] [--json]

Compares the routing of two manifest sets (files or directories; a table written by
"meshroute compile" works too) for one gateway: which requests
they route differently, grouped by old winner → new winner and the kind of change (winner, status,
rewrite, target, weight, policy), each group with a witness request that shows it.

Identical decision tables are reported equivalent exactly. Otherwise both versions route requests
generated from the routes of both (matches and near misses of every route); a witness proves its
difference, while "no difference" from generated requests is not a proof (the output says so).

  --gateway NAME       App Mesh name, K8s name or namespace/name (optional with one gateway)
  --hostname-mode M    virtual-host (default) | flat
  --samples N          requests drawn per route and kind (default 12)
  --seed N             seed of the request generator (default 1)
  --json               one JSON object (docs/cli.md)
${NAMING_HELP}
  --help               this text

Exit status: 0 equivalent, 1 different (or invalid input), 2 usage error.`;

const OPTIONS: OptionSpec[] = [
  { name: 'gateway', value: true },
  { name: 'hostname-mode', value: true },
  { name: 'samples', value: true },
  { name: 'seed', value: true },
  { name: 'json' },
  { name: 'help', short: 'h' },
  ...NAMING_OPTIONS,
];

export function diffCommand(argv: readonly string[], io: CliIo): number {
  const args = parseArgs(argv, OPTIONS);
  if (flag(args, 'help')) {
    io.out(DIFF_HELP + '\n');
    return EXIT_OK;
  }
  if (args.positionals.length !== 2) throw new UsageError('USAGE_MISSING_PATHS', 'meshroute diff needs two paths: OLD NEW');
  const samples = intOption(stringOption(args, 'samples'), 'samples', 1, 1000);
  const seed = intOption(stringOption(args, 'seed'), 'seed', 0, 0xffffffff);
  const mode = hostnameModeOption(args);
  const [oldPath, newPath] = args.positionals as [string, string];
  const before = tableAt(oldPath) ?? loadValidManifests([oldPath], io, args);
  if (!before) return EXIT_FINDINGS;
  const after = tableAt(newPath) ?? loadValidManifests([newPath], io, args);
  if (!after) return EXIT_FINDINGS;
  const gateway = stringOption(args, 'gateway');
  const result = diff(before, after, { ...mode, ...(gateway === undefined ? {} : { gateway }), ...(samples === undefined ? {} : { samplesPerRoute: samples }), ...(seed === undefined ? {} : { seed }) });
  if (flag(args, 'json')) io.out(JSON.stringify(result, null, 2) + '\n');
  else io.out(renderDiff(result));
  return result.equivalent ? EXIT_OK : EXIT_FINDINGS;
}

/** The bytes of a compiled table (`meshroute compile -o`), recognised by its magic; null for anything else (manifests). */
function tableAt(path: string): Uint8Array | null {
  try {
    if (!statSync(path).isFile()) return null;
    const bytes = readFileSync(path);
    return bytes.length >= 4 && new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true) === MAGIC ? new Uint8Array(bytes) : null;
  } catch {
    return null; // missing or unreadable: the manifest loader reports it
  }
}


function intOption(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) throw new UsageError('USAGE_BAD_VALUE', `--${name} must be an integer ${min}..${max}, got ${value}`);
  return Number(value);
}

export function renderDiff(r: DiffResult): string {
  if (r.equivalent) {
    return r.exact
      ? `✔ equivalent: both versions compile to the same decision table (exact)\n`
      : `✔ no difference on ${r.requests} generated requests (evidence, not a proof: requests were generated from the routes of both versions)\n`;
  }
  const lines = [`✘ ${r.groups.length} group(s) of requests route differently (${r.requests} generated requests; each witness proves its group)`];
  for (const g of r.groups) {
    lines.push('', `  ${g.old}  ⇒  ${g.new}   [${g.changes.join(', ')}]  ${g.count} request(s)`);
    lines.push(`    witness: ${renderRequest(g.witness.request)}`);
    lines.push(`      old: ${renderOutcome(g.witness.old)}`);
    lines.push(`      new: ${renderOutcome(g.witness.new)}`);
  }
  return lines.join('\n') + '\n';
}

export function renderRequest(r: RouteRequest): string {
  const headers = r.headers && !(Symbol.iterator in r.headers) ? Object.entries(r.headers).map(([k, v]) => ` -H '${k}: ${Array.isArray(v) ? v.join(',') : v}'`).join('') : '';
  const where = r.authority !== undefined ? `http://${r.authority}${r.path}` : r.path;
  return `${r.method ?? 'GET'} ${where}${r.port !== undefined ? ` --port ${r.port}` : ''}${r.scheme === 'https' ? ' (https)' : ''}${headers}`;
}

function renderOutcome(o: Outcome): string {
  if (o.status !== null && o.branches.every((b) => b.virtualService === null)) return `${o.winner}`;
  return `${o.winner}: ${o.branches.map(renderBranch).join(' | ')}`;
}

function renderBranch(b: Branch): string {
  const share = b.share < 1 ? `${(b.share * 100).toFixed(0)}% ` : '';
  const nodes = b.targets.map((t) => (b.targets.length > 1 ? `${t.virtualNode}(${t.weight})` : t.virtualNode)).join(',');
  return `${share}${b.virtualService ?? '-'}${b.targetPort !== null ? ':' + b.targetPort : ''} path ${b.path}${nodes ? ` → ${nodes}` : ''}`;
}

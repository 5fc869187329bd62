/** Human rendering of lint findings (the `--json` form is the LintResult itself, docs/cli.md). */

import type { LintFinding, LintResult, Witness } from '../analyze/index.js';
import { plural } from './render-diagnostics.js';

/** `file:line route: severity CODE message`, then the witness as a `meshroute route` line (curl-like flags). */
/** What the witness line repeats of the lint command: its paths, hostname mode and the names it gave spec-only files. */
export interface RouteLine { paths: readonly string[]; hostnameMode?: string; mesh?: string; specNames?: readonly string[] }

export function renderFinding(f: LintFinding, line: RouteLine): string {
  const r = f.route;
  const where = r.file ? `${r.file}${r.line ? `:${r.line}` : ''}` : '<input>';
  const who = `${r.kind}/${r.namespace ? r.namespace + '/' : ''}${r.displayName}`;
  const lines = [`${where} ${who}: ${f.severity} ${f.code}: ${f.message}`];
  if (f.witness !== null) lines.push(`  witness: ${renderWitness(f.witness, line)}`, `           → ${f.witness.shows}`);
  return lines.join('\n');
}

export function renderWitness(w: Witness, line: RouteLine): string {
  const req = w.request;
  const parts: string[] = [];
  if (req.method !== undefined && req.method !== 'GET') parts.push('-X', shellQuote(req.method));
  const headers = req.headers as Record<string, string> | undefined;
  for (const [k, v] of Object.entries(headers ?? {})) parts.push('-H', shellQuote(`${k}: ${v}`));
  const url = req.authority !== undefined ? `${req.scheme ?? 'http'}://${req.authority}${req.path}` : req.path;
  parts.push(shellQuote(url));
  if (w.at === 'router') return `as router ${w.virtualRouter} sees it on port ${req.port}${req.protocol ? `/${req.protocol}` : ''}: ${parts.join(' ')}`;
  const naming = [...(line.mesh !== undefined ? [`--mesh ${shellQuote(line.mesh)}`] : []), ...(line.specNames ?? []).map((n) => `--spec-name ${shellQuote(n)}`)];
  const head = ['meshroute route', ...line.paths.map((p) => `-f ${shellQuote(p)}`), ...naming, line.hostnameMode ? `--hostname-mode ${line.hostnameMode}` : '', w.gateway !== null ? `--gateway ${shellQuote(w.gateway)}` : '', `--port ${req.port}`, req.protocol && req.protocol !== 'http' ? `--protocol ${req.protocol}` : ''];
  return [...head.filter((x) => x !== ''), ...parts].join(' ');
}

export function renderLintSummary(result: LintResult): string {
  const { error, warning, info } = result.counts;
  const scope = [plural(result.gateways.length, 'gateway'), plural(result.virtualRouters.length, 'virtual router')].join(', ');
  const head = error + warning + info === 0 ? '✔ no findings' : `${plural(error, 'error')}, ${plural(warning, 'warning')}, ${plural(info, 'info')}`;
  return `${head} — ${scope} linted`;
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_./:=@%+,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

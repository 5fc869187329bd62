/**
 * renderExplanation: an Explanation as terminal text — the decision, then every gateway route in
 * precedence order with ✔/✘ per criterion. Pure; the CLI prints it.
 */
import type { Explanation, ExplainedRoute, RouterExplanation } from '../evaluate/types.js';

const OK = '✔';
const FAIL = '✘';

export function renderExplanation(ex: Explanation): string {
  const lines: string[] = [];
  const r = ex.request;
  const query = r.query === null ? '' : '?' + r.query;
  const listener = ex.listener === null ? `no listener on port ${r.port ?? '(none)'}` : `listener ${ex.listener.port}/${ex.listener.protocol}`;
  lines.push(`${r.method} ${r.path}${query}  host ${r.host || '(none)'}  ${listener}  protocol ${r.protocol ?? '(none)'}`);
  lines.push(`gateway ${ex.gateway}, hostnames ${ex.hostnameMode}${ex.virtualHost === null ? '' : `, virtual host ${ex.virtualHost}`}`);
  lines.push('');
  const d = ex.decision;
  if (d.matched || d.stage === 'router') {
    lines.push(`${OK} matched gateway route ${d.gatewayRoute} → virtual service ${d.virtualService}${d.targetPort === null ? '' : ':' + d.targetPort}`);
    lines.push(`  upstream path ${d.path}, authority ${d.authority}`);
    if (d.stage === 'router') lines.push(`${FAIL} no match at the router stage: HTTP ${d.status}${d.grpcStatus === null ? '' : `, gRPC status ${d.grpcStatus}`}`);
    else if (d.virtualNode !== null || d.targets !== undefined) {
      lines.push(`${OK} ${d.route === null ? 'provider' : `router ${d.virtualRouter} route ${d.route}`} → ${d.virtualNode !== null ? `virtual node ${d.virtualNode}` : `${d.targets?.length ?? 0} weighted targets (no pick)`}`);
    }
  } else {
    const why = d.gatewayRoute === null ? 'no gateway route matched' : `gateway route ${d.gatewayRoute} matched but has no target with weight > 0`;
    lines.push(`${FAIL} ${why}: HTTP ${d.status}${d.grpcStatus === null ? '' : `, gRPC status ${d.grpcStatus}`} (stage ${d.stage})`);
  }
  lines.push('');
  if (ex.routes.length === 0) {
    lines.push('(the gateway has no gateway routes)');
    return lines.join('\n') + '\n';
  }
  routeTable(lines, ex.routes);
  if (ex.router !== null) renderRouterStage(lines, ex.router);
  return lines.join('\n') + '\n';
}

function routeTable(lines: string[], routes: ExplainedRoute[]): void {
  const rows = routes.map(row);
  const header = ['rank', 'route', 'prio', 'result', 'criteria', 'target'];
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((cells) => width(cells[i]!))));
  const fmt = (cells: string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : pad(c, widths[i]!))).join('  ').trimEnd();
  lines.push(fmt(header));
  lines.push(fmt(widths.map((w) => '─'.repeat(w))));
  for (const cells of rows) lines.push(fmt(cells));
}

function renderRouterStage(lines: string[], r: RouterExplanation): void {
  lines.push('');
  if (r.provider === null) {
    lines.push(`router stage: virtual service ${r.virtualService} has no provider — it routes no traffic`);
    return;
  }
  if (r.provider === 'virtualNode') {
    lines.push(`router stage: virtual service ${r.virtualService} → provider virtual node ${r.providerName}`);
    return;
  }
  if (r.listener === null) {
    lines.push(`router stage: virtual router ${r.providerName} has no listener for target port ${r.request.port ?? '(none)'}`);
    return;
  }
  lines.push(`router stage: virtual router ${r.providerName}, listener ${r.listener.port}/${r.listener.protocol}, sees ${r.request.path}  authority ${r.request.authority ?? '(none)'}  scheme ${r.request.scheme}`);
  if (r.routes.length === 0) {
    lines.push('(the virtual router has no routes)');
    return;
  }
  routeTable(lines, r.routes);
}

function row(r: ExplainedRoute): string[] {
  const result = r.outcome === 'won' ? `${OK} won` : r.outcome === 'not-reached' ? '· not reached' : `${FAIL} ${r.failed}`;
  const criteria = r.criteria.map((c) => `${c.ok ? OK : FAIL} ${c.description}`).join('  ');
  return [String(r.rank), r.name, r.priority === null ? '-' : String(r.priority), result, criteria, `→ ${r.target}`];
}

/** Display width: every code point counts 1 (✔ ✘ · ─ are single-width in terminals). */
function width(s: string): number {
  return [...s].length;
}

function pad(s: string, w: number): string {
  return s + ' '.repeat(Math.max(0, w - width(s)));
}

/**
 * The answer to a request: a one-line verdict, the decision as `meshroute route --json` prints it,
 * and the explain tables (every route in precedence order with ✔/✘ per criterion).
 */
import type { Decision, ExplainedRoute, Explanation, RouterExplanation } from '../index.js';
import { fill, h } from './dom.js';

export function renderDecision(target: HTMLElement, explanation: Explanation): void {
  const d = explanation.decision;
  fill(
    target,
    h('p', { id: 'verdict', class: d.matched ? 'verdict ok' : 'verdict fail', role: 'status' }, verdict(d)),
    h('details', { open: true }, h('summary', {}, 'Decision (as route --json)'), h('pre', { id: 'decision-json', tabindex: 0 }, JSON.stringify(d, null, 2))),
    h('h3', {}, `Gateway ${explanation.gateway}: gateway routes in precedence order`),
    h('p', { class: 'muted' }, requestLine(explanation)),
    routeTable(explanation.routes, 'gateway-routes'),
    explanation.router ? routerStage(explanation.router) : null,
  );
}

export function renderError(target: HTMLElement, message: string): void {
  fill(target, h('p', { id: 'verdict', class: 'verdict fail', role: 'status' }, message));
}

function verdict(d: Decision): string {
  const status = `HTTP ${d.status}${d.grpcStatus !== null ? `, gRPC status ${d.grpcStatus}` : ''}`;
  if (!d.matched && d.stage === 'gateway') return `✘ no match at the gateway stage: ${status}`;
  const chain = [`gateway route ${d.gatewayRoute}`, `virtual service ${d.virtualService}${d.targetPort !== null ? `:${d.targetPort}` : ''}`];
  if (d.route !== null) chain.push(`route ${d.virtualRouter}/${d.route}`);
  if (d.virtualNode !== null) chain.push(`node ${d.virtualNode}`);
  const head = `${d.matched ? '✔' : '✘'} ${chain.join(' → ')}`;
  const where = `  path ${d.path}  authority ${d.authority}`;
  return d.matched ? head + where : `${head}: no match at the router stage, ${status}`;
}

function requestLine(ex: Explanation): string {
  const r = ex.request;
  const listener = ex.listener === null ? `no listener on port ${r.port ?? '(none)'}` : `listener ${ex.listener.port}/${ex.listener.protocol}`;
  const host = ex.virtualHost === null ? '' : `, virtual host ${ex.virtualHost}`;
  return `${r.method} ${r.path}${r.query === null ? '' : '?' + r.query}  host ${r.host || '(none)'}  ${listener}  protocol ${r.protocol ?? '(none)'}; hostnames ${ex.hostnameMode}${host}`;
}

function routerStage(r: RouterExplanation): HTMLElement {
  const box = h('section', { class: 'router-stage' }, h('h3', {}, `Router stage: virtual service ${r.virtualService}`));
  if (r.provider === null) box.append(h('p', {}, 'The virtual service has no provider: it routes no traffic.'));
  else if (r.provider === 'virtualNode') box.append(h('p', {}, `Provider: virtual node ${r.providerName}.`));
  else if (r.listener === null) box.append(h('p', {}, `Virtual router ${r.providerName} has no listener for target port ${r.request.port ?? '(none)'}.`));
  else {
    box.append(h('p', { class: 'muted' }, `virtual router ${r.providerName}, listener ${r.listener.port}/${r.listener.protocol}, sees ${r.request.path}  authority ${r.request.authority ?? '(none)'}`));
    box.append(routeTable(r.routes, 'router-routes'));
  }
  return box;
}

function routeTable(routes: ExplainedRoute[], id: string): HTMLElement {
  if (routes.length === 0) return h('p', { id }, '(no routes)');
  return h(
    'table',
    { id, class: 'explain' },
    h('thead', {}, h('tr', {}, ...['#', 'route', 'priority', 'result', 'criteria', 'target'].map((c) => h('th', { scope: 'col' }, c)))),
    h(
      'tbody',
      {},
      ...routes.map((r) =>
        h(
          'tr',
          { class: r.outcome, 'data-route': r.name },
          h('td', {}, r.rank + 1),
          h('td', {}, r.name),
          h('td', {}, r.priority ?? '–'),
          h('td', {}, r.outcome === 'won' ? '✔ won' : r.outcome === 'not-reached' ? '· not reached' : `✘ ${r.failed}`),
          h('td', {}, h('ul', { class: 'criteria' }, ...r.criteria.map((c) => h('li', { class: c.ok ? 'ok' : 'fail' }, `${c.ok ? '✔' : '✘'} ${c.description}`)))),
          h('td', {}, r.target),
        ),
      ),
    ),
  );
}

/**
 * Lint findings (docs/lint.md) under the diagnostics: each names its route and where it is written
 * (a click shows the line), says what is wrong, and carries the witness request that shows it — one
 * click puts a gateway witness into the request form and routes it.
 */
import type { HeaderInput, LintFinding, LintResult, Witness } from '../index.js';
import { fill, h } from './dom.js';
import type { RequestFields } from './state.js';

export interface LintActions {
  reveal(file: string, line: number, column: number): void;
  tryWitness(fields: Partial<RequestFields>): void;
}

export function renderLint(target: HTMLElement, result: LintResult | null, error: string | null, actions: LintActions): void {
  if (error !== null) {
    fill(target, h('li', { class: 'muted' }, `lint did not run: ${error}`));
    return;
  }
  if (result === null) {
    fill(target, h('li', { class: 'muted' }, 'Lint runs once the manifests are valid.'));
    return;
  }
  if (result.findings.length === 0) {
    fill(target, h('li', { class: 'ok' }, `✔ no findings: every route can win, no tie-break-only orders, no dead targets (${result.gateways.length} gateway${result.gateways.length === 1 ? '' : 's'}, ${result.virtualRouters.length} router${result.virtualRouters.length === 1 ? '' : 's'})`));
    return;
  }
  fill(target, ...result.findings.map((f) => findingItem(f, actions)));
}

function findingItem(f: LintFinding, actions: LintActions): HTMLElement {
  const r = f.route;
  const where = r.file !== null && r.line !== null ? `${r.file}:${r.line}` : '';
  const head = `${f.severity} ${f.code} ${r.kind === 'GatewayRoute' ? 'gateway route' : `route of ${r.parent}`} ${r.displayName}`;
  const file = r.file;
  const line = r.line;
  return h(
    'li',
    { class: `finding ${f.severity}`, 'data-code': f.code, 'data-route': r.displayName },
    file !== null && line !== null ? h('button', { type: 'button', class: 'link', title: 'show in the editor', onclick: () => actions.reveal(file, line, r.column ?? 1) }, where) : null,
    ` ${head}: ${f.message}`,
    f.witness ? witnessLine(f.witness, actions) : null,
  );
}

function witnessLine(w: Witness, actions: LintActions): HTMLElement {
  const fields = witnessFields(w);
  const text = `${fields.method} ${fields.url}${fields.headers ? ' ' + fields.headers.split('\n').map((l) => `-H '${l}'`).join(' ') : ''} (port ${w.request.port}) — ${w.shows}`;
  if (w.at !== 'gateway') return h('div', { class: 'witness' }, `witness at virtual router ${w.virtualRouter}: ${text}`);
  return h('div', { class: 'witness' }, h('button', { type: 'button', class: 'try', onclick: () => actions.tryWitness(fields) }, 'Try it'), ` ${text}`);
}

/** The request form's fields for a witness request (read back by the same parser as the CLI's). */
export function witnessFields(w: Witness): Partial<RequestFields> {
  const r = w.request;
  const scheme = r.scheme ?? 'http';
  return {
    method: r.method ?? 'GET',
    url: r.authority !== undefined ? `${scheme}://${r.authority}${r.path}` : r.path,
    headers: headerLines(r.headers),
    port: String(r.port),
    protocol: r.protocol ?? '',
  };
}

function headerLines(headers: HeaderInput | undefined): string {
  if (headers === undefined) return '';
  const pairs: [string, string][] = [];
  if (Symbol.iterator in Object(headers) && typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [k, v] of headers as Iterable<[string, string]>) pairs.push([k, v]);
  } else {
    for (const [k, v] of Object.entries(headers as Record<string, string | string[]>)) for (const one of Array.isArray(v) ? v : [v]) pairs.push([k, one]);
  }
  return pairs.map(([k, v]) => `${k}: ${v}`).join('\n');
}

/**
 * The playground page (docs/playground/): paste or drop manifests, see the diagnostics on their lines,
 * the gateway's topology, and the decision and explanation for a request — all in the browser, on the
 * meshroute browser bundle (window.meshroute, loaded by the page before this script). The whole state
 * lives in the URL fragment, so a link reproduces what the user sees.
 */
import { compile, lint, loadSources, seededRandom, selectGateway, type Diagnostic, type LintResult, type LoadResult, type MeshRouter, type RouteOptions, type VirtualGateway } from '../index.js';
import { requestFromArgs } from '../cli/request-args.js';
import { byId, fill, h } from './dom.js';
import { createEditor, type LineMark } from './editor.js';
import { renderDecision, renderError } from './decision-view.js';
import { drawTopology, type Topology } from './topology.js';
import { bundledExamples, type Example } from './examples.js';
import { decodeState, EMPTY_REQUEST, encodeState, type PlaygroundState, type RequestFields } from './state.js';
import { renderLint } from './lint-view.js';

const REQUEST_FIELDS = Object.keys(EMPTY_REQUEST) as (keyof RequestFields)[];

const examples = bundledExamples();
const exampleSelect = byId<HTMLSelectElement>('example');
const gatewaySelect = byId<HTMLSelectElement>('gateway');
const modeSelect = byId<HTMLSelectElement>('hostname-mode');
const diagnosticsList = byId<HTMLOListElement>('diagnostics');
const summary = byId<HTMLParagraphElement>('summary');
const result = byId<HTMLElement>('result');
const topologyBox = byId<HTMLElement>('topology');
const form = byId<HTMLFormElement>('request');
const lintList = byId<HTMLOListElement>('lint');

let loaded: LoadResult | null = null;
let router: MeshRouter | null = null;
let topology: Topology | null = null;
let analyzeTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

const editor = createEditor(() => {
  clearTimeout(analyzeTimer);
  analyzeTimer = setTimeout(analyze, 250);
});

function field(name: keyof RequestFields): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return byId(`req-${name}`);
}

function requestFields(): RequestFields {
  const out = { ...EMPTY_REQUEST };
  for (const name of REQUEST_FIELDS) out[name] = field(name).value;
  return out;
}

function setRequestFields(fields: Partial<RequestFields>): void {
  for (const name of REQUEST_FIELDS) field(name).value = fields[name] ?? EMPTY_REQUEST[name];
}

function currentState(): PlaygroundState {
  return { files: editor.files(), active: editor.active(), gateway: gatewaySelect.value, hostnameMode: modeSelect.value === 'flat' ? 'flat' : 'virtual-host', request: requestFields() };
}

function applyState(state: PlaygroundState): void {
  editor.setFiles(state.files, state.active);
  modeSelect.value = state.hostnameMode;
  setRequestFields(state.request);
  analyze(state.gateway);
}

function loadExample(example: Example): void {
  applyState({ files: example.files, active: 0, gateway: '', hostnameMode: 'virtual-host', request: { ...EMPTY_REQUEST, ...example.request } });
}

/** Validates the files, fills the diagnostics, the gateway list and the topology, then routes. */
function analyze(preferredGateway?: string): void {
  const files = editor.files();
  loaded = loadSources(files.map((f) => ({ file: f.name, text: f.text })));
  showDiagnostics(loaded.diagnostics);
  router = null;
  topology = null;
  const stats = `${files.length} file${files.length === 1 ? '' : 's'}, ${Object.values(loaded.stats.resources).reduce((a, b) => a + (b ?? 0), 0)} App Mesh resources`;
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = loaded.diagnostics.filter((d) => d.severity === 'warning').length;
  summary.className = loaded.valid ? 'summary ok' : 'summary fail';
  summary.textContent = `${loaded.valid ? '✔ valid' : '✘ invalid'}: ${stats}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
  const gateways = loaded.valid ? loaded.model.virtualGateways : [];
  const wanted = preferredGateway ?? gatewaySelect.value;
  fill(gatewaySelect, ...gateways.map((g) => h('option', { value: gatewayName(g) }, gatewayName(g))));
  gatewaySelect.disabled = gateways.length < 2;
  if (gateways.some((g) => gatewayName(g) === wanted)) gatewaySelect.value = wanted;
  if (!loaded.valid || gateways.length === 0) {
    showLint(null, null);
    fill(topologyBox, h('p', { class: 'muted' }, loaded.valid ? 'The input defines no virtual gateway.' : 'Fix the errors to see the topology and route requests.'));
    renderError(result, loaded.valid ? 'No virtual gateway to route through.' : 'The manifests are invalid: fix the errors listed under the editor.');
    scheduleSave();
    return;
  }
  try {
    const gateway = selectGateway(loaded.model, gatewaySelect.value || undefined);
    router = compile(loaded, { gateway: gatewaySelect.value || undefined, hostnameMode: modeSelect.value === 'flat' ? 'flat' : 'virtual-host' });
    topology = drawTopology(loaded.model, gateway);
    fill(topologyBox, topology.element);
    runLint(loaded, gatewaySelect.value || undefined);
  } catch (err) {
    fill(topologyBox);
    renderError(result, messageOf(err));
    scheduleSave();
    return;
  }
  routeRequest();
}

/** Lint of the chosen gateway and the routers behind it; its own failure never hides the routing. */
function runLint(input: LoadResult, gateway: string | undefined): void {
  try {
    showLint(lint(input, { gateway, hostnameMode: modeSelect.value === 'flat' ? 'flat' : 'virtual-host' }), null);
  } catch (err) {
    showLint(null, messageOf(err));
  }
}

function showLint(result: LintResult | null, error: string | null): void {
  renderLint(lintList, result, error, {
    reveal: (file, line, column) => editor.reveal(file, line, column),
    tryWitness: (fields) => {
      setRequestFields({ ...requestFields(), ...fields });
      routeRequest();
      showVerdict();
    },
  });
}

/** After a witness is routed, the answer is what the user wants to see (and screen readers to hear). */
function showVerdict(): void {
  byId('verdict').scrollIntoView({ block: 'nearest' });
}

function gatewayName(g: VirtualGateway): string {
  return g.namespace ? `${g.namespace}/${g.displayName}` : g.name;
}

function showDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const marks: LineMark[] = [];
  for (const d of diagnostics) if (d.file !== null && d.line !== null) marks.push({ file: d.file, line: d.line, severity: d.severity, message: `${d.code}: ${d.message}` });
  editor.mark(marks);
  fill(
    diagnosticsList,
    ...diagnostics.map((d) => {
      const where = `${d.file ?? '-'}${d.line !== null ? `:${d.line}:${d.column ?? 1}` : ''}`;
      const who = d.kind ? ` ${d.kind}${d.name ? '/' + d.name : ''}` : '';
      const text = `${where}${who}: ${d.severity} ${d.code}: ${d.message}`;
      const line = d.line;
      return h(
        'li',
        { class: `diag ${d.severity}`, 'data-line': line ?? '', 'data-file': d.file ?? '', 'data-code': d.code },
        d.file !== null && line !== null ? h('button', { type: 'button', class: 'link', onclick: () => editor.reveal(d.file!, line, d.column ?? 1) }, text) : text,
      );
    }),
  );
}

/** Routes the request in the form and shows the decision, the explanation and the path on the diagram. */
function routeRequest(): void {
  scheduleSave();
  if (!router) return;
  const f = requestFields();
  try {
    const request = requestFromArgs({
      url: f.url.trim(),
      method: f.method,
      headers: f.headers.split('\n').map((l) => l.trim()).filter((l) => l !== ''),
      ...(f.port.trim() ? { port: f.port.trim() } : {}),
      ...(f.protocol ? { protocol: f.protocol } : {}),
    });
    const options: RouteOptions = {};
    if (f.seed.trim() !== '') {
      const seed = f.seed.trim();
      if (!/^\d+$/.test(seed) || Number(seed) > 0xffffffff) throw new Error(`seed must be an integer 0..4294967295, got ${seed}`);
      options.random = seededRandom(Number(seed));
    }
    const explanation = router.explain(request, options);
    renderDecision(result, explanation);
    topology?.highlight(explanation.decision);
  } catch (err) {
    renderError(result, messageOf(err));
    topology?.highlight(null);
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function scheduleSave(): void {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    void encodeState(currentState()).then((fragment) => {
      history.replaceState(null, '', '#' + fragment);
      document.body.dataset.saved = fragment; // tests wait for this
    });
  }, 200);
}

// ---- wiring ----

fill(exampleSelect, h('option', { value: '' }, '— pick an example —'), ...examples.map((e) => h('option', { value: e.folder }, e.title)));
exampleSelect.addEventListener('change', () => {
  const example = examples.find((e) => e.folder === exampleSelect.value);
  if (example) loadExample(example);
});
gatewaySelect.addEventListener('change', () => analyze());
modeSelect.addEventListener('change', () => analyze());
form.addEventListener('input', scheduleSave);
form.addEventListener('submit', (e) => {
  e.preventDefault();
  routeRequest();
});
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    clearTimeout(analyzeTimer);
    analyze();
  }
});
byId('share').addEventListener('click', () => {
  void encodeState(currentState()).then(async (fragment) => {
    history.replaceState(null, '', '#' + fragment);
    const status = byId('share-status');
    try {
      await navigator.clipboard.writeText(location.href);
      status.textContent = 'Link copied.';
    } catch {
      status.textContent = 'The address bar holds the link.';
    }
  });
});
window.addEventListener('hashchange', () => void start());

async function start(): Promise<void> {
  const fromUrl = location.hash.length > 1 ? await decodeState(location.hash.slice(1)) : null;
  if (fromUrl) {
    exampleSelect.value = '';
    applyState(fromUrl);
  } else if (examples[0]) {
    exampleSelect.value = examples[0].folder;
    loadExample(examples[0]);
  } else applyState({ files: [{ name: 'mesh.yaml', text: '' }], active: 0, gateway: '', hostnameMode: 'virtual-host', request: EMPTY_REQUEST });
  document.body.dataset.ready = 'true';
}

void start();

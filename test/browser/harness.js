// Runs in the page and in a module Worker (plain JS, served as is by test/browser/browser.test.ts).
// `lib` is the full browser bundle (or the IIFE global), `runtime` the runtime bundle. Every suite is
// compiled here from its resources, every case routed; tables compiled in Node are loaded with the
// runtime bundle. Returns plain data for the test to compare with Node's decisions.
export function runSuites(lib, runtime, job) {
  const out = { compiled: [], fromNodeTables: [], example: null, loadFiles: null, diagnostics: null };
  for (const suite of job.suites) {
    const perMode = {};
    for (const mode of suite.modes) {
      const router = lib.compile(suite.documents, { gateway: suite.gateway, hostnameMode: mode });
      perMode[mode] = suite.cases.map((c) => router.route(c.request, routeOptions(c)));
    }
    out.compiled.push(perMode);
  }
  for (const t of job.tables) {
    const router = runtime.loadTable(new Uint8Array(t.bytes));
    out.fromNodeTables.push(t.cases.map((c) => router.route(c.request, routeOptions(c))));
  }
  // The example mesh from YAML text, as a browser user would do it.
  const loaded = lib.loadSources([{ file: 'mesh.yaml', text: job.example.text }]);
  const router = lib.compile(loaded, { gateway: job.example.gateway });
  out.example = {
    valid: loaded.valid,
    diagnostics: loaded.diagnostics.map((d) => `${d.severity} ${d.code} ${d.line}:${d.column}`),
    decisions: job.example.requests.map((r) => router.route(r)),
    explained: router.explain(job.example.requests[0]).routes?.length ?? null,
    table: Array.from(router.table),
  };
  // Texts full of findings: positions come from js-yaml here (src/browser/yaml-syntax.ts).
  out.diagnostics = lib.loadSources(job.diagnostics).diagnostics.map(diagnosticLine);
  try {
    lib.loadFiles(['mesh.yaml']);
    out.loadFiles = 'did not throw';
  } catch (e) {
    out.loadFiles = `${e.name} ${e.code} ${e instanceof lib.UsageError}`;
  }
  return out;
}

/** Only the runtime: the table bytes of the example, routed (the CSP page without 'unsafe-eval'). */
export function runTables(runtime, job) {
  return job.tables.map((t) => {
    const router = runtime.loadTable(new Uint8Array(t.bytes));
    return t.cases.map((c) => router.route(c.request, routeOptions(c)));
  });
}

/** As diagnosticLine in browser.test.ts: a YAML syntax error keeps only its code and line. */
function diagnosticLine(d) {
  const yamlSyntax = d.code === 'INPUT_SYNTAX' && /\.yaml$/.test(d.file ?? '') && !/Map keys must be unique|Excessive alias count/.test(d.message);
  return yamlSyntax ? `${d.severity} ${d.code} ${d.file}:${d.line}` : `${d.severity} ${d.code} ${d.path} ${d.file}:${d.line}:${d.column} ${d.message}`;
}

/** The vector case's route options (fixed random value, sticky header, all targets), as in Node's runner. */
function routeOptions(c) {
  const o = {};
  if (c.random !== undefined) o.random = () => c.random;
  if (c.stickyKey !== undefined) o.stickyKey = c.stickyKey;
  if (c.allTargets !== undefined) o.allTargets = c.allTargets;
  return o;
}

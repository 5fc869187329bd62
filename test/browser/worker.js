// A module Worker: imports the browser bundles and answers one job (see harness.js).
import * as lib from '/dist/browser/index.js';
import * as runtime from '/dist/browser/runtime.js';
import { runSuites, runTables } from '/test/browser/harness.js';

self.onmessage = (event) => {
  try {
    const job = event.data;
    self.postMessage({ ok: true, suites: runSuites(lib, runtime, job), tablesOnly: runTables(runtime, job), inWorker: typeof document === 'undefined' });
  } catch (e) {
    self.postMessage({ ok: false, error: `${e && e.stack ? e.stack : e}` });
  }
};

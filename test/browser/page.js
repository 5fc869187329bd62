// The page's module: the ESM bundles, the IIFE global (window.meshroute, loaded by a plain <script>)
// and a module Worker, all driven by the test through window.meshrouteTest.
import * as lib from '/dist/browser/index.js';
import * as runtime from '/dist/browser/runtime.js';
import { runSuites, runTables } from '/test/browser/harness.js';

window.meshrouteTest = {
  esm: (job) => runSuites(lib, runtime, job),
  global: (job) => runSuites(window.meshroute, window.meshroute, job),
  runtimeOnly: (job) => runTables(runtime, job),
  worker: (job) =>
    new Promise((resolve, reject) => {
      const w = new Worker('/test/browser/worker.js', { type: 'module' });
      w.onmessage = (e) => (w.terminate(), e.data.ok ? resolve(e.data) : reject(new Error(e.data.error)));
      w.onerror = (e) => (w.terminate(), reject(new Error(`worker error: ${e.message}`)));
      w.postMessage(job);
    }),
};
window.meshrouteReady = true;

// The runtime bundle alone, on a page whose Content-Security-Policy forbids eval ('unsafe-eval' absent).
import * as runtime from '/dist/browser/runtime.js';
import { runTables } from '/test/browser/harness.js';

window.meshrouteTest = { runtimeOnly: (job) => runTables(runtime, job) };
window.meshrouteReady = true;

/**
 * meshroute's side of a peer workload: the App Mesh gateway routes as AWS create-* documents
 * through the public compile() (load, validate, compile the gateway's decision table).
 */
import { compile } from '../../src/index.js';
import { apiDocuments } from '../../test/_support/vector-model.js';
import { setMeshrouteTable } from './adapters.js';
import type { PeerWorkload } from './workload.js';

/**
 * Compiles the workload's table and registers it with the meshroute adapter; returns the bytes.
 * Gateway stage only: the peers pick a route for a path, and so does meshroute's gateway stage;
 * the router stage (virtual service → virtual router → node) has nothing to do here — the
 * workload's services have no providers — and would only add its lookup to every decision.
 */
export function compileMeshroute(w: PeerWorkload): Uint8Array {
  const mesh = compile(apiDocuments(w.resources), { routerStage: false });
  if (mesh.diagnostics.some((d) => d.severity !== 'info')) throw new Error(`${w.name}: unexpected diagnostics: ${mesh.diagnostics.map((d) => d.code).join(', ')}`);
  setMeshrouteTable(w.name, mesh.table);
  return mesh.table;
}

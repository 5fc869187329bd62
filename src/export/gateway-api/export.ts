/**
 * exportGatewayApi(resources, options): load and validate the App Mesh resources, write the Gateway
 * API objects for one VirtualGateway (write.ts), check them request by request against App Mesh
 * (check.ts — gateway traffic through the Gateway, east-west traffic through each GAMMA route) and
 * return the files with report.json (report.ts).
 */
import { ValidationError } from '../../errors.js';
import { selectGateway } from '../../api/gateway.js';
import type { Resources } from '../../api/compile.js';
import { hasErrors } from '../../model/diagnostics.js';
import { loadObjects, type LoadResult } from '../../model/load-model.js';
import { COLLECTIONS } from '../../model/resolve.js';
import type { MeshModel } from '../../model/types.js';
import { lowerGatewayRoute, gatewayRoutesOf } from '../../compile/index.js';
import type { ProbeCriteria } from '../../analyze/probe-requests.js';
import { runCheck, type CheckResult, type CheckSubject } from './check.js';
import { gatewayNamespace, k8sName } from './gateway.js';
import { meshCheckSubject } from './mesh-check.js';
import { buildReport, type GatewayApiReport } from './report.js';
import { writeGatewayApi, type GatewayApiWrite, type WriteOptions } from './write.js';
import { orderConflicts } from './order.js';
import { CAPABILITIES } from './capabilities.js';

export interface ExportGatewayApiOptions extends WriteOptions {
  /** VirtualGateway: App Mesh name, K8s name or namespace/name; optional when there is one. */
  gateway?: string;
  /** Random requests per check on top of the systematic probes (default 1,000). */
  randomRequests?: number;
  seed?: number;
}

export interface GatewayApiExport {
  /** File name → content: the YAML files and report.json. */
  files: Record<string, string>;
  report: GatewayApiReport;
  write: GatewayApiWrite;
}

export function exportGatewayApi(resources: Resources, options: ExportGatewayApiOptions = {}): GatewayApiExport {
  const model = modelOf(resources);
  const gateway = selectGateway(model, options.gateway);
  const write = writeGatewayApi(model, gateway, options);
  const checkOptions = { ...(options.randomRequests === undefined ? {} : { random: options.randomRequests }), seed: options.seed ?? 1 };
  const gatewayCheck = runCheck(gatewaySubject(model, write), checkOptions);
  const meshChecks: CheckResult[] = (write.mesh?.entries ?? []).map((entry) => {
    const subject = meshCheckSubject(model, gateway.meshName, entry, write.objects);
    return subject === null ? emptyCheck() : runCheck(subject, checkOptions);
  });
  const report = buildReport(write, gatewayCheck, meshChecks, orderConflicts(write));
  const files: Record<string, string> = { ...write.files, 'report.json': JSON.stringify(report, null, 2) + '\n' };
  return { files, report, write };
}

/** The gateway-traffic check: requests enter the written Gateway; pairs are FlatGateway.pairs indexes. */
export function gatewaySubject(model: MeshModel, write: GatewayApiWrite): CheckSubject {
  const gateway = write.flat.gateway;
  const flatToPair = new Map<number, number>();
  write.flat.pairs.forEach((p, i) => p.rules.forEach((r) => flatToPair.set(r, i)));
  const pairByDecision = new Map<string, number>();
  write.flat.pairs.forEach((p, i) => {
    const key = `${p.source.gatewayRouteName}\u0000${p.source.virtualRouter ?? ''}\u0000${p.source.route ?? ''}`;
    if (!pairByDecision.has(key)) pairByDecision.set(key, i);
  });
  const writtenByRule = new Map(write.written.map((w) => [`${w.route.kind}\u0000${w.route.namespace}\u0000${w.route.name}\u0000${w.ruleIndex}`, w.flat]));
  const criteria: ProbeCriteria[] = [
    ...write.flat.rules.map((r) => ({ path: r.path, hostname: r.hostname, method: r.method, predicates: r.predicates, ports: r.ports })),
    ...gatewayRoutesOf(model, gateway).map(lowerGatewayRoute).map((r) => ({ path: r.path, hostname: r.hostname, method: r.method, predicates: r.predicates, ports: r.port === null ? null : [r.port] })),
  ];
  const gw = write.objects.find((o) => o.kind === 'Gateway');
  const https = new Set(gw?.kind === 'Gateway' ? gw.spec.listeners.filter((l) => l.protocol === 'HTTPS').map((l) => l.port) : []);
  const protocols = new Map(gateway.listeners.map((l) => [l.portMapping.port, l.portMapping.protocol]));
  return {
    model,
    gateway,
    objects: write.objects,
    entry: { kind: 'Gateway', namespace: gatewayNamespace(gateway), name: k8sName(gateway.displayName) },
    appMeshPair: (d) => (d.gatewayRoute === null ? null : pairByDecision.get(`${d.gatewayRoute}\u0000${d.virtualRouter ?? ''}\u0000${d.route ?? ''}`) ?? null),
    gatewayApiPair: (d) => {
      if (d.matched === null) return null;
      const m = d.matched;
      const flat = writtenByRule.get(`${m.route.kind}\u0000${m.route.namespace}\u0000${m.route.name}\u0000${m.ruleIndex}`);
      return flat === undefined ? null : (flatToPair.get(flat) ?? null);
    },
    criteria,
    evaluatorOptions: { regexPrecedence: CAPABILITIES[write.target].regexPrecedence },
    ports: gateway.listeners.map((l) => l.portMapping.port),
    listener: (port) => {
      const p = protocols.get(port);
      return { scheme: https.has(port) ? 'https' : 'http', protocol: p === 'grpc' || p === 'http2' ? p : 'http' };
    },
  };
}

// ------- internal functions -------

function emptyCheck(): CheckResult {
  return { checkedRequests: 0, divergent: 0, byPair: new Map(), unattributed: [] };
}

function modelOf(resources: Resources): MeshModel {
  const keys = [...COLLECTIONS, 'namespaces'];
  const isModel = (x: unknown): x is MeshModel => x !== null && typeof x === 'object' && !Array.isArray(x) && keys.every((k) => Array.isArray((x as Record<string, unknown>)[k]));
  if (isModel(resources)) return resources;
  const r = resources as Partial<LoadResult> | null;
  if (r !== null && typeof r === 'object' && isModel(r.model) && Array.isArray(r.diagnostics)) {
    if (hasErrors(r.diagnostics)) throw new ValidationError(r.diagnostics);
    return r.model;
  }
  const loaded = loadObjects(resources, {});
  if (hasErrors(loaded.diagnostics)) throw new ValidationError(loaded.diagnostics);
  return loaded.model;
}

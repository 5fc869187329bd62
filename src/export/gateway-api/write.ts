/**
 * The writer: one VirtualGateway of a loaded model → Gateway API objects and their YAML files (one
 * file per namespace and kind, `<namespace>.<kind>.yaml`, objects sorted by name), plus what the
 * checker and the report need to trace each written rule back to its App Mesh pair.
 */
import type { MeshModel, VirtualGateway } from '../../model/types.js';
import { CAPABILITIES, type TargetName } from './capabilities.js';
import { flattenGateway, type FlatGateway } from './flatten.js';
import { gatewayOf, type GatewayFinding } from './gateway.js';
import type { PrefixMode } from './match.js';
import type { GatewayApiObject } from './objects.js';
import { referenceGrantsFor } from './reference-grant.js';
import { writeGatewayRoutes, type SkippedRule, type WrittenRule } from './routes.js';
import { toYamlDocuments } from './yaml.js';
import { writeMeshRoutes, type MeshWrite } from './mesh-routes.js';

export interface WriteOptions {
  target?: TargetName;
  gatewayClass?: string;
  prefixMode?: PrefixMode;
  /** Leave out GAMMA routes for east-west traffic. */
  noMesh?: boolean;
}

export interface GatewayApiWrite {
  target: TargetName;
  prefixMode: PrefixMode;
  objects: GatewayApiObject[];
  /** File name → YAML text, names sorted. */
  files: Record<string, string>;
  flat: FlatGateway;
  written: WrittenRule[];
  skipped: SkippedRule[];
  findings: GatewayFinding[];
  mesh: MeshWrite | null;
}

const KIND_ORDER = ['Gateway', 'HTTPRoute', 'GRPCRoute', 'ReferenceGrant'];

export function writeGatewayApi(model: MeshModel, gateway: VirtualGateway, options: WriteOptions = {}): GatewayApiWrite {
  const target = options.target ?? 'standard';
  const caps = CAPABILITIES[target];
  const prefixMode = options.prefixMode ?? 'segment';
  const findings: GatewayFinding[] = [];
  const gw = gatewayOf(gateway, options.gatewayClass ?? caps.gatewayClass, target, findings);
  const flat = flattenGateway(model, gateway);
  const routes = writeGatewayRoutes(gateway, flat.rules, { prefixMode, caps, namespace: gw.metadata.namespace! });
  const mesh = options.noMesh || !caps.gamma ? null : writeMeshRoutes(model, gateway.meshName, { prefixMode, caps });
  if (!options.noMesh && !caps.gamma) findings.push({ where: `mesh ${gateway.meshName}`, message: `east-west routes (GAMMA) not written: ${target} has no GAMMA support` });
  if (caps.maxRules !== null) {
    for (const r of routes.routes) {
      const n = r.spec.rules?.length ?? 0;
      if (n > caps.maxRules) findings.push({ where: `${r.kind} ${r.metadata.namespace}/${r.metadata.name}`, message: `${n} rules: more than the ${caps.maxRules} rules per listener ${target} allows by default (a quota; raise it or split the route)` });
    }
  }
  const grants = referenceGrantsFor(routes.routes);
  const objects: GatewayApiObject[] = [gw, ...routes.routes, ...(mesh?.routes ?? []), ...grants];
  const comments = routes.comments;
  if (mesh !== null) for (const r of mesh.routes) for (const rule of r.spec.rules ?? []) { const c = mesh.comments.get(rule); if (c !== undefined) comments.set(rule, c); }
  return { target, prefixMode, objects, files: filesOf(objects, comments), flat, written: routes.written, skipped: routes.skipped, findings, mesh };
}

function filesOf(objects: readonly GatewayApiObject[], comments: WeakMap<object, string>): Record<string, string> {
  const byFile = new Map<string, GatewayApiObject[]>();
  for (const o of objects) {
    const file = `${o.metadata.namespace ?? 'default'}.${o.kind.toLowerCase()}.yaml`;
    let list = byFile.get(file);
    if (list === undefined) byFile.set(file, (list = []));
    list.push(o);
  }
  const files: Record<string, string> = {};
  for (const name of [...byFile.keys()].sort()) {
    const list = byFile.get(name)!.slice().sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
    // `---` first: the files can be concatenated (`cat DIR/*.yaml | kubectl apply -f -`).
    files[name] = `# Written by meshroute export gateway-api; report.json says which requests route differently.\n---\n${toYamlDocuments(list, comments)}`;
  }
  return files;
}

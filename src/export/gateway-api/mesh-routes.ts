/**
 * East-west traffic as GAMMA routes: each virtual service becomes a route whose parentRef is the
 * virtual service's Service (its DNS name `<svc>.<ns>.svc.cluster.local`) on the router's listener
 * port, written in the Service's namespace (a producer route, GEP-1294). A router provider's routes
 * become its rules in App Mesh order; a node provider one rule to the node's Service. No rewrites:
 * router routes never rewrite (docs/precedence.md §7).
 */
import { lowerRoute, sortByPrecedence } from '../../compile/index.js';
import type { MeshModel, Route } from '../../model/types.js';
import { serviceForVirtualServiceName } from './backends.js';
import type { WriterCapabilities } from './capabilities.js';
import { backendFor, policyOf, routeBackends, type FlatBackend, type FlatRule } from './flatten.js';
import type { PrefixMode } from './match.js';
import { GATEWAY_API_V1, type GRPCRoute, type HTTPRoute } from './objects.js';
import { writeGatewayRoutesFor } from './routes.js';
import { shadowedBy } from './shadow.js';

export interface MeshRouteEntry {
  virtualService: string;
  /** The Service (GAMMA parent) and port requests are addressed to. */
  service: { namespace: string; name: string; port: number };
  rules: FlatRule[];
  written: { flat: number; routeName: string; ruleIndex: number; notes: string[] }[];
  skipped: { flat: number; unsupported: string[] }[];
  /** Why the service got no route at all. */
  unsupported: string | null;
}

export interface MeshWrite {
  routes: (HTTPRoute | GRPCRoute)[];
  entries: MeshRouteEntry[];
  comments: WeakMap<object, string>;
}

export function writeMeshRoutes(model: MeshModel, meshName: string, options: { prefixMode: PrefixMode; caps: WriterCapabilities }): MeshWrite {
  const out: MeshWrite = { routes: [], entries: [], comments: new WeakMap() };
  const routers = new Map(model.virtualRouters.filter((r) => r.meshName === meshName).map((r) => [r.name, r]));
  const nodes = new Map(model.virtualNodes.filter((n) => n.meshName === meshName).map((n) => [n.name, n]));
  for (const vs of model.virtualServices.filter((s) => s.meshName === meshName)) {
    const svc = serviceForVirtualServiceName(vs.name, vs.namespace ?? 'default');
    const p = vs.provider;
    if (p === null) continue;
    const base = { virtualService: vs.name, rules: [] as FlatRule[], written: [], skipped: [] };
    if (svc === null) {
      out.entries.push({ ...base, service: { namespace: '', name: '', port: 0 }, unsupported: `virtual service name ${vs.name} names no Kubernetes Service` });
      continue;
    }
    const listeners = 'virtualNode' in p ? (nodes.get(p.virtualNode)?.listeners.map((l) => l.portMapping) ?? []) : (routers.get(p.virtualRouter)?.listeners ?? []);
    for (const l of listeners) {
      const entry: MeshRouteEntry = { ...base, rules: [], written: [], skipped: [], service: { ...svc, port: l.port }, unsupported: null };
      const source = { gatewayRoute: '', gatewayRouteDisplay: '', gatewayRouteName: '', virtualService: vs.name, virtualRouter: 'virtualRouter' in p ? p.virtualRouter : null, route: null as string | null };
      if ('virtualNode' in p) {
        const node = nodes.get(p.virtualNode);
        const backends: FlatBackend[] = [];
        const problems: string[] = [];
        const notes: string[] = [];
        if (node !== undefined) backendFor(node, l.port, 1, backends, problems, notes);
        else problems.push(`virtual node ${p.virtualNode} is not defined`);
        entry.rules.push(meshRule(source, l.protocol, { kind: 'none' }, null, [], null, backends, null, problems, notes));
      } else {
        const router = routers.get(p.virtualRouter);
        const routes = model.routes.filter((r) => r.meshName === meshName && r.virtualRouterName === p.virtualRouter && router?.routeNames.includes(r.name));
        const lowered = sortByPrecedence(routes.filter((r) => r.spec.type === l.protocol).map(lowerRoute)).filter((r) => r.port === null || r.port === l.port);
        for (const rr of lowered) {
          const route = routes.find((r): r is Route => r.name === rr.name)!;
          const { backends, problems, notes } = routeBackends(route, nodes);
          entry.rules.push(meshRule({ ...source, route: rr.displayName }, l.protocol, rr.path, rr.method, rr.predicates, rr.scheme, backends, policyOf(route.spec), problems, notes));
        }
      }
      if (l.protocol === 'tcp') {
        entry.unsupported = 'tcp listener: GAMMA TCPRoute is not written';
        out.entries.push(entry);
        continue;
      }
      shadowedBy(entry.rules).forEach((by, i) => (entry.rules[i]!.shadowedBy = by));
      const name = `${svc.name}-${l.port}`;
      const written = writeGatewayRoutesFor(entry.rules, { prefixMode: options.prefixMode, caps: options.caps, namespace: svc.namespace });
      entry.skipped = written.skipped;
      if (written.rules.length > 0) {
        const spec = { parentRefs: [{ group: '', kind: 'Service', name: svc.name, port: l.port }], rules: written.rules.map((r) => r.rule) };
        const route = l.protocol === 'grpc'
          ? ({ apiVersion: GATEWAY_API_V1, kind: 'GRPCRoute', metadata: { name, namespace: svc.namespace }, spec } as GRPCRoute)
          : ({ apiVersion: GATEWAY_API_V1, kind: 'HTTPRoute', metadata: { name, namespace: svc.namespace }, spec } as HTTPRoute);
        // GAMMA routes hold at most 16 rules too; beyond that the entry is reported rather than split
        // (split producer routes would order by creation time, which the files cannot fix).
        if (written.rules.length > 16) entry.unsupported = `${written.rules.length} rules: more than the CRD's 16 on one GAMMA route`;
        else {
          out.routes.push(route);
          written.rules.forEach((r, i) => {
            out.comments.set(r.rule, written.comments.get(r.rule) ?? '');
            entry.written.push({ flat: r.flat, routeName: name, ruleIndex: i, notes: r.notes });
          });
        }
      }
      out.entries.push(entry);
    }
  }
  return out;
}

function meshRule(source: FlatRule['source'], protocol: string, path: FlatRule['path'], method: FlatRule['method'], predicates: FlatRule['predicates'], scheme: FlatRule['scheme'], backends: FlatBackend[], policy: FlatRule['policy'], unsupported: string[], notes: string[]): FlatRule {
  return { source, kind: protocol === 'grpc' ? 'grpc' : 'http', ports: [], hostname: null, path, rewrite: { kind: 'keep' }, hostRewrite: null, method, predicates, scheme, backends, policy, unsupported, notes, shadowedBy: null };
}

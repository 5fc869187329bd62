/**
 * The GAMMA check: App Mesh's east-west decision for a request addressed to a virtual service is
 * its router stage, which meshroute evaluates behind a gateway. So the check puts a synthetic
 * VirtualGateway in front — one listener on the service's port, one gateway route matching every
 * request and rewriting nothing (prefix and host rewrites DISABLED) — and compares its router-stage
 * decisions with the Gateway API evaluator entering at the Service (GAMMA).
 */
import type { GatewayRoute, MeshModel, VirtualGateway } from '../../model/types.js';
import type { CheckSubject } from './check.js';
import type { MeshRouteEntry } from './mesh-routes.js';
import type { GatewayApiObject } from './objects.js';

const PROBE_GATEWAY = 'meshroute-gamma-probe';

export function meshCheckSubject(model: MeshModel, meshName: string, entry: MeshRouteEntry, objects: readonly GatewayApiObject[]): CheckSubject | null {
  if (entry.unsupported !== null || entry.written.length === 0) return null;
  const vs = model.virtualServices.find((s) => s.meshName === meshName && s.name === entry.virtualService);
  if (vs === undefined) return null;
  const router = vs.provider !== null && 'virtualRouter' in vs.provider ? model.virtualRouters.find((r) => r.meshName === meshName && r.name === (vs.provider as { virtualRouter: string }).virtualRouter) : undefined;
  const node = vs.provider !== null && 'virtualNode' in vs.provider ? model.virtualNodes.find((n) => n.meshName === meshName && n.name === (vs.provider as { virtualNode: string }).virtualNode) : undefined;
  const protocol = (router?.listeners.find((l) => l.port === entry.service.port) ?? node?.listeners.find((l) => l.portMapping.port === entry.service.port)?.portMapping)?.protocol;
  if (protocol === undefined || protocol === 'tcp') return null;
  const source = vs.source;
  const gateway: VirtualGateway = {
    kind: 'VirtualGateway', name: PROBE_GATEWAY, displayName: PROBE_GATEWAY, namespace: null, meshName, dialect: 'aws', labels: {}, source,
    listeners: [{ portMapping: { port: entry.service.port, protocol }, extra: {} }], namespaceSelector: null, gatewayRouteSelector: null, spec: {},
  };
  const action = { targets: [{ virtualServiceName: vs.name, port: entry.service.port, weight: 1 }], weighted: false, rewrite: { prefix: { defaultPrefix: 'DISABLED' as const, value: null }, path: null, hostname: { defaultTargetHostname: 'DISABLED' as const } } };
  const route: GatewayRoute = {
    kind: 'GatewayRoute', name: PROBE_GATEWAY, displayName: PROBE_GATEWAY, namespace: null, meshName, dialect: 'aws', labels: {}, source, virtualGatewayName: PROBE_GATEWAY,
    spec: protocol === 'grpc'
      ? { type: 'grpc', priority: null, match: { serviceName: null, hostname: null, metadata: [], port: null }, action }
      : { type: protocol, priority: null, match: { prefix: '/', path: null, hostname: null, method: null, headers: [], queryParameters: [], port: null }, action },
  };
  const probeModel: MeshModel = { ...model, virtualGateways: [gateway], gatewayRoutes: [route] };
  const byRule = new Map(entry.written.map((w) => [`${w.routeName}\u0000${w.ruleIndex}`, w.flat]));
  return {
    model: probeModel,
    gateway,
    objects,
    entry: { kind: 'Service', namespace: entry.service.namespace, name: entry.service.name, port: entry.service.port },
    appMeshPair: (d) => {
      if (d.virtualNode !== null && d.route === null && node !== undefined) return 0;
      const i = entry.rules.findIndex((r) => r.source.route !== null && r.source.route === d.route);
      return i < 0 ? null : i;
    },
    gatewayApiPair: (d) => (d.matched === null ? null : (byRule.get(`${d.matched.route.name}\u0000${d.matched.ruleIndex}`) ?? null)),
    criteria: entry.rules.map((r) => ({ path: r.path, hostname: null, method: r.method, predicates: r.predicates, ports: null })),
    ports: [entry.service.port],
    listener: () => ({ scheme: 'http', protocol: protocol === 'grpc' || protocol === 'http2' ? protocol : 'http' }),
  };
}

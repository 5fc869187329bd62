/**
 * The GAMMA check: App Mesh's east-west decision for a request addressed to a virtual service is
 * its router stage, which meshroute evaluates behind a gateway. So the check puts a pass-through
 * gateway (src/analyze/pass-through.ts) in front of the service, on the service's port, and compares its router-stage
 * decisions with the Gateway API evaluator entering at the Service (GAMMA).
 */
import type { MeshModel } from '../../model/types.js';
import { passThroughGateway } from '../../analyze/pass-through.js';
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
  const { gateway, route } = passThroughGateway({ meshName, name: PROBE_GATEWAY, virtualService: vs.name, port: entry.service.port, protocol, source: vs.source });
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

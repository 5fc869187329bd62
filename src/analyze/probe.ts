/**
 * Routing a witness the way users will: through the compiled table of the gateway (src/compile →
 * src/evaluate). Router-stage witnesses are routed through a pass-through gateway (pass-through.ts)
 * in front of a probe service whose provider is the router, so the router sees exactly the witness.
 */
import { buildGatewayTable, type HostnameMode } from '../compile/build.js';
import { loadTable, type Router } from '../evaluate/index.js';
import type { Explanation, RouteRequest } from '../evaluate/types.js';
import type { MeshModel, PortMapping, VirtualGateway, VirtualRouter, VirtualService } from '../model/types.js';
import { passThroughGateway } from './pass-through.js';

export interface Probe {
  /** Name of the route that wins `request` at this stage (gateway route, or router route for a router probe); null if none. */
  winner(request: RouteRequest): string | null;
  explain(request: RouteRequest): Explanation;
  /** The routes of this stage whose every criterion holds for `request`, in precedence order. */
  matching(request: RouteRequest): string[];
  /** The upstream path the gateway stage produces (rewrites applied), null when no gateway route wins. */
  rewrittenPath(request: RouteRequest): string | null;
}

export function gatewayProbe(model: MeshModel, gateway: VirtualGateway, hostnameMode: HostnameMode): Probe {
  return probeOf(loadTable(buildGatewayTable(model, gateway, { hostnameMode }).table), 'gateway');
}

/** The probe gateway's names: reserved-looking so they cannot collide with a user's resources. */
export const PROBE_NAME = 'meshroute-lint-probe';

export function routerProbe(model: MeshModel, router: VirtualRouter, listener: PortMapping): Probe {
  const protocol = listener.protocol === 'tcp' ? 'http' : listener.protocol;
  const { gateway, route } = passThroughGateway({ meshName: router.meshName, name: PROBE_NAME, virtualService: PROBE_NAME, port: listener.port, protocol, source: SOURCE });
  const probeModel: MeshModel = {
    ...model,
    virtualGateways: [gateway],
    gatewayRoutes: [route],
    virtualServices: [...model.virtualServices.filter((s) => !(s.meshName === router.meshName && s.name === PROBE_NAME)), probeService(router)],
  };
  return probeOf(loadTable(buildGatewayTable(probeModel, gateway, { hostnameMode: 'flat' }).table), 'router');
}

// ------- internal functions -------

function probeOf(router: Router, stage: 'gateway' | 'router'): Probe {
  const routesOf = (e: Explanation) => (stage === 'gateway' ? e.routes : e.router?.routes ?? []);
  return {
    winner(request) {
      const d = router.route(request, { allTargets: true, random: () => 0 });
      return stage === 'gateway' ? d.gatewayRoute : d.route;
    },
    explain: (request) => router.explain(request, { allTargets: true, random: () => 0 }),
    matching(request) {
      return routesOf(router.explain(request, { allTargets: true, random: () => 0 })).filter((r) => r.failed === null).map((r) => r.name);
    },
    rewrittenPath(request) {
      const d = router.route(request, { allTargets: true, random: () => 0 });
      return d.gatewayRoute === null ? null : d.path;
    },
  };
}

const SOURCE = { file: '<lint probe>', pointer: '', line: 0, column: 0 };

/** The service the probe gateway targets: the router under test is its provider. */
function probeService(router: VirtualRouter): VirtualService {
  return { name: PROBE_NAME, displayName: PROBE_NAME, namespace: null, meshName: router.meshName, dialect: 'aws', labels: {}, source: SOURCE, kind: 'VirtualService', provider: { virtualRouter: router.name }, spec: {} };
}

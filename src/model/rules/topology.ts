/**
 * Rules that need the resolved topology: listener ports and protocols, target ports, service
 * discovery (reference appmesh-semantics §1, §3.1, §4). They apply to both dialects.
 */

import type { Diagnostic } from '../diagnostics.js';
import type { Draft } from '../drafts.js';
import type { MeshModel, PortMapping, Resource, VirtualService } from '../types.js';
import { ruleContext, type RuleContext } from './context.js';

export function checkTopology(model: MeshModel, draftOf: Map<Resource, Draft>, diagnostics: Diagnostic[]): void {
  const ctxOf = (r: Resource): RuleContext | null => {
    const d = draftOf.get(r);
    return d ? ruleContext(d, diagnostics) : null;
  };
  const services = new Map(model.virtualServices.map((s) => [`${s.meshName}/${s.name}`, s]));
  const nodes = new Map(model.virtualNodes.map((n) => [`${n.meshName}/${n.name}`, n]));
  const routers = new Map(model.virtualRouters.map((v) => [`${v.meshName}/${v.name}`, v]));
  const gateways = new Map(model.virtualGateways.map((g) => [`${g.meshName}/${g.name}`, g]));

  /** Listener ports of a virtual service's provider (node or router), or null when it has none. */
  const providerListeners = (vs: VirtualService): PortMapping[] | null => {
    if (!vs.provider) return null;
    if ('virtualNode' in vs.provider) return nodes.get(`${vs.meshName}/${vs.provider.virtualNode}`)?.listeners.map((l) => l.portMapping) ?? null;
    return routers.get(`${vs.meshName}/${vs.provider.virtualRouter}`)?.listeners ?? null;
  };

  for (const g of model.virtualGateways) checkDuplicatePorts(ctxOf(g), g.listeners.map((l) => l.portMapping), '/listeners');
  for (const v of model.virtualRouters) checkDuplicatePorts(ctxOf(v), v.listeners, '/listeners');
  for (const n of model.virtualNodes) {
    checkDuplicatePorts(ctxOf(n), n.listeners.map((l) => l.portMapping), '/listeners');
    if (n.listeners.length > 0 && n.serviceDiscovery === null) {
      ctxOf(n)?.report('error', 'VN_SERVICE_DISCOVERY_REQUIRED', '', 'a virtual node with listeners needs serviceDiscovery (dns or awsCloudMap)');
    }
  }

  for (const gr of model.gatewayRoutes) {
    const ctx = ctxOf(gr);
    const gw = gateways.get(`${gr.meshName}/${gr.virtualGatewayName}`);
    if (!ctx || !gw) continue;
    const key = gr.spec.type === 'http' ? 'httpRoute' : gr.spec.type === 'http2' ? 'http2Route' : 'grpcRoute';
    const listeners = gw.listeners.map((l) => l.portMapping);
    const port = gr.spec.match.port;
    if (port === null && listeners.length > 1) {
      ctx.report('error', 'GR_PORT_REQUIRED', `/${key}/match`, `virtual gateway ${gw.displayName} has ${listeners.length} listeners (${listeners.map((l) => l.port).join(', ')}): the match must name a port`);
    }
    const usable = listeners.filter((l) => l.protocol === gr.spec.type && (port === null || l.port === port));
    if (port !== null && !listeners.some((l) => l.port === port)) {
      ctx.report('warning', 'GR_PORT_NOT_A_LISTENER', `/${key}/match/port`, `port ${port} is not a listener of virtual gateway ${gw.displayName} (${listeners.map((l) => l.port).join(', ')}): this route can never match`);
    } else if (usable.length === 0 && listeners.length > 0) {
      ctx.report('warning', 'GR_PROTOCOL_NO_LISTENER', `/${key}`, `virtual gateway ${gw.displayName} has no ${gr.spec.type} listener${port !== null ? ` on port ${port}` : ''}: this ${key} can never match`);
    }
    gr.spec.action.targets.forEach((t, i) => {
      const vs = services.get(`${gr.meshName}/${t.virtualServiceName}`);
      const provided = vs ? providerListeners(vs) : null;
      const at = gr.spec.action.weighted ? `/${key}/action/weightedTargets/${i}` : `/${key}/action/target`;
      checkTargetPort(ctx, provided, t.port, at, `virtual service ${t.virtualServiceName}`);
    });
  }

  for (const route of model.routes) {
    const ctx = ctxOf(route);
    const vr = routers.get(`${route.meshName}/${route.virtualRouterName}`);
    if (!ctx || !vr) continue;
    const key = `${route.spec.type}Route`;
    if (route.spec.match.port === null && vr.listeners.length > 1) {
      ctx.report('error', 'ROUTE_PORT_REQUIRED', `/${key}/match`, `virtual router ${vr.displayName} has ${vr.listeners.length} listeners: the match must name a port`);
    }
    route.spec.weightedTargets.forEach((t, i) => {
      const node = nodes.get(`${route.meshName}/${t.virtualNodeName}`);
      checkTargetPort(ctx, node ? node.listeners.map((l) => l.portMapping) : null, t.port, `/${key}/action/weightedTargets/${i}`, `virtual node ${t.virtualNodeName}`);
    });
  }
}

function checkDuplicatePorts(ctx: RuleContext | null, listeners: PortMapping[], at: string): void {
  const seen = new Set<number>();
  listeners.forEach((l, i) => {
    if (seen.has(l.port)) ctx?.report('error', 'LISTENER_PORT_DUPLICATE', `${at}/${i}/portMapping/port`, `port ${l.port} is used by two listeners`);
    seen.add(l.port);
  });
}

/** A target's port is required when its provider has several listeners, and must be one of them. */
function checkTargetPort(ctx: RuleContext, listeners: PortMapping[] | null, port: number | null, at: string, what: string): void {
  if (!listeners || listeners.length === 0) return;
  if (port === null && listeners.length > 1) {
    ctx.report('error', 'TARGET_PORT_REQUIRED', at, `${what} has ${listeners.length} listeners (${listeners.map((l) => l.port).join(', ')}): the target must name a port`);
  } else if (port !== null && !listeners.some((l) => l.port === port)) {
    ctx.report('error', 'TARGET_PORT_NOT_A_LISTENER', `${at}/port`, `port ${port} is not a listener of ${what} (${listeners.map((l) => l.port).join(', ')})`);
  }
}

/**
 * A synthetic VirtualGateway that forwards every request unchanged to one virtual service: one
 * listener, one gateway route matching everything (prefix `/`, or any gRPC service) with path and
 * host rewrites DISABLED. Putting it in front of a service lets meshroute's own evaluator answer
 * what that service's router stage decides for a request as the service receives it — lint routes
 * router-stage witnesses through it, the Gateway API checker compares GAMMA routes with it.
 */
import type { GatewayRoute, SourceLocation, VirtualGateway } from '../model/types.js';

export interface PassThroughOptions {
  meshName: string;
  /** Name of the synthetic gateway and of its route (choose one no user resource has). */
  name: string;
  /** App Mesh name of the virtual service it forwards to, and the port it targets. */
  virtualService: string;
  port: number;
  protocol: 'http' | 'http2' | 'grpc';
  source: SourceLocation;
}

export function passThroughGateway(o: PassThroughOptions): { gateway: VirtualGateway; route: GatewayRoute } {
  const base = { name: o.name, displayName: o.name, namespace: null, meshName: o.meshName, dialect: 'aws' as const, labels: {}, source: o.source };
  const gateway: VirtualGateway = {
    ...base, kind: 'VirtualGateway', listeners: [{ portMapping: { port: o.port, protocol: o.protocol }, extra: {} }], namespaceSelector: null, gatewayRouteSelector: null, spec: {},
  };
  const action = {
    targets: [{ virtualServiceName: o.virtualService, port: o.port, weight: 1 }],
    weighted: false,
    rewrite: { prefix: { defaultPrefix: 'DISABLED' as const, value: null }, path: null, hostname: { defaultTargetHostname: 'DISABLED' as const } },
  };
  const spec: GatewayRoute['spec'] = o.protocol === 'grpc'
    ? { type: 'grpc', priority: null, match: { serviceName: null, hostname: null, metadata: [], port: null }, action }
    : { type: o.protocol, priority: null, match: { prefix: '/', path: null, hostname: null, method: null, headers: [], queryParameters: [], port: null }, action };
  return { gateway, route: { ...base, kind: 'GatewayRoute', virtualGatewayName: o.name, spec } };
}

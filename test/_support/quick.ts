/** Terse builders for unit tests: API-shaped gateway routes → model, table, router. */
import { buildGatewayTable, type CompileOptions } from '../../src/compile/index.js';
import { loadTable, type Router } from '../../src/evaluate/index.js';
import { modelFromApi, type ApiGatewayRoute, type ApiResources } from './vector-model.js';

export type Listener = { port: number; protocol: 'http' | 'http2' | 'grpc' };

/** An httpRoute (or `type`) gateway route to virtual service `vs` (default `<name>.svc`). */
export function gr(name: string, match: Record<string, unknown>, more: { priority?: number; vs?: string; type?: 'httpRoute' | 'http2Route' | 'grpcRoute'; action?: Record<string, unknown> } = {}): ApiGatewayRoute {
  const action = { target: { virtualService: { virtualServiceName: more.vs ?? `${name}.svc` } }, ...more.action };
  return { gatewayRouteName: name, spec: { ...(more.priority === undefined ? {} : { priority: more.priority }), [more.type ?? 'httpRoute']: { match, action } } };
}

export function resources(routes: ApiGatewayRoute[], listeners: Listener[] = [{ port: 8080, protocol: 'http' }]): ApiResources {
  return { virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: listeners.map((portMapping) => ({ portMapping })) } }, gatewayRoutes: routes };
}

export function build(routes: ApiGatewayRoute[], options: CompileOptions = {}, listeners?: Listener[]) {
  const { model, gateway } = modelFromApi(resources(routes, listeners));
  // Gateway-stage unit tests: provider-less target services, so a gateway-only table.
  const b = buildGatewayTable(model, gateway, { routerStage: false, ...options });
  return { ...b, model, gateway, router: loadTable(b.table) as Router, order: b.routes.map((r) => r.displayName) };
}

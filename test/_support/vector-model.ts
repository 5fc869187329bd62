/**
 * Test-side builder: AWS API–shaped resources (as written in test/vectors/routing/*.yaml) → the
 * normalized MeshModel the compiler takes. Deliberately small; the lead's real converter
 * (src/model) replaces it once merged. Extension: `action.weightedTargets` on a gateway route.
 */
import type {
  Duration, GatewayRoute, GatewayRouteAction, GatewayRouteRewrite, HeaderMatch, HostnameMatch, MeshModel, PathMatch, RetryPolicy, Route, RouteSpec,
  RouteTimeout, ServiceDiscovery, StringMatch, VirtualGateway, VirtualNode, VirtualRouter, VirtualService, VirtualServiceProvider,
} from '../../src/model/types.js';
import { suffixAsEndingCharacters } from '../../src/model/convert/spec.js';

export interface ApiGatewayRoute {
  gatewayRouteName: string;
  meshName?: string;
  virtualGatewayName?: string;
  spec: Record<string, unknown>;
}
export interface ApiVirtualGateway {
  virtualGatewayName: string;
  meshName?: string;
  spec: { listeners: { portMapping: { port: number; protocol: 'http' | 'http2' | 'grpc' } }[] };
}
export interface ApiVirtualService {
  virtualServiceName: string;
  meshName?: string;
  spec?: Record<string, unknown>;
}
/** Router stage (issue 5), AWS create-* shapes. */
export interface ApiVirtualRouter {
  virtualRouterName: string;
  spec: { listeners: { portMapping: { port: number; protocol: 'http' | 'http2' | 'grpc' | 'tcp' } }[] };
}
export interface ApiRoute {
  virtualRouterName: string;
  routeName: string;
  spec: Record<string, unknown>;
}
export interface ApiVirtualNode {
  virtualNodeName: string;
  spec: Record<string, unknown>;
}
export interface ApiResources {
  mesh?: string;
  virtualGateway: ApiVirtualGateway;
  virtualServices?: ApiVirtualService[];
  gatewayRoutes: ApiGatewayRoute[];
  virtualRouters?: ApiVirtualRouter[];
  routes?: ApiRoute[];
  virtualNodes?: ApiVirtualNode[];
}

/** True when the resources take part in the router stage (a provider, router or node is defined). */
export function hasRouterStage(res: ApiResources): boolean {
  return (res.virtualRouters?.length ?? 0) > 0 || (res.virtualNodes?.length ?? 0) > 0 || (res.virtualServices ?? []).some((s) => (s.spec as Any)?.provider !== undefined);
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

const SOURCE = { file: 'vector', pointer: '', line: 0, column: 0 };

export function modelFromApi(res: ApiResources): { model: MeshModel; gateway: VirtualGateway } {
  const mesh = res.mesh ?? 'mesh';
  const base = <K extends string>(kind: K, name: string) => ({ kind, name, displayName: name, namespace: null, meshName: mesh, dialect: 'aws' as const, labels: {}, source: SOURCE });
  const gateway: VirtualGateway = {
    ...base('VirtualGateway', res.virtualGateway.virtualGatewayName),
    meshName: res.virtualGateway.meshName ?? mesh,
    listeners: res.virtualGateway.spec.listeners.map((l) => ({ portMapping: { ...l.portMapping }, extra: {} })),
    namespaceSelector: null,
    gatewayRouteSelector: null,
    spec: res.virtualGateway.spec as Record<string, unknown>,
  };
  const services: VirtualService[] = (res.virtualServices ?? []).map((s) => ({ ...base('VirtualService', s.virtualServiceName), provider: provider((s.spec as Any)?.provider), spec: s.spec ?? {} }));
  const virtualRouters: VirtualRouter[] = (res.virtualRouters ?? []).map((r) => ({
    ...base('VirtualRouter', r.virtualRouterName),
    listeners: r.spec.listeners.map((l) => ({ ...l.portMapping })),
    routeNames: (res.routes ?? []).filter((x) => x.virtualRouterName === r.virtualRouterName).map((x) => x.routeName).sort(),
    spec: r.spec as Record<string, unknown>,
  }));
  const meshRoutes: Route[] = (res.routes ?? []).map((r) => ({ ...base('Route', r.routeName), virtualRouterName: r.virtualRouterName, spec: routeSpec(r.spec as Any) }));
  const virtualNodes: VirtualNode[] = (res.virtualNodes ?? []).map((n) => ({
    ...base('VirtualNode', n.virtualNodeName),
    listeners: ((n.spec as Any).listeners ?? []).map((l: Any) => ({ portMapping: { ...l.portMapping }, extra: {} })),
    serviceDiscovery: discovery((n.spec as Any).serviceDiscovery),
    backends: [],
    spec: n.spec,
  }));
  const routes: GatewayRoute[] = res.gatewayRoutes.map((r) => ({
    ...base('GatewayRoute', r.gatewayRouteName),
    meshName: r.meshName ?? mesh,
    virtualGatewayName: r.virtualGatewayName ?? gateway.name,
    spec: gatewayRouteSpec(r.spec as Any),
  }));
  const model: MeshModel = { meshes: [], virtualGateways: [gateway], gatewayRoutes: routes, virtualServices: services, virtualRouters, routes: meshRoutes, virtualNodes, namespaces: [] };
  return { model, gateway };
}

function provider(p: Any): VirtualServiceProvider {
  if (p?.virtualNode) return { virtualNode: p.virtualNode.virtualNodeName };
  if (p?.virtualRouter) return { virtualRouter: p.virtualRouter.virtualRouterName };
  return null;
}

function duration(d: Any): Duration | null {
  return d ? { unit: d.unit, value: d.value } : null;
}

function timeout(t: Any): RouteTimeout | null {
  return t ? { perRequest: duration(t.perRequest), idle: duration(t.idle) } : null;
}

function retry(r: Any, grpc: boolean): RetryPolicy | null {
  if (!r) return null;
  return { maxRetries: r.maxRetries, perRetryTimeout: duration(r.perRetryTimeout)!, httpRetryEvents: r.httpRetryEvents ?? [], tcpRetryEvents: r.tcpRetryEvents ?? [], grpcRetryEvents: grpc ? (r.grpcRetryEvents ?? []) : [] };
}

function routeSpec(spec: Any): RouteSpec {
  const priority: number | null = spec.priority ?? null;
  const key = ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute'].find((k) => spec[k])!;
  const route = spec[key];
  const weightedTargets = (route.action?.weightedTargets ?? []).map((t: Any) => ({ virtualNodeName: t.virtualNode, weight: t.weight, port: t.port ?? null }));
  const m = route.match ?? {};
  if (key === 'tcpRoute') return { type: 'tcp', priority, match: { port: m.port ?? null }, weightedTargets, retryPolicy: null, timeout: timeout(route.timeout) };
  if (key === 'grpcRoute') {
    return {
      type: 'grpc', priority, weightedTargets, retryPolicy: retry(route.retryPolicy, true), timeout: timeout(route.timeout),
      match: { serviceName: m.serviceName ?? null, methodName: m.methodName ?? null, metadata: (m.metadata ?? []).map(header), port: m.port ?? null },
    };
  }
  return {
    type: key === 'http2Route' ? 'http2' : 'http', priority, weightedTargets, retryPolicy: retry(route.retryPolicy, false), timeout: timeout(route.timeout),
    match: {
      prefix: m.prefix ?? null, path: pathMatch(m.path), method: m.method ?? null, headers: (m.headers ?? []).map(header),
      queryParameters: (m.queryParameters ?? []).map((q: Any) => ({ name: q.name, exact: q.match?.exact ?? null })), scheme: m.scheme ?? null, port: m.port ?? null,
    },
  };
}

function discovery(sd: Any): ServiceDiscovery {
  if (sd?.dns) return { dns: { hostname: sd.dns.hostname, responseType: sd.dns.responseType ?? null, ipPreference: sd.dns.ipPreference ?? null } };
  if (sd?.awsCloudMap) {
    const c = sd.awsCloudMap;
    return { awsCloudMap: { namespaceName: c.namespaceName, serviceName: c.serviceName, attributes: (c.attributes ?? []).map((a: Any) => ({ key: a.key, value: a.value })), ipPreference: c.ipPreference ?? null } };
  }
  return null;
}

function gatewayRouteSpec(spec: Any): GatewayRoute['spec'] {
  const priority: number | null = spec.priority ?? null;
  if (spec.grpcRoute) {
    const m = spec.grpcRoute.match ?? {};
    return {
      type: 'grpc', priority,
      match: { serviceName: m.serviceName ?? null, hostname: hostname(m.hostname), metadata: (m.metadata ?? []).map(header), port: m.port ?? null },
      action: action(spec.grpcRoute.action),
    };
  }
  const type = spec.http2Route ? 'http2' : 'http';
  const route = spec.http2Route ?? spec.httpRoute;
  const m = route.match ?? {};
  return {
    type, priority,
    match: {
      prefix: m.prefix ?? null,
      path: pathMatch(m.path),
      hostname: hostname(m.hostname),
      method: m.method ?? null,
      headers: (m.headers ?? []).map(header),
      queryParameters: (m.queryParameters ?? []).map((q: Any) => ({ name: q.name, exact: q.match?.exact ?? null })),
      port: m.port ?? null,
    },
    action: action(route.action),
  };
}

function pathMatch(p: Any): PathMatch | null {
  if (!p) return null;
  return p.exact !== undefined ? { exact: p.exact } : { regex: p.regex };
}

function hostname(h: Any): HostnameMatch | null {
  if (!h) return null;
  return h.exact !== undefined ? { exact: h.exact } : { suffix: suffixAsEndingCharacters(h.suffix) };
}

function header(h: Any): HeaderMatch {
  return { name: h.name, invert: h.invert ?? false, match: h.match ? (stringMatch(h.match) as StringMatch) : null };
}

function stringMatch(m: Any): StringMatch {
  for (const k of ['exact', 'prefix', 'suffix', 'regex'] as const) if (m[k] !== undefined) return { [k]: m[k] } as StringMatch;
  return { range: { start: Number(m.range.start), end: Number(m.range.end) } };
}

function action(a: Any): GatewayRouteAction {
  const rewrite: GatewayRouteRewrite | null = a.rewrite
    ? {
        prefix: a.rewrite.prefix ? { defaultPrefix: a.rewrite.prefix.defaultPrefix ?? null, value: a.rewrite.prefix.value ?? null } : null,
        path: a.rewrite.path ? { exact: a.rewrite.path.exact } : null,
        hostname: a.rewrite.hostname ? { defaultTargetHostname: a.rewrite.hostname.defaultTargetHostname ?? null } : null,
      }
    : null;
  if (a.weightedTargets) {
    return {
      targets: a.weightedTargets.map((t: Any) => ({ virtualServiceName: t.virtualService.virtualServiceName, port: t.port ?? null, weight: t.weight })),
      weighted: true,
      rewrite,
    };
  }
  return { targets: [{ virtualServiceName: a.target.virtualService.virtualServiceName, port: a.target.port ?? null, weight: 1 }], weighted: false, rewrite };
}

// ---------------------------------------------------------------------------------------------
// The real pipeline. Conformance vectors and golden tables go through src/model (validation
// included) exactly as a user's API JSON would; `modelFromApi` above stays for the property tests,
// where building 10,000 models through the validator would dominate the run, and
// test/evaluate/vector-model-parity.test.ts pins that both give the same gateway routes.
// ---------------------------------------------------------------------------------------------

import { loadObjects } from '../../src/model/load-model.js';

/** The vector's resources as AWS `create-*` documents, with a provider-less virtual service for every target it names but does not define. */
export function apiDocuments(res: ApiResources): unknown[] {
  const mesh = res.mesh ?? 'mesh';
  const gw = res.virtualGateway.virtualGatewayName;
  const docs: Record<string, unknown>[] = [
    { meshName: mesh, spec: {} },
    { meshName: res.virtualGateway.meshName ?? mesh, virtualGatewayName: gw, spec: res.virtualGateway.spec },
  ];
  const services = new Set<string>();
  for (const s of res.virtualServices ?? []) {
    services.add(s.virtualServiceName);
    docs.push({ meshName: s.meshName ?? mesh, virtualServiceName: s.virtualServiceName, spec: s.spec ?? {} });
  }
  for (const r of res.virtualRouters ?? []) docs.push({ meshName: mesh, virtualRouterName: r.virtualRouterName, spec: r.spec });
  for (const r of res.routes ?? []) docs.push({ meshName: mesh, virtualRouterName: r.virtualRouterName, routeName: r.routeName, spec: r.spec });
  for (const n of res.virtualNodes ?? []) docs.push({ meshName: mesh, virtualNodeName: n.virtualNodeName, spec: n.spec });
  for (const r of res.gatewayRoutes) {
    docs.push({ meshName: r.meshName ?? mesh, virtualGatewayName: r.virtualGatewayName ?? gw, gatewayRouteName: r.gatewayRouteName, spec: r.spec });
    for (const name of JSON.stringify(r.spec).matchAll(/"virtualServiceName":"([^"]+)"/g)) {
      if (services.has(name[1]!)) continue;
      services.add(name[1]!);
      docs.push({ meshName: r.meshName ?? mesh, virtualServiceName: name[1]!, spec: {} });
    }
  }
  return docs;
}

export function loadVectorModel(res: ApiResources): { model: MeshModel; gateway: VirtualGateway } {
  const loaded = loadObjects(apiDocuments(res), {}, 'vector');
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`vector resources are invalid:\n${errors.map((d) => `  ${d.code} ${d.path}: ${d.message}`).join('\n')}`);
  const gateway = loaded.model.virtualGateways.find((g) => g.name === res.virtualGateway.virtualGatewayName);
  if (!gateway) throw new Error(`vector gateway ${res.virtualGateway.virtualGatewayName} missing from the loaded model`);
  return { model: loaded.model, gateway };
}

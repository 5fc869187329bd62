/**
 * A table's routes as data the analyses read: every gateway route and every router route reachable
 * from the gateway, with their criteria (the runtime's own loaded records), regex samplers, and the
 * listeners and providers that decide which requests can reach them. Built from table bytes, so it
 * serves a compiled table as well as manifests.
 */
import { decodeTable } from '../table/decode.js';
import { NONE, PredicateOp, RouterKind } from '../table/layout.js';
import { loadTableData, type LoadedRoute, type LoadedRouter, type LoadedTable } from '../evaluate/loaded.js';
import { regexSampler, type RegexSampler } from './regex-sample.js';

export interface RouteView {
  stage: 'gateway' | 'router';
  /** App Mesh name of the gateway or virtual router the route belongs to. */
  router: string;
  name: string;
  /** Position in the router's precedence order. */
  rank: number;
  route: LoadedRoute;
  /** Sampler of the regex path; null unless the path is a regex. */
  pathSampler: RegexSampler | null;
  /** Per predicate (parallel to route.predicates): sampler of a regex operand, else null. */
  predicateSamplers: (RegexSampler | null)[];
  /** The listeners of the route's router. */
  listeners: { port: number; protocol: number }[];
}

export interface RoutingViews {
  gateway: string;
  hostnameMode: 'virtual-host' | 'flat';
  table: LoadedTable;
  gatewayRoutes: RouteView[];
  /** Routes of the virtual routers the table carries (the gateway's mesh), router by router. */
  routerRoutes: RouteView[];
}

/** Views of the gateway `gateway` (default: the table's first) of a compiled table. */
export function routingViews(bytes: Uint8Array, gateway?: string): RoutingViews {
  const decoded = decodeTable(bytes);
  const table = loadTableData(decoded, gateway);
  const samplerAt = (i: number): RegexSampler => regexSampler(decoded.bytes, decoded.regexRanges[i]!.offset, decoded.regexRanges[i]!.length);
  const viewsOf = (router: LoadedRouter, stage: RouteView['stage']): RouteView[] => {
    const rec = decoded.routers.find((r) => decoded.strings[r.name] === router.name && r.kind === (stage === 'gateway' ? RouterKind.gateway : RouterKind.virtualRouter))!;
    return router.routes.map((route, rank) => {
      const raw = decoded.routes[rec.firstRoute + rank]!;
      const predicates = decoded.predicates.slice(raw.firstPredicate, raw.firstPredicate + raw.predicateCount);
      return {
        stage, router: router.name, name: route.name, rank, route,
        pathSampler: raw.pathRegex === NONE ? null : samplerAt(raw.pathRegex),
        predicateSamplers: predicates.map((p) => (p.op === PredicateOp.regex ? samplerAt(p.aux) : null)),
        listeners: router.listeners,
      };
    });
  };
  const routerRoutes: RouteView[] = [];
  for (const router of table.mesh?.routers.values() ?? []) routerRoutes.push(...viewsOf(router, 'router'));
  return {
    gateway: table.gateway.name,
    hostnameMode: table.gateway.virtualHost ? 'virtual-host' : 'flat',
    table,
    gatewayRoutes: viewsOf(table.gateway, 'gateway'),
    routerRoutes,
  };
}

/** `gatewayRoute` or `virtualRouter/route` (App Mesh router name): how reports name a route. */
export function routeId(view: Pick<RouteView, 'stage' | 'router' | 'name'>): string {
  return view.stage === 'gateway' ? view.name : `${view.router}/${view.name}`;
}

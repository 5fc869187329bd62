/** What the analyses accept as "a gateway's routing": a router from compile(), table bytes, or resources. */
import { compile, type MeshRouter, type MeshrouteOptions, type Resources } from '../api/compile.js';
import { loadTable, type Router } from '../evaluate/index.js';
import { routingViews, type RoutingViews } from './routing-views.js';

/** A router from compile(), table bytes (`gateway` option picks one of several), or resources to compile. */
export type RoutingSource = MeshRouter | Uint8Array | Resources;

export interface Routing {
  router: Router;
  views: RoutingViews;
  table: Uint8Array;
}

export function routingOf(source: RoutingSource, options: MeshrouteOptions = {}): Routing {
  const table = source instanceof Uint8Array ? source : isMeshRouter(source) ? source.table : compile(source, options).table;
  const gateway = source instanceof Uint8Array ? options.gateway : isMeshRouter(source) ? source.gateway : undefined;
  const views = routingViews(table, gateway);
  return { router: loadTable(table, { gateway: views.gateway }), views, table };
}

function isMeshRouter(x: unknown): x is MeshRouter {
  return x !== null && typeof x === 'object' && (x as MeshRouter).table instanceof Uint8Array && typeof (x as MeshRouter).route === 'function';
}

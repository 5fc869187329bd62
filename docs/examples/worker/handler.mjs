// A fetch handler for workers (Cloudflare Workers, Deno Deploy, Bun, service workers, Node ≥ 18):
// `Request` → meshroute decision → proxied `Response`. Only `meshroute/runtime` is imported (about
// 13 KB min+gzip, no eval): the table is compiled ahead of time, e.g.
//
//   npx meshroute compile -f docs/examples/edge-gateway --gateway ingress-gw -o edge.mrt
//
// and shipped with the worker (a binary module import, a KV/R2 object, or a static asset URL).
import { loadTable } from 'meshroute/runtime';

/** The routing request meshroute needs, from a fetch `Request`. */
export function toRouteRequest(request) {
  const url = new URL(request.url);
  return {
    method: request.method,
    path: url.pathname + url.search,
    authority: request.headers.get('host') ?? url.host,
    headers: Object.fromEntries(request.headers),
    scheme: url.protocol === 'https:' ? 'https' : 'http',
  };
}

/**
 * A fetch handler routing with the table bytes. `upstreams` maps a virtual service (App Mesh name)
 * to a base URL; `decideOnly` answers the decision as JSON instead of proxying (handy for tests and
 * for a routing service that other proxies ask).
 */
export function createHandler(tableBytes, { upstreams = {}, decideOnly = false } = {}) {
  const router = loadTable(tableBytes); // validates the bytes once (TableFormatError if corrupt)
  return async (request) => {
    const decision = router.route(toRouteRequest(request));
    if (decideOnly) return Response.json(decision, { status: decision.matched ? 200 : (decision.status ?? 404) });
    if (!decision.matched) return Response.json({ error: 'no route', stage: decision.stage }, { status: decision.status ?? 404 });
    const base = upstreams[decision.virtualService] ?? `https://${decision.authority}`;
    const target = new URL(decision.path, base);
    const headers = new Headers(request.headers);
    headers.set('host', decision.authority);
    headers.set('x-meshroute-route', decision.gatewayRoute);
    return fetch(new Request(target, { method: request.method, headers, body: request.body, redirect: 'manual' }));
  };
}

// Cloudflare-style module worker: the table is fetched once from env.TABLE_URL (or bind it as data).
let handler;
export default {
  async fetch(request, env) {
    if (!handler) {
      const bytes = new Uint8Array(await (await fetch(env.TABLE_URL)).arrayBuffer());
      handler = createHandler(bytes, { upstreams: JSON.parse(env.UPSTREAMS ?? '{}') });
    }
    return handler(request);
  },
};

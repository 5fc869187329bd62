// A fetch handler for workers (Cloudflare Workers, Deno Deploy, Bun, service workers, Node ≥ 20):
// `Request` → meshroute decision → proxied `Response`. Only `meshroute/runtime` is imported (about
// 15 KB min+gzip, no eval; docs/runtime-size.md): the table is compiled ahead of time, e.g.
//
//   npx meshroute examples
//   npx meshroute compile -f examples/edge-gateway --gateway ingress-gw -o edge.mrt
//
// and shipped with the worker (a binary module import, a KV/R2 object, or a static asset URL).
//
// What fetch can and cannot forward (README.md beside this file):
// - the method, the headers (less hop-by-hop ones) and the body, streamed (`duplex: 'half'`, which
//   Node requires for a streamed body and workers accept);
// - the rewritten path and query, appended to the upstream base URL's own path;
// - NOT the Host header: fetch sends the host of the URL it fetches (browsers, workers and Node's
//   fetch all refuse or ignore a `Host` header). So the rewritten authority reaches the backend as
//   the Host only when the upstream URL's host is that authority (no `upstreams` entry: the handler
//   fetches `https://<authority><path>`); otherwise it travels in `x-meshroute-authority`.
import { loadTable } from 'meshroute/runtime';

/** Hop-by-hop headers (RFC 9110 §7.6.1) and Host: fetch sets these itself for the next hop. */
const NOT_FORWARDED = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'host', 'content-length'];

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

/** The upstream URL: the base URL's path, then the decision's (rewritten) path and query. */
export function upstreamUrl(base, path) {
  const b = new URL(base);
  return new URL(`${b.origin}${b.pathname.replace(/\/+$/, '')}${path}`);
}

/**
 * A fetch handler routing with the table bytes. `upstreams` maps a virtual service (App Mesh name)
 * to a base URL (it may have a path: `http://10.0.0.7:8080/backend`); a service without an entry is
 * fetched at `https://<rewritten authority>`. `decideOnly` answers the decision as JSON instead of
 * proxying (handy for tests and for a routing service that other proxies ask).
 */
export function createHandler(tableBytes, { upstreams = {}, decideOnly = false } = {}) {
  const router = loadTable(tableBytes); // validates the bytes once (TableFormatError if corrupt)
  return async (request) => {
    const decision = router.route(toRouteRequest(request));
    if (decideOnly) return Response.json(decision, { status: decision.matched ? 200 : (decision.status ?? 404) });
    if (!decision.matched) return Response.json({ error: 'no route', stage: decision.stage }, { status: decision.status ?? 404 });
    const target = upstreamUrl(upstreams[decision.virtualService] ?? `https://${decision.authority}`, decision.path);
    const headers = new Headers(request.headers);
    for (const name of NOT_FORWARDED) headers.delete(name);
    headers.set('x-meshroute-authority', decision.authority);
    headers.set('x-meshroute-route', decision.gatewayRoute);
    const hasBody = request.body !== null && request.method !== 'GET' && request.method !== 'HEAD';
    return fetch(target, {
      method: request.method,
      headers,
      body: hasBody ? request.body : undefined,
      duplex: 'half', // required by Node's fetch for a streamed body; ignored where not needed
      redirect: 'manual',
    });
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

// A minimal App Mesh virtual gateway on node:http: every request is routed by meshroute, then
// proxied to the upstream of the chosen virtual service with the rewritten path and authority.
//
//   npx meshroute examples   # in a project with meshroute installed: copies this file to ./examples
//   UPSTREAMS='{"backend-v2.shop.svc.cluster.local":"http://127.0.0.1:9002"}' \
//     node examples/node-gateway/gateway.mjs examples/edge-gateway ingress-gw 8080
//   curl -H 'x-canary: true' http://127.0.0.1:8080/api/v1/data -H 'host: shop.example.com'
//
// UPSTREAMS maps a virtual service (App Mesh name) to a base URL; a service not listed is reached at
// http://<decision.authority>:<decision.targetPort ?? 80>. kill -HUP reloads the manifests: a
// broken change is reported and the old table keeps serving.
import { createServer, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';
import { compile, loadFiles } from 'meshroute';

/** A node:http request handler that routes with `router` and proxies to the decision's upstream. */
export function createGateway(router, upstreams = {}) {
  return (req, res) => {
    const decision = router.route({
      method: req.method,
      path: req.url,
      authority: req.headers.host,
      headers: req.headers, // the listener port comes from the Host header's port (else the only listener)
    });
    if (!decision.matched) {
      res.writeHead(decision.status ?? 404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'no route', stage: decision.stage }));
      return;
    }
    const base = new URL(upstreams[decision.virtualService] ?? `http://${decision.authority}:${decision.targetPort ?? 80}`);
    const upstream = httpRequest(
      {
        protocol: base.protocol,
        hostname: base.hostname,
        port: base.port,
        method: req.method,
        path: decision.path, // already rewritten (prefix / hostname rewrites of the gateway route)
        headers: { ...req.headers, host: decision.authority, 'x-meshroute-route': decision.gatewayRoute },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`upstream ${decision.virtualService} failed: ${err.message}\n`);
    });
    req.pipe(upstream);
  };
}

// Run directly: node gateway.mjs <manifests...> <gateway> <port>
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [manifests = 'docs/examples/edge-gateway', gateway = 'ingress-gw', port = '8080'] = process.argv.slice(2);
  const upstreams = JSON.parse(process.env.UPSTREAMS ?? '{}');
  const load = () => loadFiles([manifests]);
  const router = compile(load(), { gateway }); // throws ValidationError with every diagnostic if invalid
  process.on('SIGHUP', () => {
    const r = router.reload(load());
    console.log(r.ok ? 'reloaded' : `reload refused, old table still serving:\n${r.diagnostics.map((d) => `  ${d.code} ${d.message}`).join('\n')}`);
  });
  createServer(createGateway(router, upstreams)).listen(Number(port), '127.0.0.1', () => console.log(`gateway ${router.gateway} on http://127.0.0.1:${port}`));
}

// The embedding examples in docs/examples run as documented: the node:http gateway proxies to a
// local upstream with the rewritten path and authority (and answers 404 on no match), and the worker
// fetch handler turns `Request` objects into decisions. Both import the package by name ('meshroute',
// 'meshroute/runtime'), which resolves to the built dist/ through package.json exports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { compile, loadFiles } from '../../src/index.js';

const listen = (server: Server) => new Promise<number>((ok) => server.listen(0, '127.0.0.1', () => ok((server.address() as AddressInfo).port)));
const close = (server: Server) => new Promise((ok) => server.close(ok));
/** GET through node:http (fetch does not let a caller set Host). */
function get(port: number, path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail).end();
  });
}
const load = (file: string) => import(pathToFileURL(resolve(file)).href);

test('docs/examples/node-gateway: proxies per the decision (rewritten path and authority)', async () => {
  const { createGateway } = await load('docs/examples/node-gateway/gateway.mjs');
  const seen: { path?: string; headers: IncomingHttpHeaders }[] = [];
  const upstream = createServer((req, res) => {
    seen.push({ path: req.url, headers: req.headers });
    res.end(`upstream saw ${req.url}`);
  });
  const upPort = await listen(upstream);
  const router = compile(loadFiles(['docs/examples/edge-gateway']), { gateway: 'ingress-gw' });
  const upstreams = Object.fromEntries(
    ['frontend.shop.svc.cluster.local', 'backend.shop.svc.cluster.local', 'backend-v2.shop.svc.cluster.local'].map((s) => [s, `http://127.0.0.1:${upPort}`]),
  );
  const gateway = createServer(createGateway(router, upstreams));
  const port = await listen(gateway);
  try {
    const r = await get(port, '/api/v1/data?page=2', { host: 'shop.example.com', 'x-canary': 'true' });
    assert.equal(r.status, 200, r.body);
    assert.equal(r.body, 'upstream saw /data?page=2');
    assert.equal(seen[0]!.headers.host, 'backend-v2.shop.svc.cluster.local');
    assert.equal(seen[0]!.headers['x-meshroute-route'], 'backend-canary-route');
  } finally {
    await close(gateway);
    await close(upstream);
  }
});

test('docs/examples/node-gateway: no match answers the decision status', async () => {
  const { createGateway } = await load('docs/examples/node-gateway/gateway.mjs');
  const router = compile(loadFiles(['docs/examples/multi-listener-aws']));
  const gateway = createServer(createGateway(router, {}));
  const port = await listen(gateway);
  try {
    const r = await get(port, '/other', { host: 'gw.example.com:1111' });
    assert.equal(r.status, 404, r.body);
    assert.equal(JSON.parse(r.body).error, 'no route');
  } finally {
    await close(gateway);
  }
});

test('docs/examples/worker: Request → decision with meshroute/runtime', async () => {
  const { createHandler } = await load('docs/examples/worker/handler.mjs');
  const router = compile(loadFiles(['docs/examples/edge-gateway']), { gateway: 'ingress-gw' });
  const handle = createHandler(router.table, { decideOnly: true });
  const canary = await (await handle(new Request('https://shop.example.com/api/v1/data?x=1', { headers: { 'x-canary': 'true' } }))).json();
  assert.deepEqual(canary, JSON.parse(JSON.stringify(router.route({ method: 'GET', path: '/api/v1/data?x=1', authority: 'shop.example.com', headers: { 'x-canary': 'true' }, scheme: 'https' }))));
  assert.equal(canary.gatewayRoute, 'backend-canary-route');
  assert.equal(canary.path, '/data?x=1');
  const home = await (await handle(new Request('https://shop.example.com/index.html'))).json();
  assert.equal(home.gatewayRoute, 'frontend-route');
});

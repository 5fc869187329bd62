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

/** An upstream that records what reached it (method, path, headers, body) and echoes the body. */
async function recordingUpstream() {
  const seen: { method?: string; url?: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (c: string) => (body += c)).on('end', () => {
      seen.push({ method: req.method, url: req.url, headers: req.headers, body });
      res.end(`echo ${body}`);
    });
  });
  const port = await listen(server);
  return { seen, server, base: `http://127.0.0.1:${port}` };
}

test('docs/examples/worker: proxies a POST body (streamed, duplex), the rewritten authority and path, under the base URL path', async () => {
  const { createHandler } = await load('docs/examples/worker/handler.mjs');
  const up = await recordingUpstream();
  try {
    const router = compile(loadFiles(['docs/examples/edge-gateway']), { gateway: 'ingress-gw' });
    const handle = createHandler(router.table, { upstreams: { 'backend-v2.shop.svc.cluster.local': `${up.base}/v2/` } });
    const payload = JSON.stringify({ order: 42, items: ['a', 'b'] });
    // A streamed body, as a worker receives it from the platform.
    const stream = new Blob([payload]).stream();
    const res = await handle(new Request('https://shop.example.com/api/v1/data?x=1', { method: 'POST', body: stream, duplex: 'half', headers: { 'x-canary': 'true', 'content-type': 'application/json', connection: 'keep-alive' } } as RequestInit));
    assert.equal(res.status, 200, await res.clone().text());
    assert.equal(await res.text(), `echo ${payload}`);
    const got = up.seen[0]!;
    assert.equal(got.method, 'POST');
    assert.equal(got.url, '/v2/data?x=1', 'the base URL path, then the rewritten path and query');
    assert.equal(got.body, payload);
    assert.equal(got.headers['content-type'], 'application/json');
    assert.equal(got.headers['x-canary'], 'true');
    assert.equal(got.headers['x-meshroute-authority'], 'backend-v2.shop.svc.cluster.local', 'the rewritten authority travels in x-meshroute-authority');
    assert.equal(got.headers.host, up.base.slice('http://'.length), 'fetch sends the upstream URL host as Host (it cannot forward another)');
    assert.equal(got.headers['x-meshroute-route'], 'backend-canary-route');

    // A GET carries no body; a base URL without a path keeps the rewritten path alone.
    const plain = createHandler(router.table, { upstreams: { 'frontend.shop.svc.cluster.local': up.base } });
    const home = await plain(new Request('https://shop.example.com/index.html'));
    assert.equal(home.status, 200);
    assert.equal(up.seen[1]!.url, '/index.html');
    assert.equal(up.seen[1]!.method, 'GET');
    assert.equal(up.seen[1]!.body, '');
  } finally {
    await close(up.server);
  }
});

test('docs/examples/worker: upstreamUrl joins base paths and the decision path without losing or doubling slashes', async () => {
  const { upstreamUrl } = await load('docs/examples/worker/handler.mjs');
  for (const [base, path, want] of [
    ['http://h:1', '/a?b=1', 'http://h:1/a?b=1'],
    ['http://h:1/', '/a', 'http://h:1/a'],
    ['http://h:1/base', '/a', 'http://h:1/base/a'],
    ['http://h:1/base/', '/a/b?c', 'http://h:1/base/a/b?c'],
    ['https://backend.shop.svc.cluster.local', '/', 'https://backend.shop.svc.cluster.local/'],
  ]) {
    assert.equal(upstreamUrl(base, path).href, want, `${base} + ${path}`);
  }
});

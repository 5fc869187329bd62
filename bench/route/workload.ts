/**
 * Benchmark workload: N gateway routes mixing prefix, exact, regex, hostname, header, query, method
 * and priority, and 1,000 requests aimed at them (hits, deep hits, near misses, misses). Seeded, so
 * every run and every N uses the same recipe.
 */
import { seededRandom } from '../../src/evaluate/pick.js';
import type { RouteRequest } from '../../src/evaluate/index.js';
import type { ApiGatewayRoute, ApiResources } from '../../test/_support/vector-model.js';

/** A flat (sequential) copy of `s`: what a request line parser produces. */
export function flat(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** The workloads' seeded PRNG: the runtime's own `seededRandom` (mulberry32), so a seed means the same everywhere. */
export const prng = seededRandom;

export interface Workload {
  resources: ApiResources;
  requests: RouteRequest[];
}

export function makeWorkload(n: number, seed = 42): Workload {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const routes: ApiGatewayRoute[] = [];
  const base = (i: number): string => `/api/v${(i % 4) + 1}/svc${i}`;
  for (let i = 0; i < n; i++) {
    const r = rnd();
    const match: Record<string, unknown> = {};
    if (r < 0.6) match.prefix = base(i);
    else if (r < 0.75) match.path = { exact: base(i) + '/status' };
    else if (r < 0.8) match.path = { regex: `/rx${i}/[0-9]+` };
    else if (r < 0.9) { match.prefix = base(i); match.hostname = { exact: `h${i % 50}.example.com` }; }
    else match.prefix = base(i);
    if (rnd() < 0.15) match.headers = [{ name: 'x-canary', match: { exact: 'true' } }];
    if (rnd() < 0.05) match.queryParameters = [{ name: 'v', match: { exact: '2' } }];
    if (rnd() < 0.1) match.method = pick(['GET', 'POST']);
    const spec: Record<string, unknown> = { httpRoute: { match, action: { target: { virtualService: { virtualServiceName: `svc${i % 97}.mesh.local` } } } } };
    if (rnd() < 0.1) spec.priority = Math.floor(rnd() * 10);
    routes.push({ gatewayRouteName: `gr-${i}`, spec });
  }
  routes.push({ gatewayRouteName: 'catch-all', spec: { httpRoute: { match: { prefix: '/' }, action: { target: { virtualService: { virtualServiceName: 'default.mesh.local' } } } } } });
  const requests: RouteRequest[] = [];
  for (let k = 0; k < 1000; k++) {
    const i = Math.floor(rnd() * n);
    const c = rnd();
    const req: RouteRequest = { path: '/', authority: 'gw.example.com' };
    if (c < 0.4) req.path = `${base(i)}/items/${k}`;
    else if (c < 0.55) req.path = `${base(i)}/status`;
    else if (c < 0.6) req.path = `/rx${i}/${k}`;
    else if (c < 0.7) { req.path = `${base(i)}/orders/${k}`; req.authority = `h${i % 50}.example.com`; }
    else if (c < 0.8) { req.path = `${base(i)}/x?v=2`; req.headers = { 'x-canary': 'true' }; req.method = 'POST'; }
    else if (c < 0.9) req.path = `${base(i)}x/near-miss`;
    else req.path = `/static/js/chunk.${k}.js`;
    requests.push(req);
  }
  return {
    resources: { virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } }, gatewayRoutes: routes },
    // Flat strings, as an HTTP parser hands them over: template literals build V8 cons strings, which
    // a router would otherwise pay to unwrap on every character access.
    requests: requests.map((r) => ({ ...r, path: flat(r.path), ...(r.authority === undefined ? {} : { authority: flat(r.authority) }) })),
  };
}

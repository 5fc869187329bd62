/**
 * Path-only workloads for the side-by-side benchmark with JS routers (issue 8, peers.md §4.3),
 * seeded and deterministic. Each workload is the same routes twice: as AWS App Mesh gateway routes
 * (fed to meshroute's public compile()) and as plain rules for the peer adapters.
 *
 *   prefix200: 200 `prefix` routes `/api/v{1..4}/svc{0..49}` + a catch-all prefix `/`.
 *   static200: 200 `path.exact` routes `/api/v{1..4}/svc{0..49}/status` + a catch-all prefix `/`.
 *
 * App Mesh semantics (docs/precedence.md): `prefix` is a PLAIN string prefix, not segment-aware —
 * `/api/v1/svc1` matches `/api/v1/svc1x/…` and `/api/v1/svc12`; among literals the longest wins;
 * `path.exact` is equality. In prefix200 every `svcS` with S < 5 is a plain prefix of ten others
 * (`svc1` of `svc10`…`svc19`), so longest-wins is exercised by every hit on those.
 */
import type { ApiGatewayRoute, ApiResources } from '../../test/_support/vector-model.js';
import { flat, prng } from '../route/workload.js';

export type WorkloadName = 'prefix200' | 'static200';
export const WORKLOADS: readonly WorkloadName[] = ['prefix200', 'static200'];

/** One route as plain data: what a peer router is given. */
export interface PlainRule {
  id: string;
  kind: 'prefix' | 'exact';
  value: string;
}

/** Request classes of peers.md §4.3's mix. */
export type RequestClass = 'hit' | 'deep-hit' | 'exact-prefix' | 'trailing-slash' | 'near-miss' | 'unknown-version' | 'static-asset';

export interface PeerRequest {
  path: string;
  cls: RequestClass;
}

export interface PeerWorkload {
  name: WorkloadName;
  /** The routes as App Mesh API resources (one gateway, one http listener). */
  resources: ApiResources;
  /** The same routes as plain rules, in declaration order (not precedence order). */
  rules: PlainRule[];
  /** 1,000 requests. */
  requests: PeerRequest[];
}

export const CATCH_ALL = 'catch-all';
const VERSIONS = 4;
const SERVICES = 50;

const prefixOf = (v: number, s: number): string => `/api/v${v}/svc${s}`;

export function makePeerWorkload(name: WorkloadName, seed = 8): PeerWorkload {
  const rnd = prng(seed);
  const int = (n: number): number => Math.floor(rnd() * n);
  const rules: PlainRule[] = [];
  for (let v = 1; v <= VERSIONS; v++) {
    for (let s = 0; s < SERVICES; s++) {
      rules.push(name === 'prefix200'
        ? { id: `p-v${v}-svc${s}`, kind: 'prefix', value: prefixOf(v, s) }
        : { id: `e-v${v}-svc${s}`, kind: 'exact', value: `${prefixOf(v, s)}/status` });
    }
  }
  rules.push({ id: CATCH_ALL, kind: 'prefix', value: '/' });

  const requests: PeerRequest[] = [];
  const asset = (k: number): PeerRequest => ({ path: k % 10 === 0 ? '/' : `/static/js/chunk.${int(100000)}.js`, cls: 'static-asset' });
  for (let k = 0; k < 1000; k++) {
    const p = prefixOf(1 + int(VERSIONS), int(SERVICES));
    const c = rnd();
    if (name === 'prefix200') {
      if (c < 0.4) requests.push({ path: `${p}/items/${int(10000)}`, cls: 'hit' });
      else if (c < 0.5) requests.push({ path: `${p}/orders/${int(10000)}/lines/${int(100)}/detail`, cls: 'deep-hit' });
      else if (c < 0.65) requests.push({ path: p, cls: 'exact-prefix' });
      else if (c < 0.7) requests.push({ path: `${p}/`, cls: 'trailing-slash' });
      // Not a miss in App Mesh: the plain prefix `p` matches `px/…`.
      else if (c < 0.8) requests.push({ path: `${p}x/items/${int(10000)}`, cls: 'near-miss' });
      else if (c < 0.9) requests.push({ path: `/api/v${5 + int(5)}/svc${int(SERVICES)}/items/${int(10000)}`, cls: 'unknown-version' });
      else requests.push(asset(k));
    } else {
      if (c < 0.8) requests.push({ path: `${p}/status`, cls: 'hit' });
      else if (c < 0.9) requests.push({ path: `${p}/statusx`, cls: 'near-miss' });
      else requests.push(asset(k));
    }
  }

  const gatewayRoutes: ApiGatewayRoute[] = rules.map((r) => ({
    gatewayRouteName: r.id,
    spec: {
      httpRoute: {
        match: r.kind === 'prefix' ? { prefix: r.value } : { path: { exact: r.value } },
        action: { target: { virtualService: { virtualServiceName: `${r.id}.mesh.local` } } },
      },
    },
  }));
  return {
    name,
    resources: { virtualGateway: { virtualGatewayName: 'gw', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } }, gatewayRoutes },
    rules,
    // Flat strings, as an HTTP parser hands them over (bench/route/workload.ts flat()); the same for every router.
    requests: requests.map((r) => ({ ...r, path: flat(r.path) })),
  };
}

/**
 * The rules in App Mesh precedence order for literal paths without priorities (docs/precedence.md
 * §2 rules 3, 4, 6): longer literal first (UTF-8 bytes), at equal length exact before prefix, then
 * name bytewise. First match in this order is App Mesh's answer.
 */
export function precedenceOrder(rules: readonly PlainRule[]): PlainRule[] {
  const bytes = (s: string): number => Buffer.byteLength(s);
  return [...rules].sort((a, b) =>
    bytes(b.value) - bytes(a.value) || (a.kind === b.kind ? 0 : a.kind === 'exact' ? -1 : 1) || Buffer.compare(Buffer.from(a.id), Buffer.from(b.id)));
}

/** Does `rule` match `path` by App Mesh's definition? */
export function ruleMatches(rule: PlainRule, path: string): boolean {
  return rule.kind === 'exact' ? path === rule.value : path.startsWith(rule.value);
}

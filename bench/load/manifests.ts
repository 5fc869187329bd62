/**
 * A realistic generated mesh of N resources in K8s v1beta2 YAML: namespaces, one mesh, gateways,
 * gateway routes (prefix, headers, query, hostname, priority, rewrites), virtual services,
 * routers with weighted routes, nodes. Deterministic for a given N.
 */
import { stringify } from 'yaml';

export function generateManifests(total: number): { objects: unknown[]; yaml: string; resources: number } {
  const objects: unknown[] = [];
  const ns = 'apps';
  objects.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { mesh: 'bench', gateway: 'ingress' } } });
  objects.push({ apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'Mesh', metadata: { name: 'bench' }, spec: { namespaceSelector: { matchLabels: { mesh: 'bench' } } } });
  const gateways = 5;
  for (let g = 0; g < gateways; g++) {
    objects.push({
      apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualGateway', metadata: { name: `gw-${g}`, namespace: ns },
      spec: { namespaceSelector: { matchLabels: { gateway: 'ingress' } }, gatewayRouteSelector: { matchLabels: { gw: `gw-${g}` } }, listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] },
    });
  }
  // Per service: a VS, a router with 2 routes, 2 nodes, and ~1 gateway route: 5 resources + routes.
  let resources = 1 + gateways;
  let i = 0;
  while (resources < total) {
    const svc = `svc-${i}`;
    objects.push({
      apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name: `gr-${i}`, namespace: ns, labels: { gw: `gw-${i % gateways}` } },
      spec: {
        ...(i % 7 === 0 ? { priority: i % 1000 } : {}),
        httpRoute: {
          match: {
            prefix: `/api/v${i % 4}/${svc}`,
            ...(i % 3 === 0 ? { headers: [{ name: 'x-version', match: { exact: `v${i % 5}` } }] } : {}),
            ...(i % 5 === 0 ? { queryParameters: [{ name: 'tenant', match: { exact: `t${i % 9}` } }] } : {}),
            ...(i % 11 === 0 ? { hostname: { suffix: '.example.com' } } : {}),
          },
          action: { target: { virtualService: { virtualServiceRef: { name: svc } } }, ...(i % 4 === 0 ? { rewrite: { prefix: { defaultPrefix: 'DISABLED' } } } : {}) },
        },
      },
    });
    objects.push({ apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualService', metadata: { name: svc, namespace: ns }, spec: { provider: { virtualRouter: { virtualRouterRef: { name: `${svc}-router` } } } } });
    objects.push({
      apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualRouter', metadata: { name: `${svc}-router`, namespace: ns },
      spec: {
        listeners: [{ portMapping: { port: 8080, protocol: 'http' } }],
        routes: [
          { name: 'canary', priority: 10, httpRoute: { match: { prefix: '/', headers: [{ name: 'x-canary', match: { regex: '.*true.*' } }] }, action: { weightedTargets: [{ virtualNodeRef: { name: `${svc}-v2` }, weight: 1 }] } } },
          { name: 'default', httpRoute: { match: { prefix: '/' }, action: { weightedTargets: [{ virtualNodeRef: { name: `${svc}-v1` }, weight: 90 }, { virtualNodeRef: { name: `${svc}-v2` }, weight: 10 }] }, timeout: { perRequest: { unit: 's', value: 15 } } } },
        ],
      },
    });
    for (const v of ['v1', 'v2']) {
      objects.push({
        apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualNode', metadata: { name: `${svc}-${v}`, namespace: ns },
        spec: { podSelector: { matchLabels: { app: svc, version: v } }, listeners: [{ portMapping: { port: 8080, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: `${svc}-${v}.${ns}.svc.cluster.local` } } },
      });
    }
    resources += 7; // GR, VS, VR, 2 routes, 2 nodes
    i++;
  }
  const yaml = objects.map((o) => stringify(o)).join('---\n');
  return { objects, yaml, resources };
}

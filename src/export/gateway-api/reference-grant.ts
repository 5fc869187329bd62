/**
 * ReferenceGrants for Gateway-bound routes whose backendRefs cross namespaces: one grant in each
 * backend namespace, from the route kinds of each referring namespace, to the Services named (the
 * spec requires the grant in the *target* namespace; reference §5 "cross-ns backendRef"). GAMMA
 * routes need none (GEP-1294) and are not counted.
 */
import { GATEWAY_API_V1BETA1, type GRPCRoute, type HTTPRoute, type ReferenceGrant } from './objects.js';

export function referenceGrantsFor(routes: readonly (HTTPRoute | GRPCRoute)[]): ReferenceGrant[] {
  // target namespace → (from "kind\0namespace") and Service names
  const byTarget = new Map<string, { from: Set<string>; to: Set<string> }>();
  for (const r of routes) {
    const from = r.metadata.namespace ?? 'default';
    for (const rule of r.spec.rules ?? []) {
      for (const b of rule.backendRefs ?? []) {
        if (b.namespace === undefined || b.namespace === from) continue;
        let g = byTarget.get(b.namespace);
        if (g === undefined) byTarget.set(b.namespace, (g = { from: new Set(), to: new Set() }));
        g.from.add(`${r.kind}\u0000${from}`);
        g.to.add(b.name);
      }
    }
  }
  return [...byTarget.keys()].sort().map((ns) => {
    const g = byTarget.get(ns)!;
    return {
      apiVersion: GATEWAY_API_V1BETA1,
      kind: 'ReferenceGrant',
      metadata: { name: 'meshroute-backends', namespace: ns },
      spec: {
        from: [...g.from].sort().map((k) => {
          const [kind, namespace] = k.split('\u0000') as [string, string];
          return { group: 'gateway.networking.k8s.io', kind, namespace };
        }),
        to: [...g.to].sort().map((name) => ({ group: '', kind: 'Service', name })),
      },
    };
  });
}

/** Small App Mesh inputs shared by the exporter's tests. */

/** A namespace with a mesh, a gateway on 8080 and a service `svc` provided by node `node` (DNS svc-node.ns.svc.cluster.local:80). */
export function baseMesh(): object[] {
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ns', labels: { mesh: 'm', gateway: 'gw' } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'Mesh', metadata: { name: 'm' }, spec: { namespaceSelector: { matchLabels: { mesh: 'm' } } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualGateway', metadata: { name: 'gw', namespace: 'ns' }, spec: { namespaceSelector: { matchLabels: { gateway: 'gw' } }, podSelector: { matchLabels: { app: 'gw' } }, listeners: [{ portMapping: { port: 8080, protocol: 'http' } }] } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualService', metadata: { name: 'svc', namespace: 'ns' }, spec: { awsName: 'svc.ns.svc.cluster.local', provider: { virtualNode: { virtualNodeRef: { name: 'node' } } } } },
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'VirtualNode', metadata: { name: 'node', namespace: 'ns' }, spec: { podSelector: { matchLabels: { app: 'node' } }, listeners: [{ portMapping: { port: 80, protocol: 'http' } }], serviceDiscovery: { dns: { hostname: 'svc-node.ns.svc.cluster.local' } } } },
  ];
}

/** baseMesh plus one gateway route on the exact path /health: every pair maps exactly. */
export function exactMesh(): object[] {
  return [
    ...baseMesh(),
    { apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'GatewayRoute', metadata: { name: 'health', namespace: 'ns' }, spec: { httpRoute: { match: { path: { exact: '/health' } }, action: { target: { virtualService: { virtualServiceRef: { name: 'svc' } } } } } } },
  ];
}

/**
 * Virtual node → the Kubernetes Service behind it. App Mesh reached a node through its service
 * discovery; on Kubernetes that DNS name is a Service's (`<svc>.<ns>.svc.cluster.local`), and the
 * node's listener port is the Service port the traffic used. Cloud Map nodes have no Service to
 * point at: they are reported (issue 16).
 */
import type { VirtualNode } from '../../model/types.js';

export interface ServiceRef {
  name: string;
  namespace: string;
  port: number;
}

export type BackendResolution = { service: ServiceRef; note: string | null } | { unsupported: string };

/** Kubernetes DNS forms: `svc.ns.svc.cluster.local`, `svc.ns.svc`, `svc.ns`. */
const K8S_DNS = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?)\.([a-z0-9]([-a-z0-9]*[a-z0-9])?)(\.svc(\.cluster\.local)?)?\.?$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/**
 * The Service for `node` on `port` (the weighted target's port, else the gateway target's port
 * for a node provider, else the node's only listener — docs/precedence.md §7 "Endpoint").
 */
export function serviceForNode(node: VirtualNode, port: number | null): BackendResolution {
  const p = port ?? (node.listeners.length === 1 ? node.listeners[0]!.portMapping.port : null);
  if (p === null) return { unsupported: `virtual node ${node.name} has ${node.listeners.length} listeners and the target names no port: no Service port to send to` };
  const sd = node.serviceDiscovery;
  if (sd === null) return { unsupported: `virtual node ${node.name} has no service discovery: App Mesh could not reach it either` };
  if ('awsCloudMap' in sd) return { unsupported: `virtual node ${node.name} uses Cloud Map (${sd.awsCloudMap.namespaceName}/${sd.awsCloudMap.serviceName}): Gateway API backendRefs name Kubernetes Services; create a Service (or an ExternalName Service) for it` };
  const host = sd.dns.hostname.toLowerCase();
  const m = K8S_DNS.exec(host);
  if (m !== null) return { service: { name: m[1]!, namespace: m[3]!, port: p }, note: null };
  const first = host.split('.')[0]!;
  if (!DNS_LABEL.test(first)) return { unsupported: `virtual node ${node.name}: DNS name ${JSON.stringify(sd.dns.hostname)} names no Kubernetes Service` };
  const namespace = node.namespace ?? 'default';
  return { service: { name: first, namespace, port: p }, note: `virtual node ${node.name}: DNS name ${sd.dns.hostname} is not a cluster Service name; assumed Service ${namespace}/${first}` };
}

/** The Service a virtual service name stands for (GAMMA parent; host rewrite target). */
export function serviceForVirtualServiceName(name: string, fallbackNamespace: string): { name: string; namespace: string } | null {
  const m = K8S_DNS.exec(name.toLowerCase());
  if (m !== null) return { name: m[1]!, namespace: m[3]! };
  const first = name.toLowerCase().split('.')[0]!;
  return DNS_LABEL.test(first) ? { name: first, namespace: fallbackNamespace } : null;
}

export function serviceKey(s: ServiceRef): string {
  return `${s.namespace}/${s.name}:${s.port}`;
}

/**
 * GAMMA (GEP-1294): the routes that apply to a request addressed to a Service port. Routes attach
 * to the Service (all ports, or `parentRef.port`). Producer routes live in the Service's namespace
 * and apply to every client; consumer routes live elsewhere and apply only to clients in their own
 * namespace, replacing the producer routes for those clients. On one Service port a GRPCRoute
 * takes precedence over an HTTPRoute (GEP-1294 route-type conflicts).
 */
import type { ServiceAttachment } from './attach.js';
import type { Attachment } from './compiled.js';
import type { ServiceEntry } from './types.js';

export function gammaAttachments(all: readonly ServiceAttachment[], entry: ServiceEntry, ignoreHostnames: boolean): Attachment[] {
  const onPort = all.filter((a) => a.port === null || a.port === entry.port);
  const client = entry.clientNamespace ?? entry.namespace;
  const consumer = client === entry.namespace ? [] : onPort.filter((a) => a.route.ref.namespace === client);
  const group = consumer.length > 0 ? consumer : onPort.filter((a) => a.route.ref.namespace === entry.namespace);
  const grpc = group.filter((a) => a.route.ref.kind === 'GRPCRoute');
  const chosen = grpc.length > 0 ? grpc : group;
  return dedupe(chosen).map((a) => ({ route: a.route, hostnames: ignoreHostnames || a.route.hostnames === undefined || a.route.hostnames.length === 0 ? null : a.route.hostnames }));
}

/** A route attached through two parentRefs (a port and the whole Service) counts once. */
function dedupe(list: readonly ServiceAttachment[]): ServiceAttachment[] {
  const seen = new Set<unknown>();
  return list.filter((a) => (seen.has(a.route) ? false : (seen.add(a.route), true)));
}

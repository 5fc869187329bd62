/**
 * `meshroute export envoy`: an Envoy bootstrap that runs a VirtualGateway on plain Envoy with the
 * meshroute proxy-wasm filter (docs/wasm-filter.md). Pure: model + table in, bootstrap object and
 * YAML out; the CLI command does the file I/O.
 *
 * Shape: one listener per VirtualGateway listener; an HTTP connection manager whose filters are
 * the wasm filter (the table inline, base64 in a StringValue) then the router; routes that forward
 * on the filter's decision headers — `cluster_header: x-meshroute-cluster` (the mesh stage's
 * node), then `x-meshroute-virtual-service` for services a VirtualNode provides directly (what the
 * gateway stage alone resolves), then a 503; one cluster per VirtualNode of the mesh from its service
 * discovery on its listener port; access log to stdout as App Mesh's Envoy wrote it.
 */
import { stringify } from 'yaml';
import type { MeshModel, VirtualGateway, VirtualNode } from '../model/types.js';

export interface EnvoyExportOptions {
  /** Path of meshroute-filter.wasm as Envoy will see it. */
  wasmPath: string;
  /** Path of the table file written beside the bootstrap (recorded in a comment; the table itself is inline). */
  tablePath: string;
  /** Envoy admin port (App Mesh's Envoy used 9901). */
  adminPort?: number;
  /** Listener bind address (default 0.0.0.0). */
  address?: string;
}

export interface EnvoyExport {
  bootstrap: Record<string, unknown>;
  yaml: string;
  /** Clusters by VirtualNode App Mesh name. */
  clusters: string[];
  /** Things a reader should know (nodes without service discovery, Cloud Map names used as DNS). */
  notes: string[];
}

const STDOUT_ACCESS_LOG = [{ name: 'envoy.access_loggers.stdout', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog' } }];
export const CLUSTER_HEADER = 'x-meshroute-cluster';
export const SERVICE_HEADER = 'x-meshroute-virtual-service';

/** The filter's vm_id for a gateway: its own VM, so gateways exported into one Envoy never share one. */
export function envoyVmId(gatewayName: string): string {
  return `meshroute-${gatewayName}`;
}

export function exportEnvoy(model: MeshModel, gateway: VirtualGateway, table: Uint8Array, options: EnvoyExportOptions): EnvoyExport {
  const notes: string[] = [];
  const mesh = gateway.meshName;
  const nodes = model.virtualNodes.filter((n) => n.meshName === mesh);
  const clusters = nodes.map((n) => clusterFor(n, notes));
  const nodeNames = new Set(nodes.map((n) => n.name));
  const directServices = model.virtualServices
    .filter((s) => s.meshName === mesh && s.provider !== null && 'virtualNode' in s.provider && nodeNames.has(s.provider.virtualNode))
    .map((s) => ({ service: s.name, node: (s.provider as { virtualNode: string }).virtualNode }));
  for (const s of model.virtualServices.filter((x) => x.meshName === mesh && x.provider !== null && 'virtualRouter' in x.provider)) {
    notes.push(`virtual service ${s.name} is provided by a virtual router: the filter's router stage sets ${CLUSTER_HEADER} when the table carries the router stage (a two-stage table); with a gateway-only table Envoy answers 503`);
  }
  const routes: Record<string, unknown>[] = [
    { name: 'meshroute-cluster', match: { prefix: '/', headers: [{ name: CLUSTER_HEADER, present_match: true }] }, route: { cluster_header: CLUSTER_HEADER, timeout: '15s' } },
    ...directServices.map((d) => ({
      name: `service-${d.service}`,
      match: { prefix: '/', headers: [{ name: SERVICE_HEADER, string_match: { exact: d.service } }] },
      route: { cluster: d.node, timeout: '15s' },
    })),
    { name: 'meshroute-unresolved', match: { prefix: '/' }, direct_response: { status: 503, body: { inline_string: 'meshroute: no virtual node for this virtual service\n' } } },
  ];
  const filter = {
    name: 'envoy.filters.http.wasm',
    typed_config: {
      '@type': 'type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm',
      config: {
        name: 'meshroute',
        root_id: 'meshroute',
        configuration: { '@type': 'type.googleapis.com/google.protobuf.StringValue', value: Buffer.from(table).toString('base64') },
        // One VM per gateway (issue 13): plugins with the same vm_id share a VM, where a trap fails every one of them.
        vm_config: { vm_id: envoyVmId(gateway.name), runtime: 'envoy.wasm.runtime.v8', code: { local: { filename: options.wasmPath } } },
      },
    },
  };
  const listeners = gateway.listeners.map((l) => ({
    name: `${gateway.name}-${l.portMapping.port}`,
    address: { socket_address: { address: options.address ?? '0.0.0.0', port_value: l.portMapping.port } },
    filter_chains: [{
      filters: [{
        name: 'envoy.filters.network.http_connection_manager',
        typed_config: {
          '@type': 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager',
          stat_prefix: `ingress_${l.portMapping.port}`,
          codec_type: 'AUTO',
          normalize_path: true,
          merge_slashes: true,
          access_log: STDOUT_ACCESS_LOG,
          route_config: { name: `${gateway.name}-${l.portMapping.port}`, virtual_hosts: [{ name: 'all', domains: ['*'], routes }] },
          http_filters: [filter, { name: 'envoy.filters.http.router', typed_config: { '@type': 'type.googleapis.com/envoy.extensions.filters.http.router.v3.Router' } }],
        },
      }],
    }],
  }));
  const bootstrap = {
    node: { id: gateway.name, cluster: gateway.name },
    admin: { address: { socket_address: { address: '127.0.0.1', port_value: options.adminPort ?? 9901 } } },
    static_resources: { listeners, clusters: clusters.map((c) => c.cluster) },
  };
  const header = [
    `# Envoy bootstrap for VirtualGateway ${gateway.name} (mesh ${mesh}), written by "meshroute export envoy".`,
    `# Filter: ${options.wasmPath}. Table: ${options.tablePath} (also inline below, base64).`,
    '# docs/wasm-filter.md explains every part.',
    ...notes.map((n) => `# note: ${n}`),
  ].join('\n');
  return { bootstrap, yaml: `${header}\n${stringify(bootstrap, { lineWidth: 0 })}`, clusters: clusters.map((c) => c.name), notes };
}

const DNS_FAMILY: Record<string, string> = { IPv4_ONLY: 'V4_ONLY', IPv6_ONLY: 'V6_ONLY', IPv4_PREFERRED: 'V4_PREFERRED', IPv6_PREFERRED: 'AUTO' };

function clusterFor(n: VirtualNode, notes: string[]): { name: string; cluster: Record<string, unknown> } {
  const listener = n.listeners[0]?.portMapping;
  const port = listener?.port ?? 80;
  if (listener === undefined) notes.push(`virtual node ${n.name} has no listener: its cluster uses port 80`);
  const sd = n.serviceDiscovery;
  let host: string | null = null;
  let family: string | null = null;
  if (sd !== null && 'dns' in sd) {
    host = sd.dns.hostname;
    family = sd.dns.ipPreference;
  } else if (sd !== null && 'awsCloudMap' in sd) {
    host = `${sd.awsCloudMap.serviceName}.${sd.awsCloudMap.namespaceName}`;
    family = sd.awsCloudMap.ipPreference;
    notes.push(`virtual node ${n.name} uses AWS Cloud Map: its cluster resolves ${host} by DNS (a Cloud Map DNS namespace answers that name)`);
  } else {
    notes.push(`virtual node ${n.name} has no service discovery: its cluster has no endpoints`);
  }
  const cluster: Record<string, unknown> = {
    name: n.name,
    connect_timeout: '1s',
    type: host === null ? 'STATIC' : 'STRICT_DNS',
    ...(family !== null && DNS_FAMILY[family] ? { dns_lookup_family: DNS_FAMILY[family] } : {}),
    lb_policy: 'ROUND_ROBIN',
    load_assignment: {
      cluster_name: n.name,
      endpoints: host === null ? [] : [{ lb_endpoints: [{ endpoint: { address: { socket_address: { address: host, port_value: port } } } }] }],
    },
  };
  if (listener !== undefined && (listener.protocol === 'http2' || listener.protocol === 'grpc')) {
    cluster.typed_extension_protocol_options = {
      'envoy.extensions.upstreams.http.v3.HttpProtocolOptions': {
        '@type': 'type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions',
        explicit_http_config: { http2_protocol_options: {} },
      },
    };
  }
  return { name: n.name, cluster };
}

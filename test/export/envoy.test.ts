// `meshroute export envoy`: the bootstrap's structure (listeners, HTTP connection manager with the
// wasm filter and the table, the cluster_header route, one cluster per VirtualNode from its service
// discovery, stdout access log), the files written, usage errors; and the exported table loads in
// the filter and routes like the runtime.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { exportCommand } from '../../src/cli/commands/export.js';
import { exportEnvoy } from '../../src/export/index.js';
import { loadFiles } from '../../src/model/load-model.js';
import { selectGateway } from '../../src/api/gateway.js';
import { buildGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import type { CliIo } from '../../src/cli/io.js';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const EDGE = 'docs/examples/edge-gateway';

function io(): CliIo & { stdout: string; stderr: string } {
  const o = { stdout: '', stderr: '', tty: false, readStdin: () => '', out: (t: string) => { o.stdout += t; }, err: (t: string) => { o.stderr += t; } };
  return o;
}

function exported(path = EDGE): { out: ReturnType<typeof exportEnvoy>; table: Uint8Array; model: Any; gateway: Any } {
  const loaded = loadFiles([path], {}, () => '');
  assert.ok(loaded.valid);
  const gateway = selectGateway(loaded.model, undefined);
  const table = buildGatewayTable(loaded.model, gateway).table;
  return { out: exportEnvoy(loaded.model, gateway, table, { wasmPath: '/etc/envoy/meshroute-filter.wasm', tablePath: '/etc/envoy/gw.table' }), table, model: loaded.model, gateway };
}

test('listeners: one per VirtualGateway listener, HTTP connection manager with the wasm filter then the router', () => {
  const { out, table, gateway } = exported();
  const b = parse(out.yaml) as Any;
  const listeners = b.static_resources.listeners;
  assert.equal(listeners.length, gateway.listeners.length);
  assert.deepEqual(listeners.map((l: Any) => l.address.socket_address.port_value), gateway.listeners.map((l: Any) => l.portMapping.port));
  for (const l of listeners) {
    const hcm = l.filter_chains[0].filters[0];
    assert.equal(hcm.name, 'envoy.filters.network.http_connection_manager');
    const tc = hcm.typed_config;
    assert.equal(tc['@type'], 'type.googleapis.com/envoy.extensions.filters.network.http_connection_manager.v3.HttpConnectionManager');
    assert.deepEqual(tc.http_filters.map((f: Any) => f.name), ['envoy.filters.http.wasm', 'envoy.filters.http.router']);
    const wasm = tc.http_filters[0].typed_config;
    assert.equal(wasm['@type'], 'type.googleapis.com/envoy.extensions.filters.http.wasm.v3.Wasm');
    assert.equal(wasm.config.vm_config.runtime, 'envoy.wasm.runtime.v8');
    assert.equal(wasm.config.vm_config.code.local.filename, '/etc/envoy/meshroute-filter.wasm');
    assert.equal(wasm.config.configuration['@type'], 'type.googleapis.com/google.protobuf.StringValue');
    assert.deepEqual(new Uint8Array(Buffer.from(wasm.config.configuration.value, 'base64')), table, 'the table, base64');
    assert.equal(tc.access_log[0].typed_config['@type'], 'type.googleapis.com/envoy.extensions.access_loggers.stream.v3.StdoutAccessLog');
    const routes = tc.route_config.virtual_hosts[0].routes;
    assert.deepEqual(tc.route_config.virtual_hosts[0].domains, ['*']);
    assert.equal(routes[0].route.cluster_header, 'x-meshroute-cluster');
    assert.equal(routes.at(-1).direct_response.status, 503);
  }
  assert.match(out.yaml, /^# Envoy bootstrap for VirtualGateway/);
});

test('clusters: one per VirtualNode of the mesh, STRICT_DNS on its service-discovery hostname and listener port', () => {
  const { out, model, gateway } = exported();
  const b = parse(out.yaml) as Any;
  const nodes = model.virtualNodes.filter((n: Any) => n.meshName === gateway.meshName);
  assert.equal(b.static_resources.clusters.length, nodes.length);
  for (const n of nodes) {
    const c = b.static_resources.clusters.find((x: Any) => x.name === n.name);
    assert.ok(c, n.name);
    if (n.serviceDiscovery && 'dns' in n.serviceDiscovery) {
      assert.equal(c.type, 'STRICT_DNS');
      const addr = c.load_assignment.endpoints[0].lb_endpoints[0].endpoint.address.socket_address;
      assert.equal(addr.address, n.serviceDiscovery.dns.hostname);
      assert.equal(addr.port_value, n.listeners[0].portMapping.port);
    }
  }
});

test('virtual services provided by a node get a route on x-meshroute-virtual-service to its cluster', () => {
  const { out, model } = exported();
  const b = parse(out.yaml) as Any;
  const routes = b.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.route_config.virtual_hosts[0].routes;
  const direct = model.virtualServices.filter((s: Any) => s.provider && 'virtualNode' in s.provider);
  for (const s of direct) {
    const r = routes.find((x: Any) => x.match.headers?.[0]?.name === 'x-meshroute-virtual-service' && x.match.headers[0].string_match.exact === s.name);
    assert.ok(r, s.name);
    assert.equal(r.route.cluster, s.provider.virtualNode);
  }
});

test('gRPC / http2 nodes get an HTTP/2 upstream; AWS API input with several listeners', () => {
  const { out, gateway } = exported('docs/examples/multi-listener-aws');
  const b = parse(out.yaml) as Any;
  assert.equal(b.static_resources.listeners.length, gateway.listeners.length);
  assert.ok(gateway.listeners.length > 1);
  for (const c of b.static_resources.clusters) assert.ok(['STRICT_DNS', 'STATIC'].includes(c.type));
});

test('meshroute export envoy writes envoy.yaml, the table and the filter; the table routes like the runtime', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meshroute-export-'));
  const o = io();
  const code = exportCommand(['envoy', '-f', EDGE, '-o', dir, '--json'], o);
  assert.equal(code, 0, o.stderr);
  const summary = JSON.parse(o.stdout);
  assert.ok(existsSync(join(dir, 'envoy.yaml')));
  const tableFile = summary.files.find((f: string) => f.endsWith('.table'));
  const bytes = new Uint8Array(readFileSync(tableFile));
  assert.equal(loadTable(bytes).route({ path: '/api/v1/data' }).matched, true);
  const yaml = parse(readFileSync(join(dir, 'envoy.yaml'), 'utf8')) as Any;
  const wasm = yaml.static_resources.listeners[0].filter_chains[0].filters[0].typed_config.http_filters[0].typed_config.config;
  assert.equal(wasm.vm_config.code.local.filename, join(dir, 'meshroute-filter.wasm'));
});

test('usage: a target is required, manifests are required, bad options are refused', () => {
  assert.throws(() => exportCommand(['-f', EDGE], io()), /needs a target/);
  assert.throws(() => exportCommand(['nginx', '-f', EDGE], io()), /unknown export target/);
  assert.throws(() => exportCommand(['envoy'], io()), /needs manifests/);
  assert.throws(() => exportCommand(['envoy', '-f', EDGE, '--admin-port', 'x'], io()), /--admin-port/);
  const h = io();
  assert.equal(exportCommand(['--help'], h), 0);
  assert.match(h.stdout, /meshroute export envoy/);
});

// Issue 13 item 5: Envoy puts plugins with the same vm_id (and code, VM configuration) into one VM,
// where a trap fails all of them; each gateway's filter gets a VM of its own.
test('each gateway\'s filter has its own vm_id (meshroute-<gateway>), so gateways exported into one Envoy never share a VM', () => {
  const { out, table, model, gateway } = exported();
  const other = exportEnvoy(model, { ...gateway, name: `${gateway.name}-2` }, table, { wasmPath: '/w.wasm', tablePath: '/t.table' });
  const vmIds = (yaml: string): string[] => (parse(yaml) as Any).static_resources.listeners.map((l: Any) => l.filter_chains[0].filters[0].typed_config.http_filters[0].typed_config.config.vm_config.vm_id);
  assert.deepEqual([...new Set(vmIds(out.yaml))], [`meshroute-${gateway.name}`]);
  assert.deepEqual([...new Set(vmIds(other.yaml))], [`meshroute-${gateway.name}-2`]);
});

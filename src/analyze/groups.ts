/**
 * The groups routes compete in, each in precedence order — the same partition the compiler
 * builds (src/compile/build.ts layoutRouter): per listener port and protocol, then (gateways in
 * virtual-host mode) per virtual host. A route is only ever shadowed by routes earlier in its group.
 */
import { lowerGatewayRoute, lowerRoute, type LoweredRoute } from '../compile/lower.js';
import { sortByPrecedence } from '../compile/precedence.js';
import { gatewayRoutesOf, type HostnameMode } from '../compile/build.js';
import type { GatewayRoute, MeshModel, Route, VirtualGateway, VirtualRouter } from '../model/types.js';

export interface Member {
  lowered: LoweredRoute;
  resource: GatewayRoute | Route;
}

export interface Group {
  owner: { kind: 'gateway'; gateway: VirtualGateway } | { kind: 'router'; router: VirtualRouter };
  port: number;
  protocol: LoweredRoute['protocol'];
  /** The virtual host (`exact` / `suffix` value) in virtual-host mode; null for host-less routes and flat mode. */
  host: { kind: 'exact' | 'suffix'; value: string } | null;
  /** True in virtual-host mode: the request's host selects the group (docs/precedence.md §3). */
  virtualHosts: boolean;
  /** Every hostname of the gateway's routes on this port and protocol (to pick a witness host that selects this group). */
  otherHosts: { kind: 'exact' | 'suffix'; value: string }[];
  /** In precedence order. */
  members: Member[];
}

export function gatewayGroups(model: MeshModel, gateway: VirtualGateway, mode: HostnameMode): Group[] {
  const resources = gatewayRoutesOf(model, gateway);
  const members = sortMembers(resources.map((r) => ({ lowered: lowerGatewayRoute(r), resource: r })));
  const out: Group[] = [];
  for (const port of uniquePorts(gateway.listeners.map((l) => l.portMapping.port))) {
    for (const protocol of ['http', 'http2', 'grpc'] as const) {
      const inGroup = members.filter((m) => m.lowered.protocol === protocol && (m.lowered.port === null || m.lowered.port === port));
      if (inGroup.length === 0) continue;
      const hosts = uniqueHosts(inGroup);
      if (mode === 'flat') {
        out.push({ owner: { kind: 'gateway', gateway }, port, protocol, host: null, virtualHosts: false, otherHosts: hosts, members: inGroup });
        continue;
      }
      for (const host of [...hosts, null]) {
        const part = inGroup.filter((m) => sameHost(m.lowered.hostname, host));
        if (part.length > 0) out.push({ owner: { kind: 'gateway', gateway }, port, protocol, host, virtualHosts: true, otherHosts: hosts, members: part });
      }
    }
  }
  return out;
}

/**
 * A virtual router's reachable groups: per listener, the routes of the listener's protocol (the
 * connection to the router is of that protocol) bound to its port or to none. Routers are flat.
 */
export function routerGroups(model: MeshModel, router: VirtualRouter): Group[] {
  const resources = model.routes.filter((r) => r.meshName === router.meshName && r.virtualRouterName === router.name);
  const members = sortMembers(resources.map((r) => ({ lowered: lowerRoute(r), resource: r })));
  const out: Group[] = [];
  const seen = new Set<number>();
  for (const l of router.listeners) {
    if (seen.has(l.port)) continue;
    seen.add(l.port);
    const inGroup = members.filter((m) => m.lowered.protocol === l.protocol && (m.lowered.port === null || m.lowered.port === l.port));
    if (inGroup.length > 0) out.push({ owner: { kind: 'router', router }, port: l.port, protocol: l.protocol, host: null, virtualHosts: false, otherHosts: [], members: inGroup });
  }
  return out;
}

// ------- internal functions -------

function sortMembers(members: Member[]): Member[] {
  const byLowered = new Map(members.map((m) => [m.lowered, m]));
  return sortByPrecedence(members.map((m) => m.lowered)).map((l) => byLowered.get(l)!);
}

function uniquePorts(ports: number[]): number[] {
  return [...new Set(ports)].sort((a, b) => a - b);
}

function uniqueHosts(members: Member[]): { kind: 'exact' | 'suffix'; value: string }[] {
  const seen = new Map<string, { kind: 'exact' | 'suffix'; value: string }>();
  for (const m of members) if (m.lowered.hostname !== null) seen.set(`${m.lowered.hostname.kind}:${m.lowered.hostname.value}`, m.lowered.hostname);
  return [...seen.values()];
}

function sameHost(a: LoweredRoute['hostname'], b: LoweredRoute['hostname']): boolean {
  return a === null || b === null ? a === b : a.kind === b.kind && a.value === b.value;
}

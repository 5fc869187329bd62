/**
 * dumpTable: a stable, human-readable text dump of a table, for golden tests and reviews. It shows
 * structure and content, not offsets, checksum or automaton bytes (those depend on the regex
 * engine), so a golden file changes only when behaviour or layout does.
 */
import { decodeTable } from './decode.js';
import {
  DiscoveryKind, HOST_KIND_NAMES, METHOD_NAMES, ProviderKind, SCHEME_NAMES, NONE, PATH_KIND_NAMES, PREDICATE_OP_NAMES, PREFIX_REWRITE_NAMES, PRIORITY_UNSET, PROTOCOL_NAMES,
  PredicateKind, ROUTER_FLAG_VIRTUAL_HOST, ROUTE_FLAG_HOST_REWRITE_DISABLED, ROUTE_FLAG_WEIGHTED, RouterKind, SectionKind, VHOST_KIND_NAMES,
} from './layout.js';
import type { DecodedTable, RouteRecord } from './types.js';

const LABEL = new TextDecoder('utf-8');

export function dumpTable(bytes: Uint8Array): string {
  const d = decodeTable(bytes);
  const out: string[] = [];
  out.push(`meshroute table v${d.version} flags ${d.flags}`);
  const kindName = (k: number): string => Object.entries(SectionKind).find(([, v]) => v === k)?.[0] ?? `kind-${k}`;
  out.push('sections: ' + d.sections.map((s) => (s.kind === SectionKind.regex ? `regex (${d.regexes.length} automata)` : `${kindName(s.kind)} ${s.length} B`)).join(', '));
  d.routers.forEach((r, i) => {
    const kind = r.kind === RouterKind.gateway ? 'gateway' : 'virtual-router';
    const mode = r.flags & ROUTER_FLAG_VIRTUAL_HOST ? 'virtual-host' : 'flat';
    const listeners = d.listeners.slice(r.firstListener, r.firstListener + r.listenerCount).map((l) => `${l.port}/${PROTOCOL_NAMES[l.protocol]}`);
    out.push(`router ${i}: ${kind} ${q(d.strings[r.name]!)} mesh ${q(d.strings[r.mesh]!)} hostnames ${mode}; listeners ${listeners.join(' ')}`);
    for (let k = 0; k < r.routeCount; k++) dumpRoute(d, d.routes[r.firstRoute + k]!, k, out, r.firstRoute + k);
    for (let g = r.firstGroup; g < r.firstGroup + r.groupCount; g++) {
      const grp = d.groups[g]!;
      out.push(`  group ${grp.port}/${PROTOCOL_NAMES[grp.protocol]}`);
      for (let v = grp.firstVhost; v < grp.firstVhost + grp.vhostCount; v++) {
        const vh = d.vhosts[v]!;
        const host = vh.host === NONE ? '' : ' ' + q(d.strings[vh.host]!);
        out.push(`    vhost ${VHOST_KIND_NAMES[vh.kind]}${host}: other ${ranks(d, vh.otherStart, vh.otherCount)}, ${vh.nodeCount} trie nodes`);
        if (vh.nodeCount > 0) dumpNode(d, vh.firstNode, 6, out);
      }
    }
  });
  if (d.mesh !== null) {
    const s = (i: number): string => (i === NONE ? '-' : q(d.strings[i]!));
    for (const sv of d.mesh.services) {
      const kind = sv.providerKind === ProviderKind.virtualNode ? 'virtual-node' : sv.providerKind === ProviderKind.virtualRouter ? 'virtual-router' : 'none';
      out.push(`service ${s(sv.name)} provider ${kind} ${s(sv.provider)}`);
    }
    for (const n of d.mesh.vnodes) {
      const kind = n.discovery === DiscoveryKind.dns ? 'dns' : n.discovery === DiscoveryKind.cloudMap ? 'cloud-map' : 'none';
      const attrs = d.mesh.attributes.slice(n.firstAttribute, n.firstAttribute + n.attributeCount).map((a) => `${s(a.key)}=${s(a.value)}`);
      const ls = d.mesh.nodeListeners.slice(n.firstListener, n.firstListener + n.listenerCount).map((l) => `${l.port}/${PROTOCOL_NAMES[l.protocol]}`);
      out.push(`node ${s(n.name)} ${kind} ${s(n.host)} ${s(n.service)}${attrs.length ? ' attributes ' + attrs.join(' ') : ''}; listeners ${ls.join(' ')}`);
    }
  }
  return out.join('\n') + '\n';
}

function q(s: string): string {
  return JSON.stringify(s);
}

function ranks(d: DecodedTable, start: number, count: number): string {
  return `[${d.lists.slice(start, start + count).join(' ')}]`;
}

function dumpRoute(d: DecodedTable, r: RouteRecord, rank: number, out: string[], index: number): void {
  const s = (i: number): string => (i === NONE ? '-' : q(d.strings[i]!));
  const prio = r.priority === PRIORITY_UNSET ? '-' : String(r.priority);
  out.push(
    `  route #${rank} ${s(r.name)} ${PROTOCOL_NAMES[r.protocol]} priority ${prio} path ${PATH_KIND_NAMES[r.pathKind]} ${s(r.path)}` +
      ` host ${HOST_KIND_NAMES[r.hostKind]} ${s(r.host)} method ${METHOD_NAMES[r.method] ?? '-'} port ${r.port || '-'}`,
  );
  for (let i = r.firstPredicate; i < r.firstPredicate + r.predicateCount; i++) {
    const p = d.predicates[i]!;
    const range = p.op === 5 ? ` [${d.ranges[p.aux]!.start}, ${d.ranges[p.aux]!.end})` : '';
    out.push(`      ${p.invert ? 'not ' : ''}${p.kind === PredicateKind.query ? 'query' : 'header'} ${s(p.name)} ${PREDICATE_OP_NAMES[p.op]}${p.value === NONE ? '' : ' ' + s(p.value)}${range}`);
  }
  const hostRw = r.flags & ROUTE_FLAG_HOST_REWRITE_DISABLED ? 'keep' : 'target';
  const prefixRw = PREFIX_REWRITE_NAMES[r.prefixRewrite] + (r.prefixValue === NONE ? '' : ' ' + s(r.prefixValue));
  out.push(`      rewrite prefix ${prefixRw} path ${s(r.pathRewrite)} host ${hostRw}`);
  const weighted = r.flags & ROUTE_FLAG_WEIGHTED ? ' (weighted)' : '';
  const targets = d.targets.slice(r.firstTarget, r.firstTarget + r.targetCount).map((t) => `${s(t.virtualService)}${t.port ? ':' + t.port : ''} w${t.weight}`);
  out.push(`      targets${weighted} ${targets.join(', ')}`);
  if (r.scheme !== 0) out.push(`      scheme ${SCHEME_NAMES[r.scheme]}`);
  const p = d.mesh?.policies[index];
  if (p !== undefined && (p.timeout !== NONE || p.retryPolicy !== NONE)) out.push(`      timeout ${s(p.timeout)} retry ${s(p.retryPolicy)}`);
}

function dumpNode(d: DecodedTable, i: number, indent: number, out: string[]): void {
  const n = d.nodes[i]!;
  const label = LABEL.decode(d.bytes.subarray(d.stringBlobOffset + n.labelStart, d.stringBlobOffset + n.labelStart + n.labelLength));
  const lists = [n.prefixCount > 0 ? `prefix ${ranks(d, n.prefixStart, n.prefixCount)}` : '', n.exactCount > 0 ? `exact ${ranks(d, n.exactStart, n.exactCount)}` : ''].filter(Boolean).join(' ');
  out.push(`${' '.repeat(indent)}${q(label)}${lists ? ' ' + lists : ''}`);
  for (let c = n.firstChild; c < n.firstChild + n.childCount; c++) dumpNode(d, c, indent + 2, out);
}

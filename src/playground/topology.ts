/**
 * The topology of one gateway as an SVG diagram in five columns: gateway → gateway routes → virtual
 * services → router routes → virtual nodes, with the weights on weighted edges. A decision can be
 * highlighted on it (the boxes the request went through).
 */
import type { Decision, MeshModel, VirtualGateway } from '../index.js';
import { svg } from './dom.js';

interface Box {
  key: string;
  label: string;
  title: string;
  missing?: boolean;
}

interface Edge {
  from: string;
  to: string;
  label?: string;
}

const COLUMNS = ['gateway', 'gateway routes', 'virtual services', 'router routes', 'virtual nodes'];
const COL_W = 220;
const BOX_W = 184;
const BOX_H = 26;
const ROW_H = 34;
const TOP = 30;

export interface Topology {
  element: SVGSVGElement;
  highlight(decision: Decision | null): void;
}

export function drawTopology(model: MeshModel, gateway: VirtualGateway): Topology {
  const { columns, edges } = graphOf(model, gateway);
  const rows = Math.max(1, ...columns.map((c) => c.length));
  const width = COLUMNS.length * COL_W;
  const height = TOP + rows * ROW_H + 8;
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-label': `topology of gateway ${gateway.name}: ${columns.map((c, i) => `${c.length} ${COLUMNS[i]}`).join(', ')}` });
  const where = new Map<string, { x: number; y: number }>();
  const boxes = new Map<string, SVGGElement>();
  columns.forEach((column, i) => {
    root.append(svg('text', { x: i * COL_W + 8, y: 16, class: 'col-title' }, COLUMNS[i]!));
    column.forEach((box, j) => where.set(box.key, { x: i * COL_W + 8, y: TOP + j * ROW_H }));
  });
  const edgeEls = edges.map((e) => {
    const a = where.get(e.from)!;
    const b = where.get(e.to)!;
    const x1 = a.x + BOX_W;
    const y1 = a.y + BOX_H / 2;
    const x2 = b.x;
    const y2 = b.y + BOX_H / 2;
    const mid = (x1 + x2) / 2;
    const g = svg('g', { class: 'edge', 'data-from': e.from, 'data-to': e.to }, svg('path', { d: `M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}` }));
    if (e.label) g.append(svg('text', { x: x2 - 6, y: y2 - 4, 'text-anchor': 'end', class: 'weight' }, e.label));
    root.append(g);
    return g;
  });
  for (const column of columns) {
    for (const box of column) {
      const p = where.get(box.key)!;
      const g = svg(
        'g',
        { class: box.missing ? 'box missing' : 'box', 'data-key': box.key },
        svg('title', {}, box.title),
        svg('rect', { x: p.x, y: p.y, width: BOX_W, height: BOX_H, rx: 4 }),
        svg('text', { x: p.x + 8, y: p.y + 17 }, clip(box.label, 26)),
      );
      boxes.set(box.key, g);
      root.append(g);
    }
  }
  return {
    element: root,
    highlight(decision) {
      const hit = new Set(decision ? pathOf(decision, gateway) : []);
      for (const [key, g] of boxes) g.classList.toggle('hit', hit.has(key));
      for (const e of edgeEls) e.classList.toggle('hit', hit.has(e.dataset.from ?? '') && hit.has(e.dataset.to ?? ''));
    },
  };
}

/** The boxes a decision went through. */
function pathOf(d: Decision, gateway: VirtualGateway): string[] {
  const keys = [`gw:${gateway.name}`];
  if (d.gatewayRoute !== null) keys.push(`gr:${d.gatewayRoute}`);
  if (d.virtualService !== null) keys.push(`vs:${d.virtualService}`);
  if (d.virtualRouter !== null && d.route !== null) keys.push(`rr:${d.virtualRouter}/${d.route}`);
  if (d.virtualNode !== null) keys.push(`vn:${d.virtualNode}`);
  for (const t of d.targets ?? []) keys.push(`vn:${t.virtualNode}`);
  return keys;
}

function graphOf(model: MeshModel, gateway: VirtualGateway): { columns: Box[][]; edges: Edge[] } {
  const columns: Box[][] = [[], [], [], [], []];
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (col: number, box: Box): void => {
    if (seen.has(box.key)) return;
    seen.add(box.key);
    columns[col]!.push(box);
  };
  const ports = gateway.listeners.map((l) => `${l.portMapping.port}/${l.portMapping.protocol}`).join(', ');
  add(0, { key: `gw:${gateway.name}`, label: gateway.name, title: `virtual gateway ${gateway.name} (mesh ${gateway.meshName}), listeners ${ports}` });
  const inMesh = <T extends { meshName: string }>(list: T[]): T[] => list.filter((r) => r.meshName === gateway.meshName);
  const services = new Map(inMesh(model.virtualServices).map((s) => [s.name, s]));
  const routers = new Map(inMesh(model.virtualRouters).map((r) => [r.name, r]));
  const nodes = new Map(inMesh(model.virtualNodes).map((n) => [n.name, n]));
  const routes = inMesh(model.routes);
  const addNode = (from: string, name: string, label?: string): void => {
    add(4, { key: `vn:${name}`, label: name, title: nodes.has(name) ? `virtual node ${name}` : `virtual node ${name} (not in the input)`, missing: !nodes.has(name) });
    edges.push({ from, to: `vn:${name}`, ...(label ? { label } : {}) });
  };
  const addService = (from: string, name: string, label?: string): void => {
    const vs = services.get(name);
    const key = `vs:${name}`;
    const first = !seen.has(key);
    add(2, { key, label: name, title: vs ? `virtual service ${name}` : `virtual service ${name} (not in the input)`, missing: !vs });
    edges.push({ from, to: key, ...(label ? { label } : {}) });
    if (!first || !vs || vs.provider === null) return;
    if ('virtualNode' in vs.provider) {
      addNode(key, vs.provider.virtualNode);
      return;
    }
    const routerName = vs.provider.virtualRouter;
    const own = routes.filter((r) => r.virtualRouterName === routerName);
    if (!routers.has(routerName) || own.length === 0) {
      const rk = `rr:${routerName}/`;
      add(3, { key: rk, label: `${routerName} (no routes)`, title: `virtual router ${routerName}${routers.has(routerName) ? '' : ' (not in the input)'}`, missing: true });
      edges.push({ from: key, to: rk });
      return;
    }
    for (const r of own) {
      // Decisions name routes and gateway routes as written (displayName), services and nodes by App Mesh name.
      const rk = `rr:${routerName}/${r.displayName}`;
      add(3, { key: rk, label: r.displayName, title: `virtual router ${routerName}, route ${r.displayName} (${r.spec.type}, priority ${r.spec.priority ?? 'unset'})` });
      edges.push({ from: key, to: rk });
      const total = r.spec.weightedTargets.reduce((s, t) => s + t.weight, 0);
      for (const t of r.spec.weightedTargets) addNode(rk, t.virtualNodeName, r.spec.weightedTargets.length > 1 ? `${Math.round((t.weight / (total || 1)) * 100)}%` : undefined);
    }
  };
  for (const gr of inMesh(model.gatewayRoutes).filter((r) => r.virtualGatewayName === gateway.name)) {
    const key = `gr:${gr.displayName}`;
    add(1, { key, label: gr.displayName, title: `gateway route ${gr.displayName}${gr.namespace ? ` in ${gr.namespace}` : ''} (${gr.spec.type}, priority ${gr.spec.priority ?? 'unset'})` });
    edges.push({ from: `gw:${gateway.name}`, to: key });
    const targets = gr.spec.action.targets;
    const total = targets.reduce((s, t) => s + t.weight, 0);
    for (const t of targets) addService(key, t.virtualServiceName, targets.length > 1 ? `${Math.round((t.weight / (total || 1)) * 100)}%` : undefined);
  }
  return { columns, edges };
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…';
}

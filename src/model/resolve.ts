/**
 * Second pass: resolves every reference the way the App Mesh controller does and builds the
 * normalized model.
 *
 * - Mesh membership (K8s): the Mesh whose `namespaceSelector` selects the object's namespace
 *   (labels from `Namespace` objects in the input; nil selects none, `{}` all). Without the
 *   Namespace object, a single mesh in the input decides, with a warning.
 * - GatewayRoute → VirtualGateway (K8s): every gateway whose `namespaceSelector` selects the
 *   route's namespace and whose `gatewayRouteSelector` (nil or `{}` = all) selects the route's
 *   labels; exactly one must qualify ("expecting 1 but found N").
 * - `*Ref {name, namespace?}`: a missing namespace means the referencing object's namespace;
 *   the result is the referenced object's App Mesh name (`awsName` with its defaults).
 * - ARNs resolve to their name part.
 */

import type { Diagnostic, Severity } from './diagnostics.js';
import { diagnosticAt, sourceOf, type Draft, type Identity } from './drafts.js';
import { isEmptySelector, selectorMatches, describeSelector } from './selectors.js';
import { gatewayRouteSpec, int, list, listenerExtra, nameFromArn, portMapping, rec, routeSpec, serviceDiscovery, str, GATEWAY_ROUTE_TYPES, ROUTE_TYPES } from './convert/spec.js';
import { isRecord } from './load/classify.js';
import type {
  GatewayRoute,
  GatewayRouteTarget,
  Mesh,
  MeshModel,
  NamespaceInfo,
  PortMapping,
  Resource,
  ResourceKind,
  Route,
  VirtualGateway,
  VirtualNode,
  VirtualRouter,
  VirtualService,
  VirtualServiceProvider,
  WeightedTarget,
} from './types.js';

export interface ResolveContext {
  diagnostics: Diagnostic[];
  namespaces: NamespaceInfo[];
}

interface Resolver {
  ctx: ResolveContext;
  drafts: Draft[];
  /** K8s object identity `kind/namespace/name` → draft. */
  byK8sKey: Map<string, Draft>;
  /** Resolved mesh (App Mesh name) of each draft. */
  meshOf: Map<Draft, string | null>;
  namespaceLabels: Map<string, Record<string, string>>;
  /** `kind/App Mesh name` → drafts (any mesh): name references look up here, not by scanning. */
  byName: Map<string, Draft[]>;
  meshes: Draft[];
  gateways: Draft[];
  /** `mesh/router` → App Mesh names of its valid routes (filled before resources are built). */
  routesByRouter?: Map<string, string[]>;
  /** Warnings said once per (code, subject), not once per resource. */
  said: Set<string>;
}

export interface Resolved {
  model: MeshModel;
  /** The draft each resource was built from (rules report through it, at the original file positions). */
  draftOf: Map<Resource, Draft>;
}

export function resolveModel(drafts: Draft[], ctx: ResolveContext): Resolved {
  const r: Resolver = {
    ctx,
    drafts,
    byK8sKey: new Map(),
    meshOf: new Map(),
    namespaceLabels: new Map(ctx.namespaces.map((n) => [n.name, n.labels])),
    byName: new Map(),
    meshes: drafts.filter((d) => d.kind === 'Mesh'),
    gateways: drafts.filter((d) => d.kind === 'VirtualGateway'),
    said: new Set(),
  };
  for (const d of drafts) {
    const key = `${d.kind}/${d.name}`;
    const list = r.byName.get(key);
    if (list) list.push(d);
    else r.byName.set(key, [d]);
  }
  indexK8sObjects(r);
  for (const d of drafts) r.meshOf.set(d, d.kind === 'Mesh' ? d.name : null);
  for (const d of drafts) if (d.kind !== 'Mesh' && d.kind !== 'Route') r.meshOf.set(d, resolveMesh(r, d));
  for (const d of drafts) if (d.kind === 'Route') r.meshOf.set(d, routeMesh(r, d));
  checkDuplicateNames(r);

  const model = Object.fromEntries(COLLECTIONS.map((c) => [c, []])) as unknown as MeshModel;
  model.namespaces = [...ctx.namespaces].sort((a, b) => cmp(a.name, b.name));
  r.routesByRouter = new Map();
  for (const d of drafts) {
    if (d.kind !== 'Route' || !d.valid) continue;
    const key = `${r.meshOf.get(d)}/${parentAwsName(r, d)}`;
    const names = r.routesByRouter.get(key);
    if (names) names.push(d.name);
    else r.routesByRouter.set(key, [d.name]);
  }
  const draftOf = new Map<Resource, Draft>();
  for (const d of drafts) {
    const mesh = r.meshOf.get(d) ?? null;
    if (mesh === null || !d.valid) continue;
    const res = buildResource(r, d, mesh);
    if (!res) continue;
    (model[COLLECTIONS[KINDS.indexOf(res.kind)]!] as Resource[]).push(res);
    draftOf.set(res, d);
  }
  sortModel(model);
  return { model, draftOf };
}

// ---------------------------------------------------------------------------------------------
// Identity and duplicates
// ---------------------------------------------------------------------------------------------

function k8sKey(kind: ResourceKind, namespace: string | null, name: string): string {
  return `${kind}/${namespace ?? ''}/${name}`;
}

function indexK8sObjects(r: Resolver): void {
  // An object defined twice is one mistake: its routes (and a legacy service's router) are not
  // reported again, only dropped with it.
  const duplicated = new Set<Draft['unit']>();
  for (const d of r.drafts) {
    if (d.dialect === 'aws') continue;
    if (duplicated.has(d.unit)) {
      d.valid = false;
      continue;
    }
    // The router and routes inside a legacy VirtualService are not K8s objects: their App Mesh names are checked below.
    if (d.dialect === 'k8s-v1beta1' && d.pointer !== d.unit.base) continue;
    const key = d.kind === 'Route' ? `Route/${d.namespace}/${d.parent?.name}/${d.name}` : k8sKey(d.kind, d.namespace, d.displayName);
    const first = r.byK8sKey.get(key);
    if (!first) {
      r.byK8sKey.set(key, d);
      continue;
    }
    if (d.kind === 'Route') {
      say(r, d, 'error', 'VR_DUPLICATE_ROUTE', d.pointer + '/name', `virtual router ${d.parent?.name} has duplicate route entries named ${d.name}`);
    } else {
      const where = first.unit.doc.file;
      say(r, d, 'error', 'DUPLICATE_RESOURCE', d.pointer, `${d.kind} ${d.namespace ? d.namespace + '/' : ''}${d.displayName} is defined twice (first in ${where})`);
      duplicated.add(d.unit);
    }
    d.valid = false;
  }
}

/** Two resources of one kind may not share an App Mesh name within a mesh (and parent, for routes). */
function checkDuplicateNames(r: Resolver): void {
  const seen = new Map<string, Draft>();
  for (const d of r.drafts) {
    const mesh = r.meshOf.get(d);
    if (!d.valid || mesh === null || mesh === undefined) continue;
    const parent = d.kind === 'GatewayRoute' || d.kind === 'Route' ? parentAwsName(r, d) ?? '' : '';
    const key = `${d.kind}/${mesh}/${parent}/${d.name}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, d);
      continue;
    }
    if (d.kind === 'Route' && d.dialect === 'k8s' && first.dialect === 'k8s') continue; // reported as VR_DUPLICATE_ROUTE
    const shared = d.kind === 'VirtualRouter' && d.dialect === 'k8s-v1beta1' && first.dialect === 'k8s-v1beta1'
      ? ': two v1beta1 VirtualServices share one router, and each sync of one deleted the routes the other listed (only one set of routes ever existed)'
      : '';
    say(r, d, 'error', 'DUPLICATE_NAME', d.pointer, `App Mesh name ${d.name} of this ${d.kind} is already used in mesh ${mesh} by ${describeDraft(first)}${shared}`);
    d.valid = false;
    // One mistake, one error: the routes inside a legacy service whose router collided go with it.
    if (d.dialect === 'k8s-v1beta1' && d.kind === 'VirtualRouter') for (const x of r.drafts) if (x.unit === d.unit && x.kind === 'Route') x.valid = false;
  }
}

// ---------------------------------------------------------------------------------------------
// Mesh membership
// ---------------------------------------------------------------------------------------------

function meshDrafts(r: Resolver): Draft[] {
  return r.meshes;
}

function resolveMesh(r: Resolver, d: Draft): string | null {
  if (d.explicitMesh !== null) {
    const found = meshDrafts(r).find((m) => m.name === d.explicitMesh || (m.dialect === 'k8s' && m.displayName === d.explicitMesh));
    if (found) return found.name;
    sayOnce(r, `mesh:${d.explicitMesh}`, d, 'warning', 'REF_MESH_NOT_IN_INPUT', d.pointer, `mesh ${d.explicitMesh} is not defined in the input; resources naming it are read as its members`);
    return d.explicitMesh;
  }
  if (d.dialect !== 'k8s') return null; // an AWS or v1beta1 document without meshName failed its schema already
  const ns = d.namespace ?? '';
  const k8sMeshes = meshDrafts(r).filter((m) => m.dialect === 'k8s');
  const labels = r.namespaceLabels.get(ns);
  if (labels === undefined) {
    if (k8sMeshes.length === 1) {
      const only = k8sMeshes[0]!;
      sayOnce(r, `ns-mesh:${ns}`, d, 'warning', 'NAMESPACE_NOT_IN_INPUT', d.pointer,
        `namespace ${ns} has no Namespace object in the input, so mesh membership cannot be checked against Mesh ${only.displayName}'s namespaceSelector; assuming ${only.name}, the only mesh`);
      return only.name;
    }
    const why = k8sMeshes.length === 0 ? 'the input defines no Mesh' : `the input defines ${k8sMeshes.length} meshes and no Namespace object for ${ns} to choose between them`;
    sayOnce(r, `ns-mesh-none:${ns}`, d, 'error', k8sMeshes.length === 0 ? 'MESH_NOT_FOUND' : 'MESH_AMBIGUOUS', d.pointer, `cannot tell which mesh namespace ${ns} belongs to: ${why}`);
    return null;
  }
  const selecting = k8sMeshes.filter((m) => m.namespaceSelector !== null && selectorMatches(m.namespaceSelector, labels));
  if (selecting.length === 1) return selecting[0]!.name;
  const code = selecting.length === 0 ? 'MESH_NOT_FOUND' : 'MESH_AMBIGUOUS';
  const which = selecting.length === 0 ? '' : `: ${selecting.map((m) => m.displayName).join(', ')}`;
  sayOnce(r, `ns-mesh-sel:${ns}`, d, 'error', code, d.pointer, `failed to find matching mesh for namespace ${ns}, expecting 1 but found ${selecting.length}${which}`);
  return null;
}

function routeMesh(r: Resolver, d: Draft): string | null {
  if (d.dialect !== 'k8s') return resolveMesh(r, d);
  const router = d.parent ? r.byK8sKey.get(k8sKey('VirtualRouter', d.namespace, d.parent.name)) : undefined;
  return router ? (r.meshOf.get(router) ?? null) : null;
}

// ---------------------------------------------------------------------------------------------
// References
// ---------------------------------------------------------------------------------------------

interface K8sRef {
  name: string;
  namespace: string | null;
}

/** Resolves a K8s `*Ref` or `*ARN` (or an API name) at `path` to the referenced object's App Mesh name. */
function resolveRef(r: Resolver, from: Draft, kind: ResourceKind, holder: Record<string, unknown>, refKey: string, arnKey: string, nameKey: string | null, path: string, missingName?: (name: string, mesh: string | null | undefined) => string | null): string | null {
  const ref = rec(holder[refKey]);
  if (ref && typeof ref.name === 'string') {
    const target = lookupK8s(r, kind, { name: ref.name, namespace: str(ref.namespace) || null }, from);
    if (!target) {
      const ns = str(ref.namespace) || from.namespace;
      say(r, from, 'error', 'REF_NOT_FOUND', `${path}/${refKey}`, `${refKey} points to ${kind} ${ns}/${ref.name}, which is not in the input`);
      return null;
    }
    // App Mesh references are names within one mesh: the controller passes the target's awsName with the referrer's meshName.
    const fromMesh = r.meshOf.get(from) ?? null;
    const targetMesh = r.meshOf.get(target) ?? null;
    if (fromMesh !== null && targetMesh !== null && fromMesh !== targetMesh) {
      say(r, from, 'error', 'REF_MESH_MISMATCH', `${path}/${refKey}`, `${refKey} points to ${kind} ${target.namespace ? target.namespace + '/' : ''}${target.displayName} in mesh ${targetMesh}, but this ${from.kind} is in mesh ${fromMesh}`);
      return null;
    }
    return target.name;
  }
  const arn = str(holder[arnKey]);
  if (arn !== null) {
    const name = nameFromArn(arn);
    if (name === null) say(r, from, 'error', 'REF_BAD_ARN', `${path}/${arnKey}`, `${arnKey} ${arn} is not an App Mesh ${kind} ARN`);
    return name;
  }
  const name = nameKey ? str(holder[nameKey]) : null;
  if (name !== null) {
    const mesh = r.meshOf.get(from);
    if (!(r.byName.get(`${kind}/${name}`) ?? []).some((d) => r.meshOf.get(d) === mesh)) {
      if (missingName) return missingName(name, mesh);
      const legacy = from.dialect === 'k8s-v1beta1' && kind === 'VirtualNode' ? ' (the App Mesh name the v1beta1 controller gave this target: http/tcp targets get -<namespace>, http2/grpc targets are used as written)' : '';
      say(r, from, 'error', 'REF_NOT_FOUND', `${path}/${nameKey}`, `${nameKey} ${name}${legacy} names a ${kind} that is not in mesh ${mesh} in the input`);
      return null;
    }
    return name;
  }
  return null;
}

function lookupK8s(r: Resolver, kind: ResourceKind, ref: K8sRef, from: Draft): Draft | undefined {
  return r.byK8sKey.get(k8sKey(kind, ref.namespace || from.namespace, ref.name));
}

function parentAwsName(r: Resolver, d: Draft): string | null {
  if (d.kind === 'Route') {
    if (d.dialect !== 'k8s') return d.parent?.name ?? null;
    const router = d.parent ? r.byK8sKey.get(k8sKey('VirtualRouter', d.namespace, d.parent.name)) : undefined;
    return router?.name ?? null;
  }
  if (d.kind === 'GatewayRoute') return resolveGateway(r, d)?.name ?? null;
  return null;
}

const gatewayCache = new WeakMap<Draft, Draft | null>();

/** GatewayRoute → its one VirtualGateway (explicit name or selectors). Reports and returns null otherwise. */
function resolveGateway(r: Resolver, gr: Draft): Draft | null {
  if (gatewayCache.has(gr)) return gatewayCache.get(gr)!;
  const result = findGateway(r, gr);
  gatewayCache.set(gr, result);
  return result;
}

function findGateway(r: Resolver, gr: Draft): Draft | null {
  const mesh = r.meshOf.get(gr) ?? null;
  const gateways = r.gateways;
  if (gr.parent) {
    const p = gr.parent;
    const found =
      gr.dialect === 'aws'
        ? gateways.find((g) => g.name === p.name && r.meshOf.get(g) === mesh)
        : (lookupK8s(r, 'VirtualGateway', p, gr) ?? uniqueByName(gateways.filter((g) => g.dialect === 'k8s'), p.name));
    if (!found) {
      say(r, gr, 'error', 'GR_GATEWAY_NOT_FOUND', gr.pointer, `virtual gateway ${p.name} named by this gateway route is not in the input${gr.dialect === 'aws' ? ` (mesh ${mesh})` : ''}`);
      return null;
    }
    return checkSameMesh(r, gr, found);
  }
  const labels = r.namespaceLabels.get(gr.namespace ?? '');
  const candidates = gateways.filter(
    (g) =>
      g.dialect === 'k8s' &&
      (labels === undefined || (g.namespaceSelector !== null && selectorMatches(g.namespaceSelector, labels))) &&
      (g.gatewayRouteSelector === null || isEmptySelector(g.gatewayRouteSelector) || selectorMatches(g.gatewayRouteSelector, gr.labels)),
  );
  if (candidates.length === 1) {
    if (labels === undefined) {
      sayOnce(r, `ns-gw:${gr.namespace}`, gr, 'warning', 'NAMESPACE_NOT_IN_INPUT', gr.pointer,
        `namespace ${gr.namespace} has no Namespace object in the input, so gateway namespaceSelectors cannot be checked; bound to ${candidates[0]!.displayName}, the only gateway whose gatewayRouteSelector selects this route`);
    }
    return checkSameMesh(r, gr, candidates[0]!);
  }
  if (candidates.length === 0) {
    const tried = gateways.filter((g) => g.dialect === 'k8s').map((g) => `${g.displayName} (namespaceSelector ${describeSelector(g.namespaceSelector)}, gatewayRouteSelector ${describeSelector(g.gatewayRouteSelector)})`);
    say(r, gr, 'error', 'GR_GATEWAY_NOT_FOUND', gr.pointer,
      `failed to find matching virtualGateway for gatewayRoute ${gr.displayName}, expecting 1 but found 0${tried.length ? `; gateways: ${tried.join('; ')}` : '; the input has no VirtualGateway'}`);
  } else {
    say(r, gr, 'error', 'GR_GATEWAY_AMBIGUOUS', gr.pointer,
      `found multiple matching virtualGateways for gatewayRoute ${gr.displayName}, expecting 1 but found ${candidates.length}: ${candidates.map((g) => g.displayName).join(', ')}`);
  }
  return null;
}

function uniqueByName(drafts: Draft[], name: string): Draft | undefined {
  const hits = drafts.filter((d) => d.displayName === name || d.name === name);
  return hits.length === 1 ? hits[0] : undefined;
}

function checkSameMesh(r: Resolver, gr: Draft, gw: Draft): Draft | null {
  const a = r.meshOf.get(gr) ?? null;
  const b = r.meshOf.get(gw) ?? null;
  if (a !== null && b !== null && a !== b) {
    say(r, gr, 'error', 'REF_MESH_MISMATCH', gr.pointer, `gateway route is in mesh ${a} but its virtual gateway ${gw.displayName} is in mesh ${b}`);
    return null;
  }
  return gw;
}

// ---------------------------------------------------------------------------------------------
// Building resources
// ---------------------------------------------------------------------------------------------

function buildResource(r: Resolver, d: Draft, meshName: string): Resource | null {
  const base = {
    name: d.name,
    displayName: d.displayName,
    namespace: d.namespace,
    meshName,
    dialect: d.dialect,
    labels: d.labels,
    source: sourceOf(d),
  };
  const spec = d.spec;
  switch (d.kind) {
    case 'Mesh': {
      const egress = rec(spec.egressFilter)?.type === 'ALLOW_ALL' ? 'ALLOW_ALL' : 'DROP_ALL';
      const mesh: Mesh = { ...base, kind: 'Mesh', egressFilter: egress, namespaceSelector: d.namespaceSelector, spec };
      return mesh;
    }
    case 'VirtualGateway': {
      const vg: VirtualGateway = { ...base, kind: 'VirtualGateway', listeners: listenersOf(spec), namespaceSelector: d.namespaceSelector, gatewayRouteSelector: d.gatewayRouteSelector, spec };
      return vg;
    }
    case 'GatewayRoute':
      return buildGatewayRoute(r, d, base);
    case 'VirtualService': {
      const vs: VirtualService = { ...base, kind: 'VirtualService', provider: resolveProvider(r, d), spec };
      return vs;
    }
    case 'VirtualRouter': {
      const listeners = list(spec.listeners).flatMap((l) => {
        const pm = portMapping(rec(l)?.portMapping);
        return pm ? [pm] : [];
      });
      const routeNames = [...(r.routesByRouter?.get(`${meshName}/${d.name}`) ?? [])].sort(cmp);
      const { routes: _routes, ...rest } = spec;
      const vr: VirtualRouter = { ...base, kind: 'VirtualRouter', listeners: listeners as PortMapping[], routeNames, spec: rest };
      return vr;
    }
    case 'Route':
      return buildRoute(r, d, base);
    case 'VirtualNode':
      return buildVirtualNode(r, d, base);
  }
}

type Base = Omit<Resource, 'kind' | 'spec'>;

/** A gateway's or node's listeners with a valid portMapping, each with its other settings. */
function listenersOf(spec: Record<string, unknown>): { portMapping: PortMapping; extra: Record<string, unknown> }[] {
  return list(spec.listeners).flatMap((l) => {
    const raw = rec(l);
    const pm = raw && portMapping(raw.portMapping);
    return raw && pm ? [{ portMapping: pm, extra: listenerExtra(raw) }] : [];
  });
}

function buildGatewayRoute(r: Resolver, d: Draft, base: Base): GatewayRoute | null {
  const gateway = resolveGateway(r, d);
  if (!gateway) return null;
  const key = GATEWAY_ROUTE_TYPES.find((k) => isRecord(d.spec[k]));
  if (!key) return null;
  const targetPath = `${d.specPointer}/${key}/action/target`;
  let targets: GatewayRouteTarget[];
  if (d.weightedTargets) {
    targets = [];
    for (const wt of d.weightedTargets) {
      const holder: Record<string, unknown> = wt.ref ? { virtualServiceRef: wt.ref } : wt.arn ? { virtualServiceARN: wt.arn } : { virtualServiceName: wt.virtualServiceName };
      const name = resolveRef(r, d, 'VirtualService', holder, 'virtualServiceRef', 'virtualServiceARN', 'virtualServiceName', wt.path);
      if (name === null) return null;
      targets.push({ virtualServiceName: name, port: int(wt.port), weight: typeof wt.weight === 'number' ? wt.weight : 0 });
    }
  } else {
    const target = rec(rec(rec(d.spec[key])?.action)?.target) ?? {};
    const vs = rec(target.virtualService) ?? {};
    const name = resolveRef(r, d, 'VirtualService', vs, 'virtualServiceRef', 'virtualServiceARN', 'virtualServiceName', `${targetPath}/virtualService`);
    if (name === null) return null;
    targets = [{ virtualServiceName: name, port: int(target.port), weight: 1 }];
  }
  const spec = gatewayRouteSpec(d.spec, targets, d.weightedTargets !== null);
  if (!spec) return null;
  return { ...base, kind: 'GatewayRoute', virtualGatewayName: gateway.name, spec } as GatewayRoute;
}

function buildRoute(r: Resolver, d: Draft, base: Base): Route | null {
  const routerName = parentAwsName(r, d);
  // An API Route names its router; that router must exist in the route's mesh (K8s routes live inside theirs).
  const routerMissing = d.dialect !== 'k8s' && !r.drafts.some((x) => x.kind === 'VirtualRouter' && x.name === routerName && r.meshOf.get(x) === base.meshName);
  if (routerName === null || routerMissing) {
    say(r, d, 'error', 'REF_NOT_FOUND', d.pointer, `route ${d.name} names virtual router ${d.parent?.name ?? '?'}, which is not in the input`);
    return null;
  }
  const key = ROUTE_TYPES.find((k) => isRecord(d.spec[k]));
  if (!key) return null;
  const action = rec(rec(d.spec[key])?.action) ?? {};
  const targets: WeightedTarget[] = [];
  for (const [i, raw] of list(action.weightedTargets).entries()) {
    const t = rec(raw) ?? {};
    const name = resolveRef(r, d, 'VirtualNode', t, 'virtualNodeRef', 'virtualNodeARN', 'virtualNode', `${d.specPointer}/${key}/action/weightedTargets/${i}`);
    if (name === null) return null;
    targets.push({ virtualNodeName: name, weight: int(t.weight) ?? 0, port: int(t.port) });
  }
  const spec = routeSpec(d.spec, targets);
  if (!spec) return null;
  return { ...base, kind: 'Route', virtualRouterName: routerName, spec } as Route;
}

function resolveProvider(r: Resolver, d: Draft): VirtualServiceProvider {
  const provider = rec(d.spec.provider);
  if (!provider) return null;
  const path = `${d.specPointer}/provider`;
  const node = rec(provider.virtualNode);
  if (node) {
    const name = resolveRef(r, d, 'VirtualNode', node, 'virtualNodeRef', 'virtualNodeARN', 'virtualNodeName', `${path}/virtualNode`);
    return name === null ? null : { virtualNode: name };
  }
  const router = rec(provider.virtualRouter);
  if (router) {
    const name = resolveRef(r, d, 'VirtualRouter', router, 'virtualRouterRef', 'virtualRouterARN', 'virtualRouterName', `${path}/virtualRouter`);
    return name === null ? null : { virtualRouter: name };
  }
  return null;
}

function buildVirtualNode(r: Resolver, d: Draft, base: Base): VirtualNode {
  const backends = list(d.spec.backends).flatMap((b, i) => {
    const vs = rec(rec(b)?.virtualService);
    if (!vs) return [];
    const at = `${d.specPointer}/backends/${i}/virtualService`;
    const name = resolveRef(r, d, 'VirtualService', vs, 'virtualServiceRef', 'virtualServiceARN', 'virtualServiceName', at, (missing, mesh) => {
      // App Mesh accepts a backend named before its service exists (the controller creates backends
      // without waiting); only requests to it have nowhere to go until then.
      say(r, d, 'warning', 'BACKEND_NOT_IN_INPUT', `${at}/virtualServiceName`,
        `backend ${missing} names a VirtualService that is not in mesh ${mesh} in the input; App Mesh accepts this (a backend may be created before its service), but until that service exists the mesh has no route for requests from this node to ${missing}`);
      return missing;
    });
    return name === null ? [] : [name];
  });
  return { ...base, kind: 'VirtualNode', listeners: listenersOf(d.spec), serviceDiscovery: serviceDiscovery(d.spec.serviceDiscovery), backends, spec: d.spec };
}

// ---------------------------------------------------------------------------------------------

/** The model's collection of each kind, in MeshModel's key order (KINDS[i] lives in COLLECTIONS[i]). */
const KINDS: readonly ResourceKind[] = ['Mesh', 'VirtualGateway', 'GatewayRoute', 'VirtualService', 'VirtualRouter', 'Route', 'VirtualNode'];
export const COLLECTIONS = ['meshes', 'virtualGateways', 'gatewayRoutes', 'virtualServices', 'virtualRouters', 'routes', 'virtualNodes'] as const;

/** Sorting makes the model (and every table compiled from it) independent of input order and file split. */
function sortModel(model: MeshModel): void {
  const key = (x: Resource) => {
    const parent = x.kind === 'GatewayRoute' ? x.virtualGatewayName : x.kind === 'Route' ? x.virtualRouterName : '';
    return [x.meshName, parent, x.name, x.namespace ?? '', x.displayName];
  };
  const byKey = (a: Resource, b: Resource) => {
    const ka = key(a);
    const kb = key(b);
    for (let i = 0; i < ka.length; i++) {
      const c = cmp(ka[i]!, kb[i]!);
      if (c !== 0) return c;
    }
    return 0;
  };
  for (const c of COLLECTIONS) (model[c] as Resource[]).sort(byKey);
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function who(d: Draft): Identity {
  return { kind: d.kind, namespace: d.namespace, name: d.displayName || null };
}

function describeDraft(d: Draft): string {
  return `${d.kind} ${d.namespace ? d.namespace + '/' : ''}${d.displayName} (${d.unit.doc.file})`;
}

function say(r: Resolver, d: Draft, severity: Severity, code: string, path: string, message: string): void {
  r.ctx.diagnostics.push(diagnosticAt(d.unit, severity, code, path, message, who(d)));
}

function sayOnce(r: Resolver, subject: string, d: Draft, severity: Severity, code: string, path: string, message: string): void {
  const key = `${code}\u0000${subject}`;
  if (r.said.has(key)) return;
  r.said.add(key);
  say(r, d, severity, code, path, message);
}

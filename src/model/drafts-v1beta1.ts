/**
 * Drafts of legacy `appmesh.k8s.aws/v1beta1` objects (docs/dialects.md). Each object is checked
 * against its v1beta1 schema and by the v0.x controller's rules, then becomes the resources that
 * controller created, under the names it gave them:
 *
 * - Mesh → Mesh `metadata.name`;
 * - VirtualNode → VirtualNode `legacyAwsName(name, namespace)`;
 * - VirtualService → VirtualService `metadata.name` (not namespaced), its VirtualRouter, and one
 *   Route per `spec.routes[]` entry (route names verbatim).
 *
 * Specs are converted to API shapes (./convert/v1beta1.ts) whose references are App Mesh names,
 * so resolution treats them like API documents; identities keep the K8s name and namespace.
 */

import type { Diagnostic } from './diagnostics.js';
import { DEFAULT_NAMESPACE, SCHEMA_CODES, diagnosticAt, identityOf, report, stringRecord, type Draft, type DraftContext, type Identity } from './drafts.js';
import type { Classified, UnitType } from './load/classify.js';
import { joinPointer } from './load/pointer.js';
import { list, rec, str, type Raw } from './convert/spec.js';
import {
  legacyAwsName,
  legacyListenerSource,
  legacyNodeSpec,
  legacyRouterName,
  legacyRouteSpec,
  legacyRouteTypes,
} from './convert/v1beta1.js';
import { k8sV1beta1DocumentSchemas } from './schema/compiled.js';
import type { LegacyKind } from './schema/kinds.js';
import { schemaErrors } from './schema/errors.js';

type K8sUnit = Extract<Classified, { type: UnitType.K8s }>;

export function legacyDrafts(unit: K8sUnit, ctx: DraftContext): Draft[] {
  const kind = unit.kind as LegacyKind;
  const value = unit.value;
  const who = identityOf(unit);
  let errors = 0;
  for (const e of schemaErrors(k8sV1beta1DocumentSchemas[kind], value)) {
    // Go's JSON decoder drops fields its types lack: the controller never saw them. Worth a warning
    // (a typo silently loses a match criterion), not an error (the object was accepted).
    if (e.keyword === 'unknown-field') {
      report(ctx, unit, 'warning', 'V1BETA1_UNKNOWN_FIELD', unit.base + e.path, `${e.message}: the v1beta1 controller ignores it`, who);
      continue;
    }
    errors++;
    report(ctx, unit, 'error', SCHEMA_CODES[e.keyword] ?? 'SCHEMA_INVALID', unit.base + e.path, e.message, who);
  }
  const metadata = rec(value.metadata) ?? {};
  const spec = rec(value.spec) ?? {};
  const displayName = str(metadata.name) ?? '';
  const namespace = kind === 'Mesh' ? null : str(metadata.namespace) || DEFAULT_NAMESPACE;
  const meshName = str(spec.meshName);
  const base: Draft = {
    kind,
    dialect: 'k8s-v1beta1',
    unit,
    pointer: unit.base,
    specPointer: joinPointer(unit.base, 'spec'),
    displayName,
    namespace,
    name: displayName,
    labels: stringRecord(metadata.labels),
    explicitMesh: kind === 'Mesh' ? null : meshName,
    parent: null,
    spec: {},
    valid: errors === 0 && displayName !== '',
    weightedTargets: null,
    namespaceSelector: null,
    gatewayRouteSelector: null,
  };
  if (kind === 'Mesh') {
    const egress = rec(spec.egressFilter);
    return [{ ...base, spec: egress ? { egressFilter: egress } : {} }];
  }
  if (kind === 'VirtualNode') {
    const name = legacyAwsName(displayName, namespace!);
    checkNode(ctx, unit, spec, who);
    return [{ ...base, name, spec: legacyNodeSpec(spec, meshName ?? '', name) }];
  }
  return serviceDrafts(ctx, unit, base, spec, who);
}

/** A VirtualService: itself, its router, its routes. */
function serviceDrafts(ctx: DraftContext, unit: K8sUnit, vs: Draft, spec: Raw, who: Identity): Draft[] {
  const namespace = vs.namespace!;
  const router = legacyRouterName(spec, vs.displayName, namespace);
  const routerPointer = joinPointer(unit.base, 'spec', 'virtualRouter');
  const listeners = list(rec(spec.virtualRouter)?.listeners).flatMap((l) => {
    const pm = rec(rec(l)?.portMapping);
    return pm ? [{ portMapping: pm }] : [];
  });
  checkListenerProtocols(ctx, unit, list(rec(spec.virtualRouter)?.listeners), `${routerPointer}/listeners`, who);
  const routerDraft: Draft = {
    ...vs,
    kind: 'VirtualRouter',
    pointer: routerPointer,
    specPointer: routerPointer,
    displayName: router.k8sName,
    name: router.awsName,
    labels: {},
    spec: { listeners },
  };
  const routes = list(spec.routes).map((raw, i): Draft => {
    const route = rec(raw) ?? {};
    const at = joinPointer(unit.base, 'spec', 'routes', i);
    checkRoute(ctx, unit, route, at, who);
    const name = str(route.name) ?? '';
    return {
      ...vs,
      kind: 'Route',
      pointer: at,
      specPointer: at,
      displayName: name,
      name,
      labels: {},
      parent: { name: router.awsName, namespace },
      spec: legacyRouteSpec(route, namespace),
      valid: vs.valid && name !== '',
    };
  });
  const service: Draft = { ...vs, spec: { provider: { virtualRouter: { virtualRouterName: router.awsName } } } };
  return [service, routerDraft, ...routes];
}

// ---------------------------------------------------------------------------------------------
// The v0.x controller's rules, and the App Mesh API's where that controller checked nothing
// ---------------------------------------------------------------------------------------------

function checkRoute(ctx: DraftContext, unit: K8sUnit, route: Raw, at: string, who: Identity): void {
  const types = legacyRouteTypes(route);
  if (types.length === 0) {
    report(ctx, unit, 'error', 'ROUTE_TYPE', at, 'a route must specify one of http, tcp, http2, grpc', who);
    return;
  }
  if (types.length > 1) {
    report(ctx, unit, 'warning', 'V1BETA1_ROUTE_TYPES', `${at}/${types[1]}`,
      `this route sets ${types.join(', ')}; the v1beta1 controller used only ${types[0]} (the first of http, tcp, http2, grpc) and ignored the rest`, who);
  }
  for (const type of types) {
    const body = rec(route[type]) ?? {};
    if (body.priority !== undefined) {
      report(ctx, unit, 'warning', 'V1BETA1_NESTED_PRIORITY', `${at}/${type}/priority`,
        `priority under ${type} is where the v1beta1 CRD shows it, but the controller reads only the route-level priority (routes[].priority): this route ${route.priority === undefined ? 'is unprioritized' : `keeps priority ${String(route.priority)}`}`, who);
    }
    const retry = rec(body.retryPolicy);
    if (retry) checkRetry(ctx, unit, retry, type, `${at}/${type}/retryPolicy`, who);
  }
}

/** v1beta1 makes every retry field optional; the API requires maxRetries, perRetryTimeout and an event. */
function checkRetry(ctx: DraftContext, unit: K8sUnit, retry: Raw, type: string, at: string, who: Identity): void {
  const missing: string[] = [];
  if (retry.maxRetries === undefined) missing.push('maxRetries');
  if (retry.perRetryTimeoutMillis === undefined) missing.push('perRetryTimeoutMillis');
  const events = ['httpRetryEvents', 'tcpRetryEvents', ...(type === 'grpc' ? ['grpcRetryEvents'] : [])];
  if (!events.some((k) => list(retry[k]).length > 0)) missing.push(`one of ${events.join(', ')}`);
  if (missing.length > 0) {
    report(ctx, unit, 'error', 'V1BETA1_RETRY_INCOMPLETE', at, `the App Mesh API rejects this retry policy: it needs ${missing.join(' and ')} (v1beta1 lets every field be left out; the controller sent it as written)`, who);
  }
}

function checkNode(ctx: DraftContext, unit: K8sUnit, spec: Raw, who: Identity): void {
  checkListenerProtocols(ctx, unit, list(spec.listeners), joinPointer(unit.base, 'spec', 'listeners'), who);
  const sd = rec(spec.serviceDiscovery);
  if (sd && rec(sd.dns) && rec(sd.cloudMap)) {
    report(ctx, unit, 'warning', 'V1BETA1_DNS_AND_CLOUDMAP', joinPointer(unit.base, 'spec', 'serviceDiscovery', 'cloudMap'),
      'serviceDiscovery sets both dns and cloudMap; the v1beta1 controller used dns and ignored cloudMap', who);
  }
}

/** The v1beta1 CRD enum allows `https`; App Mesh listeners are http, http2, grpc or tcp. */
function checkListenerProtocols(ctx: DraftContext, unit: K8sUnit, listeners: unknown[], at: string, who: Identity): void {
  listeners.forEach((l, i) => {
    if (rec(rec(l)?.portMapping)?.protocol === 'https') {
      report(ctx, unit, 'error', 'V1BETA1_LISTENER_PROTOCOL', `${at}/${i}/portMapping/protocol`, 'protocol https passes the v1beta1 CRD, but App Mesh listeners are http, http2, grpc or tcp (TLS is configured with tls)', who);
    }
  });
}

/**
 * A router written without a listener got one copied by the controller (virtualservice.go:290-377):
 * from the VirtualNode object, in the service's namespace, that `routes[0]`'s first target names
 * as written. Without one the router went out listener-less and App Mesh rejected it. Runs once every
 * draft exists (the node may be in another file).
 */
export function inferLegacyRouterListeners(drafts: Draft[], diagnostics: Diagnostic[]): void {
  const nodes = new Map<string, Draft>();
  for (const d of drafts) if (d.dialect === 'k8s-v1beta1' && d.kind === 'VirtualNode') nodes.set(`${d.namespace}/${d.displayName}`, d);
  for (const router of drafts) {
    if (router.dialect !== 'k8s-v1beta1' || router.kind !== 'VirtualRouter' || list(router.spec.listeners).length > 0) continue;
    const vsSpec = rec(router.unit.value.spec) ?? {};
    const source = legacyListenerSource(vsSpec);
    const node = source === null ? undefined : nodes.get(`${router.namespace}/${source}`);
    const portMapping = node ? rec(rec(list(rec(node.unit.value.spec)?.listeners)[0])?.portMapping) : null;
    const who = { kind: 'VirtualService' as const, namespace: router.namespace, name: str(rec(router.unit.value.metadata)?.name) };
    if (portMapping) {
      router.spec = { ...router.spec, listeners: [{ portMapping: { ...portMapping } }] };
      diagnostics.push(diagnosticAt(router.unit, 'info', 'V1BETA1_ROUTER_LISTENER_INFERRED', router.pointer,
        `virtualRouter has no listener: the v1beta1 controller copied ${String(portMapping.protocol)}:${String(portMapping.port)} from VirtualNode ${router.namespace}/${source}, the first target of the first route`, who));
      continue;
    }
    const why = source === null
      ? 'there is no first route target to take it from'
      : `the first target of the first route, ${source}, is not a VirtualNode with a listener in namespace ${router.namespace} in the input${source.includes('.') ? ' (the controller looks the name up exactly as written, so a dotted name never matches)' : ''}`;
    diagnostics.push(diagnosticAt(router.unit, 'error', 'V1BETA1_ROUTER_NO_LISTENER', router.pointer,
      `virtualRouter has no listener and the v1beta1 controller could not infer one: ${why}; App Mesh rejects a router without exactly one listener`, who));
    router.valid = false;
  }
}

/**
 * v1beta1 and v1beta2 objects in one input: no cluster served both (controller v1.x serves only
 * v1beta2, v0.x only v1beta1; the upgrade deletes the v1beta1 CRDs), so the set is two snapshots
 * mixed, or a half-done migration. Both are read; said once.
 */
export function reportMixedVersions(drafts: Draft[], diagnostics: Diagnostic[]): void {
  const legacy = drafts.filter((d) => d.dialect === 'k8s-v1beta1' && d.pointer === d.unit.base);
  const current = drafts.filter((d) => d.dialect === 'k8s' && d.pointer === d.unit.base);
  if (legacy.length === 0 || current.length === 0) return;
  const first = legacy[0]!;
  const v2 = current[0]!;
  diagnostics.push(diagnosticAt(first.unit, 'warning', 'K8S_VERSIONS_MIXED', first.pointer + '/apiVersion',
    `the input mixes appmesh.k8s.aws/v1beta1 objects (${legacy.length}, e.g. this one) and v1beta2 objects (${current.length}, e.g. ${v2.kind} ${v2.namespace ? v2.namespace + '/' : ''}${v2.displayName} in ${v2.unit.doc.file}); no cluster serves both (controller v0.x reads only v1beta1, v1.x only v1beta2): both are read, as if each had its own controller`,
    { kind: first.kind, namespace: first.namespace, name: first.displayName || null }));
}

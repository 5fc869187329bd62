/**
 * Whole meshes. A `MeshPlan` describes one mesh independently of dialect (App Mesh names, API-shape
 * specs); `renderK8s` and `renderAws` write it as `appmesh.k8s.aws/v1beta2` manifests or as AWS API
 * JSON. Both renderings of one plan load to the same normalized model (up to dialect-only fields),
 * and both validate cleanly: no errors, no warnings.
 */
import fc from 'fast-check';
import { AWS_DESCRIBE_KEYS, type AwsKind } from '../../model/schema/kinds.js';
import { compact, dnsLabelArbitrary, durationArbitrary, type Json, type JsonObject } from './primitives.js';
import { gatewayRouteSpecArbitrary, routeSpecArbitrary, toK8sGatewayRouteSpec, toK8sRoute, type GatewayProtocol, type RouterProtocol } from './specs.js';

export interface PortMappingPlan {
  port: number;
  protocol: RouterProtocol;
}

/** One mesh, dialect-free. Every `name` is the App Mesh name; `k8sName` is the K8s `metadata.name`. */
export interface MeshPlan {
  meshName: string;
  /** K8s namespace every namespaced object lives in. */
  namespace: string;
  egressFilter: 'ALLOW_ALL' | 'DROP_ALL' | null;
  gateway: { name: string; k8sName: string; listeners: PortMappingPlan[] };
  gatewayRoutes: { name: string; k8sName: string; spec: JsonObject }[];
  virtualServices: { name: string; k8sName: string; provider: { virtualNode: string } | { virtualRouter: string } | null }[];
  virtualRouters: { name: string; k8sName: string; listeners: PortMappingPlan[]; routes: { name: string; spec: JsonObject }[] }[];
  virtualNodes: { name: string; k8sName: string; listeners: PortMappingPlan[]; serviceDiscovery: JsonObject; backends: string[] }[];
}

export interface MeshPlanOptions {
  /** Upper bounds (defaults: 4 gateway routes, 4 services, 2 routers, 4 nodes, 3 routes per router). */
  maxGatewayRoutes?: number;
  maxServices?: number;
  maxRouters?: number;
  maxNodes?: number;
  maxRoutesPerRouter?: number;
}

function distinctPorts(n: number): fc.Arbitrary<number[]> {
  return fc.uniqueArray(fc.integer({ min: 1, max: 65535 }), { minLength: n, maxLength: n });
}

function listenersArbitrary(min: number, max: number, protocols: readonly RouterProtocol[]): fc.Arbitrary<PortMappingPlan[]> {
  return fc
    .integer({ min, max })
    .chain((n) => fc.tuple(distinctPorts(n), fc.array(fc.constantFrom(...protocols), { minLength: n, maxLength: n })))
    .map(([ports, protos]) => ports.map((port, i) => ({ port, protocol: protos[i]! })));
}

function serviceDiscoveryArbitrary(host: string): fc.Arbitrary<JsonObject> {
  return fc.oneof(
    fc.option(fc.constantFrom('LOADBALANCER', 'ENDPOINTS'), { nil: undefined }).map((responseType): JsonObject => ({ dns: compact({ hostname: host, responseType }) })),
    fc
      .record({ ns: dnsLabelArbitrary(), attributes: fc.option(fc.uniqueArray(fc.record({ key: dnsLabelArbitrary(), value: dnsLabelArbitrary() }), { minLength: 1, maxLength: 2, selector: (a) => a.key }), { nil: undefined }) })
      .map(({ ns, attributes }): JsonObject => ({ awsCloudMap: compact({ namespaceName: `${ns}.local`, serviceName: host.split('.')[0]!, attributes }) })),
  );
}

/** A coherent mesh: gateway, gateway routes, services with providers, routers with routes, nodes. */
export function meshPlanArbitrary(options: MeshPlanOptions = {}): fc.Arbitrary<MeshPlan> {
  const maxNodes = Math.max(1, options.maxNodes ?? 4);
  const maxRouters = Math.max(0, options.maxRouters ?? 2);
  const maxServices = Math.max(1, options.maxServices ?? 4);
  const maxGr = Math.max(0, options.maxGatewayRoutes ?? 4);
  const maxRoutes = Math.max(0, options.maxRoutesPerRouter ?? 3);

  const skeleton = fc.record({
    tag: dnsLabelArbitrary(),
    egressFilter: fc.constantFrom<'ALLOW_ALL' | 'DROP_ALL' | null>('ALLOW_ALL', 'DROP_ALL', null),
    gatewayListeners: listenersArbitrary(1, 3, ['http', 'http2', 'grpc']),
    nodeCount: fc.integer({ min: 1, max: maxNodes }),
    routerCount: fc.integer({ min: 0, max: maxRouters }),
    serviceCount: fc.integer({ min: 1, max: maxServices }),
    grCount: fc.integer({ min: 0, max: maxGr }),
  });

  return skeleton.chain((s) => {
    const nodes = fc.tuple(
      ...Array.from({ length: s.nodeCount }, (_, i) => {
        const name = `node-${i}-${s.tag}`;
        return fc
          .record({ listeners: listenersArbitrary(1, 1, ['http', 'http2', 'grpc', 'tcp']), sd: serviceDiscoveryArbitrary(`${name}.${s.tag}.svc.cluster.local`) })
          .map(({ listeners, sd }) => ({ name, k8sName: `node-${i}`, listeners, serviceDiscovery: sd, backends: [] as string[] }));
      }),
    );
    return nodes.chain((virtualNodes) => {
      const nodePorts: Record<string, number> = Object.fromEntries(virtualNodes.map((n) => [n.name, n.listeners[0]!.port]));
      const routers = fc.tuple(
        ...Array.from({ length: s.routerCount }, (_, i) =>
          listenersArbitrary(1, 1, ['http', 'http2', 'grpc', 'tcp']).chain((listeners) =>
            fc.integer({ min: 0, max: maxRoutes }).chain((n) =>
              fc.tuple(...Array.from({ length: n }, () => routeSpecArbitrary({ protocol: listeners[0]!.protocol, listenerPort: listeners[0]!.port, nodes: nodePorts }))).map((specs) => ({
                name: `router-${i}-${s.tag}`,
                k8sName: `router-${i}`,
                listeners,
                routes: specs.map((spec, j) => ({ name: `route-${j}`, spec })),
              })),
            ),
          ),
        ),
      );
      return routers.chain((virtualRouters) => {
        const providers: ({ virtualNode: string } | { virtualRouter: string })[] = [
          ...virtualNodes.map((n) => ({ virtualNode: n.name })),
          ...virtualRouters.map((r) => ({ virtualRouter: r.name })),
        ];
        const services = fc.tuple(
          ...Array.from({ length: s.serviceCount }, (_, i) =>
            fc.constantFrom(...providers).map((provider) => ({ name: `svc-${i}.${s.tag}.local`, k8sName: `svc-${i}`, provider })),
          ),
        );
        return services.chain((virtualServices) => {
          const providerPort = (p: { virtualNode: string } | { virtualRouter: string }): number =>
            'virtualNode' in p ? nodePorts[p.virtualNode]! : virtualRouters.find((r) => r.name === p.virtualRouter)!.listeners[0]!.port;
          const targetPorts: Record<string, number> = Object.fromEntries(virtualServices.map((v) => [v.name, providerPort(v.provider)]));
          const serviceNames = virtualServices.map((v) => v.name);
          const listeners = s.gatewayListeners;
          const grs = fc.tuple(
            ...Array.from({ length: s.grCount }, (_, i) =>
              fc.nat({ max: listeners.length - 1 }).chain((li) => {
                const l = listeners[li]!;
                return gatewayRouteSpecArbitrary({
                  protocol: l.protocol as GatewayProtocol,
                  port: listeners.length > 1 ? l.port : 'optional',
                  listenerPort: l.port,
                  targets: serviceNames,
                  targetPorts,
                }).map((spec) => ({ name: `gr-${i}-${s.tag}`, k8sName: `gr-${i}`, spec }));
              }),
            ),
          );
          const backends = fc.tuple(...virtualNodes.map(() => fc.subarray(serviceNames, { maxLength: Math.min(2, serviceNames.length) })));
          return fc.tuple(grs, backends).map(([gatewayRoutes, nodeBackends]): MeshPlan => ({
            meshName: `mesh-${s.tag}`,
            namespace: `ns-${s.tag}`,
            egressFilter: s.egressFilter,
            gateway: { name: `gw-${s.tag}`, k8sName: 'gw', listeners },
            gatewayRoutes,
            virtualServices,
            virtualRouters,
            virtualNodes: virtualNodes.map((n, i) => ({ ...n, backends: nodeBackends[i]! })),
          }));
        });
      });
    });
  });
}

// ---------------------------------------------------------------------------------------------

const K8S_API = 'appmesh.k8s.aws/v1beta2';

/**
 * The plan as Kubernetes manifests: a Namespace labelled for the mesh and the gateway, the Mesh
 * (namespaceSelector), the VirtualGateway (namespaceSelector, podSelector), GatewayRoutes,
 * VirtualServices, VirtualRouters with their routes, VirtualNodes. Every object sets `awsName`
 * to the plan's App Mesh name.
 */
export function renderK8s(plan: MeshPlan): JsonObject[] {
  const ns = plan.namespace;
  const meta = (name: string): JsonObject => ({ name, namespace: ns });
  const byName = <T extends { name: string; k8sName: string }>(items: T[]) => (name: string) => ({ name: items.find((x) => x.name === name)?.k8sName ?? name });
  const vsRef = byName(plan.virtualServices);
  const vnRef = byName(plan.virtualNodes);
  const vrRef = byName(plan.virtualRouters);
  const listeners = (ls: PortMappingPlan[]): Json[] => ls.map((l) => ({ portMapping: { port: l.port, protocol: l.protocol } }));
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels: { mesh: plan.meshName, gateway: plan.gateway.k8sName } } },
    {
      apiVersion: K8S_API,
      kind: 'Mesh',
      metadata: { name: plan.meshName },
      spec: compact({ namespaceSelector: { matchLabels: { mesh: plan.meshName } }, egressFilter: plan.egressFilter ? { type: plan.egressFilter } : undefined }),
    },
    {
      apiVersion: K8S_API,
      kind: 'VirtualGateway',
      metadata: meta(plan.gateway.k8sName),
      spec: {
        awsName: plan.gateway.name,
        namespaceSelector: { matchLabels: { gateway: plan.gateway.k8sName } },
        podSelector: { matchLabels: { app: plan.gateway.k8sName } },
        listeners: listeners(plan.gateway.listeners),
      },
    },
    ...plan.gatewayRoutes.map((gr): JsonObject => ({
      apiVersion: K8S_API,
      kind: 'GatewayRoute',
      metadata: meta(gr.k8sName),
      spec: { awsName: gr.name, ...toK8sGatewayRouteSpec(gr.spec, vsRef) },
    })),
    ...plan.virtualServices.map((vs): JsonObject => ({
      apiVersion: K8S_API,
      kind: 'VirtualService',
      metadata: meta(vs.k8sName),
      spec: compact({
        awsName: vs.name,
        provider: vs.provider === null ? undefined : 'virtualNode' in vs.provider ? { virtualNode: { virtualNodeRef: vnRef(vs.provider.virtualNode) } } : { virtualRouter: { virtualRouterRef: vrRef(vs.provider.virtualRouter) } },
      }),
    })),
    ...plan.virtualRouters.map((vr): JsonObject => ({
      apiVersion: K8S_API,
      kind: 'VirtualRouter',
      metadata: meta(vr.k8sName),
      spec: { awsName: vr.name, listeners: listeners(vr.listeners), routes: vr.routes.map((r) => toK8sRoute(r.name, r.spec, vnRef)) },
    })),
    ...plan.virtualNodes.map((vn): JsonObject => ({
      apiVersion: K8S_API,
      kind: 'VirtualNode',
      metadata: meta(vn.k8sName),
      spec: compact({
        awsName: vn.name,
        podSelector: { matchLabels: { app: vn.k8sName } },
        listeners: listeners(vn.listeners),
        serviceDiscovery: vn.serviceDiscovery,
        backends: vn.backends.length ? vn.backends.map((b) => ({ virtualService: { virtualServiceRef: vsRef(b) } })) : undefined,
      }),
    })),
  ];
}

/** `create` (`--cli-input-json` input), `describe` (CLI output) or `mixed` (alternating per document). */
export type AwsForm = 'create' | 'describe' | 'mixed';

/** Wraps a create-form document as `describe-*` output (with metadata and status, as the CLI prints). */
export function toDescribeForm(kind: string, create: JsonObject, index = 0): JsonObject {
  const names = Object.entries(create).filter(([k]) => k.endsWith('Name')).map(([, v]) => String(v));
  const metadata: JsonObject = {
    arn: `arn:aws:appmesh:us-west-2:111122223333:mesh/${names.join('/')}`,
    createdAt: '2024-03-01T10:00:00.000Z',
    lastUpdatedAt: '2024-03-01T10:00:00.000Z',
    meshOwner: '111122223333',
    resourceOwner: '111122223333',
    uid: `00000000-0000-0000-0000-${String(index).padStart(12, '0')}`,
    version: 1,
  };
  return { [AWS_DESCRIBE_KEYS[kind as AwsKind]]: { ...create, spec: create.spec ?? {}, metadata, status: { status: 'ACTIVE' } } };
}

/** The plan as AWS API JSON documents (Routes as their own resources). */
export function renderAws(plan: MeshPlan, form: AwsForm = 'create'): JsonObject[] {
  const m = plan.meshName;
  const listeners = (ls: PortMappingPlan[]): Json[] => ls.map((l) => ({ portMapping: { port: l.port, protocol: l.protocol } }));
  const docs: [string, JsonObject][] = [
    ['Mesh', { meshName: m, spec: compact({ egressFilter: plan.egressFilter ? { type: plan.egressFilter } : undefined }) }],
    ['VirtualGateway', { meshName: m, virtualGatewayName: plan.gateway.name, spec: { listeners: listeners(plan.gateway.listeners) } }],
    ...plan.gatewayRoutes.map((gr): [string, JsonObject] => ['GatewayRoute', { meshName: m, virtualGatewayName: plan.gateway.name, gatewayRouteName: gr.name, spec: structuredClone(gr.spec) }]),
    ...plan.virtualServices.map((vs): [string, JsonObject] => [
      'VirtualService',
      {
        meshName: m,
        virtualServiceName: vs.name,
        spec: compact({
          provider: vs.provider === null ? undefined : 'virtualNode' in vs.provider ? { virtualNode: { virtualNodeName: vs.provider.virtualNode } } : { virtualRouter: { virtualRouterName: vs.provider.virtualRouter } },
        }),
      },
    ]),
    ...plan.virtualRouters.flatMap((vr): [string, JsonObject][] => [
      ['VirtualRouter', { meshName: m, virtualRouterName: vr.name, spec: { listeners: listeners(vr.listeners) } }],
      ...vr.routes.map((r): [string, JsonObject] => ['Route', { meshName: m, virtualRouterName: vr.name, routeName: r.name, spec: structuredClone(r.spec) }]),
    ]),
    ...plan.virtualNodes.map((vn): [string, JsonObject] => [
      'VirtualNode',
      {
        meshName: m,
        virtualNodeName: vn.name,
        spec: compact({
          listeners: listeners(vn.listeners),
          serviceDiscovery: vn.serviceDiscovery,
          backends: vn.backends.length ? vn.backends.map((b) => ({ virtualService: { virtualServiceName: b } })) : undefined,
        }),
      },
    ]),
  ];
  return docs.map(([kind, doc], i) => (form === 'describe' || (form === 'mixed' && i % 2 === 1) ? toDescribeForm(kind, doc, i) : doc));
}

// ---------------------------------------------------------------------------------------------

export type ManifestDialect = 'k8s' | 'aws' | 'aws-create' | 'aws-describe';

export interface ManifestSet {
  dialect: ManifestDialect;
  plan: MeshPlan;
  /** The documents, one resource each, in a fixed order (Namespace and Mesh first). */
  documents: JsonObject[];
}

/**
 * A coherent set of documents that must validate cleanly: Namespace + Mesh + VirtualGateway +
 * gateway routes + services + router(s) + nodes (K8s), or the same mesh as AWS API JSON
 * (`aws`: create and describe forms mixed).
 */
export function validManifestSetArbitrary(options: { dialect?: ManifestDialect } & MeshPlanOptions = {}): fc.Arbitrary<ManifestSet> {
  const dialect = options.dialect ?? 'k8s';
  return meshPlanArbitrary(options).map((plan) => ({
    dialect,
    plan,
    documents: dialect === 'k8s' ? renderK8s(plan) : renderAws(plan, dialect === 'aws-create' ? 'create' : dialect === 'aws-describe' ? 'describe' : 'mixed'),
  }));
}

/** A K8s `Mesh` document (cluster-scoped; `namespaceSelector` `{}` or by label, optional egress filter and awsName). */
export function k8sMeshArbitrary(): fc.Arbitrary<JsonObject> {
  return fc
    .record({
      name: dnsLabelArbitrary(),
      awsName: fc.option(dnsLabelArbitrary(), { nil: undefined }),
      selector: fc.oneof(fc.constant<JsonObject>({}), dnsLabelArbitrary().map((v): JsonObject => ({ matchLabels: { mesh: v } }))),
      egress: fc.option(fc.constantFrom('ALLOW_ALL', 'DROP_ALL'), { nil: undefined }),
    })
    .map(({ name, awsName, selector, egress }) => ({
      apiVersion: K8S_API,
      kind: 'Mesh',
      metadata: { name },
      spec: compact({ awsName, namespaceSelector: selector, egressFilter: egress ? { type: egress } : undefined }),
    }));
}

/** A route `timeout` block (`perRequest` and/or `idle`). */
export function routeTimeoutArbitrary(): fc.Arbitrary<JsonObject> {
  return fc.record({ perRequest: fc.option(durationArbitrary(), { nil: undefined }), idle: fc.option(durationArbitrary(), { nil: undefined }) }).map((t) => compact(t));
}

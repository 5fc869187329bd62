/** Comparing normalized models across dialects. */
import type { MeshModel } from '../model/types.js';

/** Fields of every resource that legitimately differ between a K8s and an AWS rendering of one mesh. */
const RESOURCE_FIELDS = ['dialect', 'source', 'displayName', 'namespace', 'labels', 'namespaceSelector', 'gatewayRouteSelector'];
/** K8s-only spec fields, and reference fields whose resolved form the model carries separately (provider, backends). */
const SPEC_FIELDS = ['awsName', 'podSelector', 'namespaceSelector', 'gatewayRouteSelector', 'meshRef', 'backendGroups', 'provider', 'backends'];

/**
 * The model without what depends on the dialect it was written in: resource `dialect`, `source`,
 * `displayName`, `namespace`, `labels` and selectors; the K8s-only spec fields (`awsName`,
 * `podSelector`, selectors, `meshRef`, `backendGroups`); raw reference fields (`provider`,
 * `backends`; their resolved values stay in `provider` / `backends`); and `namespaces`.
 * Two renderings of the same mesh must be deep-equal after this.
 */
export function dialectIndependentModel(model: MeshModel): Omit<MeshModel, 'namespaces'> {
  const strip = <T extends object>(r: T): T => {
    const copy = structuredClone(r) as Record<string, unknown>;
    for (const f of RESOURCE_FIELDS) delete copy[f];
    const kind = copy.kind;
    const spec = copy.spec as Record<string, unknown> | undefined;
    if (spec && kind !== 'GatewayRoute' && kind !== 'Route') for (const f of SPEC_FIELDS) delete spec[f];
    return copy as T;
  };
  return {
    meshes: model.meshes.map(strip),
    virtualGateways: model.virtualGateways.map(strip),
    gatewayRoutes: model.gatewayRoutes.map(strip),
    virtualServices: model.virtualServices.map(strip),
    virtualRouters: model.virtualRouters.map(strip),
    routes: model.routes.map(strip),
    virtualNodes: model.virtualNodes.map(strip),
  };
}

/** The model without `source` (file, pointer, line): what must not change when input is reordered or split across files. */
export function modelWithoutSources(model: MeshModel): unknown {
  return JSON.parse(JSON.stringify(model, (k, v) => (k === 'source' ? undefined : v)));
}

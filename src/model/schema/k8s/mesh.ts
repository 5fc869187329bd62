// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_meshes.yaml (apis/appmesh/v1beta2/mesh_types.go)
import Type, { type Static } from 'typebox';
import { EgressFilterType, Strict } from '../common.js';
import { K8sDocument, LabelSelector } from './common.js';

/** Mesh is cluster-scoped. `meshServiceDiscovery.ipPreference` allows only the two *_ONLY values (the API has four). */
export const K8sMeshSpec = Strict({
  awsName: Type.Optional(Type.String()),
  egressFilter: Type.Optional(Strict({ type: EgressFilterType })),
  meshOwner: Type.Optional(Type.String()),
  meshServiceDiscovery: Type.Optional(
    Strict({ ipPreference: Type.Optional(Type.Enum(['IPv6_ONLY', 'IPv4_ONLY'])) }),
  ),
  namespaceSelector: Type.Optional(LabelSelector),
});

export const K8sMeshSchema = K8sDocument('Mesh', K8sMeshSpec);
export type K8sMesh = Static<typeof K8sMeshSchema>;
export type K8sMeshSpec = Static<typeof K8sMeshSpec>;

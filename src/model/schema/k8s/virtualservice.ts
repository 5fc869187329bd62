// Source: aws/aws-app-mesh-controller-for-k8s@7588d122c3c45e1f873d7d016a30922f049764bf config/crd/bases/appmesh.k8s.aws_virtualservices.yaml (apis/appmesh/v1beta2/virtualservice_types.go)
import Type, { type Static } from 'typebox';
import { OneOf, Strict } from '../common.js';
import { K8sDocument, MeshReference, NamespacedReference } from './common.js';

/**
 * VirtualServiceProvider: virtualNode | virtualRouter. An API union (a `provider: {}` or one with
 * both members is an API error after conversion), so annotated `x-union`. Inside each member,
 * Ref vs ARN is a webhook/conversion matter, not an API union.
 */
export const K8sVirtualServiceProvider = OneOf({
  virtualNode: Type.Optional(
    Strict({ virtualNodeARN: Type.Optional(Type.String()), virtualNodeRef: Type.Optional(NamespacedReference) }),
  ),
  virtualRouter: Type.Optional(
    Strict({ virtualRouterARN: Type.Optional(Type.String()), virtualRouterRef: Type.Optional(NamespacedReference) }),
  ),
});

export const K8sVirtualServiceSpec = Strict({
  awsName: Type.Optional(Type.String()),
  meshRef: Type.Optional(MeshReference),
  provider: Type.Optional(K8sVirtualServiceProvider),
});

export const K8sVirtualServiceSchema = K8sDocument('VirtualService', K8sVirtualServiceSpec);
export type K8sVirtualService = Static<typeof K8sVirtualServiceSchema>;
export type K8sVirtualServiceSpec = Static<typeof K8sVirtualServiceSpec>;

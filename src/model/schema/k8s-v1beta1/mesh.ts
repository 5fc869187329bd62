// Source: aws/aws-app-mesh-controller-for-k8s@08c2d4b0 pkg/apis/appmesh/v1beta1/types.go:28-60 (MeshSpec), pkg/aws/appmesh.go:111-119
import Type from 'typebox';
import { EgressFilterType, Strict } from '../common.js';
import { LegacyDocument } from './common.js';

/** Cluster-scoped; the App Mesh mesh is named after `metadata.name`. `serviceDiscoveryType` is read by no code. */
export const LegacyMeshSpec = Strict({
  serviceDiscoveryType: Type.Optional(Type.String()),
  egressFilter: Type.Optional(Strict({ type: EgressFilterType })),
});

export const LegacyMeshSchema = LegacyDocument('Mesh', LegacyMeshSpec);

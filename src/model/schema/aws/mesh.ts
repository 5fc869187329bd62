// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (MeshSpec, MeshData, Create/UpdateMeshInput)
import Type, { type Static } from 'typebox';
import { EgressFilterType, Strict } from '../common.js';
import { IpPreference, ResourceMetadata, ResourceName, StatusCode, TagList } from './common.js';

export const AwsMeshSpec = Strict({
  egressFilter: Type.Optional(Strict({ type: EgressFilterType })),
  serviceDiscovery: Type.Optional(Strict({ ipPreference: Type.Optional(IpPreference) })),
});

/** `describe-mesh` output. MeshStatus is the one status whose `status` is optional. */
export const AwsMeshDescribeSchema = Strict({
  mesh: Strict({
    meshName: ResourceName,
    spec: AwsMeshSpec,
    metadata: Type.Optional(ResourceMetadata),
    status: Type.Optional(Strict({ status: Type.Optional(StatusCode) })),
  }),
});

/** `create-mesh` / `update-mesh` input: spec optional, no meshOwner; tags only on create. */
export const AwsMeshInputSchema = Strict({
  meshName: ResourceName,
  spec: Type.Optional(AwsMeshSpec),
  clientToken: Type.Optional(Type.String()),
  tags: Type.Optional(TagList),
});

export type AwsMeshSpec = Static<typeof AwsMeshSpec>;
export type AwsMeshDescribe = Static<typeof AwsMeshDescribeSchema>;
export type AwsMeshInput = Static<typeof AwsMeshInputSchema>;

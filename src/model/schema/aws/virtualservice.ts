// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (VirtualServiceSpec, VirtualServiceData, Create/UpdateVirtualServiceInput)
import Type, { type Static } from 'typebox';
import { OneOf, Strict } from '../common.js';
import { DataShape, InputExtras, ResourceName, ServiceName } from './common.js';

/** VirtualServiceProvider: virtualNode | virtualRouter (union). */
export const AwsVirtualServiceProvider = OneOf({
  virtualNode: Type.Optional(Strict({ virtualNodeName: ResourceName })),
  virtualRouter: Type.Optional(Strict({ virtualRouterName: ResourceName })),
});

export const AwsVirtualServiceSpec = Strict({ provider: Type.Optional(AwsVirtualServiceProvider) });

/** virtualServiceName is a ServiceName (no length bounds), unlike the other resource names. */
const names = { meshName: ResourceName, virtualServiceName: ServiceName };

export const AwsVirtualServiceDescribeSchema = Strict({ virtualService: DataShape(names, AwsVirtualServiceSpec) });

export const AwsVirtualServiceInputSchema = Strict({ ...names, spec: AwsVirtualServiceSpec, ...InputExtras });

export type AwsVirtualServiceSpec = Static<typeof AwsVirtualServiceSpec>;
export type AwsVirtualServiceDescribe = Static<typeof AwsVirtualServiceDescribeSchema>;
export type AwsVirtualServiceInput = Static<typeof AwsVirtualServiceInputSchema>;

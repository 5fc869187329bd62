// Source: boto/botocore@0e6e2404b85dc336dd2889814e089bde7d1a4c55 botocore/data/appmesh/2019-01-25/service-2.json (VirtualRouterSpec, VirtualRouterData, Create/UpdateVirtualRouterInput)
import Type, { type Static } from 'typebox';
import { Strict } from '../common.js';
import { DataShape, InputExtras, PortNumber, ResourceName } from './common.js';

/** PortProtocol: http | tcp | http2 | grpc. */
export const AwsPortProtocol = Type.Enum(['http', 'tcp', 'http2', 'grpc']);
export const AwsPortMapping = Strict({ port: PortNumber, protocol: AwsPortProtocol });

/** VirtualRouterSpec: listeners optional, no item bounds in the current model. Routes are separate resources. */
export const AwsVirtualRouterSpec = Strict({
  listeners: Type.Optional(Type.Array(Strict({ portMapping: AwsPortMapping }))),
});

const names = { meshName: ResourceName, virtualRouterName: ResourceName };

export const AwsVirtualRouterDescribeSchema = Strict({ virtualRouter: DataShape(names, AwsVirtualRouterSpec) });

export const AwsVirtualRouterInputSchema = Strict({ ...names, spec: AwsVirtualRouterSpec, ...InputExtras });

export type AwsVirtualRouterSpec = Static<typeof AwsVirtualRouterSpec>;
export type AwsVirtualRouterDescribe = Static<typeof AwsVirtualRouterDescribeSchema>;
export type AwsVirtualRouterInput = Static<typeof AwsVirtualRouterInputSchema>;

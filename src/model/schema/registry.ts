/** Per-kind lookup tables over the schemas of both dialects. */
import type { TSchema } from 'typebox';
import type { AwsKind, K8sKind, LegacyKind } from './kinds.js';

export { AWS_DESCRIBE_KEYS, AWS_KINDS, K8S_KINDS, LEGACY_KINDS, type AwsKind, type K8sKind, type LegacyKind } from './kinds.js';
import { K8sGatewayRouteSchema, K8sGatewayRouteSpec } from './k8s/gatewayroute.js';
import { K8sMeshSchema, K8sMeshSpec } from './k8s/mesh.js';
import { K8sVirtualGatewaySchema, K8sVirtualGatewaySpec } from './k8s/virtualgateway.js';
import { K8sVirtualNodeSchema, K8sVirtualNodeSpec } from './k8s/virtualnode.js';
import { K8sVirtualRouterSchema, K8sVirtualRouterSpec } from './k8s/virtualrouter.js';
import { K8sVirtualServiceSchema, K8sVirtualServiceSpec } from './k8s/virtualservice.js';
import { LegacyMeshSchema } from './k8s-v1beta1/mesh.js';
import { LegacyVirtualNodeSchema } from './k8s-v1beta1/virtualnode.js';
import { LegacyVirtualServiceSchema } from './k8s-v1beta1/virtualservice.js';
import { AwsGatewayRouteDescribeSchema, AwsGatewayRouteInputSchema, AwsGatewayRouteSpec } from './aws/gatewayroute.js';
import { AwsMeshDescribeSchema, AwsMeshInputSchema, AwsMeshSpec } from './aws/mesh.js';
import { AwsRouteDescribeSchema, AwsRouteInputSchema, AwsRouteSpec } from './aws/route.js';
import { AwsVirtualGatewayDescribeSchema, AwsVirtualGatewayInputSchema, AwsVirtualGatewaySpec } from './aws/virtualgateway.js';
import { AwsVirtualNodeDescribeSchema, AwsVirtualNodeInputSchema, AwsVirtualNodeSpec } from './aws/virtualnode.js';
import { AwsVirtualRouterDescribeSchema, AwsVirtualRouterInputSchema, AwsVirtualRouterSpec } from './aws/virtualrouter.js';
import { AwsVirtualServiceDescribeSchema, AwsVirtualServiceInputSchema, AwsVirtualServiceSpec } from './aws/virtualservice.js';

/** Whole K8s documents (apiVersion, kind, metadata, spec, status). */
export const k8sSchemas: Record<K8sKind, TSchema> = {
  Mesh: K8sMeshSchema,
  VirtualGateway: K8sVirtualGatewaySchema,
  GatewayRoute: K8sGatewayRouteSchema,
  VirtualService: K8sVirtualServiceSchema,
  VirtualRouter: K8sVirtualRouterSchema,
  VirtualNode: K8sVirtualNodeSchema,
};

/** Whole legacy `appmesh.k8s.aws/v1beta1` documents (controller v0.x has only these three kinds; docs/dialects.md). */
export const k8sV1beta1Schemas: Record<LegacyKind, TSchema> = {
  Mesh: LegacyMeshSchema,
  VirtualService: LegacyVirtualServiceSchema,
  VirtualNode: LegacyVirtualNodeSchema,
};

/** The `spec` of each K8s kind alone. */
export const k8sSpecSchemas: Record<K8sKind, TSchema> = {
  Mesh: K8sMeshSpec,
  VirtualGateway: K8sVirtualGatewaySpec,
  GatewayRoute: K8sGatewayRouteSpec,
  VirtualService: K8sVirtualServiceSpec,
  VirtualRouter: K8sVirtualRouterSpec,
  VirtualNode: K8sVirtualNodeSpec,
};

/** API `*Spec` shapes. */
export const awsSpecSchemas: Record<AwsKind, TSchema> = {
  Mesh: AwsMeshSpec,
  VirtualGateway: AwsVirtualGatewaySpec,
  GatewayRoute: AwsGatewayRouteSpec,
  VirtualService: AwsVirtualServiceSpec,
  VirtualRouter: AwsVirtualRouterSpec,
  Route: AwsRouteSpec,
  VirtualNode: AwsVirtualNodeSpec,
};

/** `describe-*` output documents: `{ "<key>": { names…, spec, metadata?, status? } }`. */
export const awsDescribeSchemas: Record<AwsKind, TSchema> = {
  Mesh: AwsMeshDescribeSchema,
  VirtualGateway: AwsVirtualGatewayDescribeSchema,
  GatewayRoute: AwsGatewayRouteDescribeSchema,
  VirtualService: AwsVirtualServiceDescribeSchema,
  VirtualRouter: AwsVirtualRouterDescribeSchema,
  Route: AwsRouteDescribeSchema,
  VirtualNode: AwsVirtualNodeDescribeSchema,
};

/** `create-*` / `update-*` input documents (`--cli-input-json`): `{ names…, spec, tags?, clientToken?, meshOwner? }`. */
export const awsInputSchemas: Record<AwsKind, TSchema> = {
  Mesh: AwsMeshInputSchema,
  VirtualGateway: AwsVirtualGatewayInputSchema,
  GatewayRoute: AwsGatewayRouteInputSchema,
  VirtualService: AwsVirtualServiceInputSchema,
  VirtualRouter: AwsVirtualRouterInputSchema,
  Route: AwsRouteInputSchema,
  VirtualNode: AwsVirtualNodeInputSchema,
};
/** Alias of `awsInputSchemas` (create and update share one schema). */
export const awsCreateSchemas = awsInputSchemas;


/**
 * The name fields of each kind (in describe data and in input), parent first; the last one is the
 * resource's own name. A kind is recognised by its exact set of name fields.
 */
export const AWS_NAME_FIELDS: Record<AwsKind, readonly string[]> = {
  Mesh: ['meshName'],
  VirtualGateway: ['meshName', 'virtualGatewayName'],
  GatewayRoute: ['meshName', 'virtualGatewayName', 'gatewayRouteName'],
  VirtualService: ['meshName', 'virtualServiceName'],
  VirtualRouter: ['meshName', 'virtualRouterName'],
  Route: ['meshName', 'virtualRouterName', 'routeName'],
  VirtualNode: ['meshName', 'virtualNodeName'],
};

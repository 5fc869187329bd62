/**
 * The App Mesh resource kinds and how an AWS CLI `describe-*` document names its kind. Imports
 * nothing, so code that only needs the names (the test arbitraries) does not load the schemas.
 */

/** Kinds of `appmesh.k8s.aws/v1beta2` (routes live inside VirtualRouter). */
export type K8sKind = 'Mesh' | 'VirtualGateway' | 'GatewayRoute' | 'VirtualService' | 'VirtualRouter' | 'VirtualNode';
/** Resources of the AWS API (a Route is its own resource). */
export type AwsKind = K8sKind | 'Route';

/** Kinds of the legacy `appmesh.k8s.aws/v1beta1` (router and routes sit inside VirtualService). */
export type LegacyKind = 'Mesh' | 'VirtualService' | 'VirtualNode';

export const LEGACY_KINDS: readonly LegacyKind[] = ['Mesh', 'VirtualService', 'VirtualNode'];
export const K8S_KINDS: readonly K8sKind[] = ['Mesh', 'VirtualGateway', 'GatewayRoute', 'VirtualService', 'VirtualRouter', 'VirtualNode'];
export const AWS_KINDS: readonly AwsKind[] = [...K8S_KINDS, 'Route'];

/** The single top-level key of each kind's describe output. */
export const AWS_DESCRIBE_KEYS: Record<AwsKind, string> = {
  Mesh: 'mesh',
  VirtualGateway: 'virtualGateway',
  GatewayRoute: 'gatewayRoute',
  VirtualService: 'virtualService',
  VirtualRouter: 'virtualRouter',
  Route: 'route',
  VirtualNode: 'virtualNode',
};

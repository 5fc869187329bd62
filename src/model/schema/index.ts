// Public surface of the schema module: re-exports only. See README.md in this folder.
export { UNION_KEY } from './common.js';
export { schemaErrors, unionMembers, type SchemaError } from './errors.js';
export * from './registry.js';
export { K8S_API_VERSION } from './k8s/common.js';
export * from './k8s/mesh.js';
export * from './k8s/virtualgateway.js';
export * from './k8s/gatewayroute.js';
export * from './k8s/virtualservice.js';
export * from './k8s/virtualrouter.js';
export * from './k8s/virtualnode.js';
export * from './aws/mesh.js';
export * from './aws/virtualgateway.js';
export * from './aws/gatewayroute.js';
export * from './aws/virtualservice.js';
export * from './aws/virtualrouter.js';
export * from './aws/route.js';
export * from './aws/virtualnode.js';

// Public surface of the schema module: re-exports only.
export { UNION_KEY } from './common.js';
export { schemaErrors, unionMembers, type SchemaError } from './errors.js';
export { K8S_API_VERSION } from './k8s/common.js';
export * from './k8s/gatewayroute.js';
export * from './k8s/virtualgateway.js';
export * from './aws/gatewayroute.js';
export * from './aws/virtualgateway.js';

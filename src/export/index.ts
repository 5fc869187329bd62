// Exporters: configurations for other proxies that run meshroute's decisions.
export { exportEnvoy, CLUSTER_HEADER, SERVICE_HEADER } from './envoy.js';
export type { EnvoyExport, EnvoyExportOptions } from './envoy.js';

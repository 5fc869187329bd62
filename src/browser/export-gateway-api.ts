/**
 * Browser and worker stand-in for `src/export/gateway-api/export.ts`. scripts/build.mjs swaps it in for
 * the browser bundles: the exporter with its checker and its own Gateway API evaluator is ~27 KB
 * min+gzip, more than a third of the `meshroute` browser bundle (docs/bundle-size.md), and a
 * migration is a CI / Node job (`meshroute export gateway-api`). Calling it there throws this typed error.
 */
import { UsageError } from '../errors.js';
import type { Resources } from '../api/compile.js';
import type { ExportGatewayApiOptions, GatewayApiExport } from '../export/gateway-api/export.js';

export type { ExportGatewayApiOptions, GatewayApiExport };

export function exportGatewayApi(_resources: Resources, _options?: ExportGatewayApiOptions): GatewayApiExport {
  throw new UsageError('USAGE_NOT_IN_BROWSER', 'exportGatewayApi() is not in the browser bundles (size budget, docs/bundle-size.md): run it in Node, or use "meshroute export gateway-api"');
}

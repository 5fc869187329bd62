/** Finding the VirtualGateway a user means by `--gateway NAME` / `{ gateway }`. */

import { UsageError } from '../errors.js';
import type { MeshModel, VirtualGateway } from '../model/types.js';

/**
 * NAME may be the App Mesh name (`ingress-gw_ingress`), the K8s name (`ingress-gw`), or
 * `namespace/name`. Without a name the model must hold exactly one gateway.
 */
export function selectGateway(model: MeshModel, name: string | undefined): VirtualGateway {
  const all = model.virtualGateways;
  const list = () => all.map((g) => (g.namespace ? `${g.namespace}/${g.displayName}` : g.name)).join(', ') || 'none';
  if (name === undefined) {
    if (all.length === 1) return all[0]!;
    throw new UsageError('GATEWAY_REQUIRED', all.length === 0 ? 'the input defines no valid VirtualGateway' : `the input defines ${all.length} virtual gateways; choose one with --gateway (${list()})`);
  }
  const matches = all.filter((g) => g.name === name || g.displayName === name || (g.namespace !== null && `${g.namespace}/${g.displayName}` === name));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new UsageError('GATEWAY_NOT_FOUND', `no virtual gateway named ${JSON.stringify(name)} (gateways: ${list()})`);
  throw new UsageError('GATEWAY_AMBIGUOUS', `${JSON.stringify(name)} names several virtual gateways (${matches.map((g) => `${g.meshName}/${g.name}`).join(', ')}); use the App Mesh name or namespace/name`);
}

/**
 * What the writer may emit for a `--target`: the yes/no questions the mapping asks, answered from
 * the target profiles (targets.ts: data with sources, shared/reference/gateway-api.md §5).
 * Implementation-specific features (`partial` on `standard`: RegularExpression) count as available;
 * `retry` needs full support, since on `standard` it is Experimental-channel only.
 */
import { GATEWAY_API_TARGETS, supports, targetLimits, type GatewayApiTarget } from './targets.js';

export type TargetName = GatewayApiTarget;
export const TARGET_NAMES: readonly TargetName[] = GATEWAY_API_TARGETS;

export interface WriterCapabilities {
  /** RegularExpression path / header / query matches. */
  regex: boolean;
  /** queryParams matches. */
  queryParams: boolean;
  /** URLRewrite (path and hostname). */
  urlRewrite: boolean;
  /** rules[].timeouts. */
  timeouts: boolean;
  /** rules[].retry (Experimental channel in the spec). */
  retry: boolean;
  /** GAMMA (Service parentRef). */
  gamma: boolean;
  /** Header matches per rule; null = the CRD's 16. */
  maxHeaders: number | null;
  /**
   * Where RegularExpression paths rank (the checker's Gateway API evaluator follows it): Istio puts
   * them after every PathPrefix, Envoy Gateway between Exact and PathPrefix (reference §2, peers.md §3).
   */
  regexPrecedence: 'after-prefix' | 'before-prefix';
  /** Rules per route when the target allows fewer than the CRD's 16 (Lattice's listener quota); else null. */
  maxRules: number | null;
  /** Default gatewayClassName when --gateway-class is not given. */
  gatewayClass: string;
}

const GATEWAY_CLASS: Record<TargetName, string> = { standard: 'gateway', istio: 'istio', 'envoy-gateway': 'eg', 'vpc-lattice': 'amazon-vpc-lattice' };

function capabilitiesOf(target: TargetName): WriterCapabilities {
  const limits = targetLimits(target);
  return {
    regex: supports(target, 'pathRegex').ok,
    queryParams: supports(target, 'queryExact').ok,
    urlRewrite: supports(target, 'urlRewritePrefix').ok,
    timeouts: supports(target, 'timeouts').ok,
    retry: supports(target, 'retries').support === 'yes',
    gamma: supports(target, 'gamma').ok,
    maxHeaders: limits.headersPerMatch < 16 ? limits.headersPerMatch : null,
    regexPrecedence: target === 'envoy-gateway' ? 'before-prefix' : 'after-prefix',
    maxRules: limits.rulesPerRoute < 16 ? limits.rulesPerRoute : null,
    gatewayClass: GATEWAY_CLASS[target],
  };
}

export const CAPABILITIES: Readonly<Record<TargetName, WriterCapabilities>> = Object.fromEntries(TARGET_NAMES.map((t) => [t, capabilitiesOf(t)])) as Record<TargetName, WriterCapabilities>;

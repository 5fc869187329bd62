/**
 * What the writer may emit for a target: the few yes/no questions the mapping asks, one answer per
 * `--target`. The answers and their sources are shared/reference/gateway-api.md §5 (the target
 * profile table); `standard` is what the Gateway API v1.6.1 Standard channel defines at Core or
 * Extended level (§1), with RegularExpression treated as available (implementation-specific
 * dialect, RE2 full match on the conformant implementations).
 */

export type TargetName = 'standard' | 'vpc-lattice' | 'istio' | 'envoy-gateway';
export const TARGET_NAMES: readonly TargetName[] = ['standard', 'vpc-lattice', 'istio', 'envoy-gateway'];

export interface WriterCapabilities {
  /** RegularExpression path / header / query / gRPC matches. Lattice: ✘ [L-RULE]. */
  regex: boolean;
  /** queryParams matches. Lattice: ✘ LATTICE_UNSUPPORTED_MATCH_TYPE. */
  queryParams: boolean;
  /** URLRewrite (path and hostname). Lattice: ✘ [L-CONF]. */
  urlRewrite: boolean;
  /** rules[].timeouts. Lattice ignores them [L-RT]. */
  timeouts: boolean;
  /** rules[].retry (Experimental channel). Istio, Envoy Gateway ✔; Lattice ignores; `standard` = Standard channel: ✘. */
  retry: boolean;
  /** GAMMA (Service parentRef). Istio ✔; Envoy Gateway ✘ [EG-CONF]; Lattice ✘ [L-RC]. */
  gamma: boolean;
  /** Header matches per rule (Lattice ≤ 5); null = the CRD's 16. */
  maxHeaders: number | null;
  /**
   * Where RegularExpression paths rank (the checker's Gateway API evaluator follows it): Istio puts
   * them after every PathPrefix, Envoy Gateway between Exact and PathPrefix (reference §2, peers.md §3).
   */
  regexPrecedence: 'after-prefix' | 'before-prefix';
  /** Rules per route the target accepts beyond the CRD's 16 (Lattice: 5 per listener by default, reference §5 quotas); null = no lower limit. */
  maxRules: number | null;
  /** Default gatewayClassName when --gateway-class is not given. */
  gatewayClass: string;
}

export const CAPABILITIES: Readonly<Record<TargetName, WriterCapabilities>> = {
  standard: { regex: true, queryParams: true, urlRewrite: true, timeouts: true, retry: false, gamma: true, maxHeaders: null, regexPrecedence: 'after-prefix', maxRules: null, gatewayClass: 'gateway' },
  istio: { regex: true, queryParams: true, urlRewrite: true, timeouts: true, retry: true, gamma: true, maxHeaders: null, regexPrecedence: 'after-prefix', maxRules: null, gatewayClass: 'istio' },
  'envoy-gateway': { regex: true, queryParams: true, urlRewrite: true, timeouts: true, retry: true, gamma: false, maxHeaders: null, regexPrecedence: 'before-prefix', maxRules: null, gatewayClass: 'eg' },
  'vpc-lattice': { regex: false, queryParams: false, urlRewrite: false, timeouts: false, retry: false, gamma: false, maxHeaders: 5, regexPrecedence: 'after-prefix', maxRules: 5, gatewayClass: 'amazon-vpc-lattice' },
};

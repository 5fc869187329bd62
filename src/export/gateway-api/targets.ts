/**
 * What each --target can express, as data with sources (shared/reference/gateway-api.md §1, §2, §5,
 * where each fact was read; snapshots: gateway-api v1.6.1, istio@86c9f01, envoyproxy/gateway@d32f282,
 * aws-application-networking-k8s v2.1.3). `standard` is the Gateway API spec itself: Core and
 * Extended features, and Implementation-specific ones marked `partial` (they exist, their meaning
 * is up to the implementation).
 */

export type GatewayApiTarget = 'standard' | 'vpc-lattice' | 'istio' | 'envoy-gateway';
export const GATEWAY_API_TARGETS: readonly GatewayApiTarget[] = ['standard', 'vpc-lattice', 'istio', 'envoy-gateway'];

export type GatewayApiFeature =
  | 'pathExact'
  | 'pathPrefix'
  | 'pathRegex'
  | 'headerExact'
  | 'headerRegex'
  | 'queryExact'
  | 'queryRegex'
  | 'method'
  | 'multipleMatches'
  | 'routeHostnames'
  | 'wildcardHostnames'
  | 'urlRewritePrefix'
  | 'urlRewriteFullPath'
  | 'urlRewriteHostname'
  | 'requestHeaderModifier'
  | 'requestRedirect'
  | 'timeouts'
  | 'retries'
  | 'weights'
  | 'crossNamespaceBackends'
  | 'grpcRoute'
  | 'grpcMethodRegex'
  | 'gamma'
  | 'tlsTerminate'
  | 'specPrecedence';

export type Support = 'yes' | 'partial' | 'no';

export interface FeatureSupport {
  support: Support;
  note: string;
  source: string;
}

const GWAPI = 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1';
const HR = `${GWAPI}/apis/v1/httproute_types.go`;
const GR = `${GWAPI}/apis/v1/grpcroute_types.go`;
const GWT = `${GWAPI}/apis/v1/gateway_types.go`;
const GEP1294 = `${GWAPI}/geps/gep-1294/index.md`;
const GEP1731 = `${GWAPI}/geps/gep-1731/index.md`;
const IMPL = `${GWAPI}/site/content/en/docs/implementations/list.md`;
const IS_CONV = 'https://github.com/istio/istio/blob/86c9f01/pilot/pkg/config/kube/gateway/conversion.go';
const IS_RT = 'https://github.com/istio/istio/blob/86c9f01/pilot/pkg/networking/core/route/route.go';
const EG_RT = 'https://github.com/envoyproxy/gateway/blob/d32f282/internal/gatewayapi/route.go';
const EG_X = 'https://github.com/envoyproxy/gateway/blob/d32f282/internal/xds/translator/route.go';
const EG_RE = 'https://github.com/envoyproxy/gateway/blob/d32f282/internal/utils/regex/regex.go';
const EG_CONF = 'https://github.com/envoyproxy/gateway/blob/d32f282/test/conformance/suite.go';
const LAT = 'https://github.com/aws/aws-application-networking-k8s/blob/v2.1.3';
const L_RULE = `${LAT}/pkg/gateway/model_build_rule.go`;
const L_RM = `${LAT}/pkg/deploy/lattice/rule_manager.go`;
const L_RT = `${LAT}/pkg/model/core/route.go`;
const L_SVC = `${LAT}/pkg/gateway/model_build_lattice_service.go`;
const L_RC = `${LAT}/pkg/controllers/route_controller.go`;
const L_SKIP = `${LAT}/test/conformance/skip-tests.yaml`;
const L_CONF = `${LAT}/docs/conformance-test.md`;
const L_DGR = `${LAT}/docs/api-types/grpc-route.md`;
const L_DGW = `${LAT}/docs/api-types/gateway.md`;
const LAT_RULES = 'https://docs.aws.amazon.com/vpc-lattice/latest/ug/listener-rules.html';

const yes = (source: string, note = ''): FeatureSupport => ({ support: 'yes', note, source });
const partial = (source: string, note: string): FeatureSupport => ({ support: 'partial', note, source });
const no = (source: string, note: string): FeatureSupport => ({ support: 'no', note, source });

const PROFILES: Record<GatewayApiTarget, Record<GatewayApiFeature, FeatureSupport>> = {
  standard: {
    pathExact: yes(HR, 'Core'),
    pathPrefix: yes(HR, 'Core; element-wise on "/" segments, a trailing "/" in the value ignored'),
    pathRegex: partial(HR, 'Implementation-specific: the dialect and the precedence are up to the implementation'),
    headerExact: yes(HR, 'Core; names case-insensitive, ≤ 16 per match'),
    headerRegex: partial(HR, 'Implementation-specific dialect'),
    queryExact: yes(HR, 'Extended'),
    queryRegex: partial(HR, 'Implementation-specific dialect'),
    method: yes(HR, 'Extended'),
    multipleMatches: yes(HR, 'Core; ≤ 64 matches per rule, ≤ 128 per route'),
    routeHostnames: yes(HR, 'Core; ≤ 16 per route'),
    wildcardHostnames: yes(HR, 'Core; "*." as the whole first label, never matching the apex'),
    urlRewritePrefix: yes(HR, 'Extended; ReplacePrefixMatch needs exactly one PathPrefix match in the rule (CEL)'),
    urlRewriteFullPath: yes(HR, 'Extended'),
    urlRewriteHostname: yes(HR, 'Extended'),
    requestHeaderModifier: yes(HR, 'Core'),
    requestRedirect: yes(HR, 'Core (path, scheme and port Extended)'),
    timeouts: yes(HR, 'Extended (Standard channel); HTTPRoute only — GRPCRoute has no timeouts'),
    retries: partial(GEP1731, 'Experimental channel (GEP-1731): HTTPRoute rules[].retry'),
    weights: yes(HR, 'Core; 0..1,000,000, ≤ 16 backendRefs per rule'),
    crossNamespaceBackends: yes(HR, 'Core, with a ReferenceGrant in the target namespace'),
    grpcRoute: yes(GR, 'Standard channel'),
    grpcMethodRegex: partial(GR, 'Implementation-specific'),
    gamma: yes(GEP1294, 'Standard since v1.1 (MESH profile)'),
    tlsTerminate: yes(GWT, 'Core (HTTPS listener, certificateRefs to Secrets)'),
    specPrecedence: yes(HR, 'Exact > longest PathPrefix > method > most headers > most query params > oldest route > namespace/name > rule order'),
  },
  istio: {
    pathExact: yes(IS_CONV),
    pathPrefix: yes(IS_RT, 'Envoy path_separated_prefix'),
    pathRegex: yes(IS_CONV, 'Envoy safe_regex: RE2, full match'),
    headerExact: yes(IS_CONV),
    headerRegex: yes(IS_CONV, 'RE2, full match'),
    queryExact: yes(IS_CONV),
    queryRegex: yes(IS_CONV, 'RE2, full match'),
    method: yes(IS_CONV),
    multipleMatches: yes(IS_CONV),
    routeHostnames: yes(IS_CONV),
    wildcardHostnames: yes(IS_CONV),
    urlRewritePrefix: yes(IS_CONV, 'ReplacePrefixMatch "/" becomes an Envoy regex_rewrite'),
    urlRewriteFullPath: yes(IS_CONV),
    urlRewriteHostname: yes(IS_CONV),
    requestHeaderModifier: yes(IS_CONV),
    requestRedirect: yes(IS_CONV),
    timeouts: yes(IS_CONV, 'request → route timeout, backendRequest → per-try timeout'),
    retries: yes(IS_CONV, 'default 2 attempts; retryOn connect-failure,refused-stream,unavailable,cancelled plus the codes'),
    weights: yes(IS_CONV, 'all weights 0 → 500'),
    crossNamespaceBackends: yes(IS_CONV, 'ReferenceGrant v1beta1 watched'),
    grpcRoute: yes(IS_CONV),
    grpcMethodRegex: yes(IS_CONV),
    gamma: yes(IMPL, 'conformant (MESH-HTTP); unsupported: MeshClusterIPMatching'),
    tlsTerminate: yes(IS_CONV),
    specPrecedence: partial(IS_CONV, 'sortHTTPRoutes: Exact > Prefix > RegularExpression (regex ranked by pattern length), then method, header and query counts'),
  },
  'envoy-gateway': {
    pathExact: yes(EG_X),
    pathPrefix: yes(EG_X, 'Envoy path_separated_prefix'),
    pathRegex: yes(EG_RE, 'checked with Go regexp, emitted as Envoy safe_regex: RE2, full match'),
    headerExact: yes(EG_X),
    headerRegex: yes(EG_X, 'RE2, full match'),
    queryExact: yes(EG_X),
    queryRegex: yes(EG_X, 'RE2, full match'),
    method: yes(EG_X, 'as a :method header match'),
    multipleMatches: yes(EG_RT),
    routeHostnames: yes(EG_RT),
    wildcardHostnames: yes(EG_RT),
    urlRewritePrefix: yes(EG_RT),
    urlRewriteFullPath: yes(EG_RT),
    urlRewriteHostname: yes(EG_RT),
    requestHeaderModifier: yes(EG_RT),
    requestRedirect: yes(EG_RT),
    timeouts: yes(EG_CONF),
    retries: yes(EG_CONF),
    weights: yes(EG_RT, 'all weights 0 → 500'),
    crossNamespaceBackends: yes(EG_RT, 'ReferenceGrant v1beta1 watched'),
    grpcRoute: yes(EG_RT),
    grpcMethodRegex: yes(EG_RT),
    gamma: no(EG_CONF, 'mesh features are exempt in its conformance suite: no GAMMA'),
    tlsTerminate: yes(EG_RT),
    specPrecedence: partial(EG_X, 'Exact > RegularExpression > Prefix, method counted as a header; EnvoyProxy.preserveRouteOrder keeps list order instead'),
  },
  'vpc-lattice': {
    pathExact: yes(L_RULE),
    pathPrefix: partial(L_RULE, 'value sent verbatim as a Lattice prefix; whether it is segment-aware is not documented (test live); values ≤ 128 characters, no !$\'()*,;'),
    pathRegex: no(L_RULE, 'LATTICE_UNSUPPORTED_PATH_MATCH_TYPE'),
    headerExact: partial(L_RM, 'Exact only, ≤ 5 per rule, values compared case-insensitively'),
    headerRegex: no(L_RULE, 'LATTICE_UNSUPPORTED_HEADER_MATCH_TYPE'),
    queryExact: no(L_RULE, 'LATTICE_UNSUPPORTED_MATCH_TYPE'),
    queryRegex: no(L_RULE, 'LATTICE_UNSUPPORTED_MATCH_TYPE'),
    method: partial(L_RULE, 'in the controller code, but its conformance doc says N/A and CloudFormation lacks PATCH: conflicting sources'),
    multipleMatches: no(L_RULE, 'LATTICE_NO_SUPPORT_FOR_MULTIPLE_MATCHES: one match per rule'),
    routeHostnames: partial(L_SVC, 'only hostnames[0], used as the service custom domain; the rest ignored'),
    wildcardHostnames: partial(L_SKIP, 'no listener hostname; wildcard custom domains not verified'),
    urlRewritePrefix: no(L_CONF, 'Not supported by Lattice'),
    urlRewriteFullPath: no(L_CONF, 'Not supported by Lattice'),
    urlRewriteHostname: no(L_CONF, 'Not supported by Lattice'),
    requestHeaderModifier: no(L_SKIP, 'skipped in its conformance runs'),
    requestRedirect: no(L_RT, 'a RouteRule exposes only BackendRefs and Matches: filters are ignored'),
    timeouts: no(L_RT, 'silently ignored: a RouteRule exposes only BackendRefs and Matches'),
    retries: no(L_RT, 'silently ignored'),
    weights: partial(LAT_RULES, 'Lattice weights are 0..999 (Gateway API allows up to 1,000,000)'),
    crossNamespaceBackends: partial(L_SKIP, 'cross-namespace refs resolve but ReferenceGrant is not implemented (not gated)'),
    grpcRoute: partial(L_DGR, 'HTTPS listeners only; Exact only; service-only becomes prefix /svc/; method-only and regex rejected'),
    grpcMethodRegex: no(L_RULE, 'rejected'),
    gamma: no(L_RC, 'a parentRef must be a Gateway'),
    tlsTerminate: partial(L_DGW, 'Terminate with an ACM certificate (listener option ARN or hostname discovery); Secrets unused'),
    specPrecedence: no(L_RULE, 'list order: Lattice priority = rule index + 1, lowest first; no specificity sort'),
  },
};

export interface TargetLimits {
  rulesPerRoute: number;
  matchesPerRule: number;
  matchesPerRoute: number;
  headersPerMatch: number;
  queryParamsPerMatch: number;
  backendRefsPerRule: number;
  maxWeight: number;
  source: string;
}

const CRD_LIMITS: TargetLimits = {
  rulesPerRoute: 16,
  matchesPerRule: 64,
  matchesPerRoute: 128,
  headersPerMatch: 16,
  queryParamsPerMatch: 16,
  backendRefsPerRule: 16,
  maxWeight: 1_000_000,
  source: HR,
};

const LIMITS: Record<GatewayApiTarget, TargetLimits> = {
  standard: CRD_LIMITS,
  istio: CRD_LIMITS,
  'envoy-gateway': CRD_LIMITS,
  // Rules per listener: 5 by the English quota page, 10 by its translations — the lower is kept.
  // One match per rule, ≤ 5 header matches, no query matches; 10 target groups per service bound the refs.
  'vpc-lattice': { ...CRD_LIMITS, rulesPerRoute: 5, matchesPerRule: 1, headersPerMatch: 5, queryParamsPerMatch: 0, backendRefsPerRule: 10, maxWeight: 999, source: LAT_RULES },
};

/** Does `target` support `feature`? `ok` is false for 'no' only; read `note` for what 'partial' means. */
export function supports(target: GatewayApiTarget, feature: GatewayApiFeature): { ok: boolean; support: Support; note: string; source: string } {
  const f = PROFILES[target][feature];
  return { ok: f.support !== 'no', ...f };
}

export function targetLimits(target: GatewayApiTarget): TargetLimits {
  return LIMITS[target];
}

export function targetFeatures(target: GatewayApiTarget): Readonly<Record<GatewayApiFeature, FeatureSupport>> {
  return PROFILES[target];
}

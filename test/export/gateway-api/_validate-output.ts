/**
 * Output validation for the exporter's tests: every object against the Gateway API CRD OpenAPI
 * schemas (@kubernetes-models/gateway-api, generated from sigs.k8s.io/gateway-api/apis), plus the
 * CEL rules the schemas do not carry, checked here by hand (shared/reference/gateway-api.md §2):
 * ReplacePrefixMatch only beside exactly one PathPrefix match, the rule / match / backendRef /
 * header limits, a port on every Service backendRef, backendRequest ≤ request, URLRewrite and
 * RequestRedirect not together, each filter type at most once.
 */
import { Gateway, GRPCRoute, HTTPRoute } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1';
import { ReferenceGrant } from '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1';
import type { GatewayApiObject, GRPCRoute as GR, HTTPRoute as HR } from '../../../src/export/gateway-api/objects.js';

/** Problems of one object: schema errors first, then CEL rules; [] when valid. */
export function validateObject(o: GatewayApiObject): string[] {
  const where = `${o.kind} ${o.metadata.namespace}/${o.metadata.name}`;
  const problems: string[] = [];
  try {
    const input = JSON.parse(JSON.stringify(o));
    switch (o.kind) {
      case 'Gateway': new Gateway(input).validate(); break;
      case 'HTTPRoute': new HTTPRoute(input).validate(); break;
      case 'GRPCRoute': new GRPCRoute(input).validate(); break;
      case 'ReferenceGrant': new ReferenceGrant(input).validate(); break;
      default: problems.push(`${where}: unexpected kind`);
    }
  } catch (err) {
    problems.push(`${where}: schema: ${(err as Error).message}`);
  }
  if (o.kind === 'HTTPRoute' || o.kind === 'GRPCRoute') problems.push(...celProblems(o).map((p) => `${where}: CEL: ${p}`));
  return problems;
}

function celProblems(r: HR | GR): string[] {
  const out: string[] = [];
  const rules = r.spec.rules ?? [];
  if (rules.length > 16) out.push(`${rules.length} rules (max 16)`);
  let totalMatches = 0;
  rules.forEach((rule, i) => {
    const matches = rule.matches ?? [];
    totalMatches += matches.length;
    if (matches.length > 64) out.push(`rule ${i}: ${matches.length} matches (max 64)`);
    const refs = rule.backendRefs ?? [];
    if (refs.length > 16) out.push(`rule ${i}: ${refs.length} backendRefs (max 16)`);
    for (const b of refs) if ((b.kind ?? 'Service') === 'Service' && (b.group ?? '') === '' && b.port === undefined) out.push(`rule ${i}: Service backendRef ${b.name} without port`);
    for (const m of matches) if ((m.headers?.length ?? 0) > 16) out.push(`rule ${i}: more than 16 headers`);
    const filters = (rule.filters ?? []) as { type: string; urlRewrite?: { path?: { type: string } } }[];
    const types = filters.map((f) => f.type);
    if (new Set(types).size !== types.length) out.push(`rule ${i}: a filter type repeated`);
    if (types.includes('URLRewrite') && types.includes('RequestRedirect')) out.push(`rule ${i}: URLRewrite with RequestRedirect`);
    const prefixRewrite = filters.some((f) => f.urlRewrite?.path?.type === 'ReplacePrefixMatch');
    if (prefixRewrite) {
      const m = matches as { path?: { type?: string } }[];
      if (m.length !== 1 || (m[0]!.path?.type ?? 'PathPrefix') !== 'PathPrefix') out.push(`rule ${i}: ReplacePrefixMatch needs exactly one PathPrefix match`);
    }
    const t = (rule as { timeouts?: { request?: string; backendRequest?: string } }).timeouts;
    if (t?.request !== undefined && t.backendRequest !== undefined && ms(t.backendRequest) > ms(t.request) && ms(t.request) !== 0) out.push(`rule ${i}: backendRequest longer than request`);
  });
  if (totalMatches > 128) out.push(`${totalMatches} matches in all (max 128)`);
  return out;
}

function ms(d: string): number {
  let total = 0;
  for (const [, n, u] of d.matchAll(/([0-9]+)(h|ms|m|s)/g)) total += Number(n) * ({ h: 3_600_000, m: 60_000, s: 1000, ms: 1 } as Record<string, number>)[u!]!;
  return total;
}

/**
 * report.json: one verdict per App Mesh pair (gateway route → router route for gateway traffic,
 * virtual service → router route for GAMMA) — `exact` (no checked request routes differently),
 * `approximate` (each difference with a counterexample request and both decisions) or
 * `unsupported` (no Gateway API rule could be written: why) — and the totals. Shape: docs/cli.md
 * § export gateway-api, pinned by test/export/gateway-api/export-cli.test.ts.
 */
import type { CheckResult, Divergence } from './check.js';
import type { FlatRule, RuleSource } from './flatten.js';
import type { OrderConflict } from './order.js';
import type { GatewayFinding } from './gateway.js';
import type { GatewayApiWrite } from './write.js';

export const REPORT_VERSION = 1;

export type Verdict = 'exact' | 'approximate' | 'unsupported';

export interface RouteVerdict {
  /** Gateway route as the user wrote it (`namespace/name`); null for GAMMA entries. */
  gatewayRoute: string | null;
  virtualService: string;
  virtualRouter: string | null;
  route: string | null;
  verdict: Verdict;
  /** Written rules carrying this pair: `HTTPRoute namespace/name rule i`. */
  rules: string[];
  /** approximate: each difference found, with the request that shows it and both decisions. */
  reasons: Divergence[];
  /** unsupported: why no rule (or not every rule) could be written. */
  unsupported: string[];
  /** What the writer changed or assumed (checked: a note that changes routing also shows up in `reasons`). */
  notes: string[];
  /** Set when App Mesh itself routes nothing through this pair (e.g. a router path the gateway rewrite never produces). */
  unreachable: string | null;
}

export interface MeshServiceReport {
  virtualService: string;
  service: string;
  port: number;
  routes: RouteVerdict[];
  /** Why the service got no GAMMA route. */
  unsupported: string | null;
}

export interface GatewayApiReport {
  version: number;
  gateway: { appMesh: string; namespace: string; name: string };
  target: string;
  prefixMode: string;
  summary: { exact: number; approximate: number; unsupported: number; checkedRequests: number; divergent: number };
  routes: RouteVerdict[];
  /** GAMMA (east-west); null with --no-mesh or a target without GAMMA. */
  mesh: MeshServiceReport[] | null;
  /** Rule pairs Gateway API's specificity order ranks the other way round from App Mesh (candidates; `reasons` says which really diverge). */
  orderConflicts: OrderConflict[];
  /** Gateway listeners: TLS carried over or not. */
  findings: GatewayFinding[];
  /** Differences no pair could be blamed for (e.g. Gateway API forwards a request App Mesh rejects at the gateway stage and no written rule is known). */
  unattributed: Divergence[];
}

export function buildReport(write: GatewayApiWrite, gatewayCheck: CheckResult, meshChecks: readonly CheckResult[], conflicts: OrderConflict[]): GatewayApiReport {
  const ruleLabel = new Map(write.written.map((w) => [w.flat, `${w.route.kind} ${w.route.namespace}/${w.route.name} rule ${w.ruleIndex}`]));
  const notesOf = new Map(write.written.map((w) => [w.flat, w.notes]));
  const skippedOf = new Map(write.skipped.map((s) => [s.flat, s.unsupported]));
  const routes = write.flat.pairs.map((pair, i) =>
    verdictOf(pair.source, pair.rules.map((r) => ({ label: ruleLabel.get(r), notes: notesOf.get(r) ?? [], skipped: skippedOf.get(r) })), pair.unsupported, pair.unreachable, gatewayCheck.byPair.get(i) ?? [], true),
  );
  const mesh = write.mesh === null ? null : write.mesh.entries.map((entry, k): MeshServiceReport => {
    const check = meshChecks[k];
    const labels = new Map(entry.written.map((w) => [w.flat, `${entry.rules[w.flat]!.kind === 'grpc' ? 'GRPCRoute' : 'HTTPRoute'} ${entry.service.namespace}/${w.routeName} rule ${w.ruleIndex}`]));
    const notes = new Map(entry.written.map((w) => [w.flat, w.notes]));
    const skipped = new Map(entry.skipped.map((s) => [s.flat, s.unsupported]));
    const unsupportedAll = entry.unsupported === null ? [] : [entry.unsupported];
    return {
      virtualService: entry.virtualService,
      service: `${entry.service.namespace}/${entry.service.name}`,
      port: entry.service.port,
      unsupported: entry.unsupported,
      routes: entry.rules.map((rule: FlatRule, i) => verdictOf(rule.source, [{ label: labels.get(i), notes: notes.get(i) ?? [], skipped: skipped.get(i) }], unsupportedAll, null, check?.byPair.get(i) ?? [], false)),
    };
  });
  const all = [...routes, ...(mesh ?? []).flatMap((m) => m.routes)];
  const count = (v: Verdict) => all.filter((r) => r.verdict === v).length;
  const gw = write.objects.find((o) => o.kind === 'Gateway')!;
  return {
    version: REPORT_VERSION,
    gateway: { appMesh: write.flat.gateway.name, namespace: gw.metadata.namespace ?? 'default', name: gw.metadata.name },
    target: write.target,
    prefixMode: write.prefixMode,
    summary: {
      exact: count('exact'),
      approximate: count('approximate'),
      unsupported: count('unsupported'),
      checkedRequests: gatewayCheck.checkedRequests + meshChecks.reduce((s, c) => s + c.checkedRequests, 0),
      divergent: gatewayCheck.divergent + meshChecks.reduce((s, c) => s + c.divergent, 0),
    },
    routes,
    mesh,
    orderConflicts: conflicts,
    findings: write.findings,
    unattributed: [...gatewayCheck.unattributed, ...meshChecks.flatMap((c) => c.unattributed)],
  };
}

// ------- internal functions -------

function verdictOf(
  source: RuleSource,
  rules: { label: string | undefined; notes: string[]; skipped: string[] | undefined }[],
  pairUnsupported: string[],
  unreachable: string | null,
  divergences: Divergence[],
  gatewayTraffic: boolean,
): RouteVerdict {
  const unsupported = [...pairUnsupported, ...rules.flatMap((r) => r.skipped ?? [])];
  const verdict: Verdict = unsupported.length > 0 ? 'unsupported' : divergences.length > 0 ? 'approximate' : 'exact';
  return {
    gatewayRoute: gatewayTraffic ? source.gatewayRouteDisplay : null,
    virtualService: source.virtualService,
    virtualRouter: source.virtualRouter,
    route: source.route,
    verdict,
    rules: rules.flatMap((r) => (r.label === undefined ? [] : [r.label])),
    reasons: divergences,
    unsupported: [...new Set(unsupported)],
    notes: [...new Set(rules.flatMap((r) => r.notes))],
    unreachable,
  };
}

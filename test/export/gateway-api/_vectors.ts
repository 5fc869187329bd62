/**
 * Reads test/export/gateway-api/vectors/*.yaml (format: vectors/README.md) and checks one case
 * against an evaluator decision. Shared by vectors.test.ts and the mutation checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { GatewayApiEntry, GatewayApiEvaluatorOptions, GatewayApiObject, GatewayApiRequest, GatewayApiDecision } from '../../../src/export/gateway-api/evaluate/index.js';

export const VECTOR_DIR = 'test/export/gateway-api/vectors';

export interface VectorCase {
  name?: string;
  entry?: GatewayApiEntry;
  request: GatewayApiRequest;
  expect: Record<string, unknown>;
}

export interface VectorSuite {
  file: string;
  title: string;
  source: string;
  options?: GatewayApiEvaluatorOptions;
  infra?: 'conformance';
  objects: GatewayApiObject[];
  entry?: GatewayApiEntry;
  cases: VectorCase[];
}

export function loadSuites(): VectorSuite[] {
  const infra = parseAllDocuments(readFileSync(join(VECTOR_DIR, '_conformance-infra.yaml'), 'utf8')).map((d) => d.toJS() as GatewayApiObject);
  const suites: VectorSuite[] = [];
  for (const file of readdirSync(VECTOR_DIR).filter((f) => f.endsWith('.yaml') && !f.startsWith('_')).sort()) {
    for (const doc of parseAllDocuments(readFileSync(join(VECTOR_DIR, file), 'utf8'))) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const s = doc.toJS() as Omit<VectorSuite, 'file'>;
      suites.push({ ...s, file, objects: [...(s.infra === 'conformance' ? infra : []), ...(s.objects ?? [])] });
    }
  }
  return suites;
}

/** Differences between the decision and what the case expects; [] when it holds. */
export function checkCase(expect: Record<string, unknown>, d: GatewayApiDecision): string[] {
  const diffs: string[] = [];
  for (const [k, want] of Object.entries(expect)) {
    const got = actual(k, d);
    if (!partialEqual(want, got)) diffs.push(`${k}: expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
  }
  return diffs;
}

/** Shorthand keys (backend, status, route, rule, match) and decision fields by name. */
function actual(k: string, d: GatewayApiDecision): unknown {
  switch (k) {
    case 'backend': {
      if (d.outcome !== 'forward') return `${d.outcome} ${'status' in d ? d.status : ''}`.trim();
      const live = d.backends.filter((b) => b.valid && b.weight > 0);
      return live.length === 1 ? live[0]!.name : live.map((b) => b.name);
    }
    case 'status':
      return d.outcome === 'forward' ? 200 : d.status;
    case 'route':
      return d.matched === null ? null : `${d.matched.route.namespace}/${d.matched.route.name}`;
    case 'rule':
      return d.matched?.ruleIndex ?? null;
    case 'match':
      return d.matched?.matchIndex ?? null;
    default:
      return (d as unknown as Record<string, unknown>)[k];
  }
}

/** Objects: every expected key equal; arrays: same length, element-wise partial. */
function partialEqual(want: unknown, got: unknown): boolean {
  if (Array.isArray(want)) return Array.isArray(got) && got.length === want.length && want.every((w, i) => partialEqual(w, got[i]));
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object') return false;
    return Object.entries(want).every(([k, v]) => partialEqual(v, (got as Record<string, unknown>)[k]));
  }
  return Object.is(want, got);
}

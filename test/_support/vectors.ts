/**
 * Loader of the routing conformance vectors (test/vectors/routing/*.yaml; format in
 * test/vectors/README.md). Every case keeps its file and line so a failure says where it is.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseAllDocuments, isMap, isSeq, type Node } from 'yaml';
import type { RouteRequest } from '../../src/evaluate/index.js';
import type { HostnameMode } from '../../src/compile/index.js';
import type { ApiResources } from './vector-model.js';

export const VECTOR_DIR = 'test/vectors/routing';

export interface VectorCase {
  name: string;
  request: RouteRequest;
  /** Subset of Decision fields to compare. */
  expect: Record<string, unknown>;
  /** Fixed random value in [0, 1) for weighted targets. */
  random?: number;
  /** RouteOptions.stickyKey (a header name). */
  stickyKey?: string;
  /** RouteOptions.allTargets. */
  allTargets?: boolean;
  file: string;
  line: number;
}

export interface VectorSuite {
  reference: number | null;
  title: string;
  unverified: boolean;
  /** Modes to run; default both (the decision must not depend on it unless hostnames are involved). */
  modes: HostnameMode[];
  resources: ApiResources;
  cases: VectorCase[];
  file: string;
  line: number;
}

export function loadVectorSuites(dir = VECTOR_DIR): VectorSuite[] {
  const out: VectorSuite[] = [];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort()) {
    const file = join(dir, name);
    const lc = new LineCounter();
    for (const doc of parseAllDocuments(readFileSync(file, 'utf8'), { lineCounter: lc })) {
      if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0]!.message}`);
      const data = doc.toJS() as Record<string, unknown> | null;
      if (data === null) continue;
      const lineOf = (n: Node | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line : 0);
      const casesNode = isMap(doc.contents) ? doc.contents.get('cases', true) : null;
      const caseNodes = isSeq(casesNode) ? casesNode.items : [];
      const cases = ((data.cases ?? []) as Omit<VectorCase, 'file' | 'line'>[]).map((c, i) => ({ ...c, file, line: lineOf(caseNodes[i] as Node) }));
      const mode = data.hostnameMode as HostnameMode | undefined;
      out.push({
        reference: (data.reference as number | undefined) ?? null,
        title: String(data.title ?? name),
        unverified: data.unverified === true,
        modes: mode ? [mode] : ['virtual-host', 'flat'],
        resources: {
          mesh: data.mesh as string | undefined,
          virtualGateway: data.virtualGateway as ApiResources['virtualGateway'],
          virtualServices: data.virtualServices as ApiResources['virtualServices'],
          gatewayRoutes: data.gatewayRoutes as ApiResources['gatewayRoutes'],
          virtualRouters: data.virtualRouters as ApiResources['virtualRouters'],
          routes: data.routes as ApiResources['routes'],
          virtualNodes: data.virtualNodes as ApiResources['virtualNodes'],
        },
        cases,
        file,
        line: lineOf(doc.contents),
      });
    }
  }
  return out;
}

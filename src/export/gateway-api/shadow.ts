/**
 * Restructuring where App Mesh and Gateway API order disagree: a rule every request of which an
 * earlier rule (in App Mesh's first-match order) also matches never wins in App Mesh, so it is
 * left out — otherwise Gateway API's specificity order (a longer prefix, more headers) could rank
 * it first and take those requests. This is the faithful form for the common priority pattern
 * (`/api` at priority 0 above `/api/v1`); partial overlaps stay `orderConflicts` (order.ts).
 */
import type { HttpMethod } from '../../model/types.js';
import type { LoweredPath, LoweredPredicate } from '../../compile/index.js';

/** What shadowing reads of a flattened rule (flatten.ts's FlatRule; declared here so flatten.ts can use this module without an import cycle). */
export interface CoverableRule {
  kind: 'http' | 'grpc';
  ports: number[];
  hostname: { kind: 'exact' | 'suffix'; value: string } | null;
  path: LoweredPath;
  method: HttpMethod | null;
  predicates: LoweredPredicate[];
  scheme: 'http' | 'https' | null;
  unsupported: string[];
}

/** For each rule, the index of the earlier rule that shadows it, or null. Rules are in App Mesh order. */
export function shadowedBy(rules: readonly CoverableRule[]): (number | null)[] {
  return rules.map((later, j) => {
    for (let i = 0; i < j; i++) if (covers(rules[i]!, later)) return i;
    return null;
  });
}

/** Does every request matching `b` match `a` (App Mesh semantics: plain prefixes, same virtual host)? */
export function covers(a: CoverableRule, b: CoverableRule): boolean {
  if (a.kind !== b.kind || a.unsupported.length > 0) return false;
  if (JSON.stringify(a.hostname) !== JSON.stringify(b.hostname)) return false;
  if (!b.ports.every((p) => a.ports.includes(p))) return false;
  if (a.method !== null && a.method !== b.method) return false;
  if (a.scheme !== null && a.scheme !== b.scheme) return false;
  const pa = a.path;
  const pb = b.path;
  const pathCovered =
    pa.kind === 'none' ||
    (pa.kind === 'prefix' && (pb.kind === 'prefix' || pb.kind === 'exact') && pb.value.startsWith(pa.value)) ||
    (pa.kind === 'exact' && pb.kind === 'exact' && pa.value === pb.value) ||
    (pa.kind === 'regex' && pb.kind === 'regex' && pa.value === pb.value);
  if (!pathCovered) return false;
  const key = (p: LoweredPredicate) => JSON.stringify(p, (_k, v) => (typeof v === 'bigint' ? v.toString() : v));
  const bKeys = new Set(b.predicates.map(key));
  return a.predicates.every((p) => bKeys.has(key(p)));
}

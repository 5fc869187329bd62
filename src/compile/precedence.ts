/**
 * The precedence contract (DESIGN §2, docs/precedence.md), written once. Every rule names the test
 * in test/compile/precedence.test.ts that pins it.
 */
import { criteriaCount, type LoweredRoute } from './lower.js';

/** Unset priority ranks after every explicit one: "1000 + 1" (reference §6.1, [EX-BLOG]). */
export const UNSET_PRIORITY_RANK = 1001;

const UTF8 = new TextEncoder();

/** Length of a literal path in UTF-8 bytes (the unit the table's trie works in); -1 if not literal. */
export function literalLength(r: LoweredRoute): number {
  return keyOf(r).literalLength;
}

/** Sort keys computed once per route (sorting 10,000 routes compares ~140,000 pairs). */
interface Key { priority: number; literalLength: number; criteria: number; name: Uint8Array; displayName: Uint8Array; namespace: Uint8Array }
const KEYS = new WeakMap<LoweredRoute, Key>();

function keyOf(r: LoweredRoute): Key {
  let k = KEYS.get(r);
  if (k === undefined) {
    k = {
      priority: r.priority ?? UNSET_PRIORITY_RANK,
      literalLength: r.path.kind === 'prefix' || r.path.kind === 'exact' ? UTF8.encode(r.path.value).length : -1,
      criteria: criteriaCount(r),
      name: UTF8.encode(r.name),
      displayName: UTF8.encode(r.displayName),
      namespace: UTF8.encode(r.namespace ?? ''),
    };
    KEYS.set(r, k);
  }
  return k;
}

/** Bytewise (UTF-8) order; UTF-16 code-unit order differs across surrogates. */
export function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Which rule decided the order of two routes (for the tie report). */
export type DecidingRule = 'priority' | 'literal-before-other' | 'literal-length' | 'exact-before-prefix' | 'criteria-count' | 'name' | 'identical';

/**
 * Precedence: the total order of routes inside a router (first = tried first).
 *   1. priority ascending, unset = 1001             — test 'priority ascending, unset after 1000'
 *   2. literal paths (prefix, exact, gRPC service)
 *      before regex and path-less                   — test 'literals before regex and path-less'
 *   3. longer literal first (UTF-8 bytes)           — test 'longest literal first'
 *   4. exact before prefix at equal length          — test 'exact before prefix at equal length'
 *   5. meshroute tie-break: more criteria first
 *      (headers + query + method + hostname)        — test 'tie-break: more criteria first'
 *   6. meshroute tie-break: App Mesh name bytewise,
 *      then display name, then namespace            — test 'tie-break: name bytewise'
 * Rule 1 of DESIGN §2 (protocol and listener port) is a filter, applied by the groups of the table.
 */
export function decidingRule(a: LoweredRoute, b: LoweredRoute): { rule: DecidingRule; order: number } {
  const ka = keyOf(a);
  const kb = keyOf(b);
  if (ka.priority !== kb.priority) return { rule: 'priority', order: ka.priority - kb.priority };
  const la = ka.literalLength;
  const lb = kb.literalLength;
  if ((la < 0) !== (lb < 0)) return { rule: 'literal-before-other', order: la < 0 ? 1 : -1 };
  if (la !== lb) return { rule: 'literal-length', order: lb - la };
  if (a.path.kind !== b.path.kind && la >= 0) return { rule: 'exact-before-prefix', order: a.path.kind === 'exact' ? -1 : 1 };
  if (ka.criteria !== kb.criteria) return { rule: 'criteria-count', order: kb.criteria - ka.criteria };
  const byName = compareBytes(ka.name, kb.name) || compareBytes(ka.displayName, kb.displayName) || compareBytes(ka.namespace, kb.namespace);
  return byName !== 0 ? { rule: 'name', order: byName } : { rule: 'identical', order: 0 };
}

export function comparePrecedence(a: LoweredRoute, b: LoweredRoute): number {
  return decidingRule(a, b).order;
}

/** Sorted copy; the input order never matters (the order is total). */
export function sortByPrecedence(routes: readonly LoweredRoute[]): LoweredRoute[] {
  return [...routes].sort(comparePrecedence);
}

/** True when only meshroute's tie-breaks (rules 5–6) order a and b. */
export function isTieBreak(rule: DecidingRule): boolean {
  return rule === 'criteria-count' || rule === 'name' || rule === 'identical';
}

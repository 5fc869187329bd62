/**
 * The precedence contract (DESIGN §2, docs/precedence.md), written once. Every rule names the test
 * in test/compile/precedence.test.ts that pins it.
 */
import { criteriaCount, type LoweredRoute } from './lower.js';

/** Unset priority ranks after every explicit one: "1000 + 1" (reference §6.1, [EX-BLOG]). */
export const UNSET_PRIORITY_RANK = 1001;

/** Length of a literal path in UTF-8 bytes (the unit the table's trie works in); -1 if not literal. */
export function literalLength(r: LoweredRoute): number {
  return keyOf(r).literalLength;
}

/** Sort keys computed once per route (sorting 10,000 routes compares ~140,000 pairs). */
interface Key { priority: number; literalLength: number; criteria: number; name: string; displayName: string; namespace: string }
const KEYS = new WeakMap<LoweredRoute, Key>();

function keyOf(r: LoweredRoute): Key {
  let k = KEYS.get(r);
  if (k === undefined) {
    k = {
      priority: r.priority ?? UNSET_PRIORITY_RANK,
      literalLength: r.path.kind === 'prefix' || r.path.kind === 'exact' ? utf8Length(r.path.value) : -1,
      criteria: criteriaCount(r),
      name: r.name,
      displayName: r.displayName,
      namespace: r.namespace ?? '',
    };
    KEYS.set(r, k);
  }
  return k;
}

/** UTF-8 byte length without encoding (a lone surrogate counts 3, as TextEncoder writes U+FFFD). */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * Strings in UTF-8 byte order without encoding them in the common case: below U+D800, UTF-16
 * code-unit order is code point order is UTF-8 byte order. Surrogates (and lone ones, which
 * encode as U+FFFD) fall back to comparing the encoded bytes.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y && x < 0xd800) continue;
    if (x >= 0xd800 || y >= 0xd800) return compareBytes(UTF8.encode(a), UTF8.encode(b));
    return x - y;
  }
  return a.length - b.length;
}

const UTF8 = new TextEncoder();

/** Bytewise (UTF-8) order of encoded strings. */
export function compareBytes(x: Uint8Array, y: Uint8Array): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

/** Which rule decided the order of two routes (for the tie report). */
export type DecidingRule = 'priority' | 'literal-before-other' | 'literal-length' | 'exact-before-prefix' | 'criteria-count' | 'name' | 'identical';

/**
 * The total order of routes inside a router (first = tried first):
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
  const byName = compareUtf8(ka.name, kb.name) || compareUtf8(ka.displayName, kb.displayName) || compareUtf8(ka.namespace, kb.namespace);
  return byName !== 0 ? { rule: 'name', order: byName } : { rule: 'identical', order: 0 };
}

export function comparePrecedence(a: LoweredRoute, b: LoweredRoute): number {
  return decidingRule(a, b).order;
}

/** Sorted copy; the input order never matters (the order is total). */
export function sortByPrecedence(routes: readonly LoweredRoute[]): LoweredRoute[] {
  // Precedence: DESIGN §2 / docs/precedence.md — priority ↑ (unset = 1001), literal before regex and
  // path-less, longer literal, exact before prefix, more criteria, name. Pinned by
  // test/compile/precedence.test.ts (one test per rule) and test/property/reference.property.test.ts.
  return [...routes].sort(comparePrecedence);
}

/** True when only meshroute's tie-breaks (rules 5–6) order a and b. */
export function isTieBreak(rule: DecidingRule): boolean {
  return rule === 'criteria-count' || rule === 'name' || rule === 'identical';
}

/**
 * Names for AWS documents that do not carry them: `--cli-input-json` / `--spec file://…` files
 * holding only `{"spec": …}` (the names were CLI flags), and `update-route`-style input without
 * `meshName`. The user supplies them (`--mesh`, `--spec-name FILE=Kind/name`; docs/cli.md) and the
 * document is read as the `create-*` input it was part of. Findings about the supplied names point
 * at the document itself: they were never written in it.
 */

import { UsageError } from '../../errors.js';
import type { ResourceKind } from '../types.js';
import { classifyObject, UnitType, type Classified } from './classify.js';
import { AWS_NAME_KEYS } from '../drafts.js';

/** What a spec-only document is: its kind, its name and, for routes, its parent's name. */
export interface SpecName {
  kind: ResourceKind;
  name: string;
  /** Virtual router of a Route, virtual gateway of a GatewayRoute. */
  parent: string | null;
}

export interface NamingOptions {
  /** Mesh of AWS documents without `meshName`. */
  mesh?: string;
  /** File (as given, or a path suffix of it) → what its spec-only document is. */
  specNames?: Record<string, SpecName>;
}

/** Kinds by lower-case name (`virtualNode` and `VirtualNode` both work). */
const KIND_BY_NAME = Object.fromEntries(Object.keys(AWS_NAME_KEYS).map((k) => [k.toLowerCase(), k as ResourceKind]));


/**
 * `FILE=Kind/name`, or `FILE=Route/router/name` / `FILE=GatewayRoute/gateway/name`. Kinds are
 * case-insensitive (`virtualNode`, `VirtualNode`). Throws UsageError for anything else.
 */
export function parseSpecName(text: string): { file: string; spec: SpecName } {
  const eq = text.lastIndexOf('=');
  const file = eq > 0 ? text.slice(0, eq) : '';
  const parts = eq > 0 ? text.slice(eq + 1).split('/') : [];
  const kind = KIND_BY_NAME[(parts[0] ?? '').toLowerCase()];
  const nested = kind === 'Route' || kind === 'GatewayRoute';
  if (!file || !kind || parts.length !== (nested ? 3 : 2) || parts.slice(1).some((p) => p === '')) {
    throw new UsageError('USAGE_BAD_VALUE', `--spec-name ${JSON.stringify(text)}: expected FILE=Kind/name (FILE=Route/router/name, FILE=GatewayRoute/gateway/name; kinds: ${Object.values(KIND_BY_NAME).join(', ')})`);
  }
  return { file, spec: { kind, name: parts[parts.length - 1]!, parent: nested ? parts[1]! : null } };
}

/** The SpecName given for `file`: exact, or the given path is a trailing part of it (`mesh/vn.json`). */
function specNameFor(file: string, names: Record<string, SpecName>): SpecName | null {
  for (const [key, spec] of Object.entries(names)) if (file === key || file.endsWith('/' + key)) return spec;
  return null;
}

/**
 * Supplies the user's names to a unit that lacks them and classifies it again; other units are
 * returned as they are. A spec-only unit with no name given stays spec-only (reported by the caller).
 */
export function nameUnit(unit: Classified, options: NamingOptions): Classified[] {
  if (unit.type === UnitType.AwsWithoutMesh && options.mesh !== undefined && unit.pointer === '') {
    return classifyObject(unit.doc, unit.base, { ...unit.value, meshName: options.mesh });
  }
  if (unit.type !== UnitType.SpecOnly) return [unit];
  const spec = options.specNames ? specNameFor(unit.doc.file, options.specNames) : null;
  if (!spec) return [unit];
  const mesh = spec.kind === 'Mesh' ? spec.name : typeof unit.value.meshName === 'string' ? unit.value.meshName : options.mesh;
  if (mesh === undefined) return [unit];
  const named: Record<string, unknown> = { ...unit.value, meshName: mesh, [AWS_NAME_KEYS[spec.kind]]: spec.name };
  if (spec.kind === 'Route') named.virtualRouterName = spec.parent;
  if (spec.kind === 'GatewayRoute') named.virtualGatewayName = spec.parent;
  return classifyObject(unit.doc, unit.base, named);
}

/** Why a spec-only document was not validated, and how to name it. */
export function specOnlyMessage(unit: Classified, options: NamingOptions): string {
  const named = options.specNames ? specNameFor(unit.doc.file, options.specNames) : null;
  const fix = named
    ? `--spec-name names it ${named.kind}/${named.name}, but no mesh is known: add --mesh MESH`
    : `name it with --spec-name ${unit.doc.file}=Kind/name (Route/router/name for a route)${options.mesh === undefined ? ' and --mesh MESH' : ''}`;
  return `this document has only a spec (its names were CLI flags such as --mesh-name / --virtual-node-name), so it was skipped, not validated: ${fix}`;
}

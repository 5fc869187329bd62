/**
 * The model pipeline, start to end: sources → documents → classified units → drafts (schema +
 * seed shapes) → rules → resolved model → topology rules. Every problem becomes a diagnostic; the
 * only exceptions are the typed InputErrors for paths that cannot be read at all.
 */

import { compareDiagnostics, hasErrors, type Diagnostic } from './diagnostics.js';
import { classifyDocument, isRecord, UnitType, type Classified } from './load/classify.js';
import { inferLegacyRouterListeners, reportMixedVersions } from './drafts-v1beta1.js';
import { MAX_NESTING, nestedDeeperThan, parseSource, tooDeepDiagnostic, type ParsedDocument } from './load/parse-documents.js';
import { readInputs, type SourceText } from './load/read-input.js';
import { nameUnit, specOnlyMessage, type NamingOptions } from './load/spec-names.js';
import { diagnosticAt, lazySource, type Draft } from './drafts.js';
import { draftsOf } from './drafts-of.js';
import { resolveModel } from './resolve.js';
import { ruleContext } from './rules/context.js';
import { checkGatewayRoute } from './rules/gateway-route.js';
import { checkRoute } from './rules/route.js';
import { checkTopology } from './rules/topology.js';
import { checkSelectors } from './rules/selectors.js';
import { checkRegexes, type RegexLimits } from './rules/regex.js';
import type { MeshModel, NamespaceInfo, ResourceKind } from './types.js';
import { rec, str } from './convert/spec.js';

export interface LoadOptions extends NamingOptions {
  /** Seed-shape warnings (`SEED_*`, `EXT_*`) become errors. */
  strict?: boolean;
  /** Regex complexity cap applied while validating (docs/regex.md). */
  regex?: RegexLimits;
}

export interface LoadStats {
  files: number;
  documents: number;
  /** Every App Mesh resource found, valid or not, by kind (routes of a K8s VirtualRouter count as Route). */
  resources: Partial<Record<ResourceKind, number>>;
  namespaces: number;
  /** Documents that are not App Mesh resources (Deployments, Services, …), by `apiVersion kind`. */
  skipped: Record<string, number>;
}

/** A document (or List/array item) that was not read as an App Mesh resource, and why. */
export interface SkippedDocument {
  file: string;
  /** JSON pointer of the object inside its file document ('' for the whole document). */
  path: string;
  reason: string;
}

export interface LoadResult {
  model: MeshModel;
  /** Every document not read as an App Mesh resource (Deployments, spec-only files, …), in input order. */
  skipped: SkippedDocument[];
  diagnostics: Diagnostic[];
  /** No diagnostic of severity error. */
  valid: boolean;
  stats: LoadStats;
}

/** Files, directories (recursive `*.yaml *.yml *.json`) and `-` for stdin. Throws InputError for unreadable paths. */
export function loadFiles(paths: readonly string[], options: LoadOptions = {}, readStdin?: () => string): LoadResult {
  return loadSources(readInputs(paths, readStdin), options);
}

/** Source texts already in memory (e.g. a browser upload). */
export function loadSources(sources: readonly SourceText[], options: LoadOptions = {}): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const documents: ParsedDocument[] = [];
  for (const s of sources) {
    const parsed = parseSource(s);
    // Loops, not push(...spread): a file of 150,000 documents would overflow the argument stack.
    for (const d of parsed.documents) documents.push(d);
    for (const d of parsed.diagnostics) diagnostics.push(d);
  }
  return loadDocuments(documents, diagnostics, options, sources.length);
}

/**
 * Parsed manifest objects (what a YAML/JSON parser gives), in either dialect — one object, an
 * array, or a K8s List. Diagnostics carry JSON pointers but no line numbers.
 */
export function loadObjects(objects: unknown, options: LoadOptions = {}, name = '<input>'): LoadResult {
  // One document: an array's items get distinct pointers (`/0/spec/...`), which keeps diagnostics apart.
  const documents: ParsedDocument[] = [{ file: name, index: 0, value: objects, locate: () => null }];
  return loadDocuments(documents, [], options, 0);
}

function loadDocuments(parsed: ParsedDocument[], diagnostics: Diagnostic[], options: LoadOptions, files: number): LoadResult {
  // Absurdly deep documents would overflow the recursive walks below: refuse them, as the YAML reader does.
  const documents = parsed.filter((d) => {
    if (!nestedDeeperThan(d.value, MAX_NESTING)) return true;
    diagnostics.push(tooDeepDiagnostic(d, MAX_NESTING));
    return false;
  });
  const units: Classified[] = documents.flatMap((d) => classifyDocument(d)).flatMap((u) => nameUnit(u, options));
  const skipped: SkippedDocument[] = [];
  const stats: LoadStats = { files, documents: parsed.length, resources: {}, namespaces: 0, skipped: {} };
  const namespaces: NamespaceInfo[] = [];
  const drafts: Draft[] = [];
  const ctx = { strict: options.strict === true, diagnostics };
  for (const unit of units) {
    switch (unit.type) {
      case UnitType.Skipped:
        stats.skipped[unit.reason] = (stats.skipped[unit.reason] ?? 0) + 1;
        skipped.push({ file: unit.doc.file, path: unit.base, reason: unit.reason });
        break;
      case UnitType.SpecOnly: {
        // Skipped like a foreign document, but never silently: the user meant it to be checked.
        const reason = 'spec only (no resource name)';
        stats.skipped[reason] = (stats.skipped[reason] ?? 0) + 1;
        skipped.push({ file: unit.doc.file, path: unit.base, reason });
        diagnostics.push(diagnosticAt(unit, 'warning', 'SPEC_ONLY_SKIPPED', unit.base, specOnlyMessage(unit, options), { kind: null, namespace: null, name: null }));
        break;
      }
      case UnitType.Namespace: {
        const ns = namespaceOf(unit);
        if (!ns) break;
        const at = namespaces.findIndex((n) => n.name === ns.name);
        if (at < 0) namespaces.push(ns);
        else {
          reportDuplicateNamespace(unit, namespaces[at]!, ns, diagnostics);
          namespaces[at] = ns; // as kubectl apply: the later object wins
        }
        break;
      }
      case UnitType.UnknownAppMesh:
        diagnostics.push(diagnosticAt(unit, 'error', 'UNKNOWN_KIND', unit.base + '/kind', `${unit.apiVersion} has no kind ${unit.kindName} (App Mesh kinds: Mesh, VirtualGateway, GatewayRoute, VirtualService, VirtualRouter, VirtualNode)`, { kind: null, namespace: null, name: null }));
        break;
      case UnitType.AwsWithoutMesh:
        diagnostics.push(diagnosticAt(unit, 'error', 'AWS_MESH_NAME_MISSING', unit.base + unit.pointer, `this AWS API ${unit.kind} document has no meshName (App Mesh needs it to place the resource; give it with --mesh MESH when it was a CLI flag)`, { kind: unit.kind, namespace: null, name: null }));
        break;
      default:
        drafts.push(...draftsOf(unit, ctx));
    }
  }
  inferLegacyRouterListeners(drafts, diagnostics);
  reportMixedVersions(drafts, diagnostics);
  // Rules read defensively, so they run on schema-invalid drafts too: one run shows every problem.
  for (const d of drafts) {
    if (d.kind === 'GatewayRoute') checkGatewayRoute(ruleContext(d, diagnostics));
    if (d.kind === 'Route') checkRoute(ruleContext(d, diagnostics));
    if (d.dialect === 'k8s') checkSelectors(ruleContext(d, diagnostics));
  }
  checkRegexes(drafts, diagnostics, options.regex);
  const { model, draftOf } = resolveModel(drafts, { diagnostics, namespaces });
  checkTopology(model, draftOf, diagnostics);

  for (const d of drafts) stats.resources[d.kind] = (stats.resources[d.kind] ?? 0) + 1;
  stats.namespaces = namespaces.length;
  const final = dedupe(diagnostics).sort(compareDiagnostics);
  return { model, skipped, diagnostics: final, valid: !hasErrors(final), stats };
}

/**
 * Two Namespace objects of one name are one object applied twice: the last applied wins, and here
 * the last in file-name order does. With different labels, mesh and gateway selection depend on that
 * order: an error. With the same labels, a warning.
 */
function reportDuplicateNamespace(unit: Classified, first: NamespaceInfo, again: NamespaceInfo, diagnostics: Diagnostic[]): void {
  const same = JSON.stringify(Object.entries(first.labels).sort()) === JSON.stringify(Object.entries(again.labels).sort());
  const message = same
    ? `Namespace ${again.name} is defined twice (first in ${first.source.file}), with the same labels`
    : `Namespace ${again.name} is defined twice with different labels (first in ${first.source.file}); this later one is used, so which meshes and gateways select ${again.name} depends on file order`;
  diagnostics.push(diagnosticAt(unit, same ? 'warning' : 'error', 'DUPLICATE_NAMESPACE', unit.base, message, { kind: 'Namespace', namespace: null, name: again.name }));
}

/** Kubernetes labels every Namespace with its own name (since 1.21); selectors may use it. */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function namespaceOf(unit: Classified): NamespaceInfo | null {
  const md = rec(unit.value.metadata);
  const name = md ? str(md.name) : null;
  if (!name) return null;
  const labels: Record<string, string> = { [NAMESPACE_NAME_LABEL]: name };
  if (isRecord(md!.labels)) for (const [k, v] of Object.entries(md!.labels)) if (typeof v === 'string') labels[k] = v;
  return { name, labels, source: lazySource(unit.doc, unit.base) };
}

/**
 * A rule that explains a union in App Mesh's own words wins over the generic schema finding at the
 * same place; exact repeats (same code, path, file) are said once.
 */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  // Several YAML documents of one file share pointers; the line tells them apart.
  const place = (d: Diagnostic) => `${d.file}\u0000${d.line}:${d.column}\u0000${d.path}`;
  const ruled = new Set(diagnostics.filter((d) => !d.code.startsWith('SCHEMA_')).map(place));
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    if (d.code === 'SCHEMA_UNION' && ruled.has(place(d))) return false;
    const key = `${place(d)}\u0000${d.code}\u0000${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * compile(resources, { gateway }) → a router: load and validate the resources (either dialect, or
 * an already loaded model), compile the gateway's decision table, and serve route / explain from
 * it. `reload(resources)` compiles anew and swaps the table in one assignment; invalid resources
 * leave the old table serving and return the diagnostics.
 */

import { ValidationError } from '../errors.js';
import { buildGatewayTable, type CompileOptions, type Tie } from '../compile/index.js';
import { loadTable, type Router } from '../evaluate/index.js';
import type { Decision, Explanation, RouteMatch, RouteOptions, RouteRequest } from '../evaluate/index.js';
import { hasErrors, type Diagnostic } from '../model/diagnostics.js';
import { loadObjects, type LoadOptions, type LoadResult } from '../model/load-model.js';
import type { MeshModel } from '../model/types.js';
import { COLLECTIONS } from '../model/resolve.js';
import { selectGateway } from './gateway.js';

/** Parsed manifests (an object, an array, a K8s List), a loaded model, or a LoadResult. */
export type Resources = unknown;

export interface MeshrouteOptions extends CompileOptions, LoadOptions {
  /** App Mesh name, K8s name or namespace/name of the VirtualGateway; optional when there is one. */
  gateway?: string;
}

export interface ReloadResult {
  /** True when the new table is now serving. */
  ok: boolean;
  /** Every finding of the new resources (on failure, why the old table still serves). */
  diagnostics: Diagnostic[];
}

export interface MeshRouter {
  /** App Mesh name of the gateway served. */
  readonly gateway: string;
  /** The decision table now serving (docs/table-format.md). */
  readonly table: Uint8Array;
  /** Warnings (and infos) of the resources now serving. */
  readonly diagnostics: readonly Diagnostic[];
  /** Route pairs ordered only by meshroute's tie-breaks (docs/precedence.md). */
  readonly ties: readonly Tie[];
  route(request: RouteRequest, options?: RouteOptions): Decision;
  /** Which gateway route wins, without building a Decision: its frozen description, or null (Router.match). */
  match(request: RouteRequest): RouteMatch | null;
  explain(request: RouteRequest, options?: RouteOptions): Explanation;
  reload(resources: Resources): ReloadResult;
}

interface Compiled {
  gateway: string;
  table: Uint8Array;
  router: Router;
  diagnostics: Diagnostic[];
  ties: Tie[];
}

/** Throws ValidationError (with every diagnostic) when the resources are invalid, UsageError for an unknown gateway. */
export function compile(resources: Resources, options: MeshrouteOptions = {}): MeshRouter {
  let current = compileOnce(resources, options);
  return {
    get gateway() { return current.gateway; },
    get table() { return current.table; },
    get diagnostics() { return current.diagnostics; },
    get ties() { return current.ties; },
    route: (request, opts) => current.router.route(request, opts),
    match: (request) => current.router.match(request),
    explain: (request, opts) => current.router.explain(request, opts),
    reload(next) {
      try {
        const compiled = compileOnce(next, options);
        current = compiled; // the swap: one assignment, so no request sees half a table
        return { ok: true, diagnostics: compiled.diagnostics };
      } catch (err) {
        if (err instanceof ValidationError) return { ok: false, diagnostics: [...err.diagnostics] };
        throw err;
      }
    },
  };
}

function compileOnce(resources: Resources, options: MeshrouteOptions): Compiled {
  const loaded = toLoadResult(resources, options);
  if (hasErrors(loaded.diagnostics)) throw new ValidationError(loaded.diagnostics);
  const gateway = selectGateway(loaded.model, options.gateway);
  const build = buildGatewayTable(loaded.model, gateway, options);
  return { gateway: gateway.name, table: build.table, router: loadTable(build.table), diagnostics: loaded.diagnostics, ties: build.ties };
}

/** Any Resources as a LoadResult (loaded objects, a model, or a LoadResult as it is); lint() shares it. */
export function toLoadResult(resources: Resources, options: LoadOptions): LoadResult {
  if (isLoadResult(resources)) return resources;
  if (isMeshModel(resources)) return { model: resources, skipped: [], diagnostics: [], valid: true, stats: { files: 0, documents: 0, resources: {}, namespaces: 0, skipped: {} } };
  return loadObjects(resources, options);
}

const MODEL_KEYS = [...COLLECTIONS, 'namespaces'] as const;

function isMeshModel(x: unknown): x is MeshModel {
  return x !== null && typeof x === 'object' && !Array.isArray(x) && MODEL_KEYS.every((k) => Array.isArray((x as Record<string, unknown>)[k]));
}

function isLoadResult(x: unknown): x is LoadResult {
  return x !== null && typeof x === 'object' && isMeshModel((x as { model?: unknown }).model) && Array.isArray((x as { diagnostics?: unknown }).diagnostics);
}

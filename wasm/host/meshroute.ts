/**
 * meshroute's filter in the test host: load dist/meshroute-filter.wasm with a table, send it
 * RouteRequests, and compare its answers with the JS runtime's Decisions.
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ProxyWasmHost, type HostOptions, type HttpResult } from './host.js';
import type { Bytes } from './header-map.js';

const HERE = dirname(fileURLToPath(import.meta.url));
/**
 * The built filter: beside this module when it is bundled into dist/, else where
 * `node wasm/build.mjs` writes it (dist/ of the repository).
 */
export const FILTER_WASM_PATH = existsSync(join(HERE, 'meshroute-filter.wasm')) ? join(HERE, 'meshroute-filter.wasm') : join(HERE, '..', '..', 'dist', 'meshroute-filter.wasm');

/** The request fields the filter reads (a subset of the runtime's RouteRequest). */
export interface FilterRequest {
  method?: string;
  path: string;
  authority?: string;
  scheme?: 'http' | 'https';
  headers?: Record<string, string | string[]> | Iterable<readonly [string, string]>;
  /** Offered to the filter as property `destination.port`. */
  port?: number;
}

/** The filter's answer, in the terms of the runtime's Decision. */
export interface FilterAnswer {
  kind: 'continue' | 'local-reply' | 'trap';
  gatewayRoute: string | null;
  virtualService: string | null;
  /** Final `:path` and `:authority` (null when absent). */
  path: string | null;
  authority: string | null;
  /** Local reply status and gRPC status (-1 none). */
  status: number | null;
  grpcStatus: number | null;
  result: HttpResult;
}

export function requestHeaders(req: FilterRequest): [string, string][] {
  const out: [string, string][] = [[':method', req.method ?? 'GET'], [':scheme', req.scheme ?? 'http'], [':path', req.path]];
  if (req.authority !== undefined) out.push([':authority', req.authority]);
  const h = req.headers;
  if (h !== undefined && h !== null) {
    if (typeof (h as Iterable<unknown>)[Symbol.iterator] === 'function') {
      for (const [k, v] of h as Iterable<readonly [string, string]>) out.push([k, v]);
    } else {
      for (const [k, v] of Object.entries(h as Record<string, string | string[]>)) {
        if (Array.isArray(v)) for (const x of v) out.push([k, x]);
        else out.push([k, String(v)]);
      }
    }
  }
  return out;
}

export class MeshrouteFilter {
  readonly host: ProxyWasmHost;
  readonly configured: boolean;

  /** `table`: bytes from `meshroute compile` / `compileGatewayTable`, or their base64 text. */
  constructor(table: Bytes | string, options: HostOptions & { wasm?: Bytes | WebAssembly.Module } = {}) {
    this.host = new ProxyWasmHost(options.wasm ?? loadFilterWasm(), options);
    this.configured = this.host.configure(table);
  }

  /** `rootContext`: the plugin whose table answers (default the first; see ProxyWasmHost.addRootContext). */
  route(req: FilterRequest, rootContext?: number): FilterAnswer {
    const result = this.host.httpRequest({ headers: requestHeaders(req), properties: req.port === undefined ? {} : { 'destination.port': req.port }, ...(rootContext === undefined ? {} : { rootContext }) });
    const get = (name: string): string | null => result.headers.find(([k]) => k === name)?.[1] ?? null;
    if (result.trap !== null) {
      return { kind: 'trap', gatewayRoute: null, virtualService: null, path: null, authority: null, status: 503, grpcStatus: null, result };
    }
    if (result.localReply !== null) {
      const r = result.localReply;
      return {
        kind: 'local-reply', gatewayRoute: r.headers.find(([k]) => k === 'x-meshroute-gateway-route')?.[1] ?? null, virtualService: null,
        path: null, authority: null, status: r.status, grpcStatus: r.grpcStatus, result,
      };
    }
    return {
      kind: 'continue', gatewayRoute: get('x-meshroute-gateway-route'), virtualService: get('x-meshroute-virtual-service'),
      path: get(':path'), authority: get(':authority'), status: null, grpcStatus: null, result,
    };
  }
}

let cachedModule: WebAssembly.Module | null = null;

/** The compiled filter module (dist/meshroute-filter.wasm), compiled once per process. */
export function loadFilterWasm(path = FILTER_WASM_PATH): WebAssembly.Module {
  if (path === FILTER_WASM_PATH && cachedModule !== null) return cachedModule;
  if (!existsSync(path)) throw new Error(`${path} not found: run node wasm/build.mjs (npm run build:wasm)`);
  const m = new WebAssembly.Module(readFileSync(path));
  if (path === FILTER_WASM_PATH) cachedModule = m;
  return m;
}

/** FNV-1a 32 of the UTF-8 bytes of `s`: the filter's sticky hash of `x-request-id` (docs/wasm-filter.md). */
export function stickyHash(s: string): number {
  const bytes = new TextEncoder().encode(s);
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h;
}

/**
 * A random() value that makes the runtime's floor(random() × total) pick what the filter picks for
 * this request id on a route whose weights sum to `totalWeight`: x = stickyHash(id) mod total.
 */
export function stickyRandom(requestId: string, totalWeight: number): number {
  return ((stickyHash(requestId) % totalWeight) + 0.5) / totalWeight;
}

/** What the filter must answer for a runtime Decision (the equivalence the tests check). */
export interface DecisionLike {
  matched: boolean;
  grpcStatus: number | null;
  gatewayRoute: string | null;
  virtualService: string | null;
  path: string | null;
  authority: string | null;
}

export function expectedAnswer(decision: DecisionLike, request: FilterRequest): Omit<FilterAnswer, 'result'> {
  if (!decision.matched) {
    const ct = requestHeaders(request).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    const grpc = decision.grpcStatus === 12 || ct.startsWith('application/grpc');
    return { kind: 'local-reply', gatewayRoute: decision.gatewayRoute, virtualService: null, path: null, authority: null, status: 404, grpcStatus: grpc ? 12 : -1 };
  }
  return { kind: 'continue', gatewayRoute: decision.gatewayRoute, virtualService: decision.virtualService, path: decision.path, authority: decision.authority, status: null, grpcStatus: null };
}

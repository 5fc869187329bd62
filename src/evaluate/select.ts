/**
 * Which part of the table a request reaches: its normalized form, the (listener port, protocol)
 * group and, in virtual-host mode, the virtual host.
 */
import { Protocol } from '../table/layout.js';
import { groupKey, type LoadedGroup, type LoadedRouter, type LoadedVhost } from './loaded.js';
import { hostMatches, type RequestState } from './match.js';
import { asciiLowerCase } from './ascii-case.js';
import { authorityPort, bounds, findBounds, invalidRequest, isNormal, normalizePath, Scan, scanPath } from './request.js';
import type { Decision, RouteRequest } from './types.js';

/** A fresh normalized request (explain, tests). */
export function normalizeRequest(rt: LoadedRouter, request: RouteRequest): RequestState {
  const req = fillRequest(rt, request, emptyRequestState());
  settlePath(req, 0);
  return req;
}

export function emptyRequestState(): RequestState {
  return { method: 'GET', path: '/', settled: true, query: null, authority: null, host: null, port: null, protocol: 0, scheme: 'http', headersInput: undefined, headers: null };
}

/**
 * Normalizes `request` into `req` (route() reuses one RequestState per router: no allocation) —
 * all but the path, which stays raw until settlePath (route() lets the trie walk vouch for the
 * part of the path it matched, so only the rest is scanned).
 */
export function fillRequest(rt: LoadedRouter, request: RouteRequest, req: RequestState): RequestState {
  // JavaScript callers are not held to the types: a request of the wrong shape is a typed error naming the field.
  if (typeof request !== 'object' || request === null || typeof request.path !== 'string') checkRequest(request);
  const authority = request.authority ?? null;
  const method = request.method ?? 'GET';
  const scheme = request.scheme ?? 'http';
  const headers = request.headers;
  const explicitPort = request.port;
  const protocolName = request.protocol;
  if (
    (authority !== null && typeof authority !== 'string') || typeof method !== 'string' || typeof scheme !== 'string' ||
    (typeof headers !== 'object' && headers !== undefined) ||
    (explicitPort !== undefined && !isPort(explicitPort)) ||
    (protocolName !== undefined && protocolName !== 'http' && protocolName !== 'http2' && protocolName !== 'grpc')
  ) checkRequest(request);
  const port = resolvePort(rt, explicitPort, authority);
  req.path = request.path;
  req.settled = false;
  req.query = null;
  req.method = method;
  req.authority = authority;
  req.host = null;
  req.port = port;
  req.protocol = protocolName !== undefined ? Protocol[protocolName] : listenerProtocol(rt, port);
  req.scheme = scheme;
  req.headersInput = headers;
  req.headers = null;
  return req;
}

const isPort = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 65535;

/** Throws REQUEST_INVALID for the first field of `request` that fillRequest's fast test refused. */
function checkRequest(r: RouteRequest): never {
  if (typeof r !== 'object' || r === null) invalidRequest('the request', 'an object', r);
  if (typeof r.path !== 'string') invalidRequest('path', 'a string', r.path);
  for (const f of ['authority', 'method', 'scheme'] as const) if (r[f] != null && typeof r[f] !== 'string') invalidRequest(f, 'a string', r[f]);
  if (r.headers !== undefined && typeof r.headers !== 'object') invalidRequest('headers', 'an object or an iterable of [name, value]', r.headers);
  if (r.port !== undefined && !isPort(r.port)) invalidRequest('port', 'an integer 1–65535', r.port);
  // What is left of the fast test: the protocol.
  return invalidRequest('protocol', "'http', 'http2' or 'grpc'", r.protocol);
}

/** settlePath's outcomes. */
export enum Settled { unchanged, queryCut, normalized }

/**
 * Splits the raw path into path and query and normalizes the path, unless code units from `from`
 * on show it is already plain (scanPath; a query cut off a path that is otherwise normal needs
 * nothing more). Says what changed: nothing, only a query or fragment cut off the end, or the path
 * normalized.
 */
export function settlePath(req: RequestState, from: number): number {
  if (req.settled) return Settled.unchanged;
  req.settled = true;
  const raw = req.path;
  const at = scanPath(raw, from);
  if (at === Scan.nothing) return Settled.unchanged;
  if (at >= 0) {
    // Only a query (or fragment) to cut off: the path before it is normal.
    req.path = raw.slice(0, at);
    if (raw.charCodeAt(at) === 0x3f) {
      const hash = raw.indexOf('#', at + 1);
      req.query = raw.slice(at + 1, hash < 0 ? raw.length : hash);
    }
    return Settled.queryCut;
  }
  findBounds(raw);
  const path = bounds.end === raw.length ? raw : raw.slice(0, bounds.end);
  req.query = bounds.queryStart < 0 ? null : raw.slice(bounds.queryStart, bounds.queryEnd);
  if (isNormal(path)) {
    req.path = path;
    return path === raw ? Settled.unchanged : Settled.queryCut;
  }
  req.path = normalizePath(path);
  return req.path === raw ? Settled.unchanged : Settled.normalized;
}

/** Explicit port; else the authority's port if it is a listener; else the only listener; else none. */
function resolvePort(rt: LoadedRouter, explicit: number | undefined, authority: string | null): number | null {
  if (explicit !== undefined) return explicit;
  // One listener: whatever port the authority names, that listener is the answer.
  if (rt.listeners.length === 1) return rt.listeners[0]!.port;
  const fromAuthority = authority === null ? null : authorityPort(authority);
  if (fromAuthority !== null) for (const l of rt.listeners) if (l.port === fromAuthority) return fromAuthority;
  return null;
}

function listenerProtocol(rt: LoadedRouter, port: number | null): number {
  const ls = rt.listeners;
  for (let i = 0; i < ls.length; i++) if (ls[i]!.port === port) return ls[i]!.protocol;
  return 0;
}

/** Virtual-host selection (Envoy order): exact host, else longest matching suffix, else host-less. */
export function selectVhost(group: LoadedGroup, req: RequestState): LoadedVhost | null {
  return group.hostless ? group.any : selectVhostByAuthority(group, req.authority);
}

/** selectVhost for a raw authority (null when absent). */
export function selectVhostByAuthority(group: LoadedGroup, authority: string | null): LoadedVhost | null {
  // Most requests of a gateway carry the same few Host values: remember the last answer.
  if (authority !== null && authority === group.lastAuthority) return group.lastVhost;
  const host = authority === null ? '' : asciiLowerCase(authority);
  let vhost = group.exact.get(host) ?? null;
  if (vhost === null) {
    for (const v of group.suffixes) if (vhost === null && hostMatches(v.kind, v.host, host)) vhost = v;
    if (vhost === null) vhost = group.any;
  }
  group.lastAuthority = authority;
  group.lastVhost = vhost;
  return vhost;
}

export function findGroup(rt: LoadedRouter, req: RequestState): LoadedGroup | undefined {
  if (req.port === null) return undefined;
  // Most gateways have one listener: skip the map.
  const only = rt.onlyGroup;
  if (only !== null && only.port === req.port && only.protocol === req.protocol) return only;
  return rt.groups.get(groupKey(req.port, req.protocol));
}


/** The request the virtual router sees: the gateway's rewritten path (query kept) and authority, on the router listener. */
export function routerRequest(d: Decision, request: RouteRequest, port: number): RouteRequest {
  const out: RouteRequest = { method: request.method ?? 'GET', path: d.path ?? '/', port };
  if (d.authority !== null) out.authority = d.authority;
  if (request.headers !== undefined) out.headers = request.headers;
  if (request.scheme !== undefined) out.scheme = request.scheme;
  return out;
}

/** The router listener on the target port; without a target port, the router's only listener. */
export function routerListener<L extends { port: number }>(listeners: readonly L[], targetPort: number | null): L | undefined {
  if (targetPort !== null) return listeners.find((l) => l.port === targetPort);
  return listeners.length === 1 ? listeners[0] : undefined;
}


/**
 * Which part of the table a request reaches: its normalized form, the (listener port, protocol)
 * group and, in virtual-host mode, the virtual host.
 */
import { Protocol } from '../table/layout.js';
import { groupKey, type LoadedGroup, type LoadedRouter, type LoadedVhost } from './loaded.js';
import { hostMatches, type RequestState } from './match.js';
import { authorityPort, lowerAscii, normalizePath, pathEnd, queryOf } from './request.js';
import type { RouteRequest } from './types.js';

export function normalizeRequest(rt: LoadedRouter, request: RouteRequest): RequestState {
  const raw = request.path;
  const end = pathEnd(raw);
  const authority = request.authority ?? null;
  const port = resolvePort(rt, request.port, authority);
  const req: RequestState = {
    method: request.method ?? 'GET',
    path: normalizePath(end === raw.length ? raw : raw.slice(0, end)),
    ascii: true,
    query: queryOf(raw, end),
    authority,
    host: authority === null ? '' : lowerAscii(authority),
    port,
    protocol: request.protocol !== undefined ? Protocol[request.protocol] : listenerProtocol(rt, port),
    headersInput: request.headers,
    headers: null,
  };
  req.ascii = isAscii(req.path);
  return req;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) return false;
  return true;
}

/** Explicit port; else the authority's port if it is a listener; else the only listener; else none. */
function resolvePort(rt: LoadedRouter, explicit: number | undefined, authority: string | null): number | null {
  if (explicit !== undefined) return explicit;
  // One listener: whatever port the authority names, that listener is the answer.
  if (rt.listeners.length === 1) return rt.listeners[0]!.port;
  const fromAuthority = authority === null ? null : authorityPort(authority);
  if (fromAuthority !== null) for (const l of rt.listeners) if (l.port === fromAuthority) return fromAuthority;
  return rt.listeners.length === 1 ? rt.listeners[0]!.port : null;
}

function listenerProtocol(rt: LoadedRouter, port: number | null): number {
  for (const l of rt.listeners) if (l.port === port) return l.protocol;
  return 0;
}

/** Virtual-host selection (Envoy order): exact host, else longest matching suffix, else host-less. */
export function selectVhost(group: LoadedGroup, host: string): LoadedVhost | null {
  const exact = group.exact.get(host);
  if (exact !== undefined) return exact;
  for (const v of group.suffixes) if (hostMatches(v.kind, v.host, host)) return v;
  return group.any;
}

export function findGroup(rt: LoadedRouter, req: RequestState): LoadedGroup | undefined {
  return req.port === null ? undefined : rt.groups.get(groupKey(req.port, req.protocol));
}


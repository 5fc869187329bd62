/** The evaluator's own read of the objects: defaults applied, regexes compiled, routes keyed for precedence. */
import type { CompiledRegex } from '../../../regex/index.js';
import type { BackendRef, GRPCRouteFilter, HTTPRouteFilter, ParentReference } from '../objects.js';
import type { GatewayRetry, GatewayTimeouts, RouteRef } from './types.js';

export interface ValueMatch {
  /** Header names lowercased; query names as written (case-sensitive). */
  name: string;
  type: 'Exact' | 'RegularExpression';
  value: string;
  regex: CompiledRegex | null;
}

export interface HttpMatch {
  index: number;
  pathType: 'Exact' | 'PathPrefix' | 'RegularExpression';
  pathValue: string;
  pathRegex: CompiledRegex | null;
  method: string | null;
  headers: ValueMatch[];
  query: ValueMatch[];
}

export interface GrpcMatch {
  index: number;
  type: 'Exact' | 'RegularExpression';
  service: string | null;
  method: string | null;
  serviceRegex: CompiledRegex | null;
  methodRegex: CompiledRegex | null;
  headers: ValueMatch[];
}

export interface Rule {
  index: number;
  name: string | null;
  http: HttpMatch[] | null;
  grpc: GrpcMatch[] | null;
  filters: (HTTPRouteFilter | GRPCRouteFilter)[];
  backendRefs: BackendRef[];
  timeouts: GatewayTimeouts;
  retry: GatewayRetry | null;
}

export interface CompiledRoute {
  ref: RouteRef;
  /** creationTimestamp in ms; +Infinity when missing (ranks after every dated route). */
  createdAt: number;
  parentRefs: ParentReference[];
  hostnames: string[] | undefined;
  rules: Rule[];
}

/** A route as attached to one listener or Service port. */
export interface Attachment {
  route: CompiledRoute;
  /** Effective hostnames there (Listener ∩ Route); null = every hostname. */
  hostnames: string[] | null;
}

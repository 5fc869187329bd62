/** One-line, human summaries of matches, rewrites and targets (describe, explain, lint messages). */

import type {
  GatewayRoute,
  GatewayRouteRewrite,
  HeaderMatch,
  HostnameMatch,
  PathMatch,
  QueryParameterMatch,
  Route,
  ServiceDiscovery,
  StringMatch,
} from './types.js';

export function summarizeStringMatch(m: StringMatch): string {
  if ('exact' in m) return `= ${JSON.stringify(m.exact)}`;
  if ('prefix' in m) return `^= ${JSON.stringify(m.prefix)}`;
  if ('suffix' in m) return `$= ${JSON.stringify(m.suffix)}`;
  if ('regex' in m) return `~ /${m.regex}/`;
  return `in [${m.range.start}, ${m.range.end})`;
}

export function summarizeHeader(h: HeaderMatch, what = 'header'): string {
  const cond = h.match ? summarizeStringMatch(h.match) : 'present';
  return `${what} ${h.name} ${h.invert ? 'NOT ' : ''}${cond}`;
}

function query(q: QueryParameterMatch): string {
  return q.exact === null ? `query ${q.name} present` : `query ${q.name} = ${JSON.stringify(q.exact)}`;
}

function path(p: PathMatch): string {
  return 'exact' in p ? `path = ${p.exact}` : `path ~ /${p.regex}/`;
}

function host(h: HostnameMatch): string {
  return 'exact' in h ? `host = ${h.exact}` : `host *${h.suffix}`;
}

export function summarizeGatewayMatch(gr: GatewayRoute): string {
  return summarizeMatch(gr.spec);
}

export function summarizeRouteMatch(route: Route): string {
  return summarizeMatch(route.spec);
}

/**
 * A gateway route's or a route's match, in one order for both (each kind has its own subset of the
 * fields: only gateway routes have `hostname`, only routes `methodName`, `scheme` and tcp).
 */
function summarizeMatch(spec: GatewayRoute['spec'] | Route['spec']): string {
  const m: Partial<Record<string, any>> = spec.match; // eslint-disable-line @typescript-eslint/no-explicit-any
  const grpc = spec.type === 'grpc';
  const http = !grpc && spec.type !== 'tcp';
  const parts: string[] = [];
  if (grpc) {
    if (m.serviceName !== null) parts.push(`service ${m.serviceName}`);
    if (m.methodName != null) parts.push(`method ${m.methodName}`);
  }
  if (http) {
    if (m.prefix !== null) parts.push(`prefix ${m.prefix}`);
    if (m.path) parts.push(path(m.path));
  }
  if (!(spec.type === 'tcp') && m.hostname) parts.push(host(m.hostname));
  if (http) {
    if (m.method) parts.push(`method ${m.method}`);
    if (m.scheme) parts.push(`scheme ${m.scheme}`);
    parts.push(...m.headers.map((h: HeaderMatch) => summarizeHeader(h)), ...m.queryParameters.map(query));
  }
  if (grpc) parts.push(...m.metadata.map((h: HeaderMatch) => summarizeHeader(h, 'metadata')));
  if (m.port !== null) parts.push(`port ${m.port}`);
  return parts.length ? parts.join(', ') : 'any request';
}

/** What the gateway does to the path and host, App Mesh defaults included. */
export function summarizeRewrite(gr: GatewayRoute): string {
  const rw: GatewayRouteRewrite | null = gr.spec.action.rewrite;
  const parts: string[] = [];
  if (gr.spec.type !== 'grpc') {
    const m = gr.spec.match;
    if (rw?.path) parts.push(`path → ${rw.path.exact}`);
    else if (m.prefix !== null || (rw?.prefix && m.path === null)) {
      if (rw?.prefix?.value) parts.push(`prefix ${m.prefix ?? '/'} → ${rw.prefix.value}`);
      else if (rw?.prefix?.defaultPrefix === 'DISABLED') parts.push('path kept');
      else parts.push(`prefix ${m.prefix ?? '/'} → /`);
    } else parts.push('path kept');
  }
  parts.push(rw?.hostname?.defaultTargetHostname === 'DISABLED' ? 'host kept' : 'host → target service');
  return parts.join(', ');
}

export function summarizeDiscovery(sd: ServiceDiscovery): string {
  if (!sd) return 'no service discovery';
  if ('dns' in sd) return `dns ${sd.dns.hostname}${sd.dns.responseType ? ` (${sd.dns.responseType})` : ''}`;
  const attrs = sd.awsCloudMap.attributes.map((a) => `${a.key}=${a.value}`).join(',');
  return `cloud map ${sd.awsCloudMap.namespaceName}/${sd.awsCloudMap.serviceName}${attrs ? ` [${attrs}]` : ''}`;
}

/** Turns `meshroute route` arguments (URL, -X, -H, --port, --protocol) into a RouteRequest. */

import { UsageError } from '../errors.js';
import type { RouteRequest } from '../evaluate/index.js';

const PROTOCOLS = ['http', 'http2', 'grpc'] as const;

export interface RequestArgs {
  url: string;
  method?: string;
  headers: string[];
  port?: string;
  protocol?: string;
}

/** RFC 9110 token: what a header field name may contain. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * URL is `http://host[:port]/path?query` (host[:port] becomes the authority and, unless --port,
 * the listener port; `https://` sets the scheme) or just `/path?query` (no authority; the gateway's
 * only listener). Headers are `Name: value`; a repeated name keeps every value, in order. A `Host`
 * header, as in curl, is the request's authority (the URL still gives the listener port): AWS's
 * own walkthroughs route `curl -H 'Host: www.example.com' http://<load balancer>/…` this way.
 */
export function requestFromArgs(a: RequestArgs): RouteRequest {
  const request: RouteRequest = { path: '/', method: a.method ?? 'GET' };
  const m = /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(a.url);
  if (m) {
    request.scheme = m[1]!.toLowerCase() as 'http' | 'https';
    request.authority = checkedAuthority(m[2]!, a.url);
    request.path = m[3] || '/';
    if (request.path.startsWith('?')) request.path = '/' + request.path;
    const port = /:(\d+)$/.exec(m[2]!);
    if (port) request.port = Number(port[1]);
  } else if (a.url.startsWith('/')) {
    request.path = a.url;
  } else {
    throw new UsageError('USAGE_BAD_URL', `URL must be http://host[:port]/path?query or /path?query, got ${JSON.stringify(a.url)}`);
  }
  if (a.port !== undefined) {
    if (!/^\d+$/.test(a.port) || Number(a.port) < 1 || Number(a.port) > 65535) throw new UsageError('USAGE_BAD_VALUE', `--port must be 1..65535, got ${a.port}`);
    request.port = Number(a.port);
  }
  if (a.protocol !== undefined) {
    if (!(PROTOCOLS as readonly string[]).includes(a.protocol)) throw new UsageError('USAGE_BAD_VALUE', `--protocol must be one of ${PROTOCOLS.join(', ')}, got ${a.protocol}`);
    request.protocol = a.protocol as RouteRequest['protocol'];
  }
  if (a.headers.length > 0) {
    const headers = a.headers.map((h): [string, string] => {
      const colon = h.indexOf(':');
      if (colon <= 0) throw new UsageError('USAGE_BAD_HEADER', `-H needs 'Name: value', got ${JSON.stringify(h)}`);
      const name = h.slice(0, colon).trim();
      if (!HEADER_NAME.test(name)) throw new UsageError('USAGE_BAD_HEADER', `-H header name ${JSON.stringify(name)} is not a valid HTTP header name (letters, digits and !#$%&'*+-.^_\`|~; no spaces)`);
      return [name, h.slice(colon + 1).trim()];
    });
    const host = headers.filter(([n]) => n.toLowerCase() === 'host');
    if (host.length > 1) throw new UsageError('USAGE_BAD_HEADER', `-H Host given ${host.length} times; a request has one authority`);
    if (host.length === 1) request.authority = checkedAuthority(host[0]![1], `Host: ${host[0]![1]}`);
    const rest = headers.filter(([n]) => n.toLowerCase() !== 'host');
    if (rest.length > 0) request.headers = rest;
  }
  return request;
}

/** host[:port] as written, after checking it is one (`[bad`, a port over 65535 and spaces are refused). */
function checkedAuthority(authority: string, given: string): string {
  const port = /:(\d*)$/.exec(authority);
  if (port && !authority.endsWith(']') && port[1] !== '' && (Number(port[1]) < 1 || Number(port[1]) > 65535)) {
    throw new UsageError('USAGE_BAD_URL', `port ${port[1]} in ${JSON.stringify(given)} is out of range (1..65535)`);
  }
  let valid = authority !== '' && !/[\s@]/.test(authority);
  if (valid) {
    try {
      new URL(`http://${authority}/`);
    } catch {
      valid = false;
    }
  }
  if (!valid) throw new UsageError('USAGE_BAD_URL', `${JSON.stringify(given)} has no valid host[:port] (got ${JSON.stringify(authority)})`);
  return authority;
}

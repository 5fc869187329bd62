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

/**
 * URL is `http://host[:port]/path?query` (host[:port] becomes the authority and, unless --port,
 * the listener port; `https://` sets the scheme) or just `/path?query` (no authority; the gateway's
 * only listener). Headers are `Name: value`; a repeated name keeps every value, in order.
 */
export function requestFromArgs(a: RequestArgs): RouteRequest {
  const request: RouteRequest = { path: '/', method: a.method ?? 'GET' };
  const m = /^(https?):\/\/([^/?#]*)([^#]*)/i.exec(a.url);
  if (m) {
    request.scheme = m[1]!.toLowerCase() as 'http' | 'https';
    request.authority = m[2]!;
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
    request.headers = a.headers.map((h): [string, string] => {
      const colon = h.indexOf(':');
      if (colon <= 0) throw new UsageError('USAGE_BAD_HEADER', `-H needs 'Name: value', got ${JSON.stringify(h)}`);
      return [h.slice(0, colon).trim(), h.slice(colon + 1).trim()];
    });
  }
  return request;
}

/**
 * Hostname rules of the spec ([HR] Hostnames, [GWT] Listener.Hostname): `*.` is a whole first
 * label and matches one or more labels (`*.example.com` matches `a.example.com`, `a.b.example.com`,
 * never `example.com`); Listener ∩ Route keeps the more specific hostname of each intersecting pair.
 */

export function isWildcard(hostname: string): boolean {
  return hostname.startsWith('*.');
}

/** Does the (lowercase, port-free) request host match `hostname`? */
export function hostMatches(hostname: string, host: string): boolean {
  if (!isWildcard(hostname)) return hostname === host;
  const suffix = hostname.slice(1); // '.example.com'
  return host.length > suffix.length && host.endsWith(suffix);
}

/**
 * The intersection of a listener hostname and a route hostname: the more specific of the two when
 * one matches the other, else null. A missing listener hostname matches every route hostname.
 */
export function intersectHostnames(listener: string | undefined, route: string): string | null {
  if (listener === undefined) return route;
  if (listener === route) return route;
  if (!isWildcard(route)) return hostMatches(listener, route) ? route : null;
  if (!isWildcard(listener)) return hostMatches(route, listener) ? listener : null;
  // Both wildcards: the one with the longer suffix lies inside the other.
  if (route.endsWith(listener.slice(1))) return route;
  if (listener.endsWith(route.slice(1))) return listener;
  return null;
}

/**
 * The hostnames a route is reachable by on a listener. null: every hostname (neither sets one).
 * [] means no intersection: the route is not accepted on that listener (spec: Accepted=False).
 */
export function effectiveHostnames(listenerHostname: string | undefined, routeHostnames: readonly string[] | undefined): string[] | null {
  if (routeHostnames === undefined || routeHostnames.length === 0) return listenerHostname === undefined ? null : [listenerHostname];
  const out: string[] = [];
  for (const h of routeHostnames) {
    const x = intersectHostnames(listenerHostname, h.toLowerCase());
    if (x !== null && !out.includes(x)) out.push(x);
  }
  return out;
}

/**
 * Hostname precedence of a route for a request host ([HR] Hostnames): characters in a matching
 * non-wildcard hostname, then characters in any matching hostname. null when none matches.
 * A route open to every hostname scores [0, 0].
 */
export function hostnameScore(hostnames: readonly string[] | null, host: string): [number, number] | null {
  if (hostnames === null) return [0, 0];
  let best: [number, number] | null = null;
  for (const h of hostnames) {
    if (!hostMatches(h, host)) continue;
    const score: [number, number] = [isWildcard(h) ? 0 : h.length, h.length];
    if (best === null || score[0] > best[0] || (score[0] === best[0] && score[1] > best[1])) best = score;
  }
  return best;
}

/**
 * Listener hostname precedence ([GWT]): exact beats wildcard beats none; among wildcards the
 * longer (more labels) wins. Higher is better; null when the listener does not accept `host`.
 */
export function listenerHostnameScore(hostname: string | undefined, host: string): number | null {
  if (hostname === undefined) return 0;
  if (!hostMatches(hostname, host)) return null;
  return isWildcard(hostname) ? 1 + hostname.length : 1_000 + hostname.length;
}

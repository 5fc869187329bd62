/**
 * route()'s and match()'s fast path for the requests most gateways see: one listener, the request
 * names no port or protocol, the path needs no normalizing and the best-ranked candidate has no
 * criterion besides its path. Then the winner is that candidate, read off the trie walk
 * (walkBest) without collecting candidate lists or filling the request state. Anything else is
 * UNDECIDED and takes the full path (router.ts), which gives the same answer for every request:
 * test/evaluate/fast-path.test.ts runs generated gateways both ways, and the JS ≡ filter property
 * checks match() (which may take this path) against route() with options (which never does).
 */
import type { LoadedRouter } from './loaded.js';
import { bestWalk, exactHeadAt, NO_RANK, walkBest } from './trie.js';
import { Scan, scanPath } from './request.js';
import type { RouteRequest } from './types.js';
import { selectVhostByAuthority } from './select.js';

/** fastWinner could not decide: take the full path. */
export const UNDECIDED = -2;

/** Where the query or fragment of the path fastWinner decided on starts, -1 for none (module-level: route() reads it before anything else runs). */
export const decided = { cut: -1 };

/** The winning route's rank, -1 for none, or UNDECIDED. */
export function fastWinner(rt: LoadedRouter, request: RouteRequest): number {
  const group = rt.fastGroup;
  if (group === null || typeof request !== 'object' || request === null) return UNDECIDED;
  const { path, authority, method, scheme, headers } = request;
  // What fillRequest accepts without a look at the listeners; anything else (a wrong type included, which throws there) goes the full path.
  if (
    typeof path !== 'string' || request.port !== undefined || request.protocol !== undefined ||
    (authority != null && typeof authority !== 'string') || (method != null && typeof method !== 'string') ||
    (scheme != null && typeof scheme !== 'string') || (typeof headers !== 'object' && headers !== undefined)
  ) return UNDECIDED;
  const vhost = group.hostless ? group.any : selectVhostByAuthority(group, authority ?? null);
  if (vhost === null) return -1;
  let best = vhost.otherHead;
  let cut = -1;
  if (vhost.root >= 0) {
    const walked = walkBest(rt.trie, vhost.root, vhost.slashChild, path, rt.plainLiterals);
    // Negative: not ASCII where the walk reads, or a path to normalize — the full path's work.
    if (walked < 0) return UNDECIDED;
    cut = bestWalk.cut;
    // Cut off where the walk stopped, the path ends at that node: its exact list counts (walkCodeUnits after settlePath).
    if (cut >= 0 && cut === bestWalk.depth) best = Math.min(best, exactHeadAt(rt.trie, bestWalk.node));
    else if (cut >= 0 && cut < bestWalk.depth) return UNDECIDED;
    best = Math.min(best, walked);
  } else {
    cut = scanPath(path, 0);
    if (cut === Scan.normalize) return UNDECIDED;
  }
  if (best === NO_RANK) return -1;
  if (!rt.routes[best]!.unconditional) return UNDECIDED;
  decided.cut = cut;
  return best;
}

/** The path fastWinner decided on, without its query or fragment. */
export function decidedPath(raw: string): string {
  return decided.cut < 0 ? raw : raw.slice(0, decided.cut);
}

/** Its query (after `?`, up to `#`), or null. */
export function decidedQuery(raw: string): string | null {
  const cut = decided.cut;
  if (cut < 0 || raw.charCodeAt(cut) !== 0x3f) return null;
  const hash = raw.indexOf('#', cut + 1);
  return raw.slice(cut + 1, hash < 0 ? raw.length : hash);
}

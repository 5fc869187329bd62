/**
 * Listener selection on a Gateway: the request's port, its scheme (http → HTTP listeners, https →
 * HTTPS listeners that terminate TLS), then the most specific listener hostname ([GWT]: exact beats
 * wildcard beats none; the longer wildcard wins).
 */
import type { AttachedGateway, AttachedListener } from './attach.js';
import { listenerHostnameScore } from './hostnames.js';
import type { NormalizedRequest } from './request.js';

export interface ListenerVerdict {
  name: string;
  taken: boolean;
  why: string;
}

export function pickListener(g: AttachedGateway, req: NormalizedRequest): { picked: AttachedListener | null; verdicts: ListenerVerdict[] } {
  let picked: AttachedListener | null = null;
  let best = -1;
  const verdicts: ListenerVerdict[] = [];
  for (const l of g.listeners) {
    const why = rejects(l, req);
    const score = why === null ? listenerHostnameScore(l.listener.hostname, req.host) : null;
    if (score !== null && score > best) {
      picked = l;
      best = score;
    }
    verdicts.push({ name: l.listener.name, taken: false, why: why ?? (score === null ? `hostname ${l.listener.hostname} does not match ${req.host}` : `hostname score ${score}`) });
  }
  for (const v of verdicts) v.taken = picked !== null && v.name === picked.listener.name;
  return { picked, verdicts };
}

function rejects(l: AttachedListener, req: NormalizedRequest): string | null {
  if (l.listener.port !== req.port) return `port ${l.listener.port} ≠ ${req.port}`;
  const wanted = req.scheme === 'https' ? 'HTTPS' : 'HTTP';
  if (l.listener.protocol !== wanted) return `protocol ${l.listener.protocol} does not serve ${req.scheme}`;
  if (wanted === 'HTTPS' && l.listener.tls?.mode === 'Passthrough') return 'TLS Passthrough does not route HTTP';
  return null;
}

/**
 * What the page shows, as one plain object, and its form in the URL fragment: a link reproduces what
 * the user saw. `#z…` is the state's JSON deflated (CompressionStream 'deflate-raw') in base64url;
 * `#j…` the same JSON uncompressed, for browsers without CompressionStream. The fragment never
 * reaches a server.
 */

export interface ManifestFile {
  name: string;
  text: string;
}

export interface RequestFields {
  method: string;
  url: string;
  /** `Name: value` lines. */
  headers: string;
  port: string;
  protocol: string;
  seed: string;
}

export interface PlaygroundState {
  files: ManifestFile[];
  active: number;
  gateway: string;
  hostnameMode: 'virtual-host' | 'flat';
  request: RequestFields;
}

export const EMPTY_REQUEST: RequestFields = { method: 'GET', url: 'http://example.com/', headers: '', port: '', protocol: '', seed: '1' };

export async function encodeState(state: PlaygroundState): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(state));
  if (typeof CompressionStream === 'function') return 'z' + toBase64Url(await transform(bytes, new CompressionStream('deflate-raw')));
  return 'j' + toBase64Url(bytes);
}

/** The state in a fragment (without '#'), or null when there is none or it cannot be read. */
export async function decodeState(fragment: string): Promise<PlaygroundState | null> {
  try {
    const kind = fragment[0];
    if (kind !== 'z' && kind !== 'j') return null;
    let bytes = fromBase64Url(fragment.slice(1));
    if (kind === 'z') {
      if (typeof DecompressionStream !== 'function') return null;
      bytes = await transform(bytes, new DecompressionStream('deflate-raw'));
    }
    return checkState(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}

/** A fragment is user input: keep only well-typed fields, fall back to defaults for the rest. */
function checkState(raw: unknown): PlaygroundState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!Array.isArray(r.files)) return null;
  const files = r.files.filter((f): f is ManifestFile => typeof f === 'object' && f !== null && typeof f.name === 'string' && typeof f.text === 'string');
  const req = typeof r.request === 'object' && r.request !== null ? (r.request as Record<string, unknown>) : {};
  const request = { ...EMPTY_REQUEST };
  for (const key of Object.keys(EMPTY_REQUEST) as (keyof RequestFields)[]) if (typeof req[key] === 'string') request[key] = req[key];
  return {
    files,
    active: typeof r.active === 'number' && r.active >= 0 && r.active < files.length ? r.active : 0,
    gateway: typeof r.gateway === 'string' ? r.gateway : '',
    hostnameMode: r.hostnameMode === 'flat' ? 'flat' : 'virtual-host',
    request,
  };
}

async function transform(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

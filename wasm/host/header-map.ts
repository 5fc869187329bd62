/**
 * An Envoy request/response header map as a proxy-wasm plugin sees it (Envoy
 * `source/extensions/common/wasm/context.cc` over `HeaderMapImpl`): keys lower-cased on every call,
 * get returns the first value, add appends, replace = remove + append at the end, pseudo-headers
 * (`:name`) always ahead of regular headers. Keys and values are bytes, so invalid UTF-8 survives.
 */

export type Bytes = Uint8Array;
export type HeaderPair = readonly [string, string];

const enc = new TextEncoder();
const dec = new TextDecoder('utf-8', { fatal: false });

export function toBytes(s: string | Bytes): Bytes {
  return typeof s === 'string' ? enc.encode(s) : s;
}
export function fromBytes(b: Bytes): string {
  return dec.decode(b);
}

function lower(key: Bytes): Bytes {
  let needs = false;
  for (let i = 0; i < key.length; i++) if (key[i]! >= 0x41 && key[i]! <= 0x5a) { needs = true; break; }
  if (!needs) return key;
  const out = new Uint8Array(key.length);
  for (let i = 0; i < key.length; i++) out[i] = key[i]! >= 0x41 && key[i]! <= 0x5a ? key[i]! + 0x20 : key[i]!;
  return out;
}

function equal(a: Bytes, b: Bytes): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const isPseudo = (key: Bytes): boolean => key.length > 0 && key[0] === 0x3a;

export class HeaderMap {
  /** Entries in order; keys already lower-cased. */
  readonly entries: [Bytes, Bytes][] = [];

  constructor(pairs: Iterable<readonly [string | Bytes, string | Bytes]> = []) {
    for (const [k, v] of pairs) this.add(toBytes(k), toBytes(v));
  }

  get size(): number {
    return this.entries.length;
  }

  /** First value of `key`, or undefined. */
  get(key: string | Bytes): Bytes | undefined {
    const k = lower(toBytes(key));
    for (const [ek, ev] of this.entries) if (equal(ek, k)) return ev;
    return undefined;
  }

  /** Appends; a pseudo-header goes after the last pseudo-header, ahead of every regular one. */
  add(key: string | Bytes, value: string | Bytes): void {
    const k = lower(toBytes(key));
    const entry: [Bytes, Bytes] = [k, toBytes(value)];
    if (isPseudo(k)) {
      let at = 0;
      while (at < this.entries.length && isPseudo(this.entries[at]![0])) at++;
      this.entries.splice(at, 0, entry);
    } else {
      this.entries.push(entry);
    }
  }

  /** Removes every value of `key`. */
  remove(key: string | Bytes): void {
    const k = lower(toBytes(key));
    for (let i = this.entries.length - 1; i >= 0; i--) if (equal(this.entries[i]![0], k)) this.entries.splice(i, 1);
  }

  /** Envoy setCopy: remove, then add (the header moves to the end of its kind). */
  replace(key: string | Bytes, value: string | Bytes): void {
    this.remove(key);
    this.add(key, value);
  }

  /** Replaces the whole map (proxy_set_header_map_pairs). */
  setAll(pairs: [Bytes, Bytes][]): void {
    this.entries.length = 0;
    for (const [k, v] of pairs) this.add(k, v);
  }

  /** The map as strings (invalid UTF-8 shown as U+FFFD). */
  toPairs(): [string, string][] {
    return this.entries.map(([k, v]) => [fromBytes(k), fromBytes(v)]);
  }
}

/** ABI serialization: u32 N, N × (u32 keyLen, u32 valueLen), then each key NUL value NUL. */
export function serializePairs(pairs: readonly (readonly [Bytes, Bytes])[]): Bytes {
  let size = 4 + 8 * pairs.length;
  for (const [k, v] of pairs) size += k.length + v.length + 2;
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, pairs.length, true);
  let at = 4 + 8 * pairs.length;
  pairs.forEach(([k, v], i) => {
    view.setUint32(4 + 8 * i, k.length, true);
    view.setUint32(8 + 8 * i, v.length, true);
    out.set(k, at);
    at += k.length + 1;
    out.set(v, at);
    at += v.length + 1;
  });
  return out;
}

/** Inverse of serializePairs; a malformed map is empty (as the cpp-host treats it). */
export function deserializePairs(bytes: Bytes): [Bytes, Bytes][] {
  if (bytes.length < 4) return [];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = view.getUint32(0, true);
  if (4 + 8 * n > bytes.length) return [];
  const out: [Bytes, Bytes][] = [];
  let at = 4 + 8 * n;
  for (let i = 0; i < n; i++) {
    const kl = view.getUint32(4 + 8 * i, true);
    const vl = view.getUint32(8 + 8 * i, true);
    if (at + kl + vl + 2 > bytes.length) return [];
    out.push([bytes.slice(at, at + kl), bytes.slice(at + kl + 1, at + kl + 1 + vl)]);
    at += kl + vl + 2;
  }
  return out;
}

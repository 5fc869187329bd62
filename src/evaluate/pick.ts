/**
 * Weighted-pick primitives shared by the gateway edge canary and the router stage (docs/precedence.md
 * §7). The WASM filter implements the same two functions bit for bit. Imports nothing.
 */

/** "No sticky key": the pick uses random(). */
export const NO_STICKY = -1;

/**
 * FNV-1a 32-bit over the UTF-8 bytes of `s` (a lone surrogate encodes as U+FFFD, as TextEncoder):
 * h = 0x811C9DC5; for each byte b: h = (h XOR b) × 0x01000193 mod 2^32. Returns an unsigned 32-bit integer.
 */
export function fnv1a32(s: string): number {
  let h = 0x811c9dc5;
  const byte = (b: number): void => {
    h = Math.imul(h ^ b, 0x01000193);
  };
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x80) byte(c);
    else if (c < 0x800) { byte(0xc0 | (c >> 6)); byte(0x80 | (c & 0x3f)); }
    else if (c < 0x10000) { byte(0xe0 | (c >> 12)); byte(0x80 | ((c >> 6) & 0x3f)); byte(0x80 | (c & 0x3f)); }
    else { byte(0xf0 | (c >> 18)); byte(0x80 | ((c >> 12) & 0x3f)); byte(0x80 | ((c >> 6) & 0x3f)); byte(0x80 | (c & 0x3f)); }
  }
  return h >>> 0;
}

/**
 * A reproducible random() for `--seed N` (mulberry32 over the seed's low 32 bits): the same seed
 * gives the same sequence of weighted picks in every run and on every platform.
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

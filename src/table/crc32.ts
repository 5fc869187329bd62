/** CRC-32 (IEEE 802.3, reflected, polynomial 0xEDB88320) — the table checksum. Imports nothing. */

const CRC_TABLE = makeTable();

function makeTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}

/** Continues a running CRC (pass the previous result; start with 0) over bytes [start, end). */
export function crc32Update(crc: number, bytes: Uint8Array, start: number, end: number): number {
  let c = ~crc >>> 0;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Table checksum: CRC-32 of the whole file with the 4 checksum bytes taken as zero. */
export function tableChecksum(bytes: Uint8Array, checksumOffset: number, total: number): number {
  let c = crc32Update(0, bytes, 0, checksumOffset);
  c = crc32Update(c, ZERO4, 0, 4);
  return crc32Update(c, bytes, checksumOffset + 4, total);
}

const ZERO4 = new Uint8Array(4);

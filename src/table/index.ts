// Barrel: the decision-table byte format (docs/table-format.md).
export { encodeTable, stringBlobOffsets } from './encode.js';
export { decodeTable } from './decode.js';
export { dumpTable } from './dump.js';
export { FORMAT_VERSION, MAGIC, SectionKind } from './layout.js';
export type { TableData, DecodedTable } from './types.js';

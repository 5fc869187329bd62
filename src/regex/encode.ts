/**
 * DFA / NFA → the serialized automaton read by matcher.ts. The layout is specified in
 * docs/table-format.md § Regex automata; the constants live in matcher.ts so writer and reader share them.
 */
import type { Dfa } from './dfa.js';
import {
  AUTOMATON_MAGIC,
  AUTOMATON_VERSION,
  DFA_FIXED_SIZE,
  HEADER_SIZE,
  KIND_DFA,
  KIND_NFA,
  NFA_FIXED_SIZE,
  NFA_INST_SIZE,
} from './matcher.js';
import type { Prog } from './prog.js';

function writeHeader(view: DataView, kind: number, total: number, count: number): void {
  view.setUint32(0, AUTOMATON_MAGIC, true);
  view.setUint16(4, AUTOMATON_VERSION, true);
  view.setUint8(6, kind);
  view.setUint8(7, 0);
  view.setUint32(8, total, true);
  view.setUint32(12, count, true);
}

export function encodeDfa(dfa: Dfa): Uint8Array {
  const total = DFA_FIXED_SIZE + dfa.numStates + 2 * dfa.numStates * dfa.numClasses;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  writeHeader(view, KIND_DFA, total, dfa.numStates);
  view.setUint16(HEADER_SIZE, dfa.numClasses, true);
  view.setUint16(HEADER_SIZE + 2, dfa.start, true);
  bytes.set(dfa.classMap, HEADER_SIZE + 4);
  bytes.set(dfa.accept, DFA_FIXED_SIZE);
  const transAt = DFA_FIXED_SIZE + dfa.numStates;
  for (let i = 0; i < dfa.trans.length; i++) view.setUint16(transAt + 2 * i, dfa.trans[i]!, true);
  return bytes;
}

export function encodeNfa(prog: Prog): Uint8Array {
  const n = prog.op.length;
  const total = NFA_FIXED_SIZE + NFA_INST_SIZE * n;
  const bytes = new Uint8Array(total);
  const view = new DataView(bytes.buffer);
  writeHeader(view, KIND_NFA, total, n);
  view.setUint32(HEADER_SIZE, prog.start, true);
  view.setUint32(HEADER_SIZE + 4, 0, true);
  for (let i = 0; i < n; i++) {
    const at = NFA_FIXED_SIZE + NFA_INST_SIZE * i;
    bytes[at] = prog.op[i]!;
    bytes[at + 1] = prog.lo[i]!;
    bytes[at + 2] = prog.hi[i]!;
    view.setUint32(at + 4, prog.out[i]!, true);
    view.setUint32(at + 8, prog.out1[i]!, true);
  }
  return bytes;
}

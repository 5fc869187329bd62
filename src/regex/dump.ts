/**
 * Serialized automaton → stable, human-readable text, for golden tests and debugging. Reads the
 * bytes through the runtime's validating reader, so a dump shows exactly what the matcher runs.
 *
 *   dfa states=3 classes=4 start=1 bytes=290
 *   s1: [61]->s2
 *   s2 accept: [61]->s2
 *
 * Each DFA state lists its transitions by target as byte ranges (hex); transitions to the dead
 * state s0 are omitted. An NFA lists one instruction per line, like Go's dumpProg.
 */
import { OP_ASSERT, OP_FAIL, OP_MATCH, OP_RANGE, OP_SPLIT, readAutomaton } from './matcher.js';

const ASSERTION_NAMES: Readonly<Record<number, string>> = {
  1: 'begin_line',
  2: 'end_line',
  4: 'begin_text',
  8: 'end_text',
  16: 'word_boundary',
  32: 'non_word_boundary',
};

function hex(b: number): string {
  return b.toString(16).padStart(2, '0');
}

/** "[00-09,0b-ff]" for a sorted list of bytes. */
export function byteRanges(bytes: readonly number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; ) {
    let j = i;
    while (j + 1 < bytes.length && bytes[j + 1] === bytes[j]! + 1) j++;
    parts.push(i === j ? hex(bytes[i]!) : `${hex(bytes[i]!)}-${hex(bytes[j]!)}`);
    i = j + 1;
  }
  return `[${parts.join(',')}]`;
}

export function dumpAutomaton(bytes: Uint8Array, offset = 0, length?: number): string {
  const d = readAutomaton(bytes, offset, length);
  const lines: string[] = [];
  if (d.kind === 'dfa') {
    lines.push(`dfa states=${d.numStates} classes=${d.numClasses} start=${d.start} bytes=${d.byteLength}`);
    for (let s = 1; s < d.numStates; s++) {
      const byTarget = new Map<number, number[]>();
      for (let b = 0; b < 256; b++) {
        const t = d.trans[s * d.numClasses + d.classMap[b]!]!;
        if (t === 0) continue;
        const list = byTarget.get(t);
        if (list) list.push(b);
        else byTarget.set(t, [b]);
      }
      const edges = [...byTarget].map(([t, bs]) => `${byteRanges(bs)}->s${t}`);
      lines.push(`s${s}${d.accept[s] ? ' accept' : ''}:${edges.length ? ' ' + edges.join(' ') : ''}`);
    }
  } else {
    lines.push(`nfa insts=${d.numInsts} start=${d.start} bytes=${d.byteLength}`);
    for (let i = 0; i < d.numInsts; i++) {
      const pc = String(i).padStart(4);
      switch (d.op[i]) {
        case OP_FAIL:
          lines.push(`${pc} fail`);
          break;
        case OP_MATCH:
          lines.push(`${pc} match`);
          break;
        case OP_RANGE:
          lines.push(`${pc} byte ${d.a[i] === d.b[i] ? hex(d.a[i]!) : `${hex(d.a[i]!)}-${hex(d.b[i]!)}`} -> ${d.out[i]}`);
          break;
        case OP_SPLIT:
          lines.push(`${pc} split -> ${d.out[i]}, ${d.out1[i]}`);
          break;
        case OP_ASSERT:
          lines.push(`${pc} assert ${ASSERTION_NAMES[d.a[i]!]} -> ${d.out[i]}`);
          break;
      }
    }
  }
  return lines.join('\n') + '\n';
}

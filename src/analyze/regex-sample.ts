/**
 * Strings a compiled regex accepts, drawn at random from its automaton (the same bytes the runtime
 * matches with), for requests that must satisfy a regex path, header or query criterion. A walk
 * through the automaton that only takes steps from which acceptance is still reachable, then a
 * check with the runtime matcher: every string returned is accepted.
 */
import { loadAutomaton, OP_ASSERT, OP_MATCH, OP_RANGE, OP_SPLIT, readAutomaton, type AutomatonData } from '../regex/matcher.js';

/** Bytes to emit before a walk heads for acceptance by the shortest way. */
const SAMPLE_LENGTH = 24;
/** Walks tried before giving up (a walk can end on invalid UTF-8 or an unsatisfied assertion). */
const SAMPLE_ATTEMPTS = 24;
const UNREACHABLE = 0x7fffffff;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface RegexSampler {
  /** A string the regex fully matches, or null when none was found (the language may be empty). */
  sample(random: () => number, avoid?: string): string | null;
}

/** A sampler for the automaton `bytes[offset, offset + length)` (a table's regex section entry). */
export function regexSampler(bytes: Uint8Array, offset = 0, length?: number): RegexSampler {
  const data = readAutomaton(bytes, offset, length);
  const matcher = loadAutomaton(bytes, offset, length);
  const walk = data.kind === 'dfa' ? dfaWalker(data) : nfaWalker(data);
  return {
    sample(random, avoid = '') {
      const avoidBytes = new Set([...avoid].map((c) => c.charCodeAt(0)));
      for (let attempt = 0; attempt < SAMPLE_ATTEMPTS; attempt++) {
        const out = walk(random, avoidBytes);
        if (out === null) return null;
        let text: string;
        try {
          text = utf8.decode(Uint8Array.from(out));
        } catch {
          continue;
        }
        if (matcher.fullMatch(text)) return text;
      }
      return null;
    },
  };
}

/** A byte of [lo, hi], preferring printable ASCII outside `avoid` when the range has one. */
function pickByte(lo: number, hi: number, random: () => number, avoid: Set<number>): number {
  const plo = Math.max(lo, 0x21);
  const phi = Math.min(hi, 0x7e);
  if (plo <= phi && random() < 0.95) {
    for (let tries = 0; tries < 8; tries++) {
      const b = plo + Math.floor(random() * (phi - plo + 1));
      if (!avoid.has(b)) return b;
    }
  }
  return lo + Math.floor(random() * (hi - lo + 1));
}

type Walker = (random: () => number, avoid: Set<number>) => number[] | null;

function dfaWalker(d: Extract<AutomatonData, { kind: 'dfa' }>): Walker {
  const { numStates: n, numClasses: k, trans, accept, classMap } = d;
  // dist[s]: fewest bytes from state s to an accepting state (reverse relaxation; n is small).
  const dist = new Int32Array(n).fill(UNREACHABLE);
  for (let s = 0; s < n; s++) if (accept[s]) dist[s] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    for (let s = 0; s < n; s++) {
      for (let c = 0; c < k; c++) {
        const t = trans[s * k + c]!;
        if (dist[t]! !== UNREACHABLE && dist[t]! + 1 < dist[s]!) { dist[s] = dist[t]! + 1; changed = true; }
      }
    }
  }
  const bytesOf: number[][] = Array.from({ length: k }, () => []);
  for (let b = 0; b < 256; b++) bytesOf[classMap[b]!]!.push(b);
  return (random, avoid) => {
    if (dist[d.start] === UNREACHABLE) return null;
    const out: number[] = [];
    let s = d.start;
    while (true) {
      if (accept[s] && (out.length >= SAMPLE_LENGTH || random() < 0.3)) return out;
      const hurry = out.length >= SAMPLE_LENGTH;
      const options: number[] = [];
      for (let c = 0; c < k; c++) {
        const t = trans[s * k + c]!;
        if (dist[t] === UNREACHABLE || (hurry && dist[t]! >= dist[s]!)) continue;
        options.push(c);
      }
      if (options.length === 0) return out; // accepting, nowhere to go
      // Prefer classes holding a printable byte we may use.
      const nice = options.filter((c) => bytesOf[c]!.some((b) => b > 0x20 && b < 0x7f && !avoid.has(b)));
      const from = nice.length > 0 && random() < 0.95 ? nice : options;
      const c = from[Math.floor(random() * from.length)]!;
      const members = bytesOf[c]!;
      const printable = members.filter((b) => b > 0x20 && b < 0x7f && !avoid.has(b));
      const pool = printable.length > 0 ? printable : members;
      out.push(pool[Math.floor(random() * pool.length)]!);
      s = trans[s * k + c]!;
    }
  };
}

function nfaWalker(d: Extract<AutomatonData, { kind: 'nfa' }>): Walker {
  const n = d.numInsts;
  // dist[i]: fewest bytes from instruction i to MATCH, assertions taken as free.
  const dist = new Int32Array(n).fill(UNREACHABLE);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      const op = d.op[i]!;
      const v = op === OP_MATCH ? 0
        : op === OP_RANGE ? (dist[d.out[i]!] === UNREACHABLE ? UNREACHABLE : dist[d.out[i]!]! + 1)
        : op === OP_SPLIT ? Math.min(dist[d.out[i]!]!, dist[d.out1[i]!]!)
        : op === OP_ASSERT ? dist[d.out[i]!]!
        : UNREACHABLE;
      if (v < dist[i]!) { dist[i] = v; changed = true; }
    }
  }
  return (random, avoid) => {
    if (dist[d.start] === UNREACHABLE) return null;
    const out: number[] = [];
    let i = d.start;
    // Each step either emits a byte or follows an epsilon edge; bound the walk by the program size.
    for (let steps = 0; steps < 64 * (n + SAMPLE_LENGTH); steps++) {
      const op = d.op[i]!;
      if (op === OP_MATCH) return out;
      if (op === OP_RANGE) { out.push(pickByte(d.a[i]!, d.b[i]!, random, avoid)); i = d.out[i]!; continue; }
      if (op === OP_ASSERT) { i = d.out[i]!; continue; }
      if (op !== OP_SPLIT) return null;
      const x = d.out[i]!;
      const y = d.out1[i]!;
      const hurry = out.length >= SAMPLE_LENGTH;
      if (dist[x] === UNREACHABLE) i = y;
      else if (dist[y] === UNREACHABLE) i = x;
      else if (hurry && dist[x] !== dist[y]) i = dist[x]! < dist[y]! ? x : y;
      else i = random() < 0.5 ? x : y;
    }
    return null;
  };
}

/**
 * Core tree → byte-level NFA program (prog.ts), Thompson's construction in continuation-passing
 * style: `emit(node, next)` returns the entry instruction of code that matches `node` and then
 * continues at `next`, so no placeholder instructions are needed. Code point sets become UTF-8 byte
 * sequences whose shared suffixes are emitted once.
 */
import { RegexTooComplexError } from './errors.js';
import { negateRanges, intersectRanges } from './charset.js';
import { Op, addInst, emptyProg, type Prog } from './prog.js';
import { Kind } from './ast.js';
import type { Core } from './simplify.js';
import { setToUtf8 } from './utf8.js';

/**
 * Surrogate code points never occur in matched input (strings are encoded like TextEncoder, which
 * turns lone surrogates into U+FFFD), so sets leave them out and `\x{D800}` matches nothing.
 */
const WITHOUT_SURROGATES = negateRanges([0xd800, 0xdfff]);

/**
 * Compiles `core`; throws RegexTooComplexError once the program passes `maxInsts` instructions.
 * Written as closures over the program being built rather than a class (smaller minified: no `this.`).
 */
export function compileProg(core: Core, pattern: string, maxInsts: number): Prog {
  const prog: Prog = emptyProg();
  /** RANGE instructions by "lo,hi,out", so identical byte-sequence tails are shared. */
  const suffixes = new Map<string, number>();
  /** SPLIT chains by their entry list, so identical byte-sequence tries are shared. */
  const splits = new Map<string, number>();

  function inst(op: number, lo: number, hi: number, out: number, out1: number): number {
    if (prog.op.length >= maxInsts) throw new RegexTooComplexError(pattern, prog.op.length + 1, maxInsts);
    return addInst(prog, op, lo, hi, out, out1);
  }

  function emit(node: Core, next: number): number {
    switch (node.kind) {
      case Kind.Empty:
        return next;
      case Kind.NoMatch:
        return inst(Op.FAIL, 0, 0, 0, 0);
      case Kind.AnyByte:
        return range(0x00, 0xff, next);
      case Kind.Assert:
        return inst(Op.ASSERT, node.assertion, 0, next, 0);
      case Kind.Set:
        return set(node.ranges, next);
      case Kind.Concat: {
        let entry = next;
        for (let i = node.subs.length - 1; i >= 0; i--) entry = emit(node.subs[i]!, entry);
        return entry;
      }
      case Kind.Alt:
        return split(node.subs.map((s) => emit(s, next)));
      case Kind.Quest:
        return inst(Op.SPLIT, 0, 0, emit(node.sub, next), next);
      case Kind.Star:
      case Kind.Plus: {
        const loop = inst(Op.SPLIT, 0, 0, 0, next);
        const body = emit(node.sub, loop);
        prog.out[loop] = body;
        return node.kind === Kind.Star ? loop : body;
      }
    }
  }

  /** SPLITs that try every entry (a right-leaning chain). */
  function split(entries: readonly number[]): number {
    let entry = entries[entries.length - 1]!;
    for (let i = entries.length - 2; i >= 0; i--) entry = inst(Op.SPLIT, 0, 0, entries[i]!, entry);
    return entry;
  }

  function range(lo: number, hi: number, next: number): number {
    const key = `${lo},${hi},${next}`;
    const known = suffixes.get(key);
    if (known !== undefined) return known;
    const pc = inst(Op.RANGE, lo, hi, next, 0);
    suffixes.set(key, pc);
    return pc;
  }

  /**
   * A code point set: its UTF-8 sequences are merged into a trie (shared prefixes such as the
   * lead byte E0) and emitted bottom-up with shared RANGE and SPLIT instructions (shared
   * suffixes such as the trailing 80-BF), so `\pL` costs ~1k instructions instead of ~3k.
   */
  function set(ranges: readonly number[], next: number): number {
    const seqs = setToUtf8(intersectRanges(ranges, WITHOUT_SURROGATES));
    if (seqs.length === 0) return inst(Op.FAIL, 0, 0, 0, 0);
    const root: Trie = new Map();
    for (const seq of seqs) {
      let node = root;
      for (let i = 0; i < seq.length; i++) {
        const [lo, hi] = seq[i]!;
        const key = `${lo},${hi}`;
        let edge = node.get(key);
        if (edge === undefined) {
          edge = { lo, hi, child: i + 1 < seq.length ? new Map() : null };
          node.set(key, edge);
        }
        if (edge.child === null) break;
        node = edge.child;
      }
    }
    return emitTrie(root, next);
  }

  function emitTrie(node: Trie, next: number): number {
    const entries: number[] = [];
    for (const edge of node.values()) {
      const pc = range(edge.lo, edge.hi, edge.child === null ? next : emitTrie(edge.child, next));
      if (!entries.includes(pc)) entries.push(pc);
    }
    const key = entries.join(',');
    const known = splits.get(key);
    if (known !== undefined) return known;
    const pc = split(entries);
    splits.set(key, pc);
    return pc;
  }

  const match = inst(Op.MATCH, 0, 0, 0, 0);
  prog.start = emit(core, match);
  return prog;
}

/** UTF-8 sequences merged by common prefix: byte range → rest (null after the last byte). */
type Trie = Map<string, { lo: number; hi: number; child: Trie | null }>;

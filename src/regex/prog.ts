/**
 * The byte-level NFA program: a flat instruction list over UTF-8 bytes, in the spirit of Go's
 * regexp/syntax Prog. It has no capture instructions (only whether the whole input matches is
 * needed) and no "any rune" instructions (code point sets are already byte sequences).
 */

/**
 * Instruction opcodes; also the opcodes of the serialized NFA (docs/table-format.md § Regex automata).
 * An enum so that esbuild inlines the members as numbers (see Assertion in ast.ts).
 */
export enum Op {
  FAIL = 0, // no way forward
  MATCH = 1, // the input matches if it ends here
  RANGE = 2, // consume one byte in [lo, hi], continue at out
  SPLIT = 3, // continue at both out and out1
  ASSERT = 4, // continue at out if the zero-width assertion `lo` holds here
}

export interface Prog {
  readonly op: number[];
  readonly lo: number[];
  readonly hi: number[];
  readonly out: number[];
  readonly out1: number[];
  start: number;
}

export function emptyProg(): Prog {
  return { op: [], lo: [], hi: [], out: [], out1: [], start: 0 };
}

/** Appends an instruction and returns its index. */
export function addInst(p: Prog, op: number, lo: number, hi: number, out: number, out1: number): number {
  p.op.push(op);
  p.lo.push(lo);
  p.hi.push(hi);
  p.out.push(out);
  p.out1.push(out1);
  return p.op.length - 1;
}

/** Bitmask of the assertion kinds the program uses. */
export function usedAssertions(p: Prog): number {
  let mask = 0;
  for (let i = 0; i < p.op.length; i++) if (p.op[i] === Op.ASSERT) mask |= p.lo[i]!;
  return mask;
}

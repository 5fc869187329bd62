/** Lock-step NFA execution with a lazy DFA cache sized from the program (see NfaMatcher). */
import { Op, type Automaton, type AutomatonData } from './automaton.js';
import { Ctx, assertionsAt, codePointAt, isWordByte, nfaByteClasses, utf8Byte } from './match-input.js';

/**
 * Size of the NFA matcher's lazy DFA cache. It is sized from the program: at most
 * LAZY_CACHE_BYTES_PER_INST bytes of cache per NFA instruction (an instruction is 12 bytes of table,
 * so a regex's cache is at most ~21× its automaton), and never more than LAZY_CACHE_ENTRIES
 * transitions (256 KB: the working set of fallback patterns such as a 2,000-state DFA over 8
 * classes). A fixed size (it was always the cap, ~381 KB with its side arrays) let a table of
 * thousands of tiny assertion NFAs cost gigabytes (issue 13). The cache is flushed when full.
 */
const enum Lazy {
  LAZY_CACHE_ENTRIES = 1 << 16,
  LAZY_CACHE_BYTES_PER_INST = 256,
  /** Bounds on the cache's state count, whatever the number of byte classes (4: the dead state and room to flush). */
  LAZY_CACHE_MIN_STATES = 4,
  LAZY_CACHE_MAX_STATES = 4096,
  /**
   * Instruction ids the cache may store across all its states' sets: at most LAZY_POOL_INTS (256 KB)
   * and LAZY_POOL_INTS_PER_INST per instruction; at least two full sets are always allowed, so a
   * flush always makes room.
   */
  LAZY_POOL_INTS = 1 << 16,
  LAZY_POOL_INTS_PER_INST = 16,
  /** Cache bytes per state besides its transitions: set start, length, context, hash slot, accept flag, ≤ 8 hash slots. */
  LAZY_STATE_OVERHEAD = 4 * 4 + 1 + 8 * 4,
}
export const LAZY_CACHE_ENTRIES: number = Lazy.LAZY_CACHE_ENTRIES;
export const LAZY_CACHE_BYTES_PER_INST: number = Lazy.LAZY_CACHE_BYTES_PER_INST;
export const LAZY_CACHE_MIN_STATES: number = Lazy.LAZY_CACHE_MIN_STATES;
export const LAZY_CACHE_MAX_STATES: number = Lazy.LAZY_CACHE_MAX_STATES;
export const LAZY_POOL_INTS: number = Lazy.LAZY_POOL_INTS;

/** States of the lazy cache of an NFA of `insts` instructions over `classes` byte classes. */
export function lazyCacheStates(insts: number, classes: number): number {
  const byProgram = Math.floor((Lazy.LAZY_CACHE_BYTES_PER_INST * insts) / (4 * classes + Lazy.LAZY_STATE_OVERHEAD));
  const byCap = Math.floor(Lazy.LAZY_CACHE_ENTRIES / classes);
  return Math.min(Lazy.LAZY_CACHE_MAX_STATES, Math.max(Lazy.LAZY_CACHE_MIN_STATES, Math.min(byProgram, byCap)));
}

/**
 * Lock-step NFA simulation (Thompson/Pike without captures) with a lazy DFA cache, as RE2 does:
 * the set of instructions waiting for the next byte is advanced one byte at a time (at most the
 * program size of work per byte), and each (set, byte class) → set step is remembered in a
 * bounded cache, so repeated states cost one table lookup. When the cache is full it is flushed
 * (clearing only what was filled), which keeps every byte O(program size) — linear time. All
 * buffers are allocated here, at load time; matching allocates nothing.
 */
export class NfaMatcher implements Automaton {
  private readonly op: Uint8Array;
  private readonly a: Uint8Array;
  private readonly b: Uint8Array;
  private readonly out: Int32Array;
  private readonly out1: Int32Array;
  private readonly start: number;
  private readonly n: number;
  private readonly usesAssert: boolean;
  /** Instructions waiting for the next byte (deduplicated by `pendingMark` == `pendingGen`). */
  private readonly pending: Int32Array;
  private readonly pendingMark: Int32Array;
  private pendingCount = 0;
  private pendingGen = 0;
  /** RANGE/MATCH instructions ready at the current position (after following SPLIT/ASSERT). */
  private readonly ready: Int32Array;
  private readonly visitMark: Int32Array;
  private readyCount = 0;
  private readonly stack: Int32Array;
  private gen = 0;
  private ctx: number = Ctx.CTX_START;
  // The lazy DFA cache. State 0 is the dead state (empty set) and is never flushed.
  private readonly classMap: Uint8Array;
  private readonly nc: number;
  private readonly trans: Int32Array; // [state * nc + class] → state, -1 = not computed yet
  private readonly setStart: Int32Array;
  private readonly setLen: Int32Array;
  private readonly stateCtx: Int32Array;
  private readonly acceptFlag: Int8Array; // -1 unknown, 0, 1
  private readonly hashSlot: Int32Array;
  private readonly pool: Int32Array;
  private poolUsed = 0;
  private numStates = 1;
  private readonly hash: Int32Array; // open addressing: state id + 1, 0 = empty
  private readonly maxStates: number;
  private readonly canon: Int32Array;
  private startId = -1;
  private flushes = 0;

  /**
   * @param fallback builds a bit-parallel matcher (or null) for calls in which the cache thrashes
   * (else the cache keeps flushing); built on the first such call, so a matcher that never thrashes never pays for it.
   */
  constructor(
    d: Extract<AutomatonData, { kind: 'nfa' }>,
    private fallback: (() => Automaton | null) | Automaton | null = null,
  ) {
    const n = d.numInsts;
    this.n = n;
    this.op = d.op;
    this.a = d.a;
    this.b = d.b;
    this.out = d.out;
    this.out1 = d.out1;
    this.start = d.start;
    this.pending = new Int32Array(n);
    this.pendingMark = new Int32Array(n);
    this.ready = new Int32Array(n);
    this.visitMark = new Int32Array(n);
    this.stack = new Int32Array(2 * n + 1); // pushes ≤ 1 + two per SPLIT
    this.canon = new Int32Array(n);
    let assertBits = 0;
    for (let i = 0; i < n; i++) if (d.op[i] === Op.OP_ASSERT) assertBits |= d.a[i]!;
    this.usesAssert = assertBits !== 0;
    this.classMap = nfaByteClasses(d, assertBits);
    this.nc = this.classMap[255]! + 1;
    const k = lazyCacheStates(n, this.nc);
    this.maxStates = k;
    this.trans = new Int32Array(k * this.nc).fill(-1);
    this.trans.fill(0, 0, this.nc);
    this.setStart = new Int32Array(k);
    this.setLen = new Int32Array(k);
    this.stateCtx = new Int32Array(k);
    this.acceptFlag = new Int8Array(k);
    this.hashSlot = new Int32Array(k);
    this.pool = new Int32Array(Math.max(2 * n + 2, Math.min(Lazy.LAZY_POOL_INTS, Lazy.LAZY_POOL_INTS_PER_INST * n, k * n)));
    this.hash = new Int32Array(1 << Math.ceil(Math.log2(4 * k))); // a power of two ≥ 4k: load ≤ 25 %, probing by mask
  }

  /** A fresh mark generation; marks are cleared when the counter would overflow. */
  private nextGen(): number {
    if (this.gen >= 0x3fffffff) {
      this.pendingMark.fill(0);
      this.visitMark.fill(0);
      this.gen = 0;
    }
    return ++this.gen;
  }

  private addPending(pc: number): void {
    if (this.pendingMark[pc] === this.pendingGen) return;
    this.pendingMark[pc] = this.pendingGen;
    this.pending[this.pendingCount++] = pc;
  }

  /** Follows SPLITs and holding ASSERTs from every pending instruction into `ready`. */
  private expand(holds: number): void {
    const g = this.nextGen();
    const { op, a, out, out1, stack, visitMark } = this;
    this.readyCount = 0;
    for (let i = 0; i < this.pendingCount; i++) {
      let sp = 0;
      stack[sp++] = this.pending[i]!;
      while (sp > 0) {
        const pc = stack[--sp]!;
        if (visitMark[pc] === g) continue;
        visitMark[pc] = g;
        const o = op[pc]!;
        if (o === Op.OP_SPLIT) {
          stack[sp++] = out1[pc]!;
          stack[sp++] = out[pc]!;
        } else if (o === Op.OP_ASSERT) {
          if (a[pc]! & holds) stack[sp++] = out[pc]!;
        } else if (o === Op.OP_RANGE || o === Op.OP_MATCH) {
          this.ready[this.readyCount++] = pc;
        }
      }
    }
  }

  /** NFA step of the pending set on `byte` (ctx = facts about the previous byte). */
  private step(byte: number): void {
    this.expand(assertionsAt(this.ctx, byte));
    this.pendingGen = this.nextGen();
    this.pendingCount = 0;
    for (let i = 0; i < this.readyCount; i++) {
      const pc = this.ready[i]!;
      if (this.op[pc] === Op.OP_RANGE && this.a[pc]! <= byte && byte <= this.b[pc]!) this.addPending(this.out[pc]!);
    }
    this.ctx = this.usesAssert ? (byte === 0x0a ? Ctx.CTX_NEWLINE : 0) | (isWordByte(byte) ? Ctx.CTX_WORD : 0) : 0;
  }

  /** Makes cached state `id` the pending set. */
  private load(id: number): void {
    this.pendingGen = this.nextGen();
    this.pendingCount = 0;
    const from = this.setStart[id]!;
    for (let i = 0; i < this.setLen[id]!; i++) this.addPending(this.pool[from + i]!);
    this.ctx = this.stateCtx[id]!;
  }

  /** Clears the cache (only the parts used since the last flush); state 0 stays dead. */
  private flush(): void {
    for (let s = 1; s < this.numStates; s++) {
      this.trans.fill(-1, s * this.nc, (s + 1) * this.nc);
      this.hash[this.hashSlot[s]!] = 0;
    }
    this.numStates = 1;
    this.poolUsed = 0;
    this.startId = -1;
    this.flushes++;
  }

  /** The cached state for the pending set and ctx, adding it (flushing first if full). */
  private intern(): number {
    let count = 0;
    if (this.pendingCount === 0) return 0;
    for (let pc = 0; pc < this.n; pc++) if (this.pendingMark[pc] === this.pendingGen) this.canon[count++] = pc;
    const ctx = this.ctx;
    let h = 0x811c9dc5 ^ ctx;
    for (let i = 0; i < count; i++) h = Math.imul(h ^ this.canon[i]!, 0x01000193);
    const mask = this.hash.length - 1;
    let slot = (h >>> 0) & mask;
    for (let id = this.hash[slot]!; id !== 0; slot = (slot + 1) & mask, id = this.hash[slot]!) {
      if (this.sameSet(id - 1, count, ctx)) return id - 1;
    }
    if (this.numStates === this.maxStates || this.poolUsed + count > this.pool.length) {
      this.flush();
      slot = (h >>> 0) & mask;
      while (this.hash[slot] !== 0) slot = (slot + 1) & mask;
    }
    const id = this.numStates++;
    for (let i = 0; i < count; i++) this.pool[this.poolUsed + i] = this.canon[i]!;
    this.setStart[id] = this.poolUsed;
    this.setLen[id] = count;
    this.poolUsed += count;
    this.stateCtx[id] = ctx;
    this.acceptFlag[id] = -1;
    this.hash[slot] = id + 1;
    this.hashSlot[id] = slot;
    return id;
  }

  private sameSet(id: number, count: number, ctx: number): boolean {
    if (this.setLen[id] !== count || this.stateCtx[id] !== ctx) return false;
    const from = this.setStart[id]!;
    for (let i = 0; i < count; i++) if (this.pool[from + i] !== this.canon[i]) return false;
    return true;
  }

  /** The state after `byte` from state `id`: a cache lookup, or an NFA step on a miss. */
  private next(id: number, byte: number): number {
    const at = id * this.nc + this.classMap[byte]!;
    const known = this.trans[at]!;
    if (known >= 0) return known;
    this.load(id);
    this.step(byte);
    const flushes = this.flushes;
    const to = this.intern();
    if (flushes === this.flushes) this.trans[at] = to; // after a flush `id` no longer exists
    return to;
  }

  private startState(): number {
    if (this.startId < 0) {
      this.pendingGen = this.nextGen();
      this.pendingCount = 0;
      this.addPending(this.start);
      this.ctx = this.usesAssert ? Ctx.CTX_START : 0;
      this.startId = this.intern();
    }
    return this.startId;
  }

  private accepts(id: number): boolean {
    if (this.acceptFlag[id]! < 0) {
      this.load(id);
      this.expand(assertionsAt(this.ctx, -1));
      let match = 0;
      for (let i = 0; i < this.readyCount; i++) if (this.op[this.ready[i]!] === Op.OP_MATCH) match = 1;
      this.acceptFlag[id] = match;
    }
    return this.acceptFlag[id] === 1;
  }

  /**
   * Full match through the cache. When the cache thrashes (more than CACHE_MISS_FLOOR misses and
   * fewer than CACHE_HITS_PER_MISS hits per miss in this call) and the NFA fits the bit-parallel
   * matcher, that one matches the input from the start. Otherwise the cache keeps being filled
   * and flushed: still at most O(program size) per byte. (Earlier versions continued by plain
   * lock-step simulation there, saving the cache's bookkeeping; that path went to keep the runtime
   * bundle small once bit-parallel covered the measured cases.)
   */
  fullMatch(input: string): boolean {
    let s = this.startState();
    const n = input.length;
    let misses = 0;
    let steps = 0;
    for (let i = 0; i < n; i++) {
      const c = codePointAt(input, i, n);
      if (c > 0xffff) i++;
      const nBytes = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      for (let k = nBytes - 1; k >= 0; k--) {
        const byte = utf8Byte(c, nBytes, k);
        const at = s * this.nc + this.classMap[byte]!;
        const known = this.trans[at]!;
        if (known >= 0) s = known;
        else {
          s = this.next(s, byte);
          misses++;
        }
        steps++;
        if (s === 0) return false;
      }
      if (this.fallback !== null && misses > Cache.CACHE_MISS_FLOOR && misses * (Cache.CACHE_HITS_PER_MISS + 1) > steps) {
        if (typeof this.fallback === 'function') this.fallback = this.fallback();
        if (this.fallback !== null) return this.fallback.fullMatch(input); // a restart: at most twice the work
      }
    }
    return this.accepts(s);
  }

}

/** Cache misses in one call before the matcher considers giving up on the cache. */
const enum Cache {
  CACHE_MISS_FLOOR = 256,
  /** Hits per miss below which the cache costs more than it saves (RE2 uses a similar bail-out). */
  CACHE_HITS_PER_MISS = 3,
}

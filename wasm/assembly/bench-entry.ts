// Benchmark entry (bench/wasm only, not shipped): the filter's logic called directly, without a
// host, so the benchmark can measure the filter's own cost per request. Same code as the filter.
import { configure, onRequest } from "./filter";

export function bench_alloc(size: usize): usize { return heap.alloc(size); }

/** Copies the table (configure takes ownership of its buffer). */
export function bench_configure(ptr: usize, len: i32): bool {
  const own = heap.alloc(<usize>len);
  memory.copy(own, ptr, <usize>len);
  return configure(1, own, len);
}

/** One request: serialized header pairs at ptr, listener port or -1; returns the action. */
export function bench_route(ptr: usize, len: i32, port: i32): i32 {
  return onRequest(1, ptr, len, port).action;
}

export function abortHandler(msg: usize, file: usize, line: u32, column: u32): void { unreachable(); }

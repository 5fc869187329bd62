// Byte-string helpers over linear memory: growable scratch buffers, comparisons, ASCII case.

import { asciiLower } from "./ascii-case";

/** A growable byte buffer (heap memory; never shrinks). */
export class Buf {
  ptr: usize = 0;
  cap: i32 = 0;
  len: i32 = 0;
  reserve(n: i32): void {
    if (n <= this.cap) return;
    let c = this.cap < 256 ? 256 : this.cap;
    while (c < n) c = c << 1;
    this.ptr = this.ptr == 0 ? heap.alloc(<usize>c) : heap.realloc(this.ptr, <usize>c);
    this.cap = c;
  }
  clear(): void { this.len = 0; }
  push(b: u8): void { this.reserve(this.len + 1); store<u8>(this.ptr + this.len, b); this.len++; }
  append(p: usize, n: i32): void {
    if (n <= 0) return;
    this.reserve(this.len + n);
    memory.copy(this.ptr + this.len, p, n);
    this.len += n;
  }
}

/** Growable i32 array. */
export class Ints {
  data: StaticArray<i32> = new StaticArray<i32>(64);
  ensure(n: i32): void {
    if (n <= this.data.length) return;
    let c = this.data.length;
    while (c < n) c = c << 1;
    const d = new StaticArray<i32>(c);
    memory.copy(changetype<usize>(d), changetype<usize>(this.data), <usize>this.data.length << 2);
    this.data = d;
  }
}

export function bytesEqual(a: usize, an: i32, b: usize, bn: i32): bool {
  return an == bn && memory.compare(a, b, an) == 0;
}

export function startsWith(a: usize, an: i32, b: usize, bn: i32): bool {
  return an >= bn && memory.compare(a, b, bn) == 0;
}

export function endsWith(a: usize, an: i32, b: usize, bn: i32): bool {
  return an >= bn && memory.compare(a + (an - bn), b, bn) == 0;
}

/** Equal when `a` lower-cased (ASCII) equals `b`. */
export function equalsLower(a: usize, an: i32, b: usize, bn: i32): bool {
  if (an != bn) return false;
  for (let i = 0; i < an; i++) {
    if (asciiLower(load<u8>(a + i)) != load<u8>(b + i)) return false;
  }
  return true;
}

export function indexOfByte(p: usize, n: i32, b: u8, from: i32): i32 {
  for (let i = from; i < n; i++) if (load<u8>(p + i) == b) return i;
  return -1;
}

/** UTF-8 bytes of an AS string literal, allocated once. */
export function utf8(s: string): ArrayBuffer {
  return String.UTF8.encode(s);
}

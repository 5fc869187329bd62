// Host functions of proxy-wasm ABI v0.2.1 (module `env`), each followed by its safe wrapper.
// Every unsafe pointer dance with the host lives in this file; nothing here decides anything.
// asc tree-shakes unused declarations, so the module imports only what the wrappers below use.

@external("env", "proxy_log")
declare function proxy_log(level: i32, ptr: usize, len: usize): i32;
@external("env", "proxy_get_buffer_bytes")
declare function proxy_get_buffer_bytes(type: i32, start: i32, max: i32, retPtr: usize, retLen: usize): i32;
@external("env", "proxy_get_header_map_pairs")
declare function proxy_get_header_map_pairs(map: i32, retPtr: usize, retLen: usize): i32;
@external("env", "proxy_replace_header_map_value")
declare function proxy_replace_header_map_value(map: i32, kPtr: usize, kLen: usize, vPtr: usize, vLen: usize): i32;
@external("env", "proxy_remove_header_map_value")
declare function proxy_remove_header_map_value(map: i32, kPtr: usize, kLen: usize): i32;
@external("env", "proxy_send_local_response")
declare function proxy_send_local_response(status: i32, dPtr: usize, dLen: usize, bPtr: usize, bLen: usize, hPtr: usize, hLen: usize, grpc: i32): i32;
@external("env", "proxy_get_property")
declare function proxy_get_property(pPtr: usize, pLen: usize, retPtr: usize, retLen: usize): i32;
@external("env", "proxy_get_current_time_nanoseconds")
declare function proxy_get_current_time_nanoseconds(retPtr: usize): i32;

export const LOG_INFO = 2;
export const LOG_WARN = 3;
export const LOG_ERROR = 4;
export const LOG_CRITICAL = 5;
export const BUFFER_PLUGIN_CONFIGURATION = 7;
export const MAP_REQUEST_HEADERS = 0;
export const STATUS_OK = 0;

/** Out-parameter slots the host writes (pointer, size): two u32s in static memory. */
const OUT: usize = memory.data(16);

/** A host-owned-now-ours buffer: ptr and len; free with release(). */
export let gotPtr: usize = 0;
export let gotLen: i32 = 0;

export function log(level: i32, msg: string): void {
  const buf = String.UTF8.encode(msg);
  proxy_log(level, changetype<usize>(buf), buf.byteLength);
}

export function logBytes(level: i32, ptr: usize, len: i32): void {
  proxy_log(level, ptr, len);
}

function take(status: i32): bool {
  if (status != STATUS_OK) { gotPtr = 0; gotLen = 0; return false; }
  gotPtr = load<u32>(OUT);
  gotLen = load<u32>(OUT + 4);
  if (gotPtr == 0) gotLen = 0;
  return true;
}

/** PLUGIN_CONFIGURATION bytes into gotPtr/gotLen (heap memory the caller owns). */
export function pluginConfiguration(size: i32): bool {
  store<u32>(OUT, 0); store<u32>(OUT + 4, 0);
  return take(proxy_get_buffer_bytes(BUFFER_PLUGIN_CONFIGURATION, 0, size, OUT, OUT + 4));
}

/** Serialized request headers into gotPtr/gotLen. */
export function requestHeaderPairs(): bool {
  store<u32>(OUT, 0); store<u32>(OUT + 4, 0);
  return take(proxy_get_header_map_pairs(MAP_REQUEST_HEADERS, OUT, OUT + 4));
}

/** A property (path segments joined by NUL) into gotPtr/gotLen. */
export function property(path: usize, pathLen: i32): bool {
  store<u32>(OUT, 0); store<u32>(OUT + 4, 0);
  return take(proxy_get_property(path, pathLen, OUT, OUT + 4));
}

/** Frees a buffer the host allocated through proxy_on_memory_allocate. */
export function release(ptr: usize): void {
  if (ptr != 0) heap.free(ptr);
}

export function replaceRequestHeader(kPtr: usize, kLen: i32, vPtr: usize, vLen: i32): void {
  proxy_replace_header_map_value(MAP_REQUEST_HEADERS, kPtr, kLen, vPtr, vLen);
}

export function removeRequestHeader(kPtr: usize, kLen: i32): void {
  proxy_remove_header_map_value(MAP_REQUEST_HEADERS, kPtr, kLen);
}

export function sendLocalResponse(status: i32, details: usize, detailsLen: i32, body: usize, bodyLen: i32, headers: usize, headersLen: i32, grpc: i32): void {
  proxy_send_local_response(status, details, detailsLen, body, bodyLen, headers, headersLen, grpc);
}

/** Nanoseconds since the epoch, or 0 when the host does not say. */
export function nowNanos(): u64 {
  store<u64>(OUT, 0);
  if (proxy_get_current_time_nanoseconds(OUT) != STATUS_OK) return 0;
  return load<u64>(OUT);
}

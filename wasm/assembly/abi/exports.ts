// proxy-wasm ABI v0.2.1 exports. Each callback forwards to filter.ts and applies its Outcome
// through abi/imports.ts; no routing decision is made here.

import * as host from "./imports";
import { configure, dropTable, onRequest, seed, message, decodePort, ACTION_REPLY } from "../filter";

const ACTION_CONTINUE_: i32 = 0;
const ACTION_PAUSE: i32 = 1;
const DESTINATION_PORT = String.UTF8.encode("destination\0port");

/** Marker: the host reads the ABI version from this export's name. */
export function proxy_abi_version_0_2_1(): void {}

export function proxy_on_memory_allocate(size: usize): usize {
  return heap.alloc(size);
}

/** Each live stream's root context (its parent): the stream reads that root context's table. */
const rootOf = new Map<u32, u32>();

export function proxy_on_context_create(context_id: u32, parent_context_id: u32): void {
  if (parent_context_id != 0) rootOf.set(context_id, parent_context_id);
}

export function proxy_on_vm_start(root_context_id: u32, vm_configuration_size: u32): bool {
  return true;
}

export function proxy_on_configure(root_context_id: u32, plugin_configuration_size: u32): bool {
  seed(host.nowNanos());
  let ptr: usize = 0, len = 0;
  if (plugin_configuration_size > 0 && host.pluginConfiguration(<i32>plugin_configuration_size)) { ptr = host.gotPtr; len = host.gotLen; }
  const ok = configure(root_context_id, ptr, len);
  host.log(ok ? host.LOG_INFO : host.LOG_ERROR, message);
  return ok;
}

export function proxy_on_request_headers(context_id: u32, num_headers: u32, end_of_stream: u32): i32 {
  let port = -1;
  if (host.property(changetype<usize>(DESTINATION_PORT), DESTINATION_PORT.byteLength)) {
    port = decodePort(host.gotPtr, host.gotLen);
    host.release(host.gotPtr);
  }
  let pairs: usize = 0, pairsLen = 0;
  if (host.requestHeaderPairs()) { pairs = host.gotPtr; pairsLen = host.gotLen; }
  const o = onRequest(rootOf.has(context_id) ? rootOf.get(context_id) : 0, pairs, pairsLen, port);
  let action = ACTION_CONTINUE_;
  if (o.action == ACTION_REPLY) {
    host.sendLocalResponse(o.status, changetype<usize>(o.details), o.details.byteLength, changetype<usize>(o.body), o.body.byteLength, o.replyHeaders.ptr, o.replyHeaders.len, o.grpcStatus);
    action = ACTION_PAUSE;
  } else {
    for (let i = 0; i < o.setNames.length; i++) {
      const name = unchecked(o.setNames[i]);
      const n = unchecked(o.setLens[i]);
      if (n < 0) host.removeRequestHeader(changetype<usize>(name), name.byteLength);
      else host.replaceRequestHeader(changetype<usize>(name), name.byteLength, unchecked(o.setPtrs[i]), n);
    }
  }
  // The header values point into `pairs`: free it only after the changes are applied.
  host.release(pairs);
  return action;
}

export function proxy_on_done(context_id: u32): bool {
  return true;
}

export function proxy_on_delete(context_id: u32): void {
  if (rootOf.has(context_id)) rootOf.delete(context_id);
  else dropTable(context_id); // a root context: its plugin is gone
}

/** `--use abort=` target: log at CRITICAL, then trap (the host marks the VM failed). */
export function abortHandler(msg: usize, file: usize, line: u32, column: u32): void {
  host.log(host.LOG_CRITICAL, "meshroute: abort at line " + line.toString());
  unreachable();
}

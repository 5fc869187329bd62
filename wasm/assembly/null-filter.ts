// Benchmark control (bench/wasm): the same host calls as the meshroute filter makes on a matched
// request — destination.port, the header pairs, four decision-header changes and a rewrite — with
// no table and no routing, so its cost is the host's own overhead.
import * as host from "./abi/imports";

const K_ROUTE = String.UTF8.encode("x-meshroute-gateway-route");
const K_SERVICE = String.UTF8.encode("x-meshroute-virtual-service");
const K_NODE = String.UTF8.encode("x-meshroute-virtual-node");
const K_CLUSTER = String.UTF8.encode("x-meshroute-cluster");
const K_AUTHORITY = String.UTF8.encode(":authority");
const VALUE = String.UTF8.encode("control");
const DESTINATION_PORT = String.UTF8.encode("destination\0port");

export function proxy_abi_version_0_2_1(): void {}
export function proxy_on_memory_allocate(size: usize): usize { return heap.alloc(size); }
export function proxy_on_context_create(context_id: u32, parent_context_id: u32): void {}
export function proxy_on_vm_start(root_context_id: u32, size: u32): bool { return true; }
export function proxy_on_configure(root_context_id: u32, size: u32): bool { return true; }
export function proxy_on_done(context_id: u32): bool { return true; }
export function proxy_on_delete(context_id: u32): void {}

export function proxy_on_request_headers(context_id: u32, num_headers: u32, end_of_stream: u32): i32 {
  if (host.property(changetype<usize>(DESTINATION_PORT), DESTINATION_PORT.byteLength)) host.release(host.gotPtr);
  let pairs: usize = 0;
  if (host.requestHeaderPairs()) pairs = host.gotPtr;
  const v = changetype<usize>(VALUE), n = VALUE.byteLength;
  host.replaceRequestHeader(changetype<usize>(K_ROUTE), K_ROUTE.byteLength, v, n);
  host.replaceRequestHeader(changetype<usize>(K_SERVICE), K_SERVICE.byteLength, v, n);
  host.removeRequestHeader(changetype<usize>(K_NODE), K_NODE.byteLength);
  host.removeRequestHeader(changetype<usize>(K_CLUSTER), K_CLUSTER.byteLength);
  host.replaceRequestHeader(changetype<usize>(K_AUTHORITY), K_AUTHORITY.byteLength, v, n);
  host.release(pairs);
  return 0;
}

export function abortHandler(msg: usize, file: usize, line: u32, column: u32): void { unreachable(); }

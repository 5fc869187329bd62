/**
 * The proxy-wasm test host: run proxy-wasm ABI v0.2.1 filters (meshroute's, or your own) on Node's
 * WebAssembly with Envoy's header-map behaviour. docs/wasm-filter.md § Testing a table in the host.
 */
export { ProxyWasmHost, MissingImportError, Status, LogLevel, BufferType, MapType, Action, ABI_FUNCTIONS, WASI_FUNCTIONS } from './host.js';
export type { HostOptions, HttpRequestInput, HttpResult, LocalReply, LogEntry, HeaderChange, LogLevelName } from './host.js';
export { HeaderMap, serializePairs, deserializePairs } from './header-map.js';
export type { Bytes, HeaderPair } from './header-map.js';
export { MeshrouteFilter, FILTER_WASM_PATH, loadFilterWasm, requestHeaders, stickyHash, stickyRandom, expectedAnswer } from './meshroute.js';
export type { FilterRequest, FilterAnswer, DecisionLike } from './meshroute.js';

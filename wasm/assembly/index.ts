// Entry point of dist/meshroute-filter.wasm: the proxy-wasm ABI v0.2.1 exports.
export * from "./abi/exports";

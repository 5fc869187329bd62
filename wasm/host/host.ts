/**
 * A proxy-wasm ABI v0.2.1 host on Node's WebAssembly (V8, Envoy's default runtime), for tests of
 * meshroute's filter and of any HTTP filter. It provides the ABI v0.2.1 `env.proxy_*` functions and
 * the WASI stubs the cpp-host provides, refuses a module importing anything else (as Envoy does),
 * models Envoy's header maps (header-map.ts), and records logs, header changes and local replies.
 * Calls are made in the order Envoy makes them (docs/wasm-filter.md § Test host).
 */
import { HeaderMap, deserializePairs, fromBytes, serializePairs, toBytes, type Bytes } from './header-map.js';

export const Status = { OK: 0, NOT_FOUND: 1, BAD_ARGUMENT: 2, SERIALIZATION_FAILURE: 3, PARSE_FAILURE: 4, INVALID_MEMORY_ACCESS: 6, EMPTY: 7, CAS_MISMATCH: 8, INTERNAL_FAILURE: 10, UNIMPLEMENTED: 12 } as const;
export const LogLevel = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, critical: 5 } as const;
export const BufferType = { HTTP_REQUEST_BODY: 0, HTTP_RESPONSE_BODY: 1, DOWNSTREAM_DATA: 2, UPSTREAM_DATA: 3, HTTP_CALL_RESPONSE_BODY: 4, GRPC_CALL_MESSAGE: 5, VM_CONFIGURATION: 6, PLUGIN_CONFIGURATION: 7, FOREIGN_FUNCTION_ARGUMENTS: 8 } as const;
export const MapType = { HTTP_REQUEST_HEADERS: 0, HTTP_REQUEST_TRAILERS: 1, HTTP_RESPONSE_HEADERS: 2, HTTP_RESPONSE_TRAILERS: 3 } as const;
export const Action = { CONTINUE: 0, PAUSE: 1 } as const;

const LEVEL_NAMES = ['trace', 'debug', 'info', 'warn', 'error', 'critical'] as const;
export type LogLevelName = (typeof LEVEL_NAMES)[number];

export interface LogEntry { level: LogLevelName; message: string; context: number }

export interface HeaderChange { op: 'add' | 'replace' | 'remove' | 'set-pairs'; map: number; key: string; value: string | null }

export interface LocalReply {
  status: number;
  details: string;
  body: Bytes;
  headers: [string, string][];
  /** -1 when none. */
  grpcStatus: number;
}

export interface HttpRequestInput {
  /** Request headers, pseudo-headers included (`:method`, `:path`, `:authority`, `:scheme`); any order: pseudo-headers are kept first. */
  headers: Iterable<readonly [string | Bytes, string | Bytes]> | HeaderMap;
  /** Properties for proxy_get_property, by dotted path (`destination.port`). A number becomes 8 little-endian bytes, as Envoy serializes integers. */
  properties?: Record<string, string | number | Bytes>;
  endOfStream?: boolean;
  /** The root context (plugin) whose stream this is: 1 (the first), or one from addRootContext(). */
  rootContext?: number;
}

export interface HttpResult {
  /** Value returned by proxy_on_request_headers (0 CONTINUE, 1 PAUSE), or null when the filter trapped. */
  action: number | null;
  /** The request headers after the filter (what the router would see). */
  headers: [string, string][];
  /** Raw header map (bytes). */
  headerMap: HeaderMap;
  changes: HeaderChange[];
  /** Whether a request-header change cleared the route cache (Envoy does so for ABI ≤ 0.2.1). */
  routeCacheCleared: boolean;
  localReply: LocalReply | null;
  /** A trap in a callback: Envoy's failStream answers 503 `wasm_fail_stream`. */
  trap: string | null;
  logs: LogEntry[];
}

export interface HostOptions {
  /** Minimum level recorded (default trace: everything). */
  logLevel?: LogLevelName;
  /** Also print logs to stderr. */
  printLogs?: boolean;
  /** Value of proxy_get_current_time_nanoseconds (default: the wall clock). */
  now?: () => bigint;
}

type WasmFn = (...args: number[]) => number;

/** ABI v0.2.1 host function names (module `env`). */
export const ABI_FUNCTIONS = [
  'proxy_log', 'proxy_get_log_level', 'proxy_get_buffer_bytes', 'proxy_get_buffer_status', 'proxy_set_buffer_bytes',
  'proxy_get_header_map_value', 'proxy_get_header_map_pairs', 'proxy_set_header_map_pairs', 'proxy_get_header_map_size',
  'proxy_add_header_map_value', 'proxy_replace_header_map_value', 'proxy_remove_header_map_value', 'proxy_send_local_response',
  'proxy_continue_stream', 'proxy_close_stream', 'proxy_get_property', 'proxy_set_property', 'proxy_call_foreign_function',
  'proxy_http_call', 'proxy_get_status', 'proxy_set_tick_period_milliseconds', 'proxy_get_current_time_nanoseconds',
  'proxy_define_metric', 'proxy_increment_metric', 'proxy_record_metric', 'proxy_get_metric', 'proxy_set_shared_data',
  'proxy_get_shared_data', 'proxy_register_shared_queue', 'proxy_resolve_shared_queue', 'proxy_enqueue_shared_queue',
  'proxy_dequeue_shared_queue', 'proxy_grpc_call', 'proxy_grpc_stream', 'proxy_grpc_send', 'proxy_grpc_cancel', 'proxy_grpc_close',
  'proxy_set_effective_context', 'proxy_done',
] as const;
export const WASI_FUNCTIONS = ['fd_write', 'fd_read', 'fd_close', 'fd_seek', 'fd_fdstat_get', 'fd_prestat_get', 'fd_prestat_dir_name', 'clock_time_get', 'random_get', 'environ_get', 'environ_sizes_get', 'args_get', 'args_sizes_get', 'proc_exit', 'sched_yield', 'poll_oneoff'] as const;

export class MissingImportError extends Error {
  constructor(readonly imports: string[]) {
    super(`Failed to load Wasm module due to a missing import: ${imports.join(', ')}`);
    this.name = 'MissingImportError';
  }
}

const ROOT_CONTEXT = 1;

/**
 * One VM with one plugin (root context 1), or several: Envoy runs every plugin with the same vm_id,
 * code and VM configuration in one VM per worker, each with its own root context
 * (proxy-wasm-cpp-host src/wasm.cc getOrCreateThreadLocalPlugin); addRootContext() adds one.
 * `configure()` runs proxy_on_configure for a root context; `httpRequest()` runs one HTTP stream of
 * a root context through proxy_on_request_headers and the stream's end callbacks.
 */
export class ProxyWasmHost {
  readonly module: WebAssembly.Module;
  private readonly instance: WebAssembly.Instance;
  private readonly ex: Record<string, WasmFn>;
  private readonly memory: WebAssembly.Memory;
  private readonly minLevel: number;
  private readonly options: HostOptions;
  readonly logs: LogEntry[] = [];
  private nextContext = ROOT_CONTEXT + 1;
  /** Live root contexts (plugins) of this VM. */
  private readonly roots = new Set<number>([ROOT_CONTEXT]);
  // Per-call state.
  private pluginConfig: Bytes | null = null;
  private context = 0;
  private requestHeaders: HeaderMap | null = null;
  private requestHeadersWritable = false;
  private properties: Record<string, string | number | Bytes> = {};
  private changes: HeaderChange[] = [];
  private localReply: LocalReply | null = null;
  private routeCacheCleared = false;
  private failed: string | null = null;
  private recordChanges = true;

  constructor(wasm: Bytes | WebAssembly.Module, options: HostOptions = {}) {
    this.options = options;
    this.minLevel = LogLevel[options.logLevel ?? 'trace'];
    this.module = wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm as Uint8Array<ArrayBuffer>);
    const env = this.envImports();
    const wasi = this.wasiImports();
    const missing = WebAssembly.Module.imports(this.module)
      .filter((i) => !(i.kind === 'function' && ((i.module === 'env' && i.name in env) || ((i.module === 'wasi_snapshot_preview1' || i.module === 'wasi_unstable') && i.name in wasi))))
      .map((i) => `${i.module}.${i.name}`);
    if (missing.length > 0) throw new MissingImportError(missing);
    const exportNames = new Set(WebAssembly.Module.exports(this.module).map((e) => e.name));
    if (!['proxy_abi_version_0_2_1', 'proxy_abi_version_0_2_0', 'proxy_abi_version_0_1_0'].some((n) => exportNames.has(n))) {
      throw new Error('Missing or unknown Proxy-Wasm ABI version');
    }
    if (!exportNames.has('malloc') && !exportNames.has('proxy_on_memory_allocate')) throw new Error('Wasm module is missing malloc function');
    this.instance = new WebAssembly.Instance(this.module, { env, wasi_snapshot_preview1: wasi, wasi_unstable: wasi });
    this.ex = this.instance.exports as unknown as Record<string, WasmFn>;
    this.memory = this.instance.exports.memory as WebAssembly.Memory;
    this.call('_initialize');
    this.call('proxy_on_context_create', ROOT_CONTEXT, 0);
    const ok = this.call('proxy_on_vm_start', ROOT_CONTEXT, 0);
    if (ok === 0) throw new Error('proxy_on_vm_start returned false');
  }

  /** Bytes of the plugin's linear memory (it only grows): what loading a table cost the VM. */
  get memoryBytes(): number {
    return this.memory.buffer.byteLength;
  }

  /**
   * A new plugin in this VM: a root context created and started as Envoy's cpp-host does for each
   * plugin (proxy_on_context_create(root, 0), proxy_on_vm_start). Returns its id, for configure()
   * and httpRequest({ rootContext }).
   */
  addRootContext(): number {
    const id = this.nextContext++;
    this.roots.add(id);
    this.call('proxy_on_context_create', id, 0);
    if (this.call('proxy_on_vm_start', id, 0) === 0) throw new Error('proxy_on_vm_start returned false');
    return id;
  }

  /** The plugin of root context `id` is removed: proxy_on_done and proxy_on_delete on its root context. */
  deleteRootContext(id: number): void {
    if (!this.roots.delete(id)) throw new Error(`no root context ${id}`);
    this.call('proxy_on_done', id);
    this.call('proxy_on_delete', id);
  }

  /** Runs proxy_on_configure of root context `root` with `config` as PLUGIN_CONFIGURATION (a string is UTF-8, as a StringValue). */
  configure(config: Bytes | string | null, root: number = ROOT_CONTEXT): boolean {
    if (!this.roots.has(root)) throw new Error(`no root context ${root}`);
    this.pluginConfig = config === null ? new Uint8Array(0) : toBytes(config);
    this.context = root;
    try {
      return this.call('proxy_on_configure', root, this.pluginConfig.length) !== 0;
    } catch (e) {
      this.failed = String(e);
      return false;
    } finally {
      this.pluginConfig = null;
    }
  }

  /** One HTTP stream: context create, request headers, done, log, delete. */
  httpRequest(input: HttpRequestInput): HttpResult {
    const id = this.nextContext++;
    this.requestHeaders = input.headers instanceof HeaderMap ? input.headers : new HeaderMap(input.headers);
    this.properties = input.properties ?? {};
    this.changes = [];
    this.localReply = null;
    this.routeCacheCleared = false;
    this.failed = null;
    const logStart = this.logs.length;
    let action: number | null = null;
    try {
      this.context = id;
      this.call('proxy_on_context_create', id, input.rootContext ?? ROOT_CONTEXT);
      this.requestHeadersWritable = true;
      action = this.call('proxy_on_request_headers', id, this.requestHeaders.size, input.endOfStream === false ? 0 : 1);
      this.requestHeadersWritable = false;
      this.call('proxy_on_done', id);
      this.call('proxy_on_log', id);
      this.call('proxy_on_delete', id);
    } catch (e) {
      this.failed = e instanceof Error ? e.message : String(e);
      action = null;
      this.localReply = { status: 503, details: 'wasm_fail_stream', body: new Uint8Array(0), headers: [], grpcStatus: -1 };
    } finally {
      this.requestHeadersWritable = false;
      this.context = 0;
    }
    const headers = this.requestHeaders;
    this.requestHeaders = null;
    return {
      action, headers: headers.toPairs(), headerMap: headers, changes: this.changes, routeCacheCleared: this.routeCacheCleared,
      localReply: this.localReply, trap: this.failed, logs: this.logs.slice(logStart),
    };
  }

  /** Skips building the change list (benchmarks). */
  set recordHeaderChanges(on: boolean) {
    this.recordChanges = on;
  }

  private call(name: string, ...args: number[]): number {
    const f = this.ex[name];
    if (typeof f !== 'function') return name === 'proxy_on_done' ? 1 : 0;
    return f(...args) as number;
  }

  // ---- memory ----

  private bytes(ptr: number, len: number): Bytes {
    const mem = new Uint8Array(this.memory.buffer);
    if (ptr < 0 || len < 0 || ptr + len > mem.length) throw new RangeError('invalid memory access');
    return mem.subarray(ptr >>> 0, (ptr >>> 0) + (len >>> 0));
  }

  private copyIn(data: Bytes): number {
    const alloc = this.ex.malloc ?? this.ex.proxy_on_memory_allocate!;
    const ptr = alloc(Math.max(data.length, 1)) >>> 0;
    if (ptr === 0) throw new Error('plugin allocation failed');
    new Uint8Array(this.memory.buffer).set(data, ptr);
    return ptr;
  }

  /** Copies `data` into plugin memory and writes the pointer and size out-parameters. */
  private returnBytes(data: Bytes, retPtr: number, retSize: number): number {
    const ptr = this.copyIn(data);
    const view = new DataView(this.memory.buffer);
    view.setUint32(retPtr >>> 0, ptr, true);
    view.setUint32(retSize >>> 0, data.length, true);
    return Status.OK;
  }

  private u32(at: number, value: number): void {
    new DataView(this.memory.buffer).setUint32(at >>> 0, value >>> 0, true);
  }

  private map(type: number): HeaderMap | null {
    return type === MapType.HTTP_REQUEST_HEADERS ? this.requestHeaders : null;
  }

  private changed(op: HeaderChange['op'], type: number, key: Bytes, value: Bytes | null): void {
    if (type === MapType.HTTP_REQUEST_HEADERS) this.routeCacheCleared = true;
    if (this.recordChanges) this.changes.push({ op, map: type, key: fromBytes(key).toLowerCase(), value: value === null ? null : fromBytes(value) });
  }

  // ---- env.proxy_* ----

  private envImports(): Record<string, WasmFn> {
    const unimplemented = (): number => Status.UNIMPLEMENTED;
    const env: Record<string, WasmFn> = {};
    for (const name of ABI_FUNCTIONS) env[name] = unimplemented;
    Object.assign(env, {
      proxy_log: (level: number, ptr: number, len: number): number => {
        if (level >= this.minLevel) {
          const entry: LogEntry = { level: LEVEL_NAMES[level] ?? 'critical', message: fromBytes(this.bytes(ptr, len)), context: this.context };
          this.logs.push(entry);
          if (this.options.printLogs) process.stderr.write(`[wasm ${entry.level}] ${entry.message}\n`);
        }
        return Status.OK;
      },
      proxy_get_log_level: (ret: number): number => { this.u32(ret, this.minLevel); return Status.OK; },
      proxy_get_buffer_bytes: (type: number, start: number, max: number, retPtr: number, retSize: number): number => {
        if (type !== BufferType.PLUGIN_CONFIGURATION || this.pluginConfig === null) return Status.NOT_FOUND;
        const data = this.pluginConfig.subarray(start >>> 0, (start >>> 0) + (max >>> 0));
        return this.returnBytes(data, retPtr, retSize);
      },
      proxy_get_buffer_status: (type: number, retSize: number, retFlags: number): number => {
        if (type !== BufferType.PLUGIN_CONFIGURATION || this.pluginConfig === null) return Status.NOT_FOUND;
        this.u32(retSize, this.pluginConfig.length);
        this.u32(retFlags, 0);
        return Status.OK;
      },
      proxy_get_header_map_value: (type: number, kPtr: number, kLen: number, retPtr: number, retSize: number): number => {
        const m = this.map(type);
        if (m === null) return Status.BAD_ARGUMENT;
        const v = m.get(this.bytes(kPtr, kLen));
        return v === undefined ? Status.NOT_FOUND : this.returnBytes(v, retPtr, retSize);
      },
      proxy_get_header_map_pairs: (type: number, retPtr: number, retSize: number): number => {
        const m = this.map(type);
        if (m === null) return Status.BAD_ARGUMENT;
        return this.returnBytes(serializePairs(m.entries), retPtr, retSize);
      },
      proxy_get_header_map_size: (type: number, retSize: number): number => {
        const m = this.map(type);
        if (m === null) return Status.BAD_ARGUMENT;
        this.u32(retSize, serializePairs(m.entries).length);
        return Status.OK;
      },
      proxy_set_header_map_pairs: (type: number, ptr: number, len: number): number => {
        const m = this.writableMap(type);
        if (m === null) return Status.BAD_ARGUMENT;
        m.setAll(deserializePairs(this.bytes(ptr, len).slice()));
        this.changed('set-pairs', type, new Uint8Array(0), null);
        return Status.OK;
      },
      proxy_add_header_map_value: (type: number, kPtr: number, kLen: number, vPtr: number, vLen: number): number => {
        const m = this.writableMap(type);
        if (m === null) return Status.BAD_ARGUMENT;
        const k = this.bytes(kPtr, kLen).slice(), v = this.bytes(vPtr, vLen).slice();
        m.add(k, v);
        this.changed('add', type, k, v);
        return Status.OK;
      },
      proxy_replace_header_map_value: (type: number, kPtr: number, kLen: number, vPtr: number, vLen: number): number => {
        const m = this.writableMap(type);
        if (m === null) return Status.BAD_ARGUMENT;
        const k = this.bytes(kPtr, kLen).slice(), v = this.bytes(vPtr, vLen).slice();
        m.replace(k, v);
        this.changed('replace', type, k, v);
        return Status.OK;
      },
      proxy_remove_header_map_value: (type: number, kPtr: number, kLen: number): number => {
        const m = this.writableMap(type);
        if (m === null) return Status.BAD_ARGUMENT;
        const k = this.bytes(kPtr, kLen).slice();
        m.remove(k);
        this.changed('remove', type, k, null);
        return Status.OK;
      },
      proxy_send_local_response: (status: number, dPtr: number, dLen: number, bPtr: number, bLen: number, hPtr: number, hLen: number, grpc: number): number => {
        if (this.roots.has(this.context) || this.context === 0) return Status.BAD_ARGUMENT;
        this.localReply = {
          status, details: fromBytes(this.bytes(dPtr, dLen)), body: this.bytes(bPtr, bLen).slice(),
          headers: deserializePairs(this.bytes(hPtr, hLen).slice()).map(([k, v]) => [fromBytes(k), fromBytes(v)]),
          grpcStatus: grpc,
        };
        return Status.OK;
      },
      proxy_continue_stream: (): number => Status.OK,
      proxy_close_stream: (): number => Status.OK,
      proxy_get_property: (pPtr: number, pLen: number, retPtr: number, retSize: number): number => {
        const path = fromBytes(this.bytes(pPtr, pLen)).split('\0').join('.');
        const v = this.properties[path];
        if (v === undefined) return Status.NOT_FOUND;
        if (typeof v === 'number') {
          const b = new Uint8Array(8);
          new DataView(b.buffer).setBigInt64(0, BigInt(v), true);
          return this.returnBytes(b, retPtr, retSize);
        }
        return this.returnBytes(toBytes(v), retPtr, retSize);
      },
      proxy_call_foreign_function: (): number => Status.NOT_FOUND,
      proxy_get_current_time_nanoseconds: (ret: number): number => {
        const now = this.options.now ? this.options.now() : BigInt(Date.now()) * 1_000_000n;
        new DataView(this.memory.buffer).setBigUint64(ret >>> 0, now, true);
        return Status.OK;
      },
      proxy_set_effective_context: (): number => Status.OK,
      proxy_done: (): number => Status.OK,
      proxy_set_tick_period_milliseconds: (): number => Status.OK,
    });
    return env;
  }

  private writableMap(type: number): HeaderMap | null {
    if (type === MapType.HTTP_REQUEST_HEADERS && !this.requestHeadersWritable) return null;
    return this.map(type);
  }

  private wasiImports(): Record<string, WasmFn> {
    const wasi: Record<string, WasmFn> = {};
    for (const name of WASI_FUNCTIONS) wasi[name] = () => 52; // ENOSYS, as the cpp-host stubs
    wasi.proc_exit = () => { throw new Error('proc_exit'); };
    wasi.random_get = (ptr: number, len: number): number => {
      const b = this.bytes(ptr, len);
      for (let i = 0; i < b.length; i++) b[i] = Math.floor(Math.random() * 256);
      return 0;
    };
    wasi.clock_time_get = (_id: number, _precision: number, ret: number): number => {
      new DataView(this.memory.buffer).setBigUint64(ret >>> 0, BigInt(Date.now()) * 1_000_000n, true);
      return 0;
    };
    return wasi;
  }
}

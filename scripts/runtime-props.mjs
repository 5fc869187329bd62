// Property names that only the runtime's internals use (decoded table records, the loaded table,
// request state, the regex matchers' fields). scripts/build.mjs shortens exactly these in the
// meshroute/runtime browser bundle (esbuild mangleProps): 0.56 KB of its min+gzip
// (docs/runtime-size.md). An allowlist, not a pattern: a name missing here is simply kept, so
// nothing breaks when the code grows.
//
// Never list a name that callers see or pass: the fields of RouteRequest, RouteOptions, LoadOptions,
// Router, Decision, Explanation and everything in src/evaluate/types.ts, the errors' fields, and
// Automaton.fullMatch. Also never a name looked up by a string at run time (the Protocol keys
// http/http2/grpc/tcp: select.ts indexes Protocol by the request's protocol name) or a built-in's
// (RegExp test/exec/lastIndex, TextEncoder encode, ...). 'weighted' and 'pathRewrite' are public since
// RouteMatch (match()) has fields of those names. And never the member name of an enum
// (layout's strings, routers, exact, regex, any, ...): esbuild 0.28 then stops inlining that enum,
// mangles the member where it is read but not in the enum object it emits, so the read gives
// undefined (reproduced with a two-file example).
// test/browser/runtime-bundle.test.ts checks the public type names against this list and runs the
// mangled bundle against the source runtime; the browser and package tests run it too.
export const RUNTIME_INTERNAL_PROPS = [
  // decoded table (src/table/types.ts)
  'version', 'flags', 'totalLength', 'checksum', 'sections', 'stringBlobOffset', 'stringOffsets', 'regexRanges', 'regexes', 'bytes',
  'mesh',
  'firstRoute', 'routeCount', 'firstGroup', 'groupCount', 'firstListener', 'listenerCount', 'firstVhost', 'vhostCount', 'firstNode', 'nodeCount',
  'otherStart', 'otherCount', 'labelStart', 'labelLength', 'childCount', 'firstChild', 'prefixStart', 'exactStart', 'prefixCount', 'exactCount',
  'pathKind', 'hostKind', 'pathRegex', 'firstPredicate', 'predicateCount', 'targetCount', 'firstTarget', 'prefixRewrite', 'prefixValue',
  'invert', 'aux', 'start', 'end', 'providerKind', 'discovery', 'service', 'firstAttribute', 'attributeCount', 'blob',
  // loaded table (src/evaluate/loaded.ts), request state and route() scratch
  'hasResidual', 'totalWeight', 'hostRewriteDisabled', 'suffixes', 'hostless', 'lastAuthority', 'lastVhost',
  'root', 'otherEnd', 'onlyGroup', 'trie', 'plainLiterals', 'maxLists', 'offsets', 'plain', 'listenerPorts', 'headersInput', 'settled',
  'queryStart', 'queryEnd', 'ends', 'starts', 'depth', 'req', 'cut', 'only', 'onlyService', 'onlyPort',
  'unconditional', 'otherHead', 'slashChild', 'fastGroup',
  // regex matchers (src/regex/matcher.ts)
  'numStates', 'numClasses', 'numInsts', 'classMap', 'accept', 'trans', 'op', 'out', 'out1', 'rows', 'nc', 'top', 'exit', 'fallback',
  'usesAssert', 'pending', 'pendingMark', 'pendingCount', 'pendingGen', 'ready', 'visitMark', 'readyCount', 'canon', 'gen', 'ctx',
  'setStart', 'setLen', 'stateCtx', 'acceptFlag', 'hashSlot', 'pool', 'poolUsed', 'hash', 'maxStates', 'startId', 'flushes',
  'nextGen', 'addPending', 'expand', 'step', 'load', 'flush', 'intern', 'sameSet', 'startState', 'accepts',
];

/**
 * meshroute's one case rule for hostnames and header names: only the ASCII letters A–Z fold (to
 * a–z); every other character, non-ASCII letters included, compares as written. It is Envoy's rule
 * — header names are keyed by `Http::LowerCaseString` and the virtual host is found with the Host
 * lower-cased, both by `absl::AsciiStrToLower` (envoy/http/header_map.h; source/common/router/
 * config_impl.cc `findVirtualHost`) — and the WASM filter's (wasm/assembly/evaluate/ascii-case.ts).
 * `String#toLowerCase` would fold more (`İ` → `i̇`, the Kelvin sign U+212A → `k`) and make the JS
 * runtime disagree with Envoy and the filter. Compiler, runtime and the reference all use this
 * function (docs/precedence.md § 4). Imports nothing.
 */

const NON_ASCII = /[^\x00-\x7f]/;

export function asciiLowerCase(s: string): string {
  // On ASCII text toLowerCase is exactly the ASCII rule, and native.
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) {
      out += s.slice(from, i) + String.fromCharCode(c + 0x20);
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

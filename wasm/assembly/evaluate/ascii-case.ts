// The filter's one case rule for hostnames and header names, the same as src/evaluate/ascii-case.ts
// and Envoy's (absl::AsciiStrToLower): only the bytes A–Z fold to a–z. UTF-8 continuation and lead
// bytes are >= 0x80, so folding bytes equals folding the JS runtime's UTF-16 code units.

/** `c` with A–Z folded to a–z. */
@inline export function asciiLower(c: u8): u8 {
  return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
}

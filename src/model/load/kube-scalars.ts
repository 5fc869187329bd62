/**
 * Scalars read the way `kubectl apply` reads them. kubectl turns a manifest into JSON with
 * sigs.k8s.io/yaml (`YAMLToJSON`), which decodes with go-yaml v2 (go.yaml.in/yaml/v2 v2.4.2 in
 * sigs.k8s.io/yaml's go.mod) into `interface{}` and converts the result to JSON. So the rules are
 * go-yaml v2's `resolve()` (resolve.go) — YAML 1.1-flavoured, not YAML 1.2's core schema:
 *
 * - quoted scalars are strings; only plain (unquoted) scalars are resolved;
 * - null: `~`, `null`, `Null`, `NULL` and the empty scalar;
 * - booleans: `y Y yes Yes YES on On ON true True TRUE` and `n N no No NO off Off OFF false False FALSE`;
 * - integers (Go `strconv.ParseInt(s, 0, 64)`, then `ParseUint` up to 2^64 − 1, after removing
 *   every `_`): decimal, `0x`/`0X` hex, `0o`/`0O` octal, `0b`/`0B` binary, and a leading `0` means
 *   octal (`0777` = 511; `08` is not octal, so it falls through to the float rule: 8); sign allowed;
 * - floats: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$` (after removing `_`; out of
 *   float64 range stays a string), `.inf .Inf .INF` with optional sign, `.nan .NaN .NAN`, and a
 *   scalar starting with `.` read by Go's `ParseFloat` (`_` only between digits there);
 * - not resolved: sexagesimal (`1:30`, dropped on purpose in go-yaml), `Infinity`, hex floats;
 *   timestamps (`2001-12-14`) resolve to time but go-yaml hands them to `interface{}` as the
 *   original string (decode.go), so they are strings;
 * - map keys that resolve to non-strings become strings as sigs.k8s.io/yaml writes them: `true` /
 *   `false`, decimal integers, floats with Go's `FormatFloat(f, 'g', -1, 32)` (`.inf`, `-.inf`, `.nan`).
 *   (kubectl refuses a null key and a NaN / infinite value — JSON has none; meshroute keeps the key
 *   `"null"` and the number, which the schema then rejects wherever a field needs a finite number.)
 *
 * Every YAML reader (js-yaml on the fast path and in the browser, ./kube-schema.ts; `yaml` on the
 * Node slow path, ./yaml-syntax.ts) calls these functions, so a value never depends on which reader
 * read the file (test/model/yaml-scalars.test.ts).
 */

export type KubeScalar = null | boolean | number | string;

/** The words go-yaml resolves by table lookup (resolve.go resolveMap): null, booleans, infinities, NaN. */
const WORDS = new Map<string, KubeScalar>();
const words = (value: KubeScalar, list: string) => list.split(' ').forEach((w) => WORDS.set(w, value));
words(null, '~ null Null NULL');
WORDS.set('', null);
words(true, 'y Y yes Yes YES true True TRUE on On ON');
words(false, 'n N no No NO false False FALSE off Off OFF');
words(Infinity, '.inf .Inf .INF +.inf +.Inf +.INF');
words(-Infinity, '-.inf -.Inf -.INF');
words(NaN, '.nan .NaN .NAN');

/** Go's base-0 integer syntax (strconv.ParseUint with base 0), underscores already removed. */
const GO_INT = /^([+-]?)(0[bB][01]+|0[oO][0-7]+|0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/;
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** Go ParseFloat on a scalar starting with `.`: decimal only, `_` allowed between two digits. */
const DOT_FLOAT = /^\.[0-9](?:_?[0-9])*(?:[eE][-+]?[0-9](?:_?[0-9])*)?$/;

/** The value of a plain (unquoted, untagged) scalar, as go-yaml v2's resolve("", text). */
export function resolvePlainScalar(text: string): KubeScalar {
  const word = WORDS.get(text);
  if (word !== undefined) return word;
  const c = text.charCodeAt(0);
  if (c === 0x2e) return DOT_FLOAT.test(text) ? finiteOr(Number(text.replace(/_/g, '')), text) : text; // '.'
  if (!((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d)) return text; // not a digit or sign: most scalars
  const plain = text.replace(/_/g, '');
  return goInteger(plain) ?? (YAML_STYLE_FLOAT.test(plain) ? finiteOr(Number(plain), text) : text);
}

/** ParseInt(s, 0, 64) and, when that overflows, ParseUint(s, 0, 64) (which takes no sign). */
function goInteger(s: string): number | null {
  const m = GO_INT.exec(s);
  if (!m) return null;
  const body = m[2]!;
  // BigInt reads 0b / 0o / 0x (any case) but not Go's leading-zero octal.
  const n = BigInt(/^0[0-7]/.test(body) ? '0o' + body.slice(1) : body);
  const limit = m[1] === '-' ? 1n << 63n : m[1] === '+' ? (1n << 63n) - 1n : (1n << 64n) - 1n;
  return n > limit ? null : m[1] === '-' ? -Number(n) || 0 : Number(n);
}

function finiteOr(n: number, text: string): number | string {
  return Number.isFinite(n) ? n : text; // ParseFloat's ErrRange: go-yaml keeps the string
}

/**
 * A scalar with an explicit standard tag (`!!str`, `!!int`, `!!float`, `!!bool`, `!!null`; quoted or
 * not), as go-yaml v2's resolve(tag, text): `!!str` takes anything, `!!float` takes an int, any
 * other mismatch is an error ("cannot decode !!str `abc` as a !!int").
 */
export function resolveTaggedScalar(tag: 'str' | 'int' | 'float' | 'bool' | 'null', text: string): KubeScalar {
  if (tag === 'str') return text;
  const v = resolvePlainScalar(text);
  const kind = v === null ? 'null' : typeof v === 'boolean' ? 'bool' : typeof v === 'string' ? 'str' : isFloatScalar(text) ? 'float' : 'int';
  if (kind === tag || (tag === 'float' && kind === 'int')) return v;
  throw new Error(`cannot decode !!${kind} \`${text}\` as a !!${tag}`);
}

/** A resolved map key as sigs.k8s.io/yaml's YAMLToJSON turns it into a JSON object key. */
export function kubeKeyString(key: KubeScalar, isFloat: boolean): string {
  return typeof key === 'number' && isFloat ? goFormatFloat32(key) : String(key); // true, false, null, 16
}

/** Whether a plain scalar resolves to a float (go-yaml float64) rather than an int. */
export function isFloatScalar(text: string): boolean {
  return typeof resolvePlainScalar(text) === 'number' && goInteger(text.replace(/_/g, '')) === null;
}

/** Go strconv.FormatFloat(f, 'g', -1, 32), with go-yaml's spellings of the infinities and NaN. */
export function goFormatFloat32(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? '.inf' : f < 0 ? '-.inf' : '.nan';
  const v = Math.fround(f);
  if (v === 0) return 1 / v < 0 ? '-0' : '0';
  let p = 1;
  while (p < 9 && Math.fround(Number(v.toPrecision(p))) !== v) p++;
  const [mantissa, e] = v.toExponential(p - 1).split('e') as [string, string];
  const digits = mantissa.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
  const exp = Number(e);
  const sign = v < 0 ? '-' : '';
  // %e when the exponent is < -4 or >= 6 (shortest 'g' uses precision 6 for this choice).
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const int = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return sign + int + (frac ? '.' + frac : '');
}

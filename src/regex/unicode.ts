/**
 * Named character sets: Perl classes (`\d \s \w`), ASCII classes (`[[:alpha:]]`), Unicode classes
 * (`\pL`, `\p{Greek}`) and simple case folding.
 *
 * Nothing here is vendored Unicode data: Unicode sets and case-fold orbits are derived from the
 * JavaScript engine's own `\p{…}` and `/iu` support, once per process, the first time a pattern
 * needs them. The engine's Unicode version therefore decides the sets (docs/regex.md § Unicode).
 */
import { MAX_RUNE, normalizeRanges, rangesContain } from './charset.js';

/** RE2's Perl classes: ASCII only, as in RE2 (`\s` has no `\v`). */
export const PERL_CLASSES: Readonly<Record<string, readonly number[]>> = {
  d: [0x30, 0x39],
  s: [0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x20],
  w: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
};

/** POSIX classes allowed inside brackets (`[[:alpha:]]`), ASCII only as in RE2. */
export const ASCII_CLASSES: Readonly<Record<string, readonly number[]>> = {
  alnum: [0x30, 0x39, 0x41, 0x5a, 0x61, 0x7a],
  alpha: [0x41, 0x5a, 0x61, 0x7a],
  ascii: [0x00, 0x7f],
  blank: [0x09, 0x09, 0x20, 0x20],
  cntrl: [0x00, 0x1f, 0x7f, 0x7f],
  digit: [0x30, 0x39],
  graph: [0x21, 0x7e],
  lower: [0x61, 0x7a],
  print: [0x20, 0x7e],
  punct: [0x21, 0x2f, 0x3a, 0x40, 0x5b, 0x60, 0x7b, 0x7e],
  space: [0x09, 0x0d, 0x20, 0x20],
  upper: [0x41, 0x5a],
  word: [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a],
  xdigit: [0x30, 0x39, 0x41, 0x46, 0x61, 0x66],
};

/**
 * General categories RE2 accepts, as JavaScript property expressions. RE2's `C` is the union of the
 * categories its tables list (Cc Cf Co Cs) and leaves out unassigned code points (Cn), which RE2
 * does not accept as a name either.
 */
export const GENERAL_CATEGORIES: Readonly<Record<string, string>> = {
  C: '\\p{gc=Cc}\\p{gc=Cf}\\p{gc=Co}\\p{gc=Cs}',
  ...Object.fromEntries(
    ['Cc', 'Cf', 'Co', 'Cs', 'L', 'Ll', 'Lm', 'Lo', 'Lt', 'Lu', 'M', 'Mc', 'Me', 'Mn', 'N', 'Nd', 'Nl', 'No', 'P', 'Pc', 'Pd', 'Pe', 'Pf', 'Pi', 'Po', 'Ps', 'S', 'Sc', 'Sk', 'Sm', 'So', 'Z', 'Zl', 'Zp', 'Zs'].map(
      (g) => [g, `\\p{gc=${g}}`],
    ),
  ),
};

/**
 * The scripts RE2 knows (Unicode 15.0: Adlam … Zanabazar_Square, 163 names), each written as its
 * four-letter ISO 15924 code, which JavaScript's `\p{sc=…}` accepts as well as the long name: 652
 * characters instead of the 1.5 KB list of long names (that list is test/regex/script-names.ts,
 * which checks that both accept the same names). A long name is accepted when the engine knows it
 * and its script is one of these: scripts partition the code points, so the script of the name's
 * first code point is the name's script; scripts newer than RE2's list, `Katakana_Or_Hiragana` (no
 * code points) and `Unknown` are in none of them.
 */
const SCRIPT_CODES =
  'AdlmAhomHluwArabArmnAvstBaliBamuBassBatkBengBhksBopoBrahBraiBugiBuhdCansCariAghbCakmChamCherChrs' +
  'ZyyyCoptXsuxCprtCpmnCyrlDsrtDevaDiakDogrDuplEgypElbaElymEthiGeorGlagGothGranGrekGujrGongGuruHani' +
  'HangRohgHanoHatrHebrHiraArmiZinhPhliPrtiJavaKthiKndaKanaKawiKaliKharKitsKhmrKhojSindLaooLatnLepc' +
  'LimbLinaLinbLisuLyciLydiMahjMakaMlymMandManiMarcGonmMedfMteiMendMercMeroMiaoModiMongMrooMultMymr' +
  'NbatNagmNandTaluNewaNkooNshuHmnpOgamOlckHungItalNarbPermXpeoSogoSarbOrkhOugrOryaOsgeOsmaHmngPalm' +
  'PaucPhagPhnxPhlpRjngRunrSamrSaurShrdShawSiddSgnwSinhSogdSoraSoyoSundSyloSyrcTglgTagbTaleLanaTavt' +
  'TakrTamlTnsaTangTeluThaaThaiTibtTfngTirhTotoUgarVaiiVithWchoWaraYeziYiiiZanb';

/**
 * Long names that are four letters like the codes. Any other four-letter name is a code (`Latn`), which
 * RE2 does not accept.
 */
const FOUR_LETTER_NAMES = 'Ahom Cham Kawi Lisu Miao Modi Newa Thai Toto';

const unicodeCache = new Map<string, readonly number[] | null>();

/** The code points of Unicode class `name` (`L`, `Greek`, `Any`), or null if RE2 has no such name. */
export function unicodeClass(name: string): readonly number[] | null {
  const cached = unicodeCache.get(name);
  if (cached !== undefined) return cached;
  let ranges: readonly number[] | null = null;
  if (name === 'Any') ranges = [0, MAX_RUNE];
  else if (Object.hasOwn(GENERAL_CATEGORIES, name)) ranges = probeProperty(GENERAL_CATEGORIES[name]!);
  else ranges = scriptClass(name);
  unicodeCache.set(name, ranges);
  return ranges;
}

/** The code points of script `name` if it is the long name of a script in SCRIPT_CODES, else null. */
function scriptClass(name: string): readonly number[] | null {
  if (!/^[A-Za-z_]+$/.test(name) || (/^[A-Z][a-z]{3}$/.test(name) && !FOUR_LETTER_NAMES.includes(name))) return null;
  const ranges = probeProperty(`\\p{sc=${name}}`);
  if (!ranges?.length) return null;
  const first = String.fromCodePoint(ranges[0]!);
  const known = SCRIPT_CODES.match(/..../g)!.some((code) => {
    try {
      return new RegExp(`\\p{sc=${code}}`, 'u').test(first);
    } catch {
      return false; // a script this engine's Unicode version does not have yet
    }
  });
  return known ? ranges : null;
}

let allCodePoints: string | null = null;

/**
 * Every code point except the surrogates, in order, as one string: a property's ranges are then the
 * runs a single global regex finds in it. Index i maps back to a code point with `indexToRune`.
 */
function everyCodePoint(): string {
  if (allCodePoints !== null) return allCodePoints;
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let c = 0; c <= MAX_RUNE; c++) {
    if (c === 0xd800) c = 0xe000;
    chunk.push(c);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk.length = 0;
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  allCodePoints = parts.join('');
  return allCodePoints;
}

/** UTF-16 units before the astral planes in `everyCodePoint()` (the BMP minus surrogates). */
const BMP_UNITS = 0x10000 - 0x800;

function indexToRune(i: number): number {
  if (i < 0xd800) return i;
  if (i < BMP_UNITS) return i + 0x800;
  return 0x10000 + ((i - BMP_UNITS) >> 1);
}

/** The ranges of the code points matched by the JavaScript character class body `classBody`. */
function probeProperty(classBody: string): readonly number[] | null {
  let re: RegExp;
  try {
    re = new RegExp(`[${classBody}]+`, 'gu');
  } catch {
    return null; // the engine does not know this name
  }
  const text = everyCodePoint();
  const out: number[] = [];
  for (const m of text.matchAll(re)) {
    const start = m.index;
    out.push(indexToRune(start), indexToRune(start + m[0].length - 1));
  }
  return normalizeRanges(out);
}

let foldMembers: Int32Array | null = null; // sorted code points that have case variants
let foldOrbits: Map<number, readonly number[]> | null = null;

/**
 * Simple case-fold orbits (CaseFolding.txt C+S, the relation RE2 uses for `(?i)`): two code points
 * are equivalent exactly when the engine's `/…/iu` says so. Candidates come from single-code-point
 * `toLowerCase`/`toUpperCase` of every code point that changes when case-mapped; each candidate
 * group is then split by asking `/^x$/iu` directly, which removes mappings that are not folds
 * (e.g. U+0131 ı uppercases to I but does not fold to it).
 */
function loadFoldOrbits(): void {
  if (foldOrbits !== null) return;
  const cased = probeProperty('\\p{Changes_When_Casemapped}') ?? [];
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number): void => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  };
  for (let i = 0; i + 1 < cased.length; i += 2) {
    for (let c = cased[i]!; c <= cased[i + 1]!; c++) {
      const s = String.fromCodePoint(c);
      find(c);
      for (const mapped of [s.toLowerCase(), s.toUpperCase()]) {
        const m = mapped.codePointAt(0)!;
        if (mapped.length === String.fromCodePoint(m).length && m !== c) union(c, m);
      }
    }
  }
  const groups = new Map<number, number[]>();
  for (const c of parent.keys()) {
    const r = find(c);
    const g = groups.get(r);
    if (g) g.push(c);
    else groups.set(r, [c]);
  }
  const orbits = new Map<number, readonly number[]>();
  for (const group of groups.values()) {
    let rest = group.sort((a, b) => a - b);
    while (rest.length > 1) {
      const head = rest[0]!;
      const same = new RegExp(`^\\u{${head.toString(16)}}$`, 'iu');
      const orbit = rest.filter((c) => same.test(String.fromCodePoint(c)));
      if (orbit.length > 1) for (const c of orbit) orbits.set(c, orbit);
      rest = rest.filter((c) => !orbit.includes(c));
    }
  }
  foldOrbits = orbits;
  foldMembers = Int32Array.from([...orbits.keys()].sort((a, b) => a - b));
}

/** The case-fold orbit of `c` (including `c`), as used by `(?i)` literals. */
export function foldOrbit(c: number): readonly number[] {
  loadFoldOrbits();
  return foldOrbits!.get(c) ?? [c];
}

/** The smallest superset of a canonical set closed under simple case folding. */
export function foldClosure(ranges: readonly number[]): number[] {
  loadFoldOrbits();
  const extra: number[] = [];
  for (const c of foldMembers!) {
    if (!rangesContain(ranges, c)) continue;
    for (const d of foldOrbits!.get(c)!) extra.push(d, d);
  }
  return extra.length === 0 ? [...ranges] : normalizeRanges([...ranges, ...extra]);
}

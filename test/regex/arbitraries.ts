/**
 * fast-check generators for the differential test: RE2 patterns built from a grammar (rendered once
 * for us and once for the oracle, which predates `(?<name>…)`), broken patterns (the grammar's
 * output with an error fragment spliced in, and free "token soup"), and inputs biased to hit: a
 * walk of the pattern's tree that picks matching pieces, then mutations, case variants, newlines,
 * word boundaries, Unicode (BMP and astral) and lone surrogates.
 *
 * Characters come from Unicode versions RE2's tables in re2-wasm 1.0.2 already know (≤ 12.0), so a
 * difference means a bug, not a newer Unicode database in the JavaScript engine.
 */
import fc from 'fast-check';

export type ClassItem =
  | { k: 'char'; c: string }
  | { k: 'range'; lo: string; hi: string }
  | { k: 'perl'; name: string }
  | { k: 'ascii'; name: string; neg: boolean }
  | { k: 'uni'; name: string; neg: boolean };

export type GenNode =
  | { t: 'lit'; c: string }
  | { t: 'esc'; text: string; chars: string[] }
  | { t: 'dot' }
  | { t: 'class'; neg: boolean; items: ClassItem[] }
  | { t: 'perl'; name: string }
  | { t: 'uni'; name: string; neg: boolean; brace: boolean }
  | { t: 'anchor'; text: string }
  | { t: 'quote'; text: string }
  | { t: 'anybyte' }
  | { t: 'cat'; subs: GenNode[] }
  | { t: 'alt'; subs: GenNode[] }
  | { t: 'group'; kind: 'cap' | 'nc' | 'named' | 'namedP' | 'flags'; flags: string; sub: GenNode }
  | { t: 'rep'; op: string; min: number; max: number; sub: GenNode }
  | { t: 'setflags'; flags: string };

/** Old-enough non-ASCII characters: Latin-1, Latin Extended, Greek, Cyrillic, CJK, fold oddities, astral. */
export const UNICODE_POOL = [
  'é', 'É', 'ß', 'ẞ', 'ÿ', 'Ÿ', 'ſ', 'K', 'Å', 'å', 'Ω', 'ω', 'ς', 'σ', 'Σ', 'ǅ', 'ǆ', 'Ǆ', 'ı', 'İ', 'α', 'Ж', 'ж',
  '中', '文', '½', '٣', '\u00a0', '\u2028', '\u200b', '€', '¬', '😀', '😁', '𐐀', '𐐨', '𝔄', '\u{10FFFF}', '\uFFFD', '\uFFFF', 'ᏸ', 'Ᏸ',
];
const ASCII_POOL = [...'abcxyzABCXYZk_019 -./:\n\t\r\v\f!#%&,;<=>@`~"\'' , 'K', 's', 'S'];
const META = new Set([...'\\.+*?()|[]{}^$']);
const CLASS_META = new Set([...'\\]-^[']);

const PERL = ['d', 's', 'w', 'D', 'S', 'W'];
const ASCII_CLASSES = ['alnum', 'alpha', 'ascii', 'blank', 'cntrl', 'digit', 'graph', 'lower', 'print', 'punct', 'space', 'upper', 'word', 'xdigit'];
/** Unicode class names both our engine and the oracle's (older) tables know. */
const UNI = ['L', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'N', 'Nd', 'P', 'S', 'Sm', 'Z', 'Zs', 'M', 'C', 'Cc', 'Greek', 'Latin', 'Cyrillic', 'Han', 'Common', 'Deseret', 'Cherokee', 'Any'];

const literalChar = fc.constantFrom(...ASCII_POOL.filter((c) => c.length === 1), ...UNICODE_POOL, '.', '*', '(', ')', '[', ']', '{', '}', '|', '^', '$', '?', '+', '\\');

const escArb: fc.Arbitrary<GenNode> = fc.constantFrom<GenNode>(
  { t: 'esc', text: '\\n', chars: ['\n'] },
  { t: 'esc', text: '\\t', chars: ['\t'] },
  { t: 'esc', text: '\\v', chars: ['\v'] },
  { t: 'esc', text: '\\x41', chars: ['A', 'a'] },
  { t: 'esc', text: '\\x{3b1}', chars: ['α', 'Α'] },
  { t: 'esc', text: '\\x{1F600}', chars: ['😀'] },
  { t: 'esc', text: '\\101', chars: ['A'] },
  { t: 'esc', text: '\\0', chars: ['\0'] },
  { t: 'esc', text: '\\x{212A}', chars: ['k', 'K'] },
  { t: 'esc', text: '\\x{D800}', chars: ['\ud800', '\ufffd'] },
  { t: 'esc', text: '\\-', chars: ['-'] },
  { t: 'esc', text: '\\_', chars: ['_'] },
);

const classItem: fc.Arbitrary<ClassItem> = fc.oneof(
  { weight: 4, arbitrary: literalChar.map((c) => ({ k: 'char' as const, c })) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom('a', 'A', '0', 'α', 'Ж', ' ', 'x', 'é', '😀', '\u0000'), fc.integer({ min: 0, max: 40 }))
      .map(([lo, span]) => ({ k: 'range' as const, lo, hi: String.fromCodePoint(lo.codePointAt(0)! + span) })),
  },
  { weight: 1, arbitrary: fc.constantFrom(...PERL).map((name) => ({ k: 'perl' as const, name })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...ASCII_CLASSES), fc.boolean()).map(([name, neg]) => ({ k: 'ascii' as const, name, neg })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...UNI), fc.boolean()).map(([name, neg]) => ({ k: 'uni' as const, name, neg })) },
);

const leaf: fc.Arbitrary<GenNode> = fc.oneof(
  { weight: 10, arbitrary: literalChar.map((c): GenNode => ({ t: 'lit', c })) },
  { weight: 2, arbitrary: escArb },
  { weight: 2, arbitrary: fc.constant<GenNode>({ t: 'dot' }) },
  { weight: 3, arbitrary: fc.record({ t: fc.constant('class' as const), neg: fc.boolean(), items: fc.array(classItem, { minLength: 1, maxLength: 4 }) }) },
  { weight: 1, arbitrary: fc.constantFrom(...PERL).map((name): GenNode => ({ t: 'perl', name })) },
  {
    weight: 1,
    arbitrary: fc.record({ t: fc.constant('uni' as const), name: fc.constantFrom(...UNI), neg: fc.boolean(), brace: fc.boolean() }),
  },
  { weight: 2, arbitrary: fc.constantFrom('^', '$', '\\A', '\\z', '\\b', '\\B').map((text): GenNode => ({ t: 'anchor', text })) },
  { weight: 1, arbitrary: fc.constantFrom('a.b', '*', 'x\\y', '', '()').map((text): GenNode => ({ t: 'quote', text })) },
  { weight: 1, arbitrary: fc.constant<GenNode>({ t: 'anybyte' }) },
  { weight: 1, arbitrary: fc.constantFrom('(?i)', '(?m)', '(?s)', '(?U)', '(?-i)', '(?i-s)', '(?ms)').map((flags): GenNode => ({ t: 'setflags', flags })) },
);

const repOp = fc.oneof(
  fc.constantFrom(['*', 0, -1], ['+', 1, -1], ['?', 0, 1]),
  fc.integer({ min: 0, max: 3 }).map((n) => [`{${n}}`, n, n]),
  fc.integer({ min: 0, max: 2 }).map((n) => [`{${n},}`, n, -1]),
  fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 3 })).map(([n, d]) => [`{${n},${n + d}}`, n, n + d]),
) as fc.Arbitrary<[string, number, number]>;

export const genNode: fc.Arbitrary<GenNode> = fc.letrec<{ node: GenNode }>((tie) => ({
  node: fc.oneof(
    { maxDepth: 4, depthSize: 'small' },
    { weight: 6, arbitrary: leaf },
    { weight: 3, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 4 }).map((subs): GenNode => ({ t: 'cat', subs })) },
    { weight: 2, arbitrary: fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((subs): GenNode => ({ t: 'alt', subs })) },
    {
      weight: 2,
      arbitrary: fc
        .tuple(fc.constantFrom('cap', 'nc', 'named', 'namedP', 'flags'), fc.constantFrom('i', 'm', 's', 'U', 'i-s', '-i', 'is', 'ms'), tie('node'))
        .map(([kind, flags, sub]): GenNode => ({ t: 'group', kind: kind as 'cap', flags, sub })),
    },
    {
      weight: 3,
      arbitrary: fc.tuple(repOp, fc.boolean(), tie('node')).map(([[op, min, max], lazy, sub]): GenNode => ({ t: 'rep', op: lazy ? op + '?' : op, min, max, sub })),
    },
  ),
})).node;

function litText(c: string): string {
  return META.has(c) ? '\\' + c : c;
}

function itemText(i: ClassItem): string {
  const ch = (c: string): string => (CLASS_META.has(c) ? '\\' + c : c);
  switch (i.k) {
    case 'char':
      return ch(i.c);
    case 'range':
      return `${ch(i.lo)}-${ch(i.hi)}`;
    case 'perl':
      return '\\' + i.name;
    case 'ascii':
      return `[:${i.neg ? '^' : ''}${i.name}:]`;
    case 'uni':
      return `\\p{${i.neg ? '^' : ''}${i.name}}`;
  }
}

/** Whether `n` renders as something a repetition operator applies to as a whole. */
function isAtom(n: GenNode): boolean {
  return n.t !== 'cat' && n.t !== 'alt' && n.t !== 'rep' && n.t !== 'setflags' && n.t !== 'quote';
}

/** Renders a tree; `forOracle` spells named groups `(?P<…>` (re2-wasm's RE2 predates `(?<…>`). */
export function render(n: GenNode, forOracle: boolean, names = { next: 0 }): string {
  const r = (x: GenNode): string => render(x, forOracle, names);
  switch (n.t) {
    case 'lit':
      return litText(n.c);
    case 'esc':
      return n.text;
    case 'dot':
      return '.';
    case 'class':
      return `[${n.neg ? '^' : ''}${n.items.map(itemText).join('')}]`;
    case 'perl':
      return '\\' + n.name;
    case 'uni':
      return n.brace || n.name.length > 1 ? `\\${n.neg ? 'P' : 'p'}{${n.name}}` : `\\${n.neg ? 'P' : 'p'}${n.name}`;
    case 'anchor':
      return n.text;
    case 'quote':
      return `\\Q${n.text}\\E`;
    case 'anybyte':
      return '\\C';
    case 'setflags':
      return n.flags;
    case 'cat':
      return n.subs.map((s) => (s.t === 'alt' ? `(?:${r(s)})` : r(s))).join('');
    case 'alt':
      return n.subs.map(r).join('|');
    case 'group': {
      const body = r(n.sub);
      if (n.kind === 'cap') return `(${body})`;
      if (n.kind === 'nc') return `(?:${body})`;
      if (n.kind === 'flags') return `(?${n.flags}:${body})`;
      const name = `g${names.next++}`;
      return n.kind === 'named' && !forOracle ? `(?<${name}>${body})` : `(?P<${name}>${body})`;
    }
    case 'rep':
      return `${isAtom(n.sub) ? r(n.sub) : `(?:${r(n.sub)})`}${n.op}`;
  }
}

function caseVariants(c: string): string[] {
  const extra: Record<string, string[]> = { k: ['K'], K: ['k'], s: ['ſ'], S: ['ſ'], ß: ['ẞ'], ω: ['Ω'], σ: ['ς', 'Σ'] };
  return [c, c.toUpperCase(), c.toLowerCase(), ...(extra[c] ?? [])].filter((x) => [...x].length === 1);
}

const anyChar = fc.constantFrom(...ASCII_POOL, ...UNICODE_POOL, '\ud800', '\udc00');

const PERL_SAMPLES: Record<string, string[]> = { d: ['0', '7'], s: [' ', '\t', '\n'], w: ['a', 'Z', '_', '5'] };
const UNI_SAMPLES = ['a', 'Z', 'é', 'α', 'Ж', '中', '٣', '½', '𐐨', '😀', ' ', '\u00a0', '+', '€', '\u0301', '\u0001', 'ǅ'];

function itemSample(i: ClassItem): fc.Arbitrary<string> {
  switch (i.k) {
    case 'char':
      return fc.constantFrom(...caseVariants(i.c));
    case 'range': {
      const lo = i.lo.codePointAt(0)!;
      const hi = i.hi.codePointAt(0)!;
      return fc.integer({ min: lo, max: Math.max(lo, hi) }).map((c) => String.fromCodePoint(c));
    }
    case 'perl':
      return fc.constantFrom(...(PERL_SAMPLES[i.name.toLowerCase()] ?? ['a']), 'x', '-');
    default:
      return fc.constantFrom(...UNI_SAMPLES);
  }
}

/** Strings that walk the tree choosing matching pieces (flags are ignored, so some miss on purpose). */
export function sampleFrom(n: GenNode): fc.Arbitrary<string> {
  switch (n.t) {
    case 'lit':
      return fc.constantFrom(...caseVariants(n.c));
    case 'esc':
      return fc.constantFrom(...n.chars);
    case 'dot':
    case 'anybyte':
      return anyChar;
    case 'class':
      return fc.oneof(...n.items.map(itemSample), anyChar);
    case 'perl':
      return fc.constantFrom(...(PERL_SAMPLES[n.name.toLowerCase()] ?? ['a']), 'x', '-', 'é');
    case 'uni':
      return fc.constantFrom(...UNI_SAMPLES);
    case 'anchor':
      return fc.constantFrom('', '', '\n');
    case 'quote':
      return fc.constant(n.text);
    case 'setflags':
      return fc.constant('');
    case 'cat':
      return fc.tuple(...n.subs.map(sampleFrom)).map((parts) => parts.join(''));
    case 'alt':
      return fc.oneof(...n.subs.map(sampleFrom));
    case 'group':
      return sampleFrom(n.sub);
    case 'rep': {
      const max = n.max < 0 ? n.min + 3 : Math.min(n.max, n.min + 3);
      return fc.array(sampleFrom(n.sub), { minLength: n.min, maxLength: max }).map((p) => p.join(''));
    }
  }
}

/** Small edits of a sample: insert, delete or replace one code point, or change the case of all. */
export function mutate(s: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(s, fc.nat(), anyChar, fc.integer({ min: 0, max: 4 })).map(([str, at, c, how]) => {
    const cps = [...str];
    const i = cps.length === 0 ? 0 : at % (cps.length + 1);
    if (how === 0) cps.splice(i, 0, c);
    else if (how === 1) cps.splice(i, 1);
    else if (how === 2) cps.splice(i, 1, c);
    else if (how === 3) return str.toUpperCase();
    else return str.toLowerCase();
    return cps.join('');
  });
}

export function inputsFor(n: GenNode, count: number): fc.Arbitrary<string[]> {
  const sampled = sampleFrom(n);
  const one = fc.oneof(
    { weight: 5, arbitrary: sampled },
    { weight: 3, arbitrary: mutate(sampled) },
    { weight: 1, arbitrary: fc.array(anyChar, { maxLength: 6 }).map((a) => a.join('')) },
  );
  return fc.array(one, { minLength: count, maxLength: count });
}

/** Fragments RE2 rejects (or that change how the rest parses) to splice into valid patterns. */
const ERROR_FRAGMENTS = [
  '**', '*+', '+', '{2}{3}', '(?=a)', '(?!a)', '(?<=a)', '(?<!a)', '\\Z', '\\1', '\\8', 'a{1001}', 'a{2,1}', '(', ')', '[z-a]', '[',
  ']', '\\', 'x++', '(?P<1>x)', '(?P<>x)', '(?P=n)', '\\pX', '\\p{Foo}', '\\p{greek}', '[[:foo:]]', '[[:alpha:]', '(?x)', '(?i-)',
  '\\x{110000}', '\\xZ', '\\cA', '\\e', '\\G', '[a-\\d]', '[\\b]', '\\Q', '\\E', '(a{100}){11}', '(?#c)', '{', 'x{', '{,3}', '(?P<n', '|*', 'a{01}', 'a{1000000000}', 'a{999999999}', '{0,00}',
];

/** A token soup over RE2's metacharacters: mostly invalid, often surprising. */
const TOKENS = [
  'a', 'b', 'k', 'é', '😀', '(', ')', '(?:', '(?i)', '(?P<n>', '|', '*', '+', '?', '{', '}', '{2}', '{1,2}', ',', '[', ']', '^', '$', '-',
  ':', '.', '\\', '\\d', '\\w', '\\s', '\\b', '\\B', '\\pL', '\\p{Greek}', '\\Q', '\\E', '\\x41', '[:alpha:]', '\\A', '\\z', '\\C', '0', '1',
];

export interface PatternCase {
  ours: string;
  oracle: string;
  inputs: string[];
}

export function patternCases(inputsPerPattern: number): fc.Arbitrary<PatternCase> {
  const fromTree = genNode.chain((n) =>
    inputsFor(n, inputsPerPattern).map((inputs) => ({ ours: render(n, false), oracle: render(n, true), inputs })),
  );
  const spliced = fc.tuple(genNode, fc.constantFrom(...ERROR_FRAGMENTS), fc.nat()).chain(([n, frag, at]) => {
    const cps = [...render(n, true)]; // splice between code points, never inside a surrogate pair
    cps.splice(at % (cps.length + 1), 0, frag);
    const pattern = cps.join('');
    return inputsFor(n, inputsPerPattern).map((inputs) => ({ ours: pattern, oracle: pattern, inputs }));
  });
  const soup = fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 8 }).chain((tokens) => {
    const pattern = tokens.join('');
    const chars = fc.constantFrom(...[...pattern], ...ASCII_POOL.slice(0, 8), 'é', '😀');
    const input = fc.array(chars, { maxLength: 8 }).map((a) => a.join(''));
    return fc.array(input, { minLength: inputsPerPattern, maxLength: inputsPerPattern }).map((inputs) => ({ ours: pattern, oracle: pattern, inputs }));
  });
  return fc.oneof({ weight: 6, arbitrary: fromTree }, { weight: 1, arbitrary: spliced }, { weight: 2, arbitrary: soup });
}

/**
 * Unicode script names: src/regex/unicode.ts keeps RE2's scripts as four-letter codes and accepts a
 * long name when the engine knows it and its script is one of them. This pins that the result is
 * exactly RE2's list of long names below (RE2 at Unicode 15.0, the list unicode.ts carried until the
 * codes replaced it, docs/bundle-size.md), intersected with what the engine knows — for every name
 * of the list, every four-letter name the engine accepts (the ISO 15924 codes), names RE2 lacks
 * (`Katakana_Or_Hiragana`, `Unknown`, scripts of Unicode 16 and 17) and malformed names.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unicodeClass } from '../../src/regex/unicode.js';
import { compileRegex, RegexSyntaxError } from '../../src/regex/index.js';

/** RE2's script names (long form). */
const RE2_SCRIPT_NAMES: readonly string[] = (
  'Adlam Ahom Anatolian_Hieroglyphs Arabic Armenian Avestan Balinese Bamum Bassa_Vah Batak Bengali Bhaiksuki ' +
  'Bopomofo Brahmi Braille Buginese Buhid Canadian_Aboriginal Carian Caucasian_Albanian Chakma Cham Cherokee ' +
  'Chorasmian Common Coptic Cuneiform Cypriot Cypro_Minoan Cyrillic Deseret Devanagari Dives_Akuru Dogra Duployan ' +
  'Egyptian_Hieroglyphs Elbasan Elymaic Ethiopic Georgian Glagolitic Gothic Grantha Greek Gujarati Gunjala_Gondi ' +
  'Gurmukhi Han Hangul Hanifi_Rohingya Hanunoo Hatran Hebrew Hiragana Imperial_Aramaic Inherited ' +
  'Inscriptional_Pahlavi Inscriptional_Parthian Javanese Kaithi Kannada Katakana Kawi Kayah_Li Kharoshthi ' +
  'Khitan_Small_Script Khmer Khojki Khudawadi Lao Latin Lepcha Limbu Linear_A Linear_B Lisu Lycian Lydian ' +
  'Mahajani Makasar Malayalam Mandaic Manichaean Marchen Masaram_Gondi Medefaidrin Meetei_Mayek Mende_Kikakui ' +
  'Meroitic_Cursive Meroitic_Hieroglyphs Miao Modi Mongolian Mro Multani Myanmar Nabataean Nag_Mundari ' +
  'Nandinagari New_Tai_Lue Newa Nko Nushu Nyiakeng_Puachue_Hmong Ogham Ol_Chiki Old_Hungarian Old_Italic ' +
  'Old_North_Arabian Old_Permic Old_Persian Old_Sogdian Old_South_Arabian Old_Turkic Old_Uyghur Oriya Osage ' +
  'Osmanya Pahawh_Hmong Palmyrene Pau_Cin_Hau Phags_Pa Phoenician Psalter_Pahlavi Rejang Runic Samaritan ' +
  'Saurashtra Sharada Shavian Siddham SignWriting Sinhala Sogdian Sora_Sompeng Soyombo Sundanese Syloti_Nagri ' +
  'Syriac Tagalog Tagbanwa Tai_Le Tai_Tham Tai_Viet Takri Tamil Tangsa Tangut Telugu Thaana Thai Tibetan ' +
  'Tifinagh Tirhuta Toto Ugaritic Vai Vithkuqi Wancho Warang_Citi Yezidi Yi Zanabazar_Square'
).split(' ');

const engineKnows = (name: string): boolean => {
  try {
    new RegExp(`\\p{sc=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
};

/** Every [A-Z][a-z]{3} name the engine accepts as a script (~180: codes plus Ahom, Cham, Thai, …). */
function fourLetterNames(): string[] {
  const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  const lower = upper.toLowerCase();
  const out: string[] = [];
  for (const a of upper) for (const b of lower) for (const c of lower) for (const d of lower) if (engineKnows(a + b + c + d)) out.push(a + b + c + d);
  return out;
}

const OTHERS = [
  'Katakana_Or_Hiragana', 'Unknown', // known to JavaScript, not to RE2
  'Garay', 'Gurung_Khema', 'Kirat_Rai', 'Ol_Onal', 'Sunuwar', 'Todhri', 'Tulu_Tigalari', // Unicode 16
  'Beria_Erfe', 'Chisoi', 'Sidetic', 'Tai_Yo', 'Tolong_Siki', // Unicode 17
  'greek', 'GREEK', 'Old_italic', 'sc=Greek', 'Script=Greek', 'Greek}\\p{sc=Latin', 'Greek]', 'Greek ', '', '_', '__proto__', 'constructor',
];

test('a script name is accepted exactly when it is in RE2 list and the engine knows it', () => {
  const names = [...new Set([...RE2_SCRIPT_NAMES, ...fourLetterNames(), ...OTHERS])];
  assert.ok(names.length > RE2_SCRIPT_NAMES.length + 150);
  for (const name of names) {
    const expected = RE2_SCRIPT_NAMES.includes(name) && engineKnows(name);
    const ranges = unicodeClass(name);
    assert.equal(ranges !== null, expected, name);
    if (ranges) {
      const re = new RegExp(`^\\p{sc=${name}}$`, 'u');
      assert.ok(ranges.length > 0 && re.test(String.fromCodePoint(ranges[0]!)) && re.test(String.fromCodePoint(ranges[ranges.length - 1]!)), name);
    }
  }
});

test('RE2 script names compile in patterns; codes and unknown names are syntax errors', () => {
  assert.ok(compileRegex('\\p{Greek}+').fullMatch('αβγ'));
  assert.ok(compileRegex('\\p{Miao}').fullMatch('\u{16f00}'));
  assert.ok(compileRegex('\\p{Thai}').fullMatch('ก'));
  for (const bad of ['\\p{Grek}', '\\p{Plrd}', '\\p{Zyyy}', '\\p{Unknown}', '\\p{Katakana_Or_Hiragana}']) {
    assert.throws(() => compileRegex(bad), RegexSyntaxError, bad);
  }
});

import { loadTable } from './src/evaluate/index.js';
import { decodeTable } from './src/table/index.js';
import { compileRegex } from './src/regex/index.js';
import { readAutomaton } from './src/regex/matcher.js';
import { SectionKind } from './src/table/layout.js';
import { build, gr } from './test/_support/quick.js';
import { withExtraBlobEntries } from './test/_support/hostile-tables.js';
const base = build([gr('api', { prefix: '/api/' })]).table;
const t = withExtraBlobEntries(base, SectionKind.regex, compileRegex('\\bq\\b', { maxDfaStates: 0 }).bytes, 14563, false);
for (let k = 0; k < 3; k++) {
  let t0 = performance.now(); const d = decodeTable(t); const t1 = performance.now();
  for (const r of d.regexRanges) readAutomaton(d.bytes, r.offset, r.length);
  const t2 = performance.now(); loadTable(t); const t3 = performance.now();
  console.log('decode', (t1-t0).toFixed(1), 'readAutomaton all', (t2-t1).toFixed(1), 'loadTable', (t3-t2).toFixed(1));
}

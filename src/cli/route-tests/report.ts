/**
 * The outcome of a `meshroute test` run and its four renderings: human, one JSON document, TAP 13,
 * JUnit XML. Coverage merges files that test the same gateway of the same inputs.
 */
import type { TestFileProblem } from './load.js';
import type { CaseResult, Mismatch, RouteSet, SuiteResult } from './run.js';

export interface CoverageEntry {
  gateway: string;
  files: string[];
  gatewayRoutes: RouteSet;
  routerRoutes: RouteSet;
  unreachable: string[];
}

export interface TestReport {
  passed: boolean;
  summary: { files: number; cases: number; passed: number; failed: number };
  cases: CaseResult[];
  failures: CaseResult[];
  coverage: { percent: number; minimum: number | null; ok: boolean; gateways: CoverageEntry[] };
  /** Files that could not be used (unreadable, syntax, schema) or whose inputs are invalid. */
  errors: TestFileProblem[];
}

export function buildReport(files: number, suites: (SuiteResult & { key: string })[], problems: TestFileProblem[], minimum: number | null): TestReport {
  const cases = suites.flatMap((s) => s.cases);
  const failures = cases.filter((c) => !c.passed);
  const errors = [...problems, ...suites.filter((s) => s.error !== null).map((s): TestFileProblem => ({ code: 'TESTFILE_INPUT', file: s.file, line: null, column: null, pointer: '', message: s.error! }))];
  const byKey = new Map<string, CoverageEntry>();
  for (const s of suites) {
    if (s.error !== null) continue;
    const e = byKey.get(s.key);
    if (!e) { byKey.set(s.key, { gateway: s.gateway!, files: [s.file], gatewayRoutes: s.gatewayRoutes, routerRoutes: s.routerRoutes, unreachable: s.unreachable }); continue; }
    e.files.push(s.file);
    e.gatewayRoutes = merge(e.gatewayRoutes, s.gatewayRoutes);
    e.routerRoutes = merge(e.routerRoutes, s.routerRoutes);
  }
  const gateways = [...byKey.values()];
  const total = gateways.reduce((n, g) => n + g.gatewayRoutes.total + g.routerRoutes.total, 0);
  const covered = gateways.reduce((n, g) => n + g.gatewayRoutes.covered.length + g.routerRoutes.covered.length, 0);
  const percent = total === 0 ? 100 : Math.floor((covered / total) * 1000) / 10;
  const ok = minimum === null || percent >= minimum;
  return {
    passed: failures.length === 0 && errors.length === 0 && ok,
    summary: { files, cases: cases.length, passed: cases.length - failures.length, failed: failures.length },
    cases, failures, coverage: { percent, minimum, ok, gateways }, errors,
  };
}

function merge(a: RouteSet, b: RouteSet): RouteSet {
  const covered = new Set([...a.covered, ...b.covered]);
  const all = [...a.covered, ...a.uncovered];
  return { total: a.total, covered: all.filter((id) => covered.has(id)), uncovered: all.filter((id) => !covered.has(id)) };
}

const show = (v: unknown): string => JSON.stringify(v);

function mismatchLines(m: readonly Mismatch[]): string[] {
  return m.map((x) => `${x.field.slice(1) || '(decision)'}: expected ${show(x.expected)}, got ${show(x.actual)}`);
}

function where(c: { file: string; line: number | null }): string {
  return c.line ? `${c.file}:${c.line}` : c.file;
}

export function renderHuman(r: TestReport): string {
  const lines: string[] = [];
  for (const e of r.errors) lines.push(`✘ ${where(e)}${e.column && e.line ? `:${e.column}` : ''} ${e.code}: ${e.message}`);
  let file = '';
  for (const c of r.cases) {
    if (c.file !== file) { file = c.file; lines.push(file); }
    if (c.passed) { lines.push(`  ✔ ${c.name}`); continue; }
    lines.push(`  ✘ ${c.name}  (${where(c)})`);
    if (c.error !== null) lines.push(`      ${c.error}`);
    for (const l of mismatchLines(c.mismatches)) lines.push(`      ${l}`);
    if (c.decision !== null) lines.push(`      decision: ${show(c.decision)}`);
  }
  lines.push('', 'Route coverage:');
  for (const g of r.coverage.gateways) {
    lines.push(`  gateway ${g.gateway}: gateway routes ${g.gatewayRoutes.covered.length}/${g.gatewayRoutes.total}, router routes ${g.routerRoutes.covered.length}/${g.routerRoutes.total}`);
    for (const id of [...g.gatewayRoutes.uncovered, ...g.routerRoutes.uncovered]) lines.push(`    not exercised: ${id}`);
    for (const id of g.unreachable) lines.push(`    not counted (no gateway route leads to it): ${id}`);
  }
  const min = r.coverage.minimum === null ? '' : ` (minimum ${r.coverage.minimum}%${r.coverage.ok ? '' : ' — below'})`;
  lines.push(`  total ${r.coverage.percent}%${min}`);
  const s = r.summary;
  lines.push('', `${r.passed ? '✔' : '✘'} ${s.passed} passed, ${s.failed} failed, ${s.cases} case(s) in ${s.files} file(s)${r.errors.length ? `, ${r.errors.length} file error(s)` : ''}`);
  return lines.join('\n') + '\n';
}

export function renderJson(r: TestReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}

/** TAP version 13: one test point per case (and per file error), YAML diagnostics on failure. */
export function renderTap(r: TestReport): string {
  const lines = ['TAP version 13', `1..${r.cases.length + r.errors.length + 1}`];
  let n = 0;
  for (const e of r.errors) {
    lines.push(`not ok ${++n} - ${where(e)} ${e.code}`, '  ---', `  message: ${show(e.message)}`, '  ...');
  }
  for (const c of r.cases) {
    lines.push(`${c.passed ? 'ok' : 'not ok'} ${++n} - ${c.name.replace(/#/g, '\\#')}`);
    if (c.passed) continue;
    lines.push('  ---', `  at: ${show(where(c))}`);
    if (c.error !== null) lines.push(`  error: ${show(c.error)}`);
    if (c.mismatches.length) lines.push('  mismatches:', ...c.mismatches.map((m) => `    - { field: ${show(m.field)}, expected: ${show(m.expected)}, actual: ${show(m.actual)} }`));
    lines.push('  ...');
  }
  lines.push(`${r.coverage.ok ? 'ok' : 'not ok'} ${++n} - route coverage ${r.coverage.percent}%${r.coverage.minimum === null ? '' : ` (minimum ${r.coverage.minimum}%)`}`);
  return lines.join('\n') + '\n';
}

const xml = (s: string): string => s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');

/** JUnit XML: one testsuite per file, one testcase per case, a failure element with the diff. */
export function renderJunit(r: TestReport): string {
  const files = [...new Set([...r.cases.map((c) => c.file), ...r.errors.map((e) => e.file)])];
  const out = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="meshroute test" tests="${r.summary.cases}" failures="${r.summary.failed}" errors="${r.errors.length}">`];
  for (const f of files) {
    const cases = r.cases.filter((c) => c.file === f);
    const errors = r.errors.filter((e) => e.file === f);
    out.push(`  <testsuite name="${xml(f)}" tests="${cases.length}" failures="${cases.filter((c) => !c.passed).length}" errors="${errors.length}">`);
    for (const e of errors) out.push(`    <testcase name="${xml(e.code)}" classname="${xml(f)}"><error message="${xml(`${where(e)} ${e.message}`)}"/></testcase>`);
    for (const c of cases) {
      if (c.passed) { out.push(`    <testcase name="${xml(c.name)}" classname="${xml(f)}"/>`); continue; }
      const body = [...(c.error ? [c.error] : []), ...mismatchLines(c.mismatches), ...(c.decision ? [`decision: ${show(c.decision)}`] : [])].join('\n');
      out.push(`    <testcase name="${xml(c.name)}" classname="${xml(f)}"><failure message="${xml(`${where(c)}: ${c.mismatches.length} field(s) differ`)}">${xml(body)}</failure></testcase>`);
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}

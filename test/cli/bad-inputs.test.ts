// A new user's bad inputs against the real `meshroute` process (dist/cli.js, built by npm test):
// each gets a typed error with a clear message and the documented exit status (docs/cli.md "Errors
// and exit status"), never a stack trace; with --json, stdout is exactly one JSON document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { reportFailure } from '../../src/cli/failure.js';

const CLI = resolve('dist/cli.js');
const EDGE = resolve('docs/examples/edge-gateway');
const tmp = mkdtempSync(join(tmpdir(), 'meshroute-bad-'));
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));

/** A line of a JavaScript stack trace, or the name of an uncaught built-in error. */
const STACK = /^\s+at .+[:(]\d+:\d+\)?$|^(Range|Type|Reference|Syntax)Error\b|node:internal|Uncaught/m;

interface Case {
  name: string;
  argv: string[];
  stdin?: string | Buffer;
  status: number;
  /** Expected human message (stderr, or stdout for validate's findings). */
  message: RegExp;
  /** The error code the --json document names. */
  code: string;
  skip?: string | false;
}

function file(name: string, content: string | Buffer): string {
  const p = join(tmp, name);
  writeFileSync(p, content);
  return p;
}

function dir(name: string, files: Record<string, string> = {}): string {
  const p = join(tmp, name);
  mkdirSync(p, { recursive: true });
  for (const [f, text] of Object.entries(files)) writeFileSync(join(p, f), text);
  return p;
}

const edgeText = readFileSync(join(EDGE, 'mesh.yaml'), 'utf8');
// 150,000 documents: the edge mesh then small non-App-Mesh documents (a spread of this many overflowed).
const manyDocs = file('many.yaml', edgeText + '\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n'.repeat(149_990));
const deep = file('deep.yaml', 'spec: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n');
const binary = file('image.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, ...Array(2000).fill(0xff)]));
const latin1 = file('latin1.yaml', Buffer.from('metadata: {name: caf\xe9}\n', 'latin1'));
const existing = file('existing', 'a file, not a directory');
const corruptTable = file('corrupt.mrt', Buffer.from('this is not a table at all'));
const invalidMesh = file('invalid.yaml', 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: GatewayRoute\nmetadata: {name: a, namespace: n}\nspec: {}\n');
const empty = file('empty.yaml', '');
const emptyDir = dir('empty-dir');
const otherManifests = dir('other', { 'deploy.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\n', 'notes.txt': 'x' });

const CASES: Case[] = [
  { name: 'compile -o into a missing directory (ENOENT)', argv: ['compile', '-f', EDGE, '-o', join(tmp, 'missing/dir/t.mrt')], status: 1, message: /meshroute compile: cannot write .*missing\/dir\/t\.mrt: no such file or directory .*\(ENOENT\)/, code: 'OUTPUT_WRITE_FAILED' },
  { name: 'compile -o /dev/full (ENOSPC)', argv: ['compile', '-f', EDGE, '-o', '/dev/full'], status: 1, message: /cannot write \/dev\/full: no space left on the device \(ENOSPC\)/, code: 'OUTPUT_WRITE_FAILED', skip: existsSync('/dev/full') ? false : 'no /dev/full here' },
  { name: 'export envoy -o an existing file (EEXIST)', argv: ['export', 'envoy', '-f', EDGE, '-o', existing], status: 1, message: /cannot create directory .*existing: a file of that name already exists \(EEXIST\)/, code: 'OUTPUT_WRITE_FAILED' },
  { name: 'validate 150,000 documents in one file', argv: ['validate', manyDocs], status: 0, message: /✔ valid: 0 errors, 0 warnings — 11 App Mesh resources, 2 namespaces, 149992 skipped/, code: '' },
  { name: 'a deeply nested YAML flow sequence', argv: ['validate', deep], status: 1, message: /deep\.yaml:1:263: error INPUT_SYNTAX: syntax error: document nested deeper than 256 levels/, code: 'INPUT_SYNTAX' },
  { name: 'a binary file', argv: ['validate', binary], status: 1, message: /image\.yaml: not a text manifest \(binary data: a NUL byte at byte 8\)/, code: 'INPUT_NOT_TEXT' },
  { name: 'a file that is not UTF-8', argv: ['describe', latin1], status: 1, message: /latin1\.yaml: not a text manifest \(binary data: invalid UTF-8 at byte 20\)/, code: 'INPUT_NOT_TEXT' },
  { name: 'binary stdin', argv: ['validate', '-'], stdin: Buffer.from([0, 1, 2, 3]), status: 1, message: /<stdin>: not a text manifest/, code: 'INPUT_NOT_TEXT' },
  { name: 'validate an empty file', argv: ['validate', empty], status: 1, message: /INPUT_NO_RESOURCES: no App Mesh resource found in .*empty\.yaml \(1 file, 0 documents\); check the path/, code: 'INPUT_NO_RESOURCES' },
  { name: 'validate an empty directory', argv: ['validate', emptyDir], status: 1, message: /no App Mesh resource found in .*empty-dir \(0 files, 0 documents\)/, code: 'INPUT_NO_RESOURCES' },
  { name: 'validate a directory without App Mesh manifests', argv: ['validate', otherManifests], status: 1, message: /no App Mesh resource found in .*other \(1 file, 1 document, 1 skipped as not App Mesh\)/, code: 'INPUT_NO_RESOURCES' },
  { name: 'validate empty stdin', argv: ['validate', '-'], stdin: '', status: 1, message: /no App Mesh resource found in standard input \(1 file, 0 documents\)/, code: 'INPUT_NO_RESOURCES' },
  { name: 'describe an empty directory', argv: ['describe', emptyDir], status: 1, message: /INPUT_NO_RESOURCES/, code: 'INPUT_NO_RESOURCES' },
  { name: 'a missing path', argv: ['route', '-f', join(tmp, 'nope.yaml'), '/x'], status: 1, message: /nope\.yaml: no such file or directory/, code: 'INPUT_NOT_FOUND' },
  { name: 'route with invalid manifests', argv: ['route', '-f', invalidMesh, '/x'], status: 1, message: /meshroute route: \d+ error\(s\) in the input/, code: 'INVALID_RESOURCES' },
  { name: 'compile with invalid manifests', argv: ['compile', '-f', invalidMesh, '-o', join(tmp, 'x.mrt')], status: 1, message: /meshroute compile: \d+ error\(s\) in the input/, code: 'INVALID_RESOURCES' },
  { name: 'a corrupt table', argv: ['route', '--table', corruptTable, '/x'], status: 1, message: /meshroute route: bad magic: not a meshroute table/, code: 'table-magic' },
  { name: 'an unknown command', argv: ['valdate', EDGE], status: 2, message: /unknown command "valdate" \(did you mean "meshroute validate"\?\)/, code: 'USAGE_UNKNOWN_COMMAND' },
  { name: 'an unknown option', argv: ['route', '-f', EDGE, '--gatway', 'ingress-gw', '/x'], status: 2, message: /unknown option --gatway \(did you mean --gateway\?\)/, code: 'USAGE_UNKNOWN_OPTION' },
  { name: 'a header name with a space', argv: ['route', '-f', EDGE, '-H', 'x canary: v', 'http://shop.example.com/'], status: 2, message: /header name "x canary" is not a valid HTTP header name/, code: 'USAGE_BAD_HEADER' },
  { name: 'a URL with a broken host', argv: ['route', '-f', EDGE, 'http://[bad/x'], status: 2, message: /"http:\/\/\[bad\/x" has no valid host\[:port\]/, code: 'USAGE_BAD_URL' },
  { name: 'a URL port out of range', argv: ['route', '-f', EDGE, 'http://shop.example.com:70000/x'], status: 2, message: /port 70000 in "http:\/\/shop\.example\.com:70000\/x" is out of range \(1\.\.65535\)/, code: 'USAGE_BAD_URL' },
  { name: 'a missing URL', argv: ['route', '-f', EDGE], status: 2, message: /needs exactly one URL/, code: 'USAGE_MISSING_URL' },
];

function runCli(argv: string[], stdin: string | Buffer = '') {
  const r = spawnSync(process.execPath, [CLI, ...argv], { input: stdin, encoding: 'utf8', cwd: tmp, maxBuffer: 64 << 20, env: { ...process.env, MESHROUTE_DEBUG: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const repro = (argv: string[]) => `reproduce: node dist/cli.js ${argv.map((a) => (/[\s'"[\]]/.test(a) ? `'${a}'` : a)).join(' ')}`;

test('dist/cli.js is built (npm test builds first; else npm run build)', () => {
  assert.ok(existsSync(CLI), `${CLI} missing: run npm run build`);
});

for (const c of CASES) {
  test(`bad input: ${c.name} → exit ${c.status}, a clear message, no stack trace; --json: one JSON document`, { skip: c.skip ?? false, timeout: 60_000 }, () => {
    const human = runCli(c.argv, c.stdin);
    const shown = `${repro(c.argv)}\nstatus ${human.status}\nstdout: ${human.stdout.slice(0, 2000)}\nstderr: ${human.stderr.slice(0, 2000)}`;
    assert.equal(human.status, c.status, shown);
    assert.match(human.stdout + human.stderr, c.message, shown);
    assert.doesNotMatch(human.stdout + human.stderr, STACK, shown);

    const argv = [...c.argv, '--json'];
    const json = runCli(argv, c.stdin);
    const jshown = `${repro(argv)}\nstatus ${json.status}\nstdout: ${json.stdout.slice(0, 2000)}\nstderr: ${json.stderr.slice(0, 2000)}`;
    assert.equal(json.status, c.status, jshown);
    assert.doesNotMatch(json.stdout + json.stderr, STACK, jshown);
    let doc: Record<string, unknown>;
    try {
      doc = JSON.parse(json.stdout);
    } catch (err) {
      assert.fail(`stdout is not one JSON document (${(err as Error).message})\n${jshown}`);
    }
    if (c.status === 0) return;
    if (c.argv[0] === 'validate' && 'valid' in doc) {
      // validate keeps its own shape for findings: {valid: false, diagnostics}
      assert.equal(doc.valid, false, jshown);
      assert.ok((doc.diagnostics as { code: string }[]).some((d) => d.code === c.code), jshown);
      return;
    }
    if (c.argv[0] === 'describe' && 'valid' in doc) {
      assert.equal(doc.valid, false, jshown);
      assert.ok((doc.diagnostics as { code: string }[]).some((d) => d.code === c.code), jshown);
      return;
    }
    const error = doc.error as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc).sort(), ['diagnostics', 'error'], jshown);
    assert.deepEqual(Object.keys(error).sort(), ['code', 'column', 'exitStatus', 'file', 'line', 'message', 'offset'], jshown);
    assert.equal(error.code, c.code, jshown);
    assert.equal(error.exitStatus, c.status, jshown);
    const diagnostics = doc.diagnostics as { code: string; message: string }[];
    if (c.code === 'INVALID_RESOURCES') {
      assert.ok(diagnostics.length > 0 && diagnostics.every((d) => human.stderr.includes(d.message) || d.code !== 'error'), jshown);
    } else {
      assert.ok((human.stdout + human.stderr).includes(String(error.message)), `the JSON message is the human one\n${jshown}\n${shown}`);
    }
  });
}

test('stdout closed early (validate … | head -1): the command ends quietly with its own status (EPIPE)', { timeout: 60_000 }, async () => {
  const big = file('big-invalid.yaml', Array.from({ length: 1000 }, (_, i) => `apiVersion: appmesh.k8s.aws/v1beta2\nkind: GatewayRoute\nmetadata: {name: gr${i}, namespace: ns}\nspec:\n  httpRoute:\n    match: {prefx: /a}\n`).join('---\n'));
  for (const argv of [['validate', big], ['validate', big, '--json']]) {
    const child = spawn(process.execPath, [CLI, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    child.stdout.once('data', () => child.stdout.destroy()); // the reader goes away after its first line
    const status = await new Promise<number | null>((ok) => child.on('close', (code) => ok(code)));
    assert.equal(stderr, '', `${repro(argv)} | head -1 wrote to stderr:\n${stderr}`);
    assert.equal(status, 1, `${repro(argv)} | head -1: the command's own status (invalid input)`);
  }
});

test('an unanticipated exception is an internal error: exit 3, no stack trace unless MESHROUTE_DEBUG=1; --json names INTERNAL_ERROR', () => {
  let out = '';
  let err = '';
  const io = { out: (t: string) => (out += t), err: (t: string) => (err += t), readStdin: () => '', tty: false };
  const bug = new TypeError("Cannot read properties of undefined (reading 'x')");
  const previous = process.env.MESHROUTE_DEBUG;
  delete process.env.MESHROUTE_DEBUG;
  try {
    assert.equal(reportFailure(bug, 'route', io, false), 3);
    assert.match(err, /^meshroute route: internal error \(a bug in meshroute; please report it with the command that caused it\): TypeError: Cannot read properties/);
    assert.doesNotMatch(err, STACK, err);
    err = '';
    assert.equal(reportFailure(bug, 'route', io, true), 3);
    const doc = JSON.parse(out);
    assert.equal(doc.error.code, 'INTERNAL_ERROR');
    assert.equal(doc.error.exitStatus, 3);
    process.env.MESHROUTE_DEBUG = '1';
    err = '';
    reportFailure(bug, 'route', io, false);
    assert.match(err, STACK, 'MESHROUTE_DEBUG=1 shows the stack');
  } finally {
    if (previous === undefined) delete process.env.MESHROUTE_DEBUG;
    else process.env.MESHROUTE_DEBUG = previous;
  }
});

// `meshroute playground`: the built CLI serves dist/playground/ on 127.0.0.1 — every page file, nothing
// outside the folder, GET/HEAD only — says where with --json, and a port in use is a typed error, exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { run } from './_run.js';

const CLI = 'dist/cli.js';

/** Starts the built CLI and resolves with its first stdout line. */
async function startCli(args: string[]): Promise<{ child: ChildProcess; line: string; exit: Promise<number | null> }> {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const exit = once(child, 'exit').then(([code]) => code as number | null);
  let out = '';
  const line = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.slice(0, out.indexOf('\n')));
    });
    void exit.then((code) => reject(new Error(`meshroute playground exited with ${code} before printing; stdout ${JSON.stringify(out)}`)));
  });
  return { child, line, exit };
}

test('meshroute playground --port 0 --json serves the page files and nothing else', { timeout: 30_000 }, async () => {
  assert.ok(existsSync('dist/playground/index.html'), 'dist/ is not built: run npm run build');
  const { child, line, exit } = await startCli(['playground', '--port', '0', '--json']);
  try {
    const { url, root } = JSON.parse(line) as { url: string; root: string };
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(root, /dist[\\/]playground[\\/]?$/);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(await page.text(), /<title>meshroute playground<\/title>/);
    for (const file of ['playground.js', 'meshroute.global.js', 'examples.js', 'playground.css']) assert.equal((await fetch(url + file)).status, 200, file);
    for (const outside of ['../package.json', '..%2fpackage.json', '%2e%2e/cli.js', 'nope.js']) assert.equal((await fetch(url + outside)).status, 404, outside);
    assert.equal((await fetch(url, { method: 'POST', body: 'x' })).status, 405);
  } finally {
    child.kill('SIGTERM');
    await exit;
  }
});

test('meshroute playground on a port in use: INPUT_PORT_UNAVAILABLE, exit 1, JSON error with --json', { timeout: 30_000 }, async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = String((blocker.address() as { port: number }).port);
  try {
    const child = spawn(process.execPath, [CLI, 'playground', '--port', port, '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const [code] = await once(child, 'exit');
    assert.equal(code, 1, `stderr: ${stderr}`);
    assert.deepEqual(JSON.parse(stdout), { error: { name: 'InputError', code: 'INPUT_PORT_UNAVAILABLE', message: `port ${port} on 127.0.0.1 is in use; choose another with --port` } });
    assert.match(stderr, /^meshroute playground: port \d+ on 127\.0\.0\.1 is in use; choose another with --port\n$/);
  } finally {
    blocker.close();
  }
});

test('meshroute playground: usage errors exit 2', () => {
  for (const argv of [['playground', '--port', 'x'], ['playground', '--port', '70000'], ['playground', 'extra']]) {
    const r = run(argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /^meshroute playground: /);
  }
  assert.match(run(['playground', '--help']).stdout, /Usage: meshroute playground/);
});

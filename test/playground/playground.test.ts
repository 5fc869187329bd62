// The playground page (docs/playground/, built into dist/playground/) in headless Chromium, served by
// the same server `meshroute playground` uses. For every bundled example: the page routes the
// example's request and a miss, and the decision it shows equals `meshroute route --json` (same
// manifests, request and seed) from the built CLI; a broken manifest marks the right line; the URL
// fragment reproduces the page; files can be added; the page works from file:// and asks no other host.
// Screenshots go to test-artifacts/playground/ (looked at, not compared). Chromium: test/_support/chromium.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { servePlayground } from '../../src/cli/playground-server.js';
import { CHROMIUM_ARGS, chromiumExecutable } from '../_support/chromium.js';

const skip = process.env.MESHROUTE_SKIP_BROWSER === '1' ? 'MESHROUTE_SKIP_BROWSER=1: real-browser test skipped on request' : false;
const ARTIFACTS = resolve('test-artifacts/playground');
const CLI = resolve('dist/cli.js');

interface ExampleEntry {
  folder: string;
  request: { method: string; url: string; headers: string; protocol?: string };
}
const EXAMPLES: ExampleEntry[] = JSON.parse(readFileSync('docs/playground/examples.json', 'utf8')).examples;

/** `meshroute route --json` for the same request, from the built CLI. */
function cliDecision(folder: string, r: ExampleEntry['request'], seed: string): unknown {
  const args = [CLI, 'route', '-f', `docs/examples/${folder}`, r.url, '-X', r.method, '--seed', seed, '--json'];
  for (const h of r.headers.split('\n').filter((l) => l.trim() !== '')) args.push('-H', h);
  if (r.protocol) args.push('--protocol', r.protocol);
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }));
}

async function shownDecision(page: Page): Promise<unknown> {
  await page.waitForSelector('#decision-json');
  return JSON.parse((await page.textContent('#decision-json')) ?? 'null');
}

async function fillRequest(page: Page, r: ExampleEntry['request'], seed: string): Promise<void> {
  await page.selectOption('#req-method', r.method);
  await page.fill('#req-url', r.url);
  await page.fill('#req-headers', r.headers);
  await page.selectOption('#req-protocol', r.protocol ?? '');
  await page.fill('#req-seed', seed);
  await page.press('#req-url', 'Enter'); // the form submits: keyboard only
}

test('playground page in headless Chromium: decisions equal route --json, diagnostics on their lines, state in the URL', { skip, timeout: 240_000 }, async (t) => {
  assert.ok(existsSync('dist/playground/index.html') && existsSync(CLI), 'dist/ is not built: run npm run build');
  const executablePath = await chromiumExecutable();
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await servePlayground({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'meshroute-playground-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      viewport: { width: 1400, height: 1000 },
      args: CHROMIUM_ARGS,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    const foreign: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text().slice(0, 200)} (${m.location().url})`); });
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !r.url().startsWith('file:') && !r.url().startsWith('data:')) foreign.push(r.url()); });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]');

    for (const example of EXAMPLES) {
      await t.test(`example ${example.folder}: the shown decision equals route --json`, async () => {
        await page.selectOption('#example', example.folder);
        await page.waitForSelector('#summary.ok');
        for (const [label, request] of [['its request', example.request], ['a miss', { ...example.request, url: example.request.url.replace(/(\/\/[^/]+)\/.*$/, '$1/no/such/route/here'), headers: '' }]] as const) {
          await fillRequest(page, request, '7');
          const shown = await shownDecision(page);
          assert.deepEqual(shown, cliDecision(example.folder, request, '7'), `${example.folder}, ${label}: ${request.method} ${request.url} ${JSON.stringify(request.headers)} — the page and \`meshroute route --json --seed 7\` disagree`);
        }
        await fillRequest(page, example.request, '7');
        const d = (await shownDecision(page)) as { matched: boolean; gatewayRoute: string; virtualService: string; virtualRouter: string | null; route: string | null; virtualNode: string | null };
        assert.ok(d.matched, `${example.folder}: the example's own request should match`);
        const hit = await page.$$eval('#topology .box.hit', (els) => els.map((e) => e.getAttribute('data-key')));
        const expected = [`gr:${d.gatewayRoute}`, `vs:${d.virtualService}`, ...(d.route !== null ? [`rr:${d.virtualRouter}/${d.route}`] : []), ...(d.virtualNode !== null ? [`vn:${d.virtualNode}`] : [])];
        for (const key of expected) assert.ok(hit.includes(key), `${example.folder}: topology box ${key} is not highlighted (highlighted: ${hit.join(', ')})`);
        assert.equal(await page.locator('#topology .box[data-key^="gr:"]').count(), await page.locator('#gateway-routes tbody tr').count(), 'one topology box per gateway route of the explain table');
        await page.screenshot({ path: join(ARTIFACTS, `${example.folder}.png`), fullPage: true });
      });
    }

    await t.test('a broken manifest: the diagnostic names its line, the gutter and a band mark it, a click puts the caret there', async () => {
      await page.selectOption('#example', 'edge-gateway');
      await page.waitForSelector('#summary.ok');
      const text = await page.inputValue('#source');
      const lines = text.split('\n');
      const at = lines.findIndex((l) => l.trim() === 'prefix: /api/v1');
      assert.ok(at > 0, 'edge-gateway example has a `prefix: /api/v1` line');
      lines[at] = lines[at]!.replace('/api/v1', 'api/v1'); // a prefix must start with '/'
      await page.fill('#source', lines.join('\n'));
      await page.waitForSelector('#summary.fail');
      const line = at + 1;
      const diag = page.locator(`#diagnostics li.error[data-line="${line}"]`);
      assert.ok((await diag.count()) >= 1, `no error diagnostic on line ${line}: ${await page.textContent('#diagnostics')}`);
      assert.match((await diag.first().textContent()) ?? '', new RegExp(`mesh\\.yaml:${line}:`));
      assert.equal(await page.getAttribute(`#gutter .ln[data-line="${line}"]`, 'class'), 'ln error');
      assert.equal(await page.locator('#gutter .ln.error').count(), await page.locator('#bands .band.error').count());
      assert.equal(await page.locator(`#bands .band.error[data-line="${line}"]`).count(), 1);
      await diag.first().locator('button').click();
      const caretLine = await page.evaluate(() => {
        const s = document.getElementById('source') as HTMLTextAreaElement;
        return s.value.slice(0, s.selectionStart).split('\n').length;
      });
      assert.equal(caretLine, line);
      await page.screenshot({ path: join(ARTIFACTS, 'broken-manifest.png'), fullPage: true });
    });

    await t.test('the URL fragment reproduces files, gateway, hostname mode and request', async () => {
      const example = EXAMPLES.find((e) => e.folder === 'color-app')!;
      await page.selectOption('#example', example.folder);
      await page.waitForSelector('#summary.ok');
      await page.waitForFunction(() => location.hash.length > 1 && document.body.dataset.saved === location.hash.slice(1));
      const loadedHash = page.url();
      await page.selectOption('#hostname-mode', 'flat');
      await fillRequest(page, { ...example.request, headers: 'color_header: white' }, '42');
      const before = await shownDecision(page);
      const source = await page.inputValue('#source');
      await page.waitForFunction((old) => location.href !== old && document.body.dataset.saved === location.hash.slice(1), loadedHash);
      const link = page.url();
      const again = await context!.newPage();
      await again.goto(link);
      await again.waitForSelector('body[data-ready]');
      await again.waitForSelector('#decision-json');
      assert.equal(await again.inputValue('#source'), source);
      assert.equal(await again.inputValue('#hostname-mode'), 'flat');
      assert.equal(await again.inputValue('#req-headers'), 'color_header: white');
      assert.equal(await again.inputValue('#req-seed'), '42');
      assert.deepEqual(await shownDecision(again), before);
      await again.close();
    });

    await t.test('lint findings name their route and line; a witness is one click from its decision', async () => {
      const text = readFileSync('test/analyze/lint-vectors/never-wins-catch-all.yaml', 'utf8');
      await page.selectOption('#example', 'edge-gateway');
      await page.waitForSelector('#summary.ok');
      await page.fill('#source', text);
      const finding = page.locator('#lint li.finding[data-code="LINT_NEVER_WINS"][data-route="canary"]');
      await finding.waitFor();
      const line = text.split('\n').findIndex((l) => l === 'gatewayRouteName: canary') + 1;
      assert.match((await finding.textContent()) ?? '', new RegExp(`^mesh\\.yaml:\\d+ error LINT_NEVER_WINS gateway route canary: `));
      await finding.locator('button.link').click();
      const caretLine = await page.evaluate(() => {
        const s = document.getElementById('source') as HTMLTextAreaElement;
        return s.value.slice(0, s.selectionStart).split('\n').length;
      });
      assert.ok(Math.abs(caretLine - line) <= 3, `the finding's location (line ${caretLine}) is the canary route's document (line ${line})`);
      await finding.locator('button.try').click();
      const shown = (await shownDecision(page)) as { gatewayRoute: string };
      assert.equal(shown.gatewayRoute, 'catch-all', 'the witness request is taken by the route that hides canary');
      // The same request from the CLI: the page's form holds it exactly.
      const dir = mkdtempSync(join(tmpdir(), 'meshroute-lint-'));
      try {
        writeFileSync(join(dir, 'mesh.yaml'), text);
        const fields = { method: await page.inputValue('#req-method'), url: await page.inputValue('#req-url'), headers: await page.inputValue('#req-headers'), protocol: await page.inputValue('#req-protocol') };
        const args = [CLI, 'route', '-f', dir, fields.url, '-X', fields.method, '--port', await page.inputValue('#req-port'), '--seed', await page.inputValue('#req-seed'), '--json'];
        for (const h of fields.headers.split('\n').filter((l) => l.trim() !== '')) args.push('-H', h);
        if (fields.protocol) args.push('--protocol', fields.protocol);
        assert.deepEqual(shown, JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      await page.screenshot({ path: join(ARTIFACTS, 'lint.png'), fullPage: true });
    });

    await t.test('files added through the file picker become tabs and take part', async () => {
      await page.selectOption('#example', 'edge-gateway');
      await page.waitForSelector('#summary.ok');
      const extra = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: unrelated\n';
      await page.setInputFiles('#open-files', { name: 'extra.yaml', mimeType: 'text/yaml', buffer: Buffer.from(extra) });
      await page.waitForSelector('#tabs button[aria-selected="true"]:text("extra.yaml")');
      assert.equal(await page.inputValue('#source'), extra);
      await page.waitForFunction(() => /2 files/.test(document.getElementById('summary')?.textContent ?? ''));
    });

    await t.test('from file:// without a server, the page still validates and routes', async () => {
      const local = await context!.newPage();
      const errors: string[] = [];
      local.on('pageerror', (e) => errors.push(e.message));
      await local.goto(pathToFileURL(resolve('dist/playground/index.html')).href);
      await local.waitForSelector('body[data-ready]');
      await local.waitForSelector('#verdict');
      assert.match((await local.textContent('#verdict')) ?? '', /^✔ gateway route/);
      assert.deepEqual(errors, []);
      await local.close();
    });

    assert.deepEqual([...new Set(problems)], [], 'the page logged errors');
    assert.deepEqual(foreign, [], 'the page asked hosts other than its own (it must work offline)');
  } finally {
    await context?.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

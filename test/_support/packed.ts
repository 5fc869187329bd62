/**
 * The published package as a user gets it, built once per test run and shared by every test that
 * needs it (test/package/pack.test.ts, test/docs/code-blocks.test.ts):
 *
 *   1. a clean copy of the repository (the files git tracks or would add, no dist/), with the
 *      repository's node_modules linked in so its build tools are there;
 *   2. `npm pack` there: `prepack` must build dist/ (the tarball of a clean checkout has code);
 *   3. an empty project that `npm install`s the tarball (the registry serves the dependencies), and
 *      fast-check, the optional peer dependency docs/getting-started.md installs for meshroute/testing.
 *
 * Node's test runner runs each file in its own process, so the result is cached on disk under
 * os.tmpdir() keyed by a hash of the packed sources; a lock directory makes concurrent files wait
 * for the first one instead of packing twice. MESHROUTE_SKIP_PACK=1 skips the tests that need it.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const PACK_SKIP = process.env.MESHROUTE_SKIP_PACK === '1' ? 'MESHROUTE_SKIP_PACK=1: package install tests skipped on request' : false;
export const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface PackedPackage {
  /** The tarball `npm pack` wrote. */
  tarball: string;
  /** Paths inside the tarball (without the leading `package/`). */
  files: string[];
  /** An empty project with only the tarball installed; run user code here. */
  app: string;
  /** The installed `meshroute` bin. */
  bin: string;
}

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '..', '..');
const quiet = { encoding: 'utf8' as const, stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 };

/** Files a clean clone would have: tracked plus untracked-but-not-ignored (the work in progress). */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { ...quiet, cwd: ROOT });
  return out.split('\0').filter((f) => f !== '' && existsSync(join(ROOT, f)) && statSync(join(ROOT, f)).isFile()).sort();
}

function keyOf(files: string[]): string {
  const hash = createHash('sha256');
  for (const f of files) {
    if (f.startsWith('test/')) continue; // tests do not change the package
    hash.update(f + '\0');
    hash.update(readFileSync(join(ROOT, f)));
  }
  return hash.digest('hex').slice(0, 16);
}

function lockAge(lock: string): number {
  try {
    return statSync(lock).mtimeMs;
  } catch {
    return Date.now();
  }
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Packs and installs (or reuses this run's result). Throws with npm's output when a step fails. */
export function packedPackage(): PackedPackage {
  const files = sourceFiles();
  const base = join(tmpdir(), `meshroute-packed-${keyOf(files)}`);
  const done = join(base, 'result.json');
  const lock = `${base}.lock`;
  for (let waited = 0; !existsSync(done); waited += 200) {
    try {
      mkdirSync(lock);
    } catch {
      // A lock left by a killed run: packing takes about a minute, so ten are a dead owner.
      if (Date.now() - lockAge(lock) > 600_000) rmSync(lock, { recursive: true, force: true });
      if (waited > 600_000) throw new Error(`gave up waiting for ${lock} (remove it if no test run is packing)`);
      sleep(200);
      continue;
    }
    try {
      if (!existsSync(done)) build(files, base);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return JSON.parse(readFileSync(done, 'utf8')) as PackedPackage;
}

function step(what: string, cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { ...quiet, cwd });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${what} failed in ${cwd}: ${cmd} ${args.join(' ')}\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}

function build(files: string[], base: string): void {
  rmSync(base, { recursive: true, force: true });
  const clone = join(base, 'clone');
  for (const f of files) cpSync(join(ROOT, f), join(clone, f));
  symlinkSync(join(ROOT, 'node_modules'), join(clone, 'node_modules'), 'dir');
  const packDir = join(base, 'pack');
  mkdirSync(packDir);
  // Not --ignore-scripts: prepack is what builds dist/ from a clean checkout.
  step('npm pack of a clean checkout', npm, ['pack', '--pack-destination', packDir, '--loglevel=error'], clone);
  const name = readdirSync(packDir).find((f) => f.endsWith('.tgz'));
  if (!name) throw new Error(`npm pack wrote no tarball into ${packDir}`);
  const tarball = join(packDir, name);
  const listing = step('listing the tarball', 'tar', ['-tzf', tarball], base);
  const packed = listing.split('\n').filter(Boolean).map((p) => p.replace(/^package\//, ''));
  const app = join(base, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'meshroute-consumer', version: '1.0.0', private: true }, null, 2));
  const fastCheck = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }).devDependencies['fast-check'];
  step('npm install of the tarball', npm, ['install', tarball, `fast-check@${fastCheck}`, '--no-audit', '--no-fund', '--loglevel=error'], app);
  rmSync(clone, { recursive: true, force: true });
  const result: PackedPackage = { tarball, files: packed, app, bin: join(app, 'node_modules', '.bin', 'meshroute') };
  writeFileSync(join(base, 'result.json'), JSON.stringify(result));
  removeStale(base);
}

/** Earlier runs' copies (other source hashes) older than an hour: keep /tmp from filling up. */
function removeStale(keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(tmpdir())) {
    const p = join(tmpdir(), name);
    if (!name.startsWith('meshroute-packed-') || p === keep || name.endsWith('.lock')) continue;
    try {
      if (now - statSync(p).mtimeMs > 3_600_000) rmSync(p, { recursive: true, force: true });
    } catch {
      // another run removed it first
    }
  }
}

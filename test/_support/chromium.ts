/**
 * Which headless Chromium the browser tests drive (with playwright-core), so `npm ci && npm test`
 * needs nothing but Node and npm: by default the Chromium that the `@sparticuz/chromium` dev
 * dependency ships inside its npm tarball (brotli-compressed; unpacked once into os.tmpdir() on first
 * use, ~6 s). MESHROUTE_CHROMIUM=/usr/bin/chromium (or any path) uses a system browser instead.
 */
import { existsSync } from 'node:fs';

/** Launch flags for this machine: as root, without a sandbox, and no background connections (the network is closed). */
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function chromiumExecutable(): Promise<string> {
  const chosen = process.env.MESHROUTE_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (!existsSync(chosen)) throw new Error(`MESHROUTE_CHROMIUM=${chosen} does not exist (unset it to use the Chromium of the @sparticuz/chromium dev dependency)`);
    return chosen;
  }
  let packaged: { executablePath(): Promise<string> };
  try {
    packaged = (await import('@sparticuz/chromium')).default;
  } catch (err) {
    throw new Error(`@sparticuz/chromium is not installed (npm ci installs it; or set MESHROUTE_CHROMIUM=/usr/bin/chromium): ${(err as Error).message}`);
  }
  return packaged.executablePath();
}

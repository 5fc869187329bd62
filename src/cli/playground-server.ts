/**
 * Serves the built playground (dist/playground/) on a loopback address: static files only, GET and
 * HEAD, nothing outside that folder. Used by `meshroute playground` and by the browser test.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { InputError } from '../errors.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
};

export interface PlaygroundServer {
  url: string;
  root: string;
  close(): Promise<void>;
}

/** dist/playground/ next to the built CLI (dist/cli.js), or the built one when running from src/. */
export function playgroundRoot(): string {
  const candidates = [new URL('./playground/', import.meta.url), new URL('../../dist/playground/', import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(join(dir, 'index.html')));
  if (!found) throw new InputError('INPUT_NOT_FOUND', `the playground is not built (looked in ${candidates.join(', ')}); run npm run build`);
  return found;
}

/** Starts serving; rejects with an InputError when the port cannot be bound (in use, not allowed). */
export function servePlayground(options: { port: number; host?: string; root?: string }): Promise<PlaygroundServer> {
  const root = options.root ?? playgroundRoot();
  const host = options.host ?? '127.0.0.1';
  // The files are read once: the server can only ever send these, whatever the request path says.
  const files = new Map(readdirSync(root).filter((name) => TYPES[extname(name)] !== undefined).map((name) => [name, readFileSync(join(root, name))]));
  const server: Server = createServer((req, res) => {
    const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice(1)) || 'index.html';
    const body = files.get(name);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end(`not found: /${name}\n`);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(name)]!, 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => {
      const why = err.code === 'EADDRINUSE' ? 'is in use; choose another with --port' : err.code === 'EACCES' ? 'is not allowed here; choose one above 1023 with --port' : `cannot be used (${err.message})`;
      reject(new InputError('INPUT_PORT_UNAVAILABLE', `port ${options.port} on ${host} ${why}`));
    });
    server.listen(options.port, host, () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://${host}:${port}/`,
        root,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

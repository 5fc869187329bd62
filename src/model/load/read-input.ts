/**
 * Turns the paths a user gives (files, directories, `-` for stdin) into source texts.
 * Directories are walked recursively for `*.yaml`, `*.yml` and `*.json`, in sorted order so the
 * result never depends on the file system's listing order.
 */

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../../errors.js';

export interface SourceText {
  /** Path as given or found, `<stdin>` for standard input, or a caller-chosen name. */
  file: string;
  text: string;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/i;

export function readInputs(paths: readonly string[], readStdin: () => string = readStdinSync): SourceText[] {
  const out: SourceText[] = [];
  for (const p of paths) {
    if (p === '-') {
      out.push({ file: '<stdin>', text: readStdin() });
      continue;
    }
    out.push(...readPath(p));
  }
  return out;
}

function readPath(path: string): SourceText[] {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new InputError('INPUT_NOT_FOUND', `${path}: no such file or directory`, { file: path });
  }
  if (stat.isDirectory()) return listManifestFiles(path).map(readOneFile);
  return [readOneFile(path)];
}

function listManifestFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      // A dangling symlink (or an entry that vanished): only a manifest-named one is the user's problem.
      if (MANIFEST_FILE.test(name)) throw new InputError('INPUT_UNREADABLE', `${p}: cannot be read (${(err as Error).message})`, { file: p });
      continue;
    }
    if (st.isDirectory()) files.push(...listManifestFiles(p));
    else if (MANIFEST_FILE.test(name)) files.push(p);
  }
  return files;
}

function readOneFile(file: string): SourceText {
  try {
    return { file, text: readFileSync(file, 'utf8') };
  } catch (err) {
    throw new InputError('INPUT_UNREADABLE', `${file}: cannot be read (${(err as Error).message})`, { file });
  }
}

function readStdinSync(): string {
  try {
    return readFileSync(0, 'utf8');
  } catch (err) {
    throw new InputError('INPUT_UNREADABLE', `<stdin>: cannot be read (${(err as Error).message})`, { file: '<stdin>' });
  }
}

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
    for (const s of readPath(p)) out.push(s); // no spread: a huge directory would overflow the argument stack
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
  return filesNamed(dir, MANIFEST_FILE);
}

/**
 * The files in `dir` and below whose name matches `pattern`, sorted by path; hidden entries are
 * skipped. A dangling entry with such a name is InputError INPUT_UNREADABLE.
 */
export function filesNamed(dir: string, pattern: RegExp): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = join(dir, name);
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      // A dangling symlink (or an entry that vanished): only a manifest-named one is the user's problem.
      if (pattern.test(name)) throw new InputError('INPUT_UNREADABLE', `${p}: cannot be read (${(err as Error).message})`, { file: p });
      continue;
    }
    if (st.isDirectory()) for (const f of filesNamed(p, pattern)) files.push(f);
    else if (pattern.test(name)) files.push(p);
  }
  return files;
}

function readOneFile(file: string): SourceText {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputError('INPUT_UNREADABLE', `${file}: cannot be read (${(err as Error).message})`, { file });
  }
  return { file, text: decodeManifestText(bytes, file) };
}

export function readStdinSync(): string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(0);
  } catch (err) {
    throw new InputError('INPUT_UNREADABLE', `<stdin>: cannot be read (${(err as Error).message})`, { file: '<stdin>' });
  }
  return decodeManifestText(bytes, '<stdin>');
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Manifests are UTF-8 text. Bytes that are not (an image, a compiled table, a gzip) get one
 * INPUT_NOT_TEXT error naming the first offending byte, instead of hundreds of syntax errors quoting
 * the garbage. A NUL byte counts as binary: no YAML or JSON text contains one.
 */
export function decodeManifestText(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  let text: string | null = null;
  if (nul < 0) {
    try {
      text = utf8.decode(bytes);
    } catch {
      text = null;
    }
  }
  if (text !== null) return text;
  const at = nul >= 0 ? nul : firstInvalidUtf8(bytes);
  throw new InputError('INPUT_NOT_TEXT', `${file}: not a text manifest (binary data: ${nul >= 0 ? 'a NUL byte' : 'invalid UTF-8'} at byte ${at}); meshroute reads YAML or JSON text`, { file });
}

/** Offset of the first byte UTF-8 decoding replaces (only on the error path). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const bad = loose.indexOf('\uFFFD');
  return bad < 0 ? 0 : new TextEncoder().encode(loose.slice(0, bad)).length;
}

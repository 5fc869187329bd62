/**
 * A small deterministic YAML writer for the exported objects: block style, keys in the order the
 * objects were built, strings double-quoted only when plain YAML would read them as something else,
 * and `# comment` lines before list items (each rule names its App Mesh source). The same objects
 * always give the same bytes. Kept here rather than pulling a YAML library into the library bundle.
 */

/** Comments to print before a list item, keyed by the item object. */
export type CommentMap = WeakMap<object, string>;

export function toYaml(value: unknown, comments: CommentMap = new WeakMap()): string {
  const lines: string[] = [];
  writeValue(value, 0, lines, comments);
  return lines.join('\n') + '\n';
}

/** Several documents, `---` between them. */
export function toYamlDocuments(values: readonly unknown[], comments: CommentMap = new WeakMap()): string {
  return values.map((v) => toYaml(v, comments)).join('---\n');
}

// ------- internal functions -------

const PLAIN = /^[A-Za-z0-9_/][-A-Za-z0-9_./@]*$/;
/** Plain scalars YAML 1.1/1.2 would read as numbers. */
const NUMERIC = /^(?:[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+)$/i;
const RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~)$/i;

function scalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = String(v);
  return PLAIN.test(s) && !RESERVED.test(s) && !NUMERIC.test(s) ? s : JSON.stringify(s);
}

function isComplex(v: unknown): v is object {
  return v !== null && typeof v === 'object' && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);
}

function emptyOf(v: unknown): string | null {
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) return '{}';
  return null;
}

function writeValue(v: unknown, indent: number, lines: string[], comments: CommentMap): void {
  const pad = ' '.repeat(indent);
  if (Array.isArray(v)) {
    for (const item of v) {
      const c = item !== null && typeof item === 'object' ? comments.get(item) : undefined;
      if (c !== undefined) for (const l of c.split('\n')) lines.push(`${pad}# ${l}`);
      if (isComplex(item) && !Array.isArray(item)) {
        const sub: string[] = [];
        writeValue(item, indent + 2, sub, comments);
        sub[0] = `${pad}- ${sub[0]!.slice(indent + 2)}`;
        lines.push(...sub);
      } else if (isComplex(item)) {
        lines.push(`${pad}-`);
        writeValue(item, indent + 2, lines, comments);
      } else lines.push(`${pad}- ${emptyOf(item) ?? scalar(item)}`);
    }
    return;
  }
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
    if (val === undefined) continue;
    if (isComplex(val)) {
      lines.push(`${pad}${scalar(k)}:`);
      writeValue(val, Array.isArray(val) ? indent : indent + 2, lines, comments);
    } else lines.push(`${pad}${scalar(k)}: ${emptyOf(val) ?? scalar(val)}`);
  }
}

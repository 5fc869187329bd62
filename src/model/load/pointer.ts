/** RFC 6901 JSON pointers: the `path` of every diagnostic. */

export function pointerOf(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + escapeSegment(String(s));
  return out;
}

/** One reference token: `~` → `~0`, `/` → `~1`. */
export function escapeSegment(s: string): string {
  return s.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, ...segments: (string | number)[]): string {
  return base + pointerOf(segments);
}

/** The value at `pointer` in `root`, or undefined when the path does not exist. */
export function valueAt(root: unknown, pointer: string): unknown {
  let node: unknown = root;
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(seg)) return undefined;
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else {
      return undefined;
    }
  }
  return node;
}

/**
 * The longest prefix of `pointer` that exists in `root` (the pointer itself when it exists). Array
 * indices must be canonical and in range; object members must be own properties.
 */
export function deepestExistingPointer(root: unknown, pointer: string): string {
  let node: unknown = root;
  let out = '';
  for (const seg of splitPointer(pointer)) {
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(seg) || Number(seg) >= node.length) break;
      node = node[Number(seg)];
    } else if (node !== null && typeof node === 'object' && Object.hasOwn(node, seg)) {
      node = (node as Record<string, unknown>)[seg];
    } else {
      break;
    }
    out += pointerOf([seg]);
  }
  return out;
}

/** JSON-pointer helpers for checking where diagnostics point. */

export interface PointerResolution {
  /** The pointer resolves to a value (which may be null). */
  exists: boolean;
  /** The longest prefix of the pointer that resolves ('' = the root). Equals the pointer when it exists. */
  deepestExisting: string;
  /** How many trailing segments do not resolve (0 when it exists). */
  missingSegments: number;
  /** The value at `deepestExisting`. */
  value: unknown;
}

/** Splits an RFC 6901 pointer into unescaped segments. Throws on a pointer that does not start with '/'. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`not a JSON pointer: ${JSON.stringify(pointer)}`);
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Resolves a JSON pointer in `root` as far as it goes. Own properties only; array indices must be canonical. */
export function resolvePointer(root: unknown, pointer: string): PointerResolution {
  const segments = pointerSegments(pointer);
  let node: unknown = root;
  let depth = 0;
  for (const seg of segments) {
    let next: unknown;
    let found = false;
    if (Array.isArray(node)) {
      if (/^(0|[1-9]\d*)$/.test(seg) && Number(seg) < node.length) {
        next = node[Number(seg)];
        found = true;
      }
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, seg)) {
      next = (node as Record<string, unknown>)[seg];
      found = true;
    }
    if (!found) break;
    node = next;
    depth++;
  }
  const deepestExisting = segments.slice(0, depth).map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('');
  return { exists: depth === segments.length, deepestExisting, missingSegments: segments.length - depth, value: node };
}

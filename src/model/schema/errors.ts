/**
 * `schemaErrors`: schema validation (./validate.ts, which reports what TypeBox's `Value.Errors`
 * would) turned into short, de-duplicated, human findings, plus the `x-union` ("exactly one member")
 * rule JSON Schema itself does not know. Imports nothing from TypeBox: it runs on the JSON Schema
 * objects TypeBox builds (src/model/schema/*) or their serialized copy (./compiled.ts) alike.
 */
import { validate, type RawError } from './validate.js';
import { isRecord } from '../load/classify.js';
import { escapeSegment, splitPointer } from '../load/pointer.js';
import { closestName } from './suggest.js';

/** Annotation key marking an App Mesh union ("exactly one member must be set"); re-exported by ./common.ts. */
export const UNION_KEY = 'x-union';

export interface SchemaError {
  /** JSON pointer of the offending value: the unknown field itself, the object missing a field, … */
  path: string;
  /** TypeBox keyword (`type`, `enum`, `maxLength`, `required`, …), or `unknown-field` / `union`. */
  keyword: string;
  message: string;
  params: Record<string, unknown>;
}

/** Every problem of `value` against `schema` (a JSON Schema object); `[]` when valid. Never throws on any JSON value. */
export function schemaErrors(schema: object, value: unknown): SchemaError[] {
  const out: SchemaError[] = foldErrors(validate(schema, value), value, schema);
  collectUnionErrors(schema, value, '', out);
  return out;
}

/** The union members of a schema annotated with `x-union`, or null when it is not a union. */
export function unionMembers(schema: unknown): string[] | null {
  if (!isRecord(schema)) return null;
  const mark = schema[UNION_KEY];
  if (mark === true) return isRecord(schema['properties']) ? Object.keys(schema['properties']) : [];
  if (Array.isArray(mark)) return mark.filter((m): m is string => typeof m === 'string');
  return null;
}

// ------------------------------------------------------------------------------------------------

function foldErrors(raw: RawError[], value: unknown, schema: object): SchemaError[] {
  const out: SchemaError[] = [];
  const seen = new Set<string>();
  const push = (e: SchemaError) => {
    const key = `${e.path}\u0000${e.keyword}\u0000${e.message}`;
    if (seen.has(key)) return;
    seen.add(key);
    out.push(e);
  };
  for (const e of raw) {
    const params = isRecord(e.params) ? e.params : {};
    if (e.keyword === 'boolean' && e.schemaPath.endsWith('/additionalProperties')) {
      push(unknownField(e.instancePath, schemaAt(schema, e.schemaPath.slice(0, -'/additionalProperties'.length))));
    } else if (e.keyword === 'additionalProperties') {
      // TypeBox reports every unknown field twice: `boolean` at the field and this one at the
      // object. Keep one finding per field, at the field's own path.
      const names = Array.isArray(params['additionalProperties']) ? params['additionalProperties'] : [];
      for (const n of names) push(unknownField(`${e.instancePath}/${escapeSegment(String(n))}`, schemaAt(schema, e.schemaPath)));
    } else if (e.keyword === 'required') {
      const names = Array.isArray(params['requiredProperties']) ? params['requiredProperties'] : [];
      const missing = names.map(String).filter((n) => !(isRecord(valueAt(value, e.instancePath)) && hasOwn(valueAt(value, e.instancePath), n)));
      for (const n of missing.length ? missing : names.map(String)) {
        push({ path: e.instancePath, keyword: 'required', message: `missing required field "${n}"`, params: { property: n } });
      }
    } else {
      push({ path: e.instancePath, keyword: e.keyword, message: humanMessage(e.keyword, params), params });
    }
  }
  return out;
}

/** `objectSchema` is the schema of the object holding the field: its properties are the suggestions. */
function unknownField(path: string, objectSchema: unknown): SchemaError {
  const name = splitPointer(path).pop() ?? '';
  const props = isRecord(objectSchema) && isRecord(objectSchema['properties']) ? Object.keys(objectSchema['properties']) : [];
  const suggestion = closestName(name, props);
  if (suggestion === null) return { path, keyword: 'unknown-field', message: `unknown field "${name}"`, params: { property: name } };
  return { path, keyword: 'unknown-field', message: `unknown field "${name}" (did you mean "${suggestion}"?)`, params: { property: name, suggestion } };
}

/** The schema node at a validator schemaPath (`#/properties/spec/items/…`). */
function schemaAt(schema: object, schemaPath: string): unknown {
  let node: unknown = schema;
  for (const seg of splitPointer(schemaPath.replace(/^#/, ''))) {
    if (!isRecord(node)) return undefined;
    node = node[seg];
  }
  return node;
}

function humanMessage(keyword: string, params: Record<string, unknown>): string {
  const limit = params['limit'];
  switch (keyword) {
    case 'enum': {
      const allowed = Array.isArray(params['allowedValues']) ? params['allowedValues'] : [];
      return `must be one of ${allowed.map(String).join(', ')}`;
    }
    case 'const':
      return `must be ${JSON.stringify(params['allowedValue'])}`;
    case 'maxLength':
      return `must be at most ${String(limit)} characters`;
    case 'minLength':
      return limit === 1 ? 'must not be empty' : `must be at least ${String(limit)} characters`;
    case 'maximum':
      return `must be at most ${String(limit)}`;
    case 'minimum':
      return `must be at least ${String(limit)}`;
    case 'maxItems':
      return `must have at most ${String(limit)} items`;
    case 'minItems':
      return `must have at least ${String(limit)} item${limit === 1 ? '' : 's'}`;
    case 'type': {
      const t = params['type'];
      const types = Array.isArray(t) ? t.map(String) : [String(t)];
      return `must be ${types.map(article).join(' or ')}`;
    }
    default: // pattern (TypeBox's en_US text); validate reports no other keyword
      return `must match pattern "${String(params['pattern'])}"`;
  }
}

function article(type: string): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return `a ${type}`;
  }
}

// ------------------------------------------------------------------------------------------------
// x-union walk: follows the schema and the value together; only where the value has the shape the
// schema expects (type mismatches are already reported by TypeBox).

/** Whether a schema node or anything below it carries `x-union` (memoized: the walk skips the rest). */
const hasUnionBelow = new WeakMap<object, boolean>();

function containsUnion(schema: unknown): boolean {
  if (!isRecord(schema)) return false;
  const known = hasUnionBelow.get(schema);
  if (known !== undefined) return known;
  hasUnionBelow.set(schema, false); // cycle guard (our schemas have no cycles)
  let found = unionMembers(schema) !== null || containsUnion(schema['items']);
  const properties = schema['properties'];
  if (!found && isRecord(properties)) found = Object.values(properties).some(containsUnion);
  hasUnionBelow.set(schema, found);
  return found;
}

function collectUnionErrors(schema: unknown, value: unknown, path: string, out: SchemaError[]): void {
  if (!isRecord(schema) || !containsUnion(schema)) return;
  if (Array.isArray(value)) {
    const items = schema['items'];
    if (isRecord(items)) value.forEach((v, i) => collectUnionErrors(items, v, `${path}/${i}`, out));
    return;
  }
  if (!isRecord(value)) return;
  const members = unionMembers(schema);
  if (members) {
    const set = members.filter((m) => hasOwn(value, m) && value[m] !== undefined && value[m] !== null);
    if (set.length !== 1) {
      const list = members.join(', ');
      out.push({
        path,
        keyword: 'union',
        message: set.length === 0 ? `must set exactly one of ${list}` : `must set only one of ${list} (found ${set.join(', ')})`,
        params: { members, set },
      });
    }
  }
  const properties = schema['properties'];
  if (!isRecord(properties)) return;
  for (const [key, sub] of Object.entries(properties)) {
    if (hasOwn(value, key)) collectUnionErrors(sub, value[key], `${path}/${escapeSegment(key)}`, out);
  }
}

// ------------------------------------------------------------------------------------------------

function hasOwn(o: unknown, key: string): boolean {
  return isRecord(o) && Object.hasOwn(o, key);
}

function valueAt(root: unknown, pointer: string): unknown {
  let cur: unknown = root;
  for (const key of splitPointer(pointer)) {
    if (Array.isArray(cur)) cur = cur[Number(key)];
    else if (isRecord(cur)) cur = cur[key];
    else return undefined;
  }
  return cur;
}

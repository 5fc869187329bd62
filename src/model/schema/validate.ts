/**
 * `validate`: a small interpreter of the JSON Schema our TypeBox definitions produce, reporting what
 * TypeBox 1.4.3's `Value.Errors` reports — same keywords, instance paths, schema paths, params and
 * order — without TypeBox's runtime (168 KB minified; this file is ~3 KB). Node and the browser
 * both validate through it. Pinned against `Value.Check` / `Value.Errors` by
 * test/property/model-validator.test.ts; `SUPPORTED_KEYWORDS` is the subset it knows, and
 * test/model/schema/compiled.test.ts fails if a schema uses any other.
 *
 * Semantics copied from typebox/build/schema/engine (1.4.3), in its evaluation order: `type`; on
 * objects `required`, `additionalProperties`, `patternProperties`, `properties`; on arrays `items`,
 * `minItems`, `maxItems`; on strings `minLength`, `maxLength` (Unicode code points), `pattern` (a
 * `u` RegExp); on finite numbers `minimum`, `maximum`; then `const`, `enum`. Every keyword is
 * evaluated even after one fails. An optional property whose value is `undefined` counts as absent
 * (TypeBox's default `exactOptionalPropertyTypes: false`).
 */

import { escapeSegment } from '../load/pointer.js';

/** One finding, shaped like TypeBox's `TValidationError` (without its message). */
export interface RawError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

/** Keywords `validate` interprets; annotations (`x-union`, `x-kubernetes-map-type`, …) are ignored. */
export const SUPPORTED_KEYWORDS = [
  'type', 'required', 'additionalProperties', 'patternProperties', 'properties', 'items', 'minItems', 'maxItems',
  'minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'const', 'enum',
] as const;

/** Upper bound of findings per call (TypeBox's `maxErrors`, which `schemaErrors` raised to this). */
export const MAX_ERRORS = 10_000;

type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Every finding of `value` against `schema` (a JSON Schema object or boolean), in TypeBox's order. */
export function validate(schema: unknown, value: unknown): RawError[] {
  const out: RawError[] = [];
  walk(schema as Schema | boolean, value, '#', '', out);
  return out;
}

function add(out: RawError[], keyword: string, schemaPath: string, instancePath: string, params: Record<string, unknown>): false {
  if (out.length < MAX_ERRORS) out.push({ keyword, schemaPath, instancePath, params });
  return false;
}

function walk(s: Schema | boolean, v: unknown, sp: string, ip: string, out: RawError[]): boolean {
  if (typeof s === 'boolean') return s || add(out, 'boolean', sp, ip, {});
  let ok = true;
  if (s.type !== undefined && !(Array.isArray(s.type) ? s.type.some((t: string) => isType(t, v)) : isType(s.type, v))) {
    ok = add(out, 'type', sp, ip, { type: s.type });
  }
  if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    const required: string[] = s.required ?? [];
    const missing = required.filter((k) => !hasKey(o, k));
    if (missing.length > 0) ok = add(out, 'required', sp, ip, { requiredProperties: missing });
    if (s.additionalProperties !== undefined) {
      const known = knownKeys(s);
      const extra: string[] = [];
      for (const k of Object.getOwnPropertyNames(o)) {
        if (!known.test(k) && !walk(s.additionalProperties, o[k], `${sp}/additionalProperties`, `${ip}/${escapeSegment(k)}`, out)) extra.push(k);
      }
      if (extra.length > 0) ok = add(out, 'additionalProperties', sp, ip, { additionalProperties: extra });
    }
    if (s.patternProperties) {
      for (const [pattern, sub] of Object.entries(s.patternProperties as Record<string, Schema>)) {
        const re = regExp(pattern);
        for (const [k, x] of Object.entries(o)) {
          if (re.test(k) && !walk(sub, x, `${sp}/patternProperties/${escapeSegment(pattern)}`, `${ip}/${escapeSegment(k)}`, out)) ok = false;
        }
      }
    }
    if (s.properties) {
      for (const [k, sub] of Object.entries(s.properties as Record<string, Schema>)) {
        if (!required.includes(k) && o[k] === undefined) continue;
        if (hasKey(o, k) && !walk(sub, o[k], `${sp}/properties/${escapeSegment(k)}`, `${ip}/${escapeSegment(k)}`, out)) ok = false;
      }
    }
  }
  if (Array.isArray(v)) {
    if (s.items !== undefined) v.forEach((x, i) => walk(s.items, x, `${sp}/items`, `${ip}/${i}`, out) || (ok = false));
    if (s.minItems !== undefined && !(v.length >= s.minItems)) ok = add(out, 'minItems', sp, ip, { limit: s.minItems });
    if (s.maxItems !== undefined && !(v.length <= s.maxItems)) ok = add(out, 'maxItems', sp, ip, { limit: s.maxItems });
  }
  if (typeof v === 'string') {
    if (s.minLength !== undefined && !(v.length >= s.minLength * 2 || (v.length >= s.minLength && codePoints(v) >= s.minLength))) {
      ok = add(out, 'minLength', sp, ip, { limit: s.minLength });
    }
    if (s.maxLength !== undefined && !(v.length <= s.maxLength || (v.length <= s.maxLength * 2 && codePoints(v) <= s.maxLength))) {
      ok = add(out, 'maxLength', sp, ip, { limit: s.maxLength });
    }
    if (s.pattern !== undefined && !regExp(s.pattern).test(v)) ok = add(out, 'pattern', sp, ip, { pattern: s.pattern });
  }
  if (Number.isFinite(v)) {
    if (s.minimum !== undefined && !((v as number) >= s.minimum)) ok = add(out, 'minimum', sp, ip, { comparison: '>=', limit: s.minimum });
    if (s.maximum !== undefined && !((v as number) <= s.maximum)) ok = add(out, 'maximum', sp, ip, { comparison: '<=', limit: s.maximum });
  }
  if ('const' in s && v !== s.const) ok = add(out, 'const', sp, ip, { allowedValue: s.const });
  if (s.enum && !s.enum.includes(v)) ok = add(out, 'enum', sp, ip, { allowedValues: s.enum });
  return ok;
}

function isType(type: string, v: unknown): boolean {
  switch (type) {
    case 'object':
      return typeof v === 'object' && v !== null && !Array.isArray(v);
    case 'array':
      return Array.isArray(v);
    case 'integer':
      return Number.isInteger(v);
    case 'number':
      return Number.isFinite(v);
    case 'null':
      return v === null;
    default: // string, boolean
      return typeof v === type;
  }
}

/** TypeBox's `HasPropertyKey`: `in`, except own-only for keys that would find Object.prototype's. */
function hasKey(o: object, k: string): boolean {
  return k === '__proto__' || k === 'constructor' || k === 'prototype' ? Object.hasOwn(o, k) : k in o;
}

/** Code points, a lone surrogate counting as one (TypeBox's `CodePointCount`). */
function codePoints(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) i++;
  }
  return n;
}

const regExps = new Map<string, RegExp>();
function regExp(pattern: string): RegExp {
  let re = regExps.get(pattern);
  if (!re) regExps.set(pattern, (re = new RegExp(pattern, 'u')));
  return re;
}

/** The keys `additionalProperties` does not apply to: named properties and `patternProperties` patterns. */
const knownByObject = new WeakMap<Schema, RegExp>();
function knownKeys(s: Schema): RegExp {
  let re = knownByObject.get(s);
  if (!re) {
    const patterns = [
      ...Object.keys(s.patternProperties ?? {}),
      ...Object.keys(s.properties ?? {}).map((k) => `^${k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`),
    ];
    knownByObject.set(s, (re = new RegExp(patterns.length === 0 ? '(?!)' : `(${patterns.join('|')})`, 'u')));
  }
  return re;
}

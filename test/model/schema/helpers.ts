/** Test helpers for the schema tests: fixtures, kind detection, JSON-pointer access. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  AWS_DESCRIBE_KEYS,
  AWS_KINDS,
  AWS_NAME_FIELDS,
  type AwsKind,
  type K8sKind,
  type SchemaError,
} from '../../../src/model/schema/index.js';

const here = dirname(fileURLToPath(import.meta.url));

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function k8sFixtures(): { kind: K8sKind; doc: Record<string, Json> }[] {
  const text = readFileSync(join(here, 'fixtures', 'k8s-valid.yaml'), 'utf8');
  return parseAllDocuments(text).map((d) => {
    const doc = d.toJS() as Record<string, Json>;
    return { kind: doc['kind'] as K8sKind, doc };
  });
}

export type AwsForm = 'describe' | 'input';

export function awsFixtures(): { kind: AwsKind; form: AwsForm; doc: Record<string, Json> }[] {
  const docs = JSON.parse(readFileSync(join(here, 'fixtures', 'aws-valid.json'), 'utf8')) as Record<string, Json>[];
  return docs.map((doc) => {
    const detected = detectAws(doc);
    if (!detected) throw new Error(`fixture not recognised: ${JSON.stringify(doc).slice(0, 80)}`);
    return { ...detected, doc };
  });
}

/** Recognise an API document by its keys: one describe key, or exactly one kind's name fields. */
export function detectAws(doc: Record<string, unknown>): { kind: AwsKind; form: AwsForm } | null {
  const keys = Object.keys(doc);
  for (const kind of AWS_KINDS) {
    if (keys.length === 1 && keys[0] === AWS_DESCRIBE_KEYS[kind]) return { kind, form: 'describe' };
  }
  const names = keys.filter((k) => k.endsWith('Name')).sort().join(',');
  for (const kind of AWS_KINDS) {
    if ([...AWS_NAME_FIELDS[kind]].sort().join(',') === names) return { kind, form: 'input' };
  }
  return null;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Set a value at a JSON pointer (creating nothing: the parent must exist). */
export function setAt(root: unknown, pointer: string, value: unknown): void {
  const parts = pointer.slice(1).split('/').map(unescape);
  const last = parts.pop() as string;
  const parent = parts.reduce<any>((cur, p) => cur[p], root);
  parent[last] = value;
}

export function deleteAt(root: unknown, pointer: string): void {
  const parts = pointer.slice(1).split('/').map(unescape);
  const last = parts.pop() as string;
  const parent = parts.reduce<any>((cur, p) => cur[p], root);
  delete parent[last];
}

export function getAt(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  return pointer
    .slice(1)
    .split('/')
    .map(unescape)
    .reduce<any>((cur, p) => (cur === undefined || cur === null ? undefined : cur[p]), root);
}

/** Compact view of errors for assertions: [path, keyword] pairs, sorted (order is not part of the contract). */
export function brief(errors: SchemaError[]): [string, string][] {
  return errors
    .map((e): [string, string] => [e.path, e.keyword])
    .sort((a, b) => (a[0] + '\u0000' + a[1] < b[0] + '\u0000' + b[1] ? -1 : 1));
}

function unescape(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import Type from 'typebox';
import { Settings } from 'typebox/system';
import {
  AWS_KINDS,
  K8S_KINDS,
  K8sGatewayRouteSchema,
  awsDescribeSchemas,
  awsInputSchemas,
  awsSpecSchemas,
  k8sSchemas,
  schemaErrors,
  unionMembers,
  UNION_KEY,
  AwsGatewayRouteSpec,
  K8sRoute,
  AwsVirtualServiceProvider,
  type SchemaError,
} from '../../../src/model/schema/index.js';
import { awsFixtures, clone, k8sFixtures, setAt } from './helpers.js';

const LONG = process.env['MESHROUTE_LONG'] === '1';

/** True when the JSON pointer names a location that exists in `root`. */
function exists(root: unknown, pointer: string): boolean {
  if (pointer === '') return true;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(key) || Number(key) >= cur.length) return false;
      cur = cur[Number(key)];
    } else if (typeof cur === 'object' && cur !== null) {
      if (!Object.prototype.hasOwnProperty.call(cur, key)) return false;
      cur = (cur as Record<string, unknown>)[key];
    } else return false;
  }
  return true;
}

const allSchemas = [
  ...K8S_KINDS.map((k) => ['k8s ' + k, k8sSchemas[k]] as const),
  ...AWS_KINDS.map((k) => ['aws spec ' + k, awsSpecSchemas[k]] as const),
  ...AWS_KINDS.map((k) => ['aws describe ' + k, awsDescribeSchemas[k]] as const),
  ...AWS_KINDS.map((k) => ['aws input ' + k, awsInputSchemas[k]] as const),
];

describe('schemaErrors', () => {
  test('unknown fields: one finding per field, at the field, never TypeBox\'s paired errors', () => {
    const doc = clone(k8sFixtures().find((f) => f.kind === 'GatewayRoute')!.doc) as any;
    doc.spec.httpRoute.match.prefx = '/';
    doc.spec.httpRoute.match['we/ird~name'] = 1;
    doc.spec.httpRoute.extra = true;
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.deepEqual(
      errors.map((e) => [e.path, e.keyword, e.message]).sort(),
      [
        ['/spec/httpRoute/extra', 'unknown-field', 'unknown field "extra"'],
        ['/spec/httpRoute/match/prefx', 'unknown-field', 'unknown field "prefx" (did you mean "prefix"?)'],
        ['/spec/httpRoute/match/we~1ird~0name', 'unknown-field', 'unknown field "we/ird~name"'],
      ],
    );
    assert.ok(errors.every((e) => e.keyword !== 'boolean' && e.keyword !== 'additionalProperties'));
  });

  test('reports more than TypeBox\'s default of 8 errors and restores the global setting', () => {
    const before = Settings.Get().maxErrors;
    const doc = clone(k8sFixtures().find((f) => f.kind === 'GatewayRoute')!.doc) as any;
    for (let i = 0; i < 20; i++) doc.spec.httpRoute.match[`unknown${i}`] = i;
    const errors = schemaErrors(K8sGatewayRouteSchema, doc);
    assert.equal(errors.length, 20);
    assert.equal(Settings.Get().maxErrors, before);
  });

  test('a missing field per required error, at the object', () => {
    const errors = schemaErrors(K8sGatewayRouteSchema, { apiVersion: 'appmesh.k8s.aws/v1beta2' });
    assert.deepEqual(errors.map((e) => [e.path, e.keyword, e.params['property']]).sort(), [
      ['', 'required', 'kind'],
      ['', 'required', 'metadata'],
    ]);
  });

  test('messages are short and human', () => {
    const S = Type.Object(
      { s: Type.String({ minLength: 2, maxLength: 3 }), n: Type.Integer({ minimum: 1 }), a: Type.Array(Type.String(), { minItems: 2 }), b: Type.Boolean() },
      { additionalProperties: false },
    );
    const byPath = (v: unknown) => Object.fromEntries(schemaErrors(S, v).map((e: SchemaError) => [e.path, e.message]));
    assert.deepEqual(byPath({ s: 'x', n: 0, a: ['x'], b: 'yes' }), {
      '/s': 'must be at least 2 characters',
      '/n': 'must be at least 1',
      '/a': 'must have at least 2 items',
      '/b': 'must be a boolean',
    });
    assert.deepEqual(byPath({ s: 'xxxx', n: 1.5, a: [1, 'x'], b: true }), {
      '/s': 'must be at most 3 characters',
      '/n': 'must be an integer',
      '/a/0': 'must be a string',
    });
  });

  test('x-union: zero and several members, and only where the value is an object', () => {
    const provider = AwsVirtualServiceProvider;
    assert.deepEqual(schemaErrors(provider, { virtualNode: { virtualNodeName: 'n' } }), []);
    const none = schemaErrors(provider, {});
    assert.deepEqual(none.map((e) => [e.path, e.keyword, e.message]), [['', 'union', 'must set exactly one of virtualNode, virtualRouter']]);
    assert.deepEqual(none[0]?.params, { members: ['virtualNode', 'virtualRouter'], set: [] });
    const both = schemaErrors(provider, { virtualNode: { virtualNodeName: 'n' }, virtualRouter: { virtualRouterName: 'r' } });
    assert.deepEqual(both.map((e) => e.keyword), ['union']);
    assert.deepEqual(both[0]?.params['set'], ['virtualNode', 'virtualRouter']);
    // a non-object value only gets TypeBox's type error
    assert.deepEqual(schemaErrors(provider, 'virtualNode').map((e) => e.keyword), ['type']);
  });

  test('unionMembers reads the annotation (true = all properties, list = those members)', () => {
    assert.deepEqual(unionMembers(AwsVirtualServiceProvider), ['virtualNode', 'virtualRouter']);
    assert.deepEqual(unionMembers(AwsGatewayRouteSpec), ['httpRoute', 'http2Route', 'grpcRoute']);
    assert.deepEqual(unionMembers(K8sRoute), ['httpRoute', 'http2Route', 'grpcRoute', 'tcpRoute']);
    assert.equal(unionMembers(Type.Object({})), null);
    assert.equal(unionMembers('nope'), null);
  });

  test('property: arbitrary JSON never throws, and every error path exists in the value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allSchemas), fc.jsonValue(), ([, schema], value) => {
        for (const e of schemaErrors(schema, value)) assert.ok(exists(value, e.path), `${e.path} (${e.keyword})`);
      }),
      { numRuns: LONG ? 5000 : 300 },
    );
  });

  test('property: mutated valid documents give errors only at existing paths', () => {
    const docs = [
      ...k8sFixtures().map((f) => ({ schema: k8sSchemas[f.kind], doc: f.doc })),
      ...awsFixtures().map((f) => ({ schema: f.form === 'input' ? awsInputSchemas[f.kind] : awsDescribeSchemas[f.kind], doc: f.doc })),
    ];
    const pointers = (v: unknown, base = ''): string[] =>
      Array.isArray(v)
        ? v.flatMap((x, i) => [`${base}/${i}`, ...pointers(x, `${base}/${i}`)])
        : typeof v === 'object' && v !== null
          ? Object.entries(v).flatMap(([k, x]) => {
              const p = `${base}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
              return [p, ...pointers(x, p)];
            })
          : [];
    fc.assert(
      fc.property(fc.nat(), fc.nat(), fc.jsonValue(), fc.boolean(), (di, pi, replacement, addKey) => {
        const { schema, doc } = docs[di % docs.length]!;
        const mutated = clone(doc) as unknown;
        const ps = pointers(mutated);
        const p = ps[pi % ps.length]!;
        setAt(mutated, addKey ? `${p}Typo` : p, replacement);
        for (const e of schemaErrors(schema, mutated)) assert.ok(exists(mutated, e.path), `${p}: ${e.path} (${e.keyword})`);
      }),
      { numRuns: LONG ? 5000 : 300 },
    );
  });
});

describe('schema structure', () => {
  type Node = Record<string, unknown>;
  const walk = (schema: unknown, path: string, visit: (node: Node, path: string) => void) => {
    if (typeof schema !== 'object' || schema === null) return;
    const node = schema as Node;
    visit(node, path);
    const props = node['properties'];
    if (typeof props === 'object' && props !== null) for (const [k, v] of Object.entries(props)) walk(v, `${path}/${k}`, visit);
    if (node['items']) walk(node['items'], `${path}/[]`, visit);
  };

  for (const [name, schema] of allSchemas) {
    test(`${name}: every object is strict (but K8s metadata), every x-union names optional properties`, () => {
      walk(schema, '', (node, path) => {
        if (node['type'] === 'object' && node['properties']) {
          if (path === '/metadata') assert.notEqual(node['additionalProperties'], false, path);
          else assert.equal(node['additionalProperties'], false, `${name} ${path} must reject unknown fields`);
        }
        const members = unionMembers(node);
        if (members) {
          assert.ok(members.length > 0, path);
          const required = (node['required'] as string[] | undefined) ?? [];
          for (const m of members) {
            assert.ok(Object.prototype.hasOwnProperty.call(node['properties'], m), `${path}: ${m}`);
            assert.ok(!required.includes(m), `${path}: union member ${m} must be optional`);
          }
        }
        if (node[UNION_KEY] !== undefined) assert.ok(members, path);
      });
    });
  }
});

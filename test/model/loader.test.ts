/**
 * The loader: YAML streams, JSON values, Lists, directories, stdin, syntax errors, positions,
 * size, and invariance to input order and file split.
 */
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadFiles, loadObjects, loadSources } from '../../src/model/load-model.js';
import { readInputs } from '../../src/model/load/read-input.js';
import { InputError, MeshrouteError } from '../../src/errors.js';
import { modelWithoutSources } from '../../src/testing/index.js';
import { fixture, fmt, lineOf, repro, y, type Source } from './helpers.js';

const MESH = y(`
  apiVersion: appmesh.k8s.aws/v1beta2
  kind: Mesh
  metadata: {name: m}
  spec:
    namespaceSelector: {}
`);

function only(result: ReturnType<typeof loadSources>, code: string) {
  return result.diagnostics.filter((d) => d.code === code);
}

describe('YAML streams', () => {
  test('multi-document YAML with comments, anchors and aliases', () => {
    const text = y(`
      # a leading comment
      ${'---'}
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: m}   # trailing comment
      spec:
        namespaceSelector: {}
      ---
      # comment-only document follows
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualRouter
      metadata: {name: r, namespace: app}
      spec:
        listeners:
          - portMapping: &pm {port: 8080, protocol: http}
        routes:
          - name: a
            httpRoute:
              match: {prefix: /a, headers: &headers [{name: x-a, match: {exact: "1"}}]}
              action: {weightedTargets: &targets [{virtualNodeRef: {name: nd}, weight: 1}]}
          - name: b   # reuses the anchors
            httpRoute:
              match: {prefix: /b, headers: *headers}
              action: {weightedTargets: *targets}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: nd, namespace: app}
      spec:
        listeners: [{portMapping: {port: 8080, protocol: http}}]
        serviceDiscovery: {dns: {hostname: n.local}}
    `);
    const sources = [{ file: 'stream.yaml', text }];
    const r = loadSources(sources);
    assert.deepEqual(r.diagnostics.filter((d) => d.code !== 'NAMESPACE_NOT_IN_INPUT').map(fmt), [], repro(sources, r));
    assert.deepEqual(
      r.model.routes.map((x) => [x.name, x.spec.type !== 'tcp' && 'headers' in x.spec.match ? x.spec.match.headers.map((h) => h.name) : [], x.spec.weightedTargets.map((t) => t.virtualNodeName)]),
      [
        ['a', ['x-a'], ['nd_app']],
        ['b', ['x-a'], ['nd_app']],
      ],
    );
    assert.deepEqual(r.stats.resources, { Mesh: 1, VirtualRouter: 1, Route: 2, VirtualNode: 1 });
    assert.equal(r.stats.documents, 3);
  });

  test('a diagnostic inside an aliased value is reported for every use, at the line the value is written', () => {
    const text = MESH + '---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualRouter
      metadata: {name: r, namespace: app}
      spec:
        listeners: [{portMapping: {port: 8080, protocol: http}}]
        routes:
          - name: a
            httpRoute:
              match:
                prefix: /a
                headers: &h
                  - name: x
                    match: {range: {start: 5, end: 1}}
              action: {weightedTargets: [{virtualNodeRef: {name: nd}, weight: 1}]}
          - name: b
            httpRoute:
              match: {prefix: /b, headers: *h}
              action: {weightedTargets: [{virtualNodeRef: {name: nd}, weight: 1}]}
    `);
    const r = loadSources([{ file: 'alias.yaml', text }]);
    const ranges = only(r, 'RANGE_ORDER');
    assert.deepEqual(ranges.map((d) => [d.name, d.path]), [
      ['a', '/spec/routes/0/httpRoute/match/headers/0/match/range'],
      ['b', '/spec/routes/1/httpRoute/match/headers/0/match/range'],
    ]);
    // Route b writes only the alias; the position is that of the anchored value, where the range is written.
    assert.equal(ranges[0]!.line, lineOf(text, 'range:'));
    assert.equal(ranges[1]!.line, lineOf(text, 'range:'));
  });

  test('YAML positions: line and column of the offending key, 1-based', () => {
    const text = MESH + '---\n' + 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: {name: nd, namespace: app}\nspec:\n  listeners:\n    - portMapping: {port: 80, protocol: htp}\n';
    const r = loadSources([{ file: 'pos.yaml', text }]);
    const d = only(r, 'SCHEMA_ENUM')[0]!;
    const line = lineOf(text, 'protocol: htp')!;
    assert.deepEqual([d.path, d.line, d.column], ['/spec/listeners/0/portMapping/protocol', line, text.split('\n')[line - 1]!.indexOf('protocol') + 1]);
  });

  test('a YAML syntax error in one document does not hide the others', () => {
    const text = MESH + '---\n' + 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: {name: broken, namespace: app\n---\n' + y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: VirtualNode
      metadata: {name: fine, namespace: app}
      spec:
        prefx: 1
    `);
    const r = loadSources([{ file: 'broken.yaml', text }]);
    const syntax = only(r, 'INPUT_SYNTAX');
    assert.equal(syntax.length >= 1, true, repro([{ file: 'broken.yaml', text }], r));
    assert.equal(syntax[0]!.file, 'broken.yaml');
    assert.ok(syntax[0]!.line !== null && syntax[0]!.line >= lineOf(text, 'name: broken')!);
    const unknown = only(r, 'SCHEMA_UNKNOWN_FIELD');
    assert.deepEqual(unknown.map((d) => [d.name, d.path, d.line]), [['fine', '/spec/prefx', lineOf(text, 'prefx')]]);
    assert.deepEqual(r.model.meshes.map((m) => m.name), ['m']);
  });

  test('duplicate keys in YAML are a syntax error (a silently dropped field would change routing)', () => {
    const text = 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: {name: m}\nmetadata: {name: nd}\n';
    const r = loadSources([{ file: 'dup.yaml', text }]);
    assert.deepEqual(only(r, 'INPUT_SYNTAX').map((d) => d.line), [4]);
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) lines.push(`a${i}: &a${i} [${Array.from({ length: 10 }, () => `*a${i - 1}`).join(', ')}]`);
    const t0 = Date.now();
    const r = loadSources([{ file: 'bomb.yaml', text: lines.join('\n') + '\n' }]);
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(only(r, 'INPUT_SYNTAX').length, 1);
  });

  test('empty and comment-only inputs load to an empty model without diagnostics', () => {
    const r = loadSources([
      { file: 'empty.yaml', text: '' },
      { file: 'comments.yaml', text: '# nothing\n---\n# still nothing\n' },
      { file: 'dashes.yaml', text: '---\n---\n' },
    ]);
    assert.deepEqual(r.diagnostics, []);
    assert.equal(r.valid, true);
    assert.equal(r.stats.files, 3);
  });
});

describe('mixed kinds, Lists and arrays', () => {
  test('non-App-Mesh documents are skipped and counted by apiVersion and kind', () => {
    const text = fixture('mixed-kinds.yaml');
    const r = loadSources([{ file: 'mixed-kinds.yaml', text }]);
    assert.deepEqual(r.diagnostics.map(fmt), []);
    assert.deepEqual(r.stats.skipped, {
      'v1 Service': 2,
      'apps/v1 Deployment': 1,
      'v1 ConfigMap': 1,
      'BackendGroup is not used for routing': 1,
      'not an object': 1,
    });
    assert.equal(r.stats.namespaces, 1);
    assert.deepEqual(r.stats.resources, { Mesh: 1, VirtualService: 1 });
    assert.equal(r.stats.documents, 9);
  });

  test('a K8s List: items are resources, diagnostics point into /items/i', () => {
    const text = fixture('list.yaml');
    const r = loadSources([{ file: 'list.yaml', text }]);
    const d = only(r, 'SCHEMA_UNKNOWN_FIELD');
    assert.deepEqual(d.map((x) => [x.path, x.line]), [['/items/2/spec/bogus', lineOf(text, 'bogus')]]);
    // stats count every resource found, the invalid one too; the model holds only the valid one.
    assert.deepEqual(r.stats.resources, { Mesh: 1, VirtualService: 2 });
    assert.equal(r.model.virtualServices.length, 1);
  });

  test('a JSON array of AWS documents: /i pointers and lazily computed lines', () => {
    const docs = [
      { meshName: 'm', spec: {} },
      { meshName: 'm', virtualNodeName: 'a', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'tcp' } }], serviceDiscovery: { dns: { hostname: 'a' } } } },
      { meshName: 'm', virtualNodeName: 'b', spec: { listeners: [{ portMapping: { port: 8080, protocol: 'udp' } }], serviceDiscovery: { dns: { hostname: 'b' } } } },
    ];
    const text = JSON.stringify(docs, null, 2);
    const r = loadSources([{ file: 'nodes.json', text }]);
    const d = only(r, 'SCHEMA_ENUM');
    assert.deepEqual(d.map((x) => x.path), ['/2/spec/listeners/0/portMapping/protocol']);
    assert.equal(d[0]!.line, lineOf(text, '"udp"'));
    assert.equal(d[0]!.column, text.split('\n')[d[0]!.line! - 1]!.indexOf('"protocol"') + 1);
  });

  test('a single-line JSON file still gets columns', () => {
    const text = JSON.stringify({ meshName: 'm', spec: { egressFilter: { type: 'NONE' } } });
    const r = loadSources([{ file: 'one-line.json', text }]);
    const d = only(r, 'SCHEMA_ENUM')[0]!;
    assert.equal(d.path, '/spec/egressFilter/type');
    assert.equal(d.line, 1);
    assert.equal(d.column, text.indexOf('"type"') + 1);
  });

  test('JSON with a syntax error: INPUT_SYNTAX with line and column', () => {
    const text = '{\n  "meshName": "m",\n  "spec": {,}\n}\n';
    const r = loadSources([{ file: 'bad.json', text }]);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.column]), [['INPUT_SYNTAX', 'error', 3, 12]]);
    assert.equal(r.valid, false);
  });

  test('documents nested absurdly deep are refused with INPUT_SYNTAX, never a stack overflow', () => {
    const arrays = '['.repeat(5000) + ']'.repeat(5000);
    const deepSpec = `{"meshName":"m","virtualGatewayName":"g","gatewayRouteName":"r","spec":{"httpRoute":{"x":${'{"x":'.repeat(5000)}1${'}'.repeat(5000)}}}}`;
    for (const [file, text] of [['arrays.json', arrays], ['deep.json', deepSpec], ['deep.yaml', 'a: ' + '['.repeat(5000) + ']'.repeat(5000)]] as const) {
      const r = loadSources([{ file, text }]);
      assert.deepEqual(r.diagnostics.map((d) => [d.code, d.file]), [['INPUT_SYNTAX', file]], file);
      assert.equal(r.valid, false);
    }
    const objects = loadObjects(JSON.parse(deepSpec));
    assert.deepEqual(objects.diagnostics.map((d) => [d.code, d.line]), [['INPUT_SYNTAX', null]]);
    // A normal manifest is nowhere near the limit (a dozen levels).
    assert.equal(loadSources([{ file: 'same.json', text: fixture('same-mesh/aws-describe.json') }]).valid, true);
  });

  test('JSON list of K8s objects and loadObjects agree on pointers', () => {
    const list = { apiVersion: 'v1', kind: 'List', items: [{ apiVersion: 'appmesh.k8s.aws/v1beta2', kind: 'Mesh', metadata: { name: 'm' }, spec: { namespaceSelector: {}, x: 1 } }] };
    const fromText = loadSources([{ file: 'l.json', text: JSON.stringify(list) }]);
    const fromObject = loadObjects(list);
    assert.deepEqual(fromText.diagnostics.map((d) => d.path), ['/items/0/spec/x']);
    assert.deepEqual(fromObject.diagnostics.map((d) => [d.path, d.line]), [['/items/0/spec/x', null]]);
  });
});

describe('files, directories, stdin', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'meshroute-loader-'));
    mkdirSync(join(dir, 'tree', 'a', 'b'), { recursive: true });
    writeFileSync(join(dir, 'tree', 'b.yaml'), MESH);
    writeFileSync(join(dir, 'tree', 'a', 'z.json'), JSON.stringify({ meshName: 'aws-mesh', spec: {} }));
    writeFileSync(join(dir, 'tree', 'a', 'b', 'c.yml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n');
    writeFileSync(join(dir, 'tree', 'a', 'B.YAML'), 'apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n');
    writeFileSync(join(dir, 'tree', '.hidden.yaml'), 'this: is: not: loaded');
    writeFileSync(join(dir, 'tree', 'notes.txt'), 'not a manifest');
    symlinkSync('/nonexistent/readme', join(dir, 'tree', 'README'));
    mkdirSync(join(dir, 'dangling'));
    symlinkSync('/nonexistent/x.yaml', join(dir, 'dangling', 'x.yaml'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('directories are walked recursively in sorted order (hidden and non-manifest files skipped)', () => {
    const files = readInputs([join(dir, 'tree')]).map((s) => s.file.slice(dir.length + 1));
    assert.deepEqual(files, ['tree/a/B.YAML', 'tree/a/b/c.yml', 'tree/a/z.json', 'tree/b.yaml']);
    const r = loadFiles([join(dir, 'tree')]);
    assert.equal(r.stats.files, 4);
    assert.deepEqual(r.model.meshes.map((m) => m.name), ['aws-mesh', 'm']);
    assert.deepEqual(r.stats.skipped, { 'v1 ConfigMap': 1, 'v1 Secret': 1 });
  });

  test("stdin is read through the readStdin function when a path is '-'", () => {
    let calls = 0;
    const r = loadFiles(['-'], {}, () => {
      calls++;
      return MESH + 'bogus: 1\n';
    });
    assert.equal(calls, 1);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.file, d.line]), [['SCHEMA_UNKNOWN_FIELD', '<stdin>', 6]]);
  });

  test('a missing path throws InputError INPUT_NOT_FOUND (a typed MeshrouteError)', () => {
    const missing = join(dir, 'no-such-file.yaml');
    assert.throws(
      () => loadFiles([join(dir, 'tree'), missing]),
      (err: unknown) => err instanceof InputError && err instanceof MeshrouteError && err.code === 'INPUT_NOT_FOUND' && err.file === missing,
    );
  });

  test('a dangling manifest symlink inside a directory throws InputError INPUT_UNREADABLE', () => {
    assert.throws(
      () => loadFiles([join(dir, 'dangling')]),
      (err: unknown) => err instanceof InputError && err.code === 'INPUT_UNREADABLE' && err.file === join(dir, 'dangling', 'x.yaml'),
    );
  });

  test('a 1 MB file of manifests loads correctly, with the right line for a problem at its end', () => {
    const parts = [y(`
      apiVersion: v1
      kind: Namespace
      metadata: {name: big, labels: {mesh: big}}
      ---
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: Mesh
      metadata: {name: big}
      spec: {namespaceSelector: {matchLabels: {mesh: big}}}
    `)];
    let size = parts[0]!.length;
    let n = 0;
    while (size < 1024 * 1024) {
      const doc = y(`
        ---
        # service ${n}
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualService
        metadata: {name: svc-${n}, namespace: big}
        spec:
          awsName: svc-${n}.big.local
          provider:
            virtualNode:
              virtualNodeRef: {name: node-${n}}
        ---
        apiVersion: appmesh.k8s.aws/v1beta2
        kind: VirtualNode
        metadata: {name: node-${n}, namespace: big}
        spec:
          podSelector: {matchLabels: {app: node-${n}}}
          listeners:
            - portMapping: {port: 8080, protocol: http}
          serviceDiscovery:
            dns: {hostname: node-${n}.big.svc.cluster.local}
      `);
      parts.push(doc);
      size += doc.length;
      n++;
    }
    parts.push('---\napiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: {name: last, namespace: big}\nspec:\n  listenerz: []\n');
    const text = parts.join('');
    assert.ok(text.length >= 1024 * 1024);
    const file = join(dir, 'big.yaml');
    writeFileSync(file, text);
    const r = loadFiles([file]);
    // stats count every resource found; the last node fails its schema and stays out of the model.
    assert.deepEqual(r.stats.resources, { Mesh: 1, VirtualService: n, VirtualNode: n + 1 });
    assert.equal(r.model.virtualNodes.length, n);
    assert.deepEqual(r.diagnostics.map((d) => [d.code, d.path, d.line]), [['SCHEMA_UNKNOWN_FIELD', '/spec/listenerz', text.split('\n').length - 1]]);
    assert.equal(r.model.virtualServices.length, n);
    assert.deepEqual(r.model.virtualServices.find((s) => s.name === `svc-${n - 1}.big.local`)?.provider, { virtualNode: `node-${n - 1}_big` });
  });
});

describe('input order and file split do not change the model', () => {
  /** Deterministic shuffle (mulberry32), so a failure reproduces from the printed seed. */
  function shuffled<T>(items: readonly T[], seed: number): T[] {
    let s = seed >>> 0;
    const rand = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }

  const k8sDocs = parseAllDocuments(fixture('same-mesh/k8s.yaml')).map((d) => d.toString());
  const awsDocs = (JSON.parse(fixture('same-mesh/aws-describe.json')) as unknown[]).map((d) => JSON.stringify(d, null, 2));

  for (const [dialect, docs, ext, join_] of [
    ['k8s', k8sDocs, 'yaml', (xs: string[]) => xs.join('---\n')],
    ['aws', awsDocs, 'json', (xs: string[]) => `[${xs.join(',\n')}]`],
  ] as const) {
    test(`${dialect}: shuffled documents split across files give a deep-equal model (ignoring source)`, () => {
      const reference = loadSources([{ file: `all.${ext}`, text: join_([...docs]) }]);
      assert.equal(reference.valid, true);
      const expected = modelWithoutSources(reference.model);
      for (const seed of [1, 2, 3, 42, 2024]) {
        const order = shuffled(docs, seed);
        for (const parts of [1, 2, 3, order.length]) {
          const sources: Source[] = [];
          const per = Math.ceil(order.length / parts);
          for (let i = 0; i < order.length; i += per) sources.push({ file: `part-${seed}-${i}.${ext}`, text: join_(order.slice(i, i + per)) });
          const r = loadSources(sources);
          assert.deepEqual(r.diagnostics.map(fmt), [], `seed ${seed}, ${parts} files${repro(sources, r)}`);
          assert.deepEqual(modelWithoutSources(r.model), expected, `seed ${seed}, ${parts} files: model differs${repro(sources, r)}`);
        }
      }
    });
  }
});

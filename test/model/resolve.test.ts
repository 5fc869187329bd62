/**
 * Reference resolution as the App Mesh controller does it (reference §4): awsName defaults,
 * namespace defaulting of refs, ARNs, mesh membership by namespaceSelector (nil = none, {} = all),
 * gateway binding by namespaceSelector + gatewayRouteSelector.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadSources } from '../../src/model/load-model.js';
import { fmt, repro, y } from './helpers.js';

const ns = (name: string, labels: Record<string, string>) =>
  `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${name}\n  labels: ${JSON.stringify(labels)}\n`;
const mesh = (name: string, selector: string | null) =>
  `apiVersion: appmesh.k8s.aws/v1beta2\nkind: Mesh\nmetadata: {name: ${name}}\nspec: ${selector === null ? '{}' : `{namespaceSelector: ${selector}}`}\n`;
const node = (name: string, namespace: string) =>
  `apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec: {}\n`;
const load = (...docs: string[]) => {
  const sources = [{ file: 'in.yaml', text: docs.join('---\n') }];
  return { r: loadSources(sources), sources };
};

test('awsName defaults: Mesh name, VirtualService name.namespace, others name_namespace', () => {
  const { r, sources } = load(
    ns('app', { m: '1' }),
    mesh('m', '{}'),
    node('nd', 'app'),
    'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s, namespace: app}\nspec: {provider: {virtualNode: {virtualNodeRef: {name: nd}}}}\n',
    'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualRouter\nmetadata: {name: r, namespace: app}\nspec: {listeners: [{portMapping: {port: 80, protocol: http}}]}\n',
    'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualGateway\nmetadata: {name: g, namespace: app}\nspec: {namespaceSelector: {}, listeners: [{portMapping: {port: 80, protocol: http}}]}\n',
  );
  assert.deepEqual(r.diagnostics.map(fmt), [], repro(sources, r));
  assert.deepEqual(r.model.meshes.map((x) => x.name), ['m']);
  assert.deepEqual(r.model.virtualNodes.map((x) => [x.name, x.meshName]), [['nd_app', 'm']]);
  assert.deepEqual(r.model.virtualServices.map((x) => [x.name, x.provider]), [['s.app', { virtualNode: 'nd_app' }]]);
  assert.deepEqual(r.model.virtualRouters.map((x) => x.name), ['r_app']);
  assert.deepEqual(r.model.virtualGateways.map((x) => x.name), ['g_app']);
});

test('Mesh namespaceSelector: nil selects no namespace, {} selects all', () => {
  const nil = load(ns('app', {}), mesh('m', null), node('nd', 'app'));
  assert.deepEqual(nil.r.diagnostics.map((d) => d.code), ['MESH_NOT_FOUND']);
  const all = load(ns('app', {}), mesh('m', '{}'), node('nd', 'app'));
  assert.deepEqual(all.r.diagnostics.map((d) => d.code), []);
});

test('Mesh namespaceSelector matchExpressions: In, NotIn, Exists, DoesNotExist, and the built-in name label', () => {
  const cases: [string, boolean][] = [
    ['{matchExpressions: [{key: team, operator: In, values: [a, b]}]}', true],
    ['{matchExpressions: [{key: team, operator: In, values: [c]}]}', false],
    ['{matchExpressions: [{key: team, operator: NotIn, values: [c]}]}', true],
    ['{matchExpressions: [{key: team, operator: Exists}]}', true],
    ['{matchExpressions: [{key: team, operator: DoesNotExist}]}', false],
    ['{matchLabels: {kubernetes.io/metadata.name: app}}', true],
    ['{matchLabels: {team: a}, matchExpressions: [{key: tier, operator: Exists}]}', false],
  ];
  for (const [selector, selected] of cases) {
    const { r, sources } = load(ns('app', { team: 'a' }), mesh('m', selector), node('nd', 'app'));
    assert.equal(r.model.virtualNodes.length === 1, selected, `${selector}${repro(sources, r)}`);
  }
});

test('an invalid selector operator is an error and selects nothing (it used to widen to {})', () => {
  const { r, sources } = load(ns('b', { team: 'b' }), mesh('m', '{matchExpressions: [{key: team, operator: Equals, values: [a]}]}'), node('nd', 'b'));
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.path]), [
    ['SCHEMA_ENUM', '/spec/namespaceSelector/matchExpressions/0/operator'],
    ['MESH_NOT_FOUND', ''],
  ], repro(sources, r));
  assert.deepEqual(r.model.virtualNodes, []);
});

const gateway = (name: string, namespace: string, spec: string) =>
  `apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualGateway\nmetadata: {name: ${name}, namespace: ${namespace}}\nspec:\n  listeners: [{portMapping: {port: 80, protocol: http}}]\n${spec}`;
const route = (namespace: string, labels = '{}') => y(`
  apiVersion: appmesh.k8s.aws/v1beta2
  kind: GatewayRoute
  metadata: {name: gr, namespace: ${namespace}, labels: ${labels}}
  spec:
    httpRoute:
      match: {prefix: /}
      action: {target: {virtualService: {virtualServiceARN: "arn:aws:appmesh:eu-west-1:111122223333:mesh/m/virtualService/svc"}}}
`);

test('GatewayRoute binding: gateway namespaceSelector and gatewayRouteSelector must both select; exactly one gateway', () => {
  const base = [ns('edge', { m: '1', gw: 'a' }), mesh('m', '{}'), 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: svc, namespace: edge}\nspec: {awsName: svc}\n'];
  const cases: [string, string[], string | null][] = [
    // [gateways, GR labels, expected binding or code]
    [gateway('a', 'edge', '  namespaceSelector: {matchLabels: {gw: a}}\n'), [], 'a_edge'],
    [gateway('a', 'edge', ''), [], 'GR_GATEWAY_NOT_FOUND'], // nil namespaceSelector selects nothing
    [gateway('a', 'edge', '  namespaceSelector: {}\n  gatewayRouteSelector: {}\n'), [], 'a_edge'],
    [gateway('a', 'edge', '  namespaceSelector: {}\n  gatewayRouteSelector: {matchLabels: {tier: front}}\n'), [], 'GR_GATEWAY_NOT_FOUND'],
    [gateway('a', 'edge', '  namespaceSelector: {}\n  gatewayRouteSelector: {matchLabels: {tier: front}}\n'), ['{tier: front}'], 'a_edge'],
    [gateway('a', 'edge', '  namespaceSelector: {}\n') + '---\n' + gateway('b', 'edge', '  namespaceSelector: {}\n'), [], 'GR_GATEWAY_AMBIGUOUS'],
    [gateway('a', 'edge', '  namespaceSelector: {}\n') + '---\n' + gateway('b', 'edge', '  namespaceSelector: {matchLabels: {gw: b}}\n'), [], 'a_edge'],
  ];
  for (const [gws, labels, expected] of cases) {
    const { r, sources } = load(...base, gws, route('edge', labels[0]));
    const bound = r.model.gatewayRoutes[0]?.virtualGatewayName ?? null;
    const codes = r.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    if (expected?.startsWith('GR_')) assert.deepEqual(codes, [expected], repro(sources, r));
    else assert.equal(bound, expected, repro(sources, r));
  }
});

test('a virtualServiceARN target resolves to the name part of the ARN', () => {
  const { r } = load(ns('edge', {}), mesh('m', '{}'), gateway('a', 'edge', '  namespaceSelector: {}\n'), 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: svc, namespace: edge}\nspec: {awsName: svc}\n', route('edge'));
  assert.deepEqual(r.model.gatewayRoutes.map((g) => g.spec.action.targets[0]!.virtualServiceName), ['svc']);
});

test('K8s null members are pruned as the API server does: an empty `priority:` or `rewrite:` is absent, not a type error', () => {
  const { r, sources } = load(
    ns('app', {}),
    mesh('m', '{}'),
    gateway('g', 'app', '  namespaceSelector: {}\n'),
    'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: svc, namespace: app}\nspec: {awsName: svc}\n',
    y(`
      apiVersion: appmesh.k8s.aws/v1beta2
      kind: GatewayRoute
      metadata: {name: gr, namespace: app, labels: }
      spec:
        priority:
        httpRoute:
          match:
            prefix: /
            headers:
              - name: x
                match:
          action:
            target: {virtualService: {virtualServiceRef: {name: svc, namespace: }}}
            rewrite:
    `),
  );
  assert.deepEqual(r.diagnostics.map(fmt), [], repro(sources, r));
  const gr = r.model.gatewayRoutes[0]!;
  assert.equal(gr.spec.priority, null);
  assert.equal(gr.spec.action.rewrite, null);
  assert.deepEqual((gr.spec.match as { headers: unknown }).headers, [{ name: 'x', invert: false, match: null }]);
});

test('null array items are not pruned (Kubernetes rejects them too)', () => {
  const { r } = load(ns('app', {}), mesh('m', '{}'), 'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualNode\nmetadata: {name: nd, namespace: app}\nspec:\n  listeners:\n    -\n');
  assert.deepEqual(r.diagnostics.map((d) => [d.code, d.path]), [['SCHEMA_TYPE', '/spec/listeners/0']]);
});

test("an empty namespace is unset: metadata.namespace '' is 'default', a ref's namespace '' is the referencing object's", () => {
  const { r, sources } = load(
    ns('default', {}),
    mesh('m', '{}'),
    node('nd', '""'),
    'apiVersion: appmesh.k8s.aws/v1beta2\nkind: VirtualService\nmetadata: {name: s}\nspec: {provider: {virtualNode: {virtualNodeRef: {name: nd, namespace: ""}}}}\n',
  );
  assert.deepEqual(r.diagnostics.map(fmt), [], repro(sources, r));
  assert.deepEqual(r.model.virtualNodes.map((n) => [n.name, n.namespace]), [['nd_default', 'default']]);
  assert.deepEqual(r.model.virtualServices.map((s) => s.provider), [{ virtualNode: 'nd_default' }]);
});

/**
 * Issue 13 item 3: a `hostname.suffix` written `*.example.com` (the Envoy / Gateway API spelling)
 * means what `.example.com` means everywhere — the model, `describe`, the compiled table and
 * route() — and `validate` says how App Mesh spells it (docs/precedence.md § Hostnames). Before the
 * fix the `*` was compared literally (the route never matched) and describe printed `**.example.com`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixture } from './helpers.js';
import { loadSources } from '../../src/model/load-model.js';
import { summarizeGatewayMatch } from '../../src/model/summary.js';
import { selectGateway } from '../../src/api/gateway.js';
import { buildGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';

function gatewayRoute(suffix: string): string {
  return `apiVersion: appmesh.k8s.aws/v1beta2
kind: GatewayRoute
metadata: { name: star, namespace: app }
spec:
  httpRoute:
    match: { prefix: /, hostname: { suffix: ${JSON.stringify(suffix)} } }
    action: { target: { virtualService: { virtualServiceRef: { name: svc } } } }
`;
}

function load(suffix: string) {
  const result = loadSources([{ file: 'scaffold.yaml', text: fixture('scaffold-k8s.yaml') }, { file: 'case.yaml', text: gatewayRoute(suffix) }]);
  assert.ok(result.valid, `reproduce: meshroute validate test/model/fixtures/scaffold-k8s.yaml case.yaml with suffix ${suffix}`);
  return result;
}

for (const written of ['*.example.com', '.example.com']) {
  test(`suffix written ${written}: model, describe, table and route() all read .example.com`, () => {
    const result = load(written);
    const gr = result.model.gatewayRoutes.find((g) => g.displayName === 'star')!;
    assert.deepEqual(gr.spec.match.hostname, { suffix: '.example.com' });
    assert.match(summarizeGatewayMatch(gr), /host \*\.example\.com(?!\S)/);
    assert.doesNotMatch(summarizeGatewayMatch(gr), /\*\*/);
    const gateway = selectGateway(result.model, undefined);
    const router = loadTable(buildGatewayTable(result.model, gateway, { routerStage: false }).table);
    assert.equal(router.route({ path: '/x', authority: 'shop.example.com' }).matched, true, 'shop.example.com');
    assert.equal(router.route({ path: '/x', authority: 'a.b.EXAMPLE.com' }).matched, true, 'a.b.EXAMPLE.com');
    assert.equal(router.route({ path: '/x', authority: 'example.com' }).matched, false, 'the bare domain');
    assert.equal(router.route({ path: '/x', authority: 'myexample.com' }).matched, false, 'across a label');
  });
}

test('validate warns about the star form and says how App Mesh writes it', () => {
  const d = load('*.example.com').diagnostics.filter((x) => x.code === 'GR_HOSTNAME_SUFFIX_FORM');
  assert.equal(d.length, 1);
  assert.equal(d[0]!.severity, 'warning');
  assert.equal(d[0]!.path, '/spec/httpRoute/match/hostname/suffix');
  assert.match(d[0]!.message, /write "\.example\.com"/);
  assert.equal(load('.example.com').diagnostics.filter((x) => x.code === 'GR_HOSTNAME_SUFFIX_FORM').length, 0);
});

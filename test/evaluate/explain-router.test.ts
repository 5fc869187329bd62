// explain() of the router stage: the provider, the listener, the rewritten request the router sees,
// and every router route with ✔/✘ — and the rendered text for each provider case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileGatewayTable } from '../../src/compile/index.js';
import { loadTable } from '../../src/evaluate/index.js';
import { renderExplanation } from '../../src/cli/render-explain.js';
import { loadVectorSuites } from '../_support/vectors.js';
import { loadVectorModel } from '../_support/vector-model.js';

const suites = loadVectorSuites();
const routerOf = (title: string) => {
  const s = suites.find((x) => x.title === title)!;
  const { model, gateway } = loadVectorModel(s.resources);
  return loadTable(compileGatewayTable(model, gateway));
};

test('explain: router routes in precedence order against the rewritten request, the winner marked', () => {
  const router = routerOf('priority ordering, header match types (virtual router)');
  const ex = router.explain({ path: '/x?q=1', headers: { color_header: 'rainbow' } });
  assert.ok(ex.router);
  assert.equal(ex.router.provider, 'virtualRouter');
  assert.deepEqual(ex.router.listener, { port: 8080, protocol: 'http' });
  assert.equal(ex.router.request.path, '/x?q=1');
  assert.equal(ex.router.request.authority, 'color.svc');
  assert.deepEqual(ex.router.routes.map((r) => [r.name, r.outcome, r.failed]), [
    ['blue', 'failed', 'header'], ['green', 'failed', 'header'], ['red', 'failed', 'header'], ['yellow', 'won', null], ['white', 'not-reached', null],
  ]);
  assert.equal(ex.decision.route, 'yellow');
  assert.match(renderExplanation(ex), /router stage: virtual router color-router, listener 8080\/http, sees \/x\?q=1/);
});

test('explain: node provider, no provider, gRPC method criterion and http2 scheme criterion', () => {
  const direct = routerOf('virtual node provider, Cloud Map endpoint, no provider');
  const node = direct.explain({ path: '/direct' });
  assert.deepEqual([node.router?.provider, node.router?.providerName, node.router?.routes.length], ['virtualNode', 'direct-vn', 0]);
  assert.match(renderExplanation(node), /provider virtual node direct-vn/);
  const none = direct.explain({ path: '/nowhere' });
  assert.equal(none.router?.provider, null);
  assert.match(renderExplanation(none), /has no provider — it routes no traffic/);
  assert.match(renderExplanation(none), /no match at the router stage: HTTP 404/);
  const kinds = routerOf('gRPC service + method, http2 scheme, tcp port-only routes');
  const g = kinds.explain({ path: '/helloworld.Greeter/SayGoodbye', port: 8080 });
  assert.deepEqual(g.router?.routes.map((r) => [r.name, r.outcome, r.criteria.find((c) => c.kind === 'path')?.description]), [
    ['say-hello', 'failed', 'method /helloworld.Greeter/SayHello'], ['greeter', 'won', 'service helloworld.Greeter'],
  ]);
  const h = kinds.explain({ path: '/a', port: 8081 });
  assert.deepEqual(h.router?.routes.map((r) => [r.name, r.failed]), [['secure', 'scheme']]);
  assert.equal(h.decision.stage, 'router');
});

test('explain of a gateway-only table has no router part', () => {
  const s = suites.find((x) => x.title === 'virtual node provider, Cloud Map endpoint, no provider')!;
  const { model, gateway } = loadVectorModel(s.resources);
  const ex = loadTable(compileGatewayTable(model, gateway, { routerStage: false })).explain({ path: '/direct' });
  assert.equal(ex.router, null);
  assert.equal(ex.decision.virtualNode, null);
});

/**
 * The checker can fail: written objects tampered with one field at a time must produce the matching
 * divergence, with a counterexample request that shows it (a checker that never reports anything
 * would pass every verdict test).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCheck, type DivergenceKind } from '../../../src/export/gateway-api/check.js';
import { gatewaySubject } from '../../../src/export/gateway-api/export.js';
import { writeGatewayApi } from '../../../src/export/gateway-api/write.js';
import type { GatewayApiObject, HTTPRoute } from '../../../src/export/gateway-api/objects.js';
import { loadObjects } from '../../../src/model/load-model.js';
import { exactMesh } from './_fixtures.js';

function tampered(edit: (route: HTTPRoute) => void): { kinds: Set<DivergenceKind>; divergent: number; untouched: number } {
  const loaded = loadObjects(exactMesh(), {});
  const write = writeGatewayApi(loaded.model, loaded.model.virtualGateways[0]!, { target: 'istio', noMesh: true });
  const untouched = runCheck(gatewaySubject(loaded.model, write), { random: 200 }).divergent;
  const objects = JSON.parse(JSON.stringify(write.objects)) as GatewayApiObject[];
  edit(objects.find((o): o is HTTPRoute => o.kind === 'HTTPRoute')!);
  const result = runCheck(gatewaySubject(loaded.model, { ...write, objects }), { random: 200 });
  const kinds = new Set([...result.byPair.values()].flat().map((d) => d.kind));
  for (const d of [...result.byPair.values()].flat()) assert.ok(d.counterexample.request.path.startsWith('/'));
  return { kinds, divergent: result.divergent, untouched };
}

test('untampered, the exact fixture has no divergence', () => {
  assert.equal(tampered(() => {}).untouched, 0);
});

test('a wrong backend port → backends', () => {
  assert.ok(tampered((r) => { r.spec.rules![0]!.backendRefs![0]!.port = 81; }).kinds.has('backends'));
});

test('a dropped host rewrite → authority', () => {
  assert.ok(tampered((r) => { delete r.spec.rules![0]!.filters; }).kinds.has('authority'));
});

test('an Exact path widened to PathPrefix → status (Gateway API forwards what App Mesh rejects)', () => {
  const t = tampered((r) => { r.spec.rules![0]!.matches![0]!.path = { type: 'PathPrefix', value: '/health' }; });
  assert.ok(t.kinds.has('status') || t.divergent > 0, JSON.stringify([...t.kinds]));
  assert.ok(t.divergent > 0);
});

test('a timeout that App Mesh does not have → timeout; a retry → retry', () => {
  assert.ok(tampered((r) => { r.spec.rules![0]!.timeouts = { request: '3s' }; }).kinds.has('timeout'));
  assert.ok(tampered((r) => { r.spec.rules![0]!.retry = { attempts: 2, codes: [503] }; }).kinds.has('retry'));
});

test('a weight split App Mesh does not have → backends', () => {
  assert.ok(tampered((r) => { r.spec.rules![0]!.backendRefs!.push({ name: 'other', port: 80, weight: 1 }); }).kinds.has('backends'));
});

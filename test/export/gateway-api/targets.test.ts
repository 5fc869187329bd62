// Target profiles (src/export/gateway-api/targets.ts): complete, every entry sourced from a snapshot
// named in shared/reference/gateway-api.md, and the facts the exporter's verdicts hinge on pinned.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GATEWAY_API_TARGETS, supports, targetFeatures, targetLimits, type GatewayApiFeature } from '../../../src/export/gateway-api/targets.js';

/** The snapshots the reference file read (its source table): a profile may cite only these. */
const SOURCES = [
  'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/',
  'https://github.com/istio/istio/blob/86c9f01/',
  'https://github.com/envoyproxy/gateway/blob/d32f282/',
  'https://github.com/aws/aws-application-networking-k8s/blob/v2.1.3/',
  'https://docs.aws.amazon.com/vpc-lattice/',
];

test('every target lists every feature, each with a support level and a source from the reference snapshots', () => {
  const features = Object.keys(targetFeatures('standard')) as GatewayApiFeature[];
  assert.ok(features.length >= 20);
  for (const target of GATEWAY_API_TARGETS) {
    assert.deepEqual(Object.keys(targetFeatures(target)).sort(), [...features].sort(), target);
    for (const f of features) {
      const s = supports(target, f);
      assert.ok(['yes', 'partial', 'no'].includes(s.support), `${target}.${f}`);
      assert.ok(SOURCES.some((p) => s.source.startsWith(p)), `${target}.${f}: source ${s.source} is not a reference snapshot`);
      assert.equal(s.ok, s.support !== 'no');
      if (s.support !== 'yes') assert.ok(s.note.length > 0, `${target}.${f}: a '${s.support}' needs a note saying why`);
    }
  }
});

test('the facts verdicts hinge on (shared/reference/gateway-api.md §5)', () => {
  assert.equal(supports('vpc-lattice', 'pathRegex').ok, false);
  assert.equal(supports('vpc-lattice', 'urlRewritePrefix').ok, false);
  assert.equal(supports('vpc-lattice', 'gamma').ok, false);
  assert.equal(supports('envoy-gateway', 'gamma').ok, false);
  assert.equal(supports('istio', 'gamma').ok, true);
  assert.equal(supports('istio', 'pathRegex').support, 'yes');
  assert.equal(supports('standard', 'pathRegex').support, 'partial');
  assert.equal(supports('standard', 'retries').support, 'partial');
  assert.equal(targetLimits('standard').rulesPerRoute, 16);
  assert.equal(targetLimits('standard').matchesPerRoute, 128);
  assert.equal(targetLimits('vpc-lattice').maxWeight, 999);
});

/**
 * Property (a): generated valid resource sets (src/testing arbitraries) load with valid === true
 * and no diagnostic at all, in every dialect and form; the K8s and AWS renderings of one mesh give
 * the same model; input order and file split do not matter.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';

/** Write YAML as kubectl reads it back (YAML 1.1-style scalars, docs/errors.md): `y`, `on`, `0777` get quoted. */
const KUBECTL_YAML = { version: '1.1' } as const;
import { loadObjects, loadSources } from '../../src/model/load-model.js';
import { dialectIndependentModel, meshPlanArbitrary, modelWithoutSources, renderAws, renderK8s, validManifestSetArbitrary, type ManifestDialect, type MeshPlan } from '../../src/testing/index.js';
import { explain, params } from './model-support.js';

const fmt = (d: { severity: string; code: string; path: string; message: string }) => `${d.severity} ${d.code} ${d.path} ${d.message}`;

function expectedCounts(plan: MeshPlan, dialect: ManifestDialect): Record<string, number> {
  const out: Record<string, number> = { Mesh: 1, VirtualGateway: 1 };
  const add = (k: string, n: number) => {
    if (n > 0) out[k] = n;
  };
  add('GatewayRoute', plan.gatewayRoutes.length);
  add('VirtualService', plan.virtualServices.length);
  add('VirtualRouter', plan.virtualRouters.length);
  add('Route', plan.virtualRouters.reduce((n, r) => n + r.routes.length, 0));
  add('VirtualNode', plan.virtualNodes.length);
  void dialect;
  return out;
}

for (const dialect of ['k8s', 'aws-create', 'aws-describe', 'aws'] as const) {
  test(`valid ${dialect} manifest sets load cleanly, strict or not (loadObjects)`, () => {
    fc.assert(
      fc.property(validManifestSetArbitrary({ dialect }), fc.boolean(), (set, strict) => {
        explain(set.documents, () => {
          // Generated sets use no seed-article shape, so --strict changes nothing.
          const r = loadObjects(set.documents, { strict });
          assert.deepEqual(r.diagnostics.map(fmt), []);
          assert.equal(r.valid, true);
          assert.deepEqual(r.stats.resources, expectedCounts(set.plan, dialect));
        });
      }),
      params(300),
    );
  });
}

test('valid K8s sets written as one multi-document YAML file load cleanly and like the objects', () => {
  fc.assert(
    fc.property(validManifestSetArbitrary({ dialect: 'k8s' }), (set) => {
      explain(set.documents, () => {
        const text = set.documents.map((d) => stringify(d, KUBECTL_YAML)).join('---\n');
        const r = loadSources([{ file: 'set.yaml', text }]);
        assert.deepEqual(r.diagnostics.map(fmt), []);
        assert.deepEqual(modelWithoutSources(r.model), modelWithoutSources(loadObjects(set.documents).model));
      });
    }),
    params(150),
  );
});

test('the K8s and AWS renderings of one mesh give the same normalized model', () => {
  fc.assert(
    fc.property(meshPlanArbitrary(), fc.constantFrom('create', 'describe', 'mixed' as const), (plan, form) => {
      const k8s = renderK8s(plan);
      const aws = renderAws(plan, form);
      explain([...k8s, ...aws], () => {
        const a = loadObjects(k8s);
        const b = loadObjects(aws);
        assert.equal(a.valid && b.valid, true);
        assert.deepEqual(dialectIndependentModel(a.model), dialectIndependentModel(b.model));
      });
    }),
    params(300),
  );
});

test('shuffled documents split across files give the same model (ignoring source)', () => {
  const arb = fc.constantFrom<ManifestDialect>('k8s', 'aws').chain((dialect) =>
    validManifestSetArbitrary({ dialect }).chain((set) =>
      fc.tuple(fc.constant(set), fc.shuffledSubarray(set.documents, { minLength: set.documents.length, maxLength: set.documents.length }), fc.integer({ min: 1, max: 4 })),
    ),
  );
  fc.assert(
    fc.property(arb, ([set, order, parts]) => {
      explain(order, () => {
        const per = Math.ceil(order.length / parts);
        const sources = [];
        for (let i = 0; i < order.length; i += per) sources.push({ file: `part-${i}.json`, text: JSON.stringify(order.slice(i, i + per)) });
        const r = loadSources(sources);
        assert.deepEqual(r.diagnostics.map(fmt), []);
        assert.deepEqual(modelWithoutSources(r.model), modelWithoutSources(loadObjects(set.documents).model));
      });
    }),
    params(150),
  );
});

/**
 * Checks the checker's verdicts: an `exact` pair never diverges on a fresh, larger set of requests
 * (another seed), and every `approximate` reason's counterexample, re-run through both evaluators,
 * really diverges in the way the reason says. Returns the failures as readable lines (with the
 * request to reproduce), [] when every verdict holds.
 */
import { decideBoth, runCheck, type CheckSubject } from '../../../src/export/gateway-api/check.js';
import { gatewaySubject, type GatewayApiExport } from '../../../src/export/gateway-api/export.js';
import { meshCheckSubject } from '../../../src/export/gateway-api/mesh-check.js';
import type { MeshModel } from '../../../src/model/types.js';
import type { RouteVerdict } from '../../../src/export/gateway-api/report.js';

export function verdictFailures(model: MeshModel, result: GatewayApiExport, recheck: { random: number; seed: number }): string[] {
  const failures: string[] = [];
  const check = (subject: CheckSubject | null, verdicts: RouteVerdict[], label: string) => {
    if (subject === null) return;
    const fresh = runCheck(subject, recheck);
    verdicts.forEach((v, i) => {
      const name = `${label} pair ${i} (${v.gatewayRoute ?? 'mesh'} → ${v.virtualService} ${v.route ?? ''})`;
      if (v.verdict === 'exact') {
        for (const d of fresh.byPair.get(i) ?? []) failures.push(`${name}: exact, but ${d.kind} differs for ${JSON.stringify(d.counterexample.request)}: ${d.message}`);
      }
      for (const reason of v.reasons) {
        const again = decideBoth(subject, reason.counterexample.request);
        if (!again.kinds.includes(reason.kind)) failures.push(`${name}: reason ${reason.kind} does not reproduce for ${JSON.stringify(reason.counterexample.request)} (now: ${again.kinds.join(',') || 'same'})`);
        if (JSON.stringify(again.appMesh) !== JSON.stringify(reason.counterexample.appMesh)) failures.push(`${name}: App Mesh decision of the counterexample changed`);
        if (JSON.stringify(again.gatewayApi) !== JSON.stringify(reason.counterexample.gatewayApi)) failures.push(`${name}: Gateway API decision of the counterexample changed`);
      }
    });
  };
  check(gatewaySubject(model, result.write), result.report.routes, 'gateway');
  (result.write.mesh?.entries ?? []).forEach((entry, k) => {
    check(meshCheckSubject(model, result.write.flat.gateway.meshName, entry, result.write.objects), result.report.mesh![k]!.routes, `GAMMA ${entry.service.namespace}/${entry.service.name}:${entry.service.port}`);
  });
  return failures;
}

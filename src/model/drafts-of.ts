/**
 * Which reader turns a classified document into drafts: K8s v1beta2 and AWS API shapes (drafts.ts),
 * legacy K8s v1beta1 (drafts-v1beta1.ts). Its own module so that the legacy reader can use
 * drafts.ts's helpers without an import cycle.
 */
import type { Classified } from './load/classify.js';
import { UnitType } from './load/classify.js';
import { awsDrafts, k8sDrafts, type Draft, type DraftContext } from './drafts.js';
import { legacyDrafts } from './drafts-v1beta1.js';

export function draftsOf(unit: Classified, ctx: DraftContext): Draft[] {
  if (unit.type === UnitType.K8s) return unit.legacy ? legacyDrafts(unit, ctx) : k8sDrafts(unit, ctx);
  if (unit.type === UnitType.Aws) return awsDrafts(unit, ctx);
  return [];
}

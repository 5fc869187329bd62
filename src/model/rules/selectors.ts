/**
 * Kubernetes label selectors (Mesh and VirtualGateway `namespaceSelector`, VirtualGateway
 * `gatewayRouteSelector`, `podSelector`): requirements apimachinery's LabelSelectorAsSelector
 * refuses — the controller cannot use such a selector, so App Mesh never applied it. The schema
 * has already checked the shapes; this is the rule it cannot express.
 */
import { rec, str } from '../convert/spec.js';
import type { RuleContext } from './context.js';

const SELECTOR_FIELDS = ['namespaceSelector', 'gatewayRouteSelector', 'podSelector'] as const;

export function checkSelectors(ctx: RuleContext): void {
  for (const field of SELECTOR_FIELDS) {
    const selector = rec(ctx.draft.spec[field]);
    const expressions = selector?.matchExpressions;
    if (!Array.isArray(expressions)) continue;
    expressions.forEach((e, i) => {
      const r = rec(e);
      const operator = r && str(r.operator);
      if (!r || operator === null) return;
      const values = Array.isArray(r.values) ? r.values : [];
      const at = `/${field}/matchExpressions/${i}`;
      if ((operator === 'In' || operator === 'NotIn') && values.length === 0) {
        ctx.report('error', 'SELECTOR_VALUES_REQUIRED', r.values === undefined ? at : `${at}/values`, `operator ${operator} needs at least one value (Kubernetes rejects this selector, so App Mesh never applied it)`);
      }
      if ((operator === 'Exists' || operator === 'DoesNotExist') && values.length > 0) {
        ctx.report('error', 'SELECTOR_VALUES_FORBIDDEN', `${at}/values`, `operator ${operator} takes no values (Kubernetes rejects this selector, so App Mesh never applied it)`);
      }
    });
  }
}

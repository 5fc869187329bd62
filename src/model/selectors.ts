/**
 * Kubernetes label selectors, as the App Mesh controller evaluates them (`metav1.LabelSelectorAsSelector`).
 * The caller decides what a *missing* selector means: for a Mesh or VirtualGateway `namespaceSelector`
 * nil selects nothing; for `gatewayRouteSelector` nil selects everything.
 */

import type { LabelSelector } from './types.js';

export function selectorMatches(selector: LabelSelector, labels: Readonly<Record<string, string>>): boolean {
  for (const [k, v] of Object.entries(selector.matchLabels)) if (labels[k] !== v) return false;
  for (const req of selector.matchExpressions) {
    const has = Object.hasOwn(labels, req.key);
    const value = labels[req.key];
    switch (req.operator) {
      case 'In':
        if (!has || !req.values.includes(value!)) return false;
        break;
      case 'NotIn':
        if (has && req.values.includes(value!)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** `{}` (no labels, no expressions) selects everything. */
export function isEmptySelector(selector: LabelSelector): boolean {
  return Object.keys(selector.matchLabels).length === 0 && selector.matchExpressions.length === 0;
}

export function describeSelector(selector: LabelSelector | null): string {
  if (selector === null) return '<none>';
  const parts = [
    ...Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`),
    ...selector.matchExpressions.map((e) =>
      e.operator === 'Exists' ? e.key : e.operator === 'DoesNotExist' ? `!${e.key}` : `${e.key} ${e.operator.toLowerCase()} (${e.values.join(',')})`,
    ),
  ];
  return parts.length === 0 ? '{} (everything)' : parts.join(',');
}

import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

const OBSERVED_KINDS = new Set(['service', 'gateway', 'worker']);

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'observability-pillars',
    category: 'axiom-4',
    severity: 'warning',
    summary: 'Services, gateways and workers declare all three pillars: logs, metrics and traces.',
    reference: 'Part X §2, The Three Pillars; Part XXVII §1',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      if (!OBSERVED_KINDS.has(value.kind)) continue;
      const o = value.observability ?? {};
      const missing = [
        (o.logs === undefined || o.logs === 'none') && 'logs',
        (o.metrics === undefined || o.metrics === 'none') && 'metrics',
        o.traces !== true && 'traces',
      ].filter((p): p is string => typeof p === 'string');
      if (missing.length === 0) continue;
      report({
        at: at(component, value.observability ? ['observability'] : []),
        message: `${value.kind} '${component.name}' has no ${missing.join(', no ')}: without all three pillars a failure here cannot be seen, followed across services or explained (set observability ${missing.map((m) => (m === 'traces' ? 'traces: true' : m === 'logs' ? 'logs: structured' : 'metrics: red')).join(', ')}).`,
        element: `components.${component.name}.observability`,
      });
    }
  },
});

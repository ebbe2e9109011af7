import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'slo-alerting',
    category: 'axiom-4',
    severity: 'info',
    summary: 'A component with an SLO alerts on it (burn-rate alerts preferred).',
    reference: 'Part XXVII §2, SLO-Based Alerting',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      const alerts = value.observability?.alerts;
      if (!value.slo || (alerts !== undefined && alerts !== 'none')) continue;
      report({
        at: alerts === 'none' ? at(component, ['observability', 'alerts'], 'value') : at(component, ['slo']),
        message: `'${component.name}' has an slo but ${alerts === 'none' ? 'alerts: none' : 'no observability.alerts'}: nobody hears when the error budget burns (alerts: burn-rate pages on fast burn, tickets slow burn).`,
        element: `components.${component.name}.observability.alerts`,
      });
    }
  },
});

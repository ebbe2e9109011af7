import type { ManifestDocument } from '../../parse/manifest';
import { at, isServing, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'slo-defined',
    category: 'axiom-4',
    severity: 'warning',
    summary: 'Services and gateways that others call (public or internal exposure) state an SLO.',
    reference: 'Appendix D §1, Service Level Objectives; Part XIII §3',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      if (!isServing(value.kind) || (value.exposure !== 'public' && value.exposure !== 'internal') || value.slo) continue;
      report({
        at: at(component),
        message: `${value.exposure} ${value.kind} '${component.name}' has no slo: its callers cannot know what to expect, and nobody can tell when it is unreliable enough to act (add slo: { availability, latencyP99 }).`,
        element: `components.${component.name}.slo`,
      });
    }
  },
});

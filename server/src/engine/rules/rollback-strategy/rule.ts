import { percentValue } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'rollback-strategy',
    category: 'axiom-5',
    severity: 'warning',
    summary: 'Components that promise 99.9 % or more deploy in a way that can roll back without downtime (not `recreate`).',
    reference: 'Part X §1, Deployment Strategies',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      const availability = percentValue(value.slo?.availability);
      if (value.deployment !== 'recreate' || availability === undefined || availability < 99.9) continue;
      report({
        at: at(component, ['deployment'], 'value'),
        message: `'${component.name}' promises ${availability} % but deploys with recreate: every release is an outage and rolling back is a manual redeploy; use rolling, blue-green or canary.`,
        element: `components.${component.name}.deployment`,
      });
    }
  },
});

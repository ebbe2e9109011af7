import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'on-call',
    category: 'operations',
    severity: 'info',
    summary: 'A component with an SLO is owned by a team with an on-call rotation.',
    reference: 'Part XIII §3, Ownership Model; Part X §3, Incident Management',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const { slo, owner } = component.value!;
      if (!slo || owner === undefined) continue;
      const team = workspace.manifests.teams.get(owner);
      // Unknown owners are unknown-reference's; a missing owner is single-owner's.
      if (!team?.value) continue;
      const oncall = team.value.oncall;
      if (oncall !== undefined && oncall !== false && oncall !== '') continue;
      report({
        at: at(component, ['owner'], 'value'),
        message: `'${component.name}' has an slo, but its team '${owner}' has no on-call rotation: when the objective is breached at night, nobody answers (set oncall on the team).`,
        related: [{ at: at(team), message: `team '${owner}'` }],
        element: `components.${component.name}.owner`,
      });
    }
  },
});

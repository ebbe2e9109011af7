import { addKey } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, isWritten, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'single-owner',
    category: 'operations',
    severity: 'error',
    summary: 'Every component has exactly one owning team.',
    reference: 'Part XIII §3, Ownership Model',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    const teams = [...workspace.manifests.teams.keys()];
    for (const component of ownElements(workspace, document, 'components')) {
      if (component.value!.owner !== undefined || isWritten(component, ['owner'])) continue;
      const map = elementMap(component);
      report({
        at: at(component),
        message: `'${component.name}' has no owner: when it breaks, nobody is paged and nobody decides; name one team${teams.length ? ` (${teams.join(', ')})` : ' (declare it under teams)'}.`,
        fixes: map ? teams.map((team) => ({ title: `Set owner: ${team}`, edits: [addKey(document, map, 'owner', team)] })) : undefined,
        element: `components.${component.name}.owner`,
      });
    }
  },
});

import { addKey } from '../../fixes/yamlEdits';
import { CONSISTENCY } from '../../model/manifest';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

const MEANS: Record<(typeof CONSISTENCY)[number], string> = {
  strong: 'every read sees the latest write',
  eventual: 'reads catch up with writes after a while',
  causal: 'related operations are seen in order',
  session: 'each user sees their own writes',
};

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'consistency-model',
    category: 'axiom-2',
    severity: 'warning',
    summary: 'Every datastore states its consistency model: strong, eventual, causal or session.',
    reference: 'Part II, Axiom 2; Part V §2, Consistency Models',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['consistency-models', 'axiom-2'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      if (datastore.value!.consistency) continue;
      const map = elementMap(datastore);
      report({
        at: at(datastore),
        message: `Datastore '${datastore.name}' states no consistency model: its users cannot know whether a read sees the latest write. Choose the weakest model that is still correct for them (strong, eventual, causal or session).`,
        fixes: map ? CONSISTENCY.map((model) => ({ title: `Set consistency: ${model} (${MEANS[model]})`, edits: [addKey(document, map, 'consistency', model)] })) : undefined,
        element: `datastores.${datastore.name}.consistency`,
      });
    }
  },
});

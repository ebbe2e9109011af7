import { dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { at } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'layer-direction',
    category: 'axiom-1',
    severity: 'error',
    summary: 'Dependencies point downward through the layers: a component never depends on one of a layer above its own.',
    reference: 'Part IV §1, The Layered Architecture; Part II, Axiom 1',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['layered-architecture', 'dependency-direction'],
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    const layers = model.layersOf(document);
    if (layers.length === 0) return;
    for (const edge of ownEdges(workspace, document)) {
      if (edge.target?.section !== 'components') continue;
      const from = edge.source.value?.layer;
      const target = model.get('components', edge.target.name)!;
      const to = target.value?.layer;
      const below = from === undefined ? -1 : layers.indexOf(from);
      const above = to === undefined ? -1 : layers.indexOf(to);
      if (below < 0 || above < 0 || above >= below) continue;
      report({
        at: dependencyAt(edge),
        message: `'${edge.source.name}' (layer ${from}) depends on '${target.name}' (layer ${to}), a layer above its own: dependencies only point down (${layers.join(' → ')}). Move the code, or let '${target.name}' call down or react to an event instead.`,
        related: [{ at: at(target, ['layer'], 'value'), message: `'${target.name}' is in layer ${to}` }],
        element: dependencyElement(edge),
      });
    }
  },
});

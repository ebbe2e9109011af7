import { instabilityOf, type Instability } from '../../graph/componentGraph';
import { dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { at, formatNumber } from '../kit';
import { defineRule } from '../types';

/** How much less stable a dependency may be before it is reported. */
const TOLERANCE = 0.25;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'stable-dependencies',
    category: 'axiom-1',
    severity: 'warning',
    summary: 'Components depend on components at least about as stable as themselves: instability I = Ce / (Ca + Ce) of the target is at most the source\'s + 0.25.',
    reference: 'Part II, Axiom 1 (dependencies flow toward stability)',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['dependency-direction', 'coupling'],
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    const seen = new Set<string>();
    for (const edge of ownEdges(workspace, document)) {
      if (edge.target?.section !== 'components' || edge.target.name === edge.source.name) continue;
      const pair = `${edge.source.name}>${edge.target.name}`;
      if (seen.has(pair)) continue;
      seen.add(pair);
      const source = instabilityOf(model, edge.source.name);
      const target = instabilityOf(model, edge.target.name);
      if (target.value <= source.value + TOLERANCE + 1e-9) continue;
      report({
        at: dependencyAt(edge),
        message: `'${edge.source.name}' (I = ${show(source)}) depends on '${edge.target.name}' (I = ${show(target)}), which is less stable than itself by more than ${TOLERANCE}: changes in '${edge.target.name}' will keep rippling into '${edge.source.name}'. Depend on something stabler (an interface, or a component fewer things depend through), or invert the dependency.`,
        related: [{ at: at(edge.target), message: `'${edge.target.name}': ${target.ca} component(s) depend on it, it depends on ${target.ce}` }],
        element: dependencyElement(edge),
      });
    }
  },
});

function show({ ca, ce, value }: Instability): string {
  return `${formatNumber(value, 2)} = ${ce} / (${ca} + ${ce})`;
}

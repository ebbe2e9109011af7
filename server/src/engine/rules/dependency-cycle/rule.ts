import { componentCycles, CYCLE_LIMIT } from '../../graph/componentGraph';
import { dependencyAt, dependencyElement } from '../../graph/dependencies';
import type { DependencyEdge } from '../../workspace/manifestModel';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';

/** Long cycles are named by their ends; every edge still gets its finding. */
const MAX_NAMES = 12;
const MAX_RELATED = 20;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'dependency-cycle',
    category: 'axiom-1',
    severity: 'error',
    summary: 'Components do not depend on each other in a cycle, whatever the dependency travels over.',
    reference: 'Part II, Axiom 1; Part III §3, Component Relationships',
    appliesTo: 'manifest',
    knowledge: ['axiom-1', 'dependency-direction', 'coupling'],
  },
  check({ document, workspace, report }) {
    const { cycles, truncated } = componentCycles(workspace.manifests);
    const note = truncated ? ` (the workspace has more than ${CYCLE_LIMIT} cycles; only the first ${CYCLE_LIMIT} are reported)` : '';
    for (const cycle of cycles) {
      if (!cycle.some((edge) => edge.source.manifest === document)) continue;
      const path = describe(cycle);
      cycle.forEach((edge, position) => {
        if (edge.source.manifest !== document) return;
        // The other edges in cycle order, starting after this one (a bounded number: a cycle may be long).
        const others = Array.from({ length: Math.min(cycle.length - 1, MAX_RELATED) }, (_, i) => cycle[(position + 1 + i) % cycle.length]);
        const message =
          cycle.length === 1
            ? `'${edge.source.name}' depends on itself: ${path}.${note}`
            : `Dependency cycle: ${path}. These ${cycle.length} components cannot be changed, deployed or understood one without the others; break the cycle by turning one dependency around (an event, or an interface owned by the lower component).${note}`;
        report({
          at: dependencyAt(edge),
          message,
          related: others.map((other) => ({ at: dependencyAt(other), message: `${other.source.name} → ${other.spec.target}, another edge of the cycle` })),
          element: dependencyElement(edge),
        });
      });
    }
  },
});

function describe(cycle: readonly DependencyEdge[]): string {
  const names = [...cycle.map((edge) => edge.source.name), cycle[0].source.name];
  if (names.length <= MAX_NAMES) return names.join(' → ');
  const head = names.slice(0, MAX_NAMES / 2);
  const tail = names.slice(names.length - MAX_NAMES / 2);
  return `${head.join(' → ')} → … (${names.length - MAX_NAMES} more) … → ${tail.join(' → ')}`;
}

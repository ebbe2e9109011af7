import { dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { at } from '../kit';
import { defineRule } from '../types';

/** The layer names that mark the core of a hexagonal system. */
const CORE_LAYERS: ReadonlySet<string> = new Set(['domain', 'core']);

const WHAT: Record<string, string> = { components: 'component', datastores: 'datastore', channels: 'channel' };

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'core-independence',
    category: 'axiom-1',
    severity: 'error',
    summary: 'In a hexagonal system the core (layer `domain` or `core`) depends on nothing outside the core; adapters reach datastores, channels and other services for it.',
    reference: 'Part IV §2, The Hexagonal Architecture',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['hexagonal-architecture', 'dependency-direction'],
  },
  check({ document, workspace, report }) {
    if (workspace.manifests.systemField(document, 'style') !== 'hexagonal') return;
    for (const edge of ownEdges(workspace, document)) {
      const layer = edge.source.value?.layer;
      if (!edge.target || layer === undefined || !CORE_LAYERS.has(layer)) continue;
      const target = edge.target;
      const targetLayer = target.section === 'components' ? (target.value as { layer?: string } | undefined)?.layer : undefined;
      if (targetLayer !== undefined && CORE_LAYERS.has(targetLayer)) continue;
      const what = target.section === 'components' ? `component${targetLayer ? ` of layer ${targetLayer}` : ' outside the core'}` : WHAT[target.section];
      report({
        at: dependencyAt(edge),
        message: `Core component '${edge.source.name}' (layer ${layer}) depends on '${target.name}', a ${what}: the core must not depend on infrastructure. Declare a port in the core and let an adapter outside it reach '${target.name}'.`,
        related: [{ at: at(target), message: `'${target.name}' is outside the core` }],
        element: dependencyElement(edge),
      });
    }
  },
});

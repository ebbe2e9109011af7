import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'cross-continent-sync',
    category: 'axiom-6',
    severity: 'info',
    summary: 'Synchronous calls do not cross continents (about 150 ms per round trip).',
    reference: 'Appendix B, Latency Reference; Part VIII §1',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      for (const edge of workspace.manifests.dependenciesOf(component.name)) {
        if (edge.spec.distance !== 'cross-continent' || !isSynchronous(edge)) continue;
        report({
          at: at(component, ['dependsOn', edge.index, 'distance'], 'value'),
          message: `'${component.name}' waits on '${edge.spec.target}' across a continent: about 150 ms per round trip, before any work is done; replicate the data nearer, cache, or make the call asynchronous.`,
          element: `components.${component.name}.dependsOn.${edge.spec.target}`,
        });
      }
    }
  },
});

import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';
import { isNetworkCall } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'transport-security',
    category: 'security',
    severity: 'warning',
    summary: 'Nothing that crosses a network turns TLS off.',
    reference: 'Part IX §1, Defense in Depth (transport layer)',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      if (component.value!.tls === false) {
        report({
          at: at(component, ['tls'], 'value'),
          message: `'${component.name}' serves without TLS: whatever reaches it can be read or altered on the way.`,
          element: `components.${component.name}.tls`,
        });
      }
      for (const edge of workspace.manifests.dependenciesOf(component.name)) {
        if (edge.spec.tls !== false || !isNetworkCall(edge)) continue;
        report({
          at: at(component, ['dependsOn', edge.index, 'tls'], 'value'),
          message: `'${component.name}' calls '${edge.spec.target}' over the network without TLS: the traffic can be read or altered on the way.`,
          element: `components.${component.name}.dependsOn.${edge.spec.target}.tls`,
        });
      }
    }
  },
});

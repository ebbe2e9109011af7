import type { ManifestDocument } from '../../parse/manifest';
import { setPath } from '../../fixes/yamlEdits';
import { at, elementMap, isServing, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'health-check',
    category: 'axiom-4',
    severity: 'warning',
    summary: 'Services and gateways declare a health check that load balancers and orchestrators can probe.',
    reference: 'Part XXV §4, Health Checking; Part X §2',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      if (!isServing(value.kind) || value.observability?.healthCheck) continue;
      const map = elementMap(component);
      report({
        at: at(component),
        message: `${value.kind} '${component.name}' has no observability.healthCheck: nothing can tell a live instance from a dead one, so traffic keeps going to instances that cannot answer.`,
        fixes: map ? [{ title: 'Add observability.healthCheck: /healthz', edits: [setPath(document, map, ['observability', 'healthCheck'], '/healthz')], isPreferred: true }] : undefined,
        element: `components.${component.name}.observability.healthCheck`,
      });
    }
  },
});

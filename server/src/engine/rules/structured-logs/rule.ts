import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'structured-logs',
    category: 'axiom-4',
    severity: 'info',
    summary: 'Logs are structured (machine-parseable), not free text.',
    reference: 'Part XXVII §1, Logs',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      if (component.value!.observability?.logs !== 'unstructured') continue;
      const place = at(component, ['observability', 'logs'], 'value');
      report({
        at: place,
        message: `'${component.name}' writes unstructured logs: they cannot be queried, aggregated or joined with traces by field; write structured (JSON) logs.`,
        fixes: [{ title: 'Change to logs: structured', edits: [{ uri: document.uri, range: document.lines.range(place.span), newText: 'structured' }], isPreferred: true }],
        element: `components.${component.name}.observability.logs`,
      });
    }
  },
});

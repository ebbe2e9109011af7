import { setPath } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'encryption-at-rest',
    category: 'security',
    severity: 'error',
    summary: 'Confidential, restricted or personal data is encrypted at rest.',
    reference: 'Part XXII §1, Data Classification; Part IX §1, Defense in Depth',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const value = datastore.value!;
      const sensitive = value.classification === 'confidential' || value.classification === 'restricted' || value.pii === true;
      if (!sensitive || value.encryption?.atRest === true) continue;
      const why = value.classification === 'confidential' || value.classification === 'restricted' ? `${value.classification} data` : 'personal data (pii)';
      const map = elementMap(datastore);
      report({
        at: value.encryption?.atRest === false ? at(datastore, ['encryption', 'atRest'], 'value') : at(datastore),
        message: `'${datastore.name}' holds ${why} without encryption.atRest: true; a stolen disk or backup exposes all of it.`,
        fixes: map ? [{ title: 'Set encryption.atRest: true', edits: [setPath(document, map, ['encryption', 'atRest'], 'true')], isPreferred: true }] : undefined,
        element: `datastores.${datastore.name}.encryption.atRest`,
      });
    }
  },
});

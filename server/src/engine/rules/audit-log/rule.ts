import { setPath } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'audit-log',
    category: 'security',
    severity: 'warning',
    summary: 'Restricted and personal data keeps an audit log of every access.',
    reference: 'Part XXII §3, Audit Logging Requirements; Part XXVIII §1 (repudiation)',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const value = datastore.value!;
      if ((value.classification !== 'restricted' && value.pii !== true) || value.auditLog === true) continue;
      const map = elementMap(datastore);
      report({
        at: value.auditLog === false ? at(datastore, ['auditLog'], 'value') : at(datastore),
        message: `'${datastore.name}' holds ${value.classification === 'restricted' ? 'restricted' : 'personal'} data without auditLog: true; nobody could say who read or changed it.`,
        fixes: map ? [{ title: 'Set auditLog: true', edits: [setPath(document, map, ['auditLog'], 'true')], isPreferred: true }] : undefined,
        element: `datastores.${datastore.name}.auditLog`,
      });
    }
  },
});

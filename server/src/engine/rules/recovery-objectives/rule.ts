import type { ManifestDocument } from '../../parse/manifest';
import { at, isWritten, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'recovery-objectives',
    category: 'recovery',
    severity: 'warning',
    summary: 'Every datastore states how much data it may lose (rpo) and how long it may be down (rto).',
    reference: 'Part XXIII §1, Recovery Objectives',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const { rpo, rto } = datastore.value!;
      const missing = [rpo === undefined && 'rpo', rto === undefined && 'rto'].filter((m): m is string => typeof m === 'string');
      // An invalid rpo or rto has its own finding: it is written, not missing.
      if (missing.length === 0 || missing.some((field) => isWritten(datastore, [field]))) continue;
      report({
        at: at(datastore),
        message: `'${datastore.name}' has no ${missing.join(' and no ')}: without recovery objectives, nobody can choose a backup or standby strategy, or test that it is good enough.`,
        element: `datastores.${datastore.name}.recovery`,
      });
    }
  },
});

import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'backup-3-2-1',
    category: 'recovery',
    severity: 'warning',
    summary: 'Backups follow 3-2-1: three copies, on two kinds of media, one offsite; and no datastore goes without backup or replication.',
    reference: 'Part XXIII §2, Backup Strategies (3-2-1 Rule)',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const { backup, replication } = datastore.value!;
      if (!backup) {
        if (replication) continue;
        report({
          at: at(datastore),
          message: `'${datastore.name}' has neither backup nor replication: one lost disk or one bad deletion loses its data for good.`,
          element: `datastores.${datastore.name}.backup`,
        });
        continue;
      }
      const short = [
        (backup.copies ?? 0) < 3 && `${backup.copies ?? 0} of 3 copies`,
        (backup.media ?? 0) < 2 && `${backup.media ?? 0} of 2 media`,
        (backup.offsite ?? 0) < 1 && 'no offsite copy',
      ].filter((s): s is string => typeof s === 'string');
      if (short.length === 0) continue;
      report({
        at: at(datastore, ['backup']),
        message: `The backup of '${datastore.name}' falls short of 3-2-1: ${short.join(', ')}.`,
        element: `datastores.${datastore.name}.backup`,
      });
    }
  },
});

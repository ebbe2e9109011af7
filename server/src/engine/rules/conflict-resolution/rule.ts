import { isMap } from 'yaml';
import { addKey } from '../../fixes/yamlEdits';
import { CONFLICT_RESOLUTIONS } from '../../model/manifest';
import type { ManifestDocument } from '../../parse/manifest';
import { locate } from '../../parse/yamlAst';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

const MEANS: Record<(typeof CONFLICT_RESOLUTIONS)[number], string> = {
  lww: 'last write wins, the others are lost',
  'multi-value': 'keep the siblings, readers merge them',
  crdt: 'data types that merge by themselves',
  application: 'the application merges',
};

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'conflict-resolution',
    category: 'axiom-2',
    severity: 'warning',
    summary: 'Multi-leader and leaderless replication state how concurrent writes are reconciled.',
    reference: 'Part XVII §4, Replication Topologies; Appendix A §6, CRDTs',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['conflict-resolution', 'multi-leader-replication', 'leaderless-replication', 'crdt'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const replication = datastore.value!.replication;
      if ((replication?.topology !== 'multi-leader' && replication?.topology !== 'leaderless') || replication.conflictResolution) continue;
      const node = datastore.node ? locate(datastore.node, ['replication']).value : undefined;
      report({
        at: at(datastore, ['replication', 'topology'], 'value'),
        message: `'${datastore.name}' accepts writes on several replicas (${replication.topology}) but states no conflictResolution: two concurrent writes to the same record will disagree, and something must decide which survives (lww, multi-value, crdt or application).`,
        fixes: isMap(node) ? CONFLICT_RESOLUTIONS.map((way) => ({ title: `Set conflictResolution: ${way} (${MEANS[way]})`, edits: [addKey(document, node, 'conflictResolution', way)] })) : undefined,
        element: `datastores.${datastore.name}.replication.conflictResolution`,
      });
    }
  },
});

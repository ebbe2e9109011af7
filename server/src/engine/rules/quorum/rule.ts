import { locate } from '../../parse/yamlAst';
import { setKeys } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { isMap } from 'yaml';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'quorum',
    category: 'axiom-2',
    severity: 'error',
    summary: 'Strong consistency on leaderless replication needs overlapping quorums: w + r > replicas.',
    reference: 'Part XVII §4, Replication Topologies (Leaderless); Part V §2, Consistency Models',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['quorum', 'leaderless-replication', 'strong-consistency'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const datastore of ownElements(workspace, document, 'datastores')) {
      const { consistency, replication } = datastore.value!;
      if (consistency !== 'strong' || replication?.topology !== 'leaderless') continue;
      const { w, r, replicas } = replication;
      if (w === undefined || r === undefined || replicas === undefined || w + r > replicas) continue;
      const majority = Math.floor(replicas / 2) + 1;
      const node = datastore.node ? locate(datastore.node, ['replication']).value : undefined;
      report({
        at: at(datastore, ['replication']),
        message: `'${datastore.name}' claims strong consistency, but its quorums do not overlap: w + r = ${w} + ${r} = ${w + r}, not more than its ${replicas} replicas, so a read can miss the latest write. Use w + r > ${replicas} (e.g. w = r = ${majority}), or state a weaker consistency.`,
        fixes: isMap(node) ? [{ title: `Use majority quorums: w: ${majority}, r: ${majority}`, edits: setKeys(document, node, [['w', String(majority)], ['r', String(majority)]]), isPreferred: true }] : undefined,
        element: `datastores.${datastore.name}.replication`,
      });
    }
  },
});

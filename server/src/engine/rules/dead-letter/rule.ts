import { nameList } from '../../graph/dependencies';
import { deadLetterChannels } from '../../graph/componentGraph';
import { isMap } from 'yaml';
import { addKey } from '../../fixes/yamlEdits';
import type { Fix } from '../../model/findings';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { locate } from '../../parse/yamlAst';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'dead-letter',
    category: 'axiom-3',
    severity: 'info',
    summary: 'A queue or topic with consumers names a dead-letter channel for the messages they cannot handle.',
    reference: 'Part II, Axiom 3; Part VI §2, Asynchronous Communication; Part XIX §4, Message Queue Patterns',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['dead-letter', 'message-queue'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    const deadLetters = deadLetterChannels(model);
    for (const channel of ownElements(workspace, document, 'channels')) {
      const { kind, deadLetter } = channel.value!;
      if ((kind !== 'queue' && kind !== 'topic') || deadLetter !== undefined || deadLetters.has(channel.name)) continue;
      const consumers = [...new Set(model.dependentsOf(channel.name).filter((edge) => edge.target === channel && edge.spec.access !== 'write').map((edge) => edge.source.name))];
      if (consumers.length === 0) continue;
      report({
        at: at(channel),
        message: `${kind} '${channel.name}' has consumers (${nameList(consumers)}) but no deadLetter: a message they cannot process is retried forever, blocking the ones behind it, or dropped without a trace.`,
        fixes: deadLetterFix(workspace, document, channel),
        element: `channels.${channel.name}.deadLetter`,
      });
    }
  },
});

/** Adds `deadLetter: <name>-dlq` and defines that queue next to the channel (same technology and decisions). */
function deadLetterFix(workspace: WorkspaceSnapshot, document: ManifestDocument, channel: ManifestElement<'channels'>): Fix[] | undefined {
  const map = elementMap(channel);
  const section = document.yaml.contents ? locate(document.yaml.contents, ['channels']).value : undefined;
  const name = `${channel.name}-dlq`;
  if (!map || !isMap(section) || workspace.manifests.element(name)) return undefined;
  const { technology, decisions } = channel.value!;
  const fields = ['kind: queue', ...(technology ? [`technology: ${technology}`] : []), ...(decisions?.length ? [`decisions: [${decisions.join(', ')}]`] : [])];
  return [
    {
      title: `Add deadLetter: ${name}, and define queue '${name}'`,
      edits: [addKey(document, map, 'deadLetter', name), addKey(document, section, name, `{ ${fields.join(', ')} }`)],
      isPreferred: true,
    },
  ];
}

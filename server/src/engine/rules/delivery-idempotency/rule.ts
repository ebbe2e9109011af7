import { dependencyAt, dependencyElement, nameList, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'delivery-idempotency',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'Consumers of at-least-once channels are idempotent; producers of exactly-once channels publish through a transactional outbox.',
    reference: 'Appendix C §2, Delivery Guarantees; Appendix C §2, Transactional Outbox Pattern',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['delivery-guarantees', 'at-least-once', 'exactly-once', 'idempotency', 'transactional-outbox'],
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const edge of ownEdges(workspace, document)) {
      if (edge.target?.section !== 'channels') continue;
      const channel = model.get('channels', edge.target.name)!;
      const consumes = edge.spec.access === 'read' || edge.spec.access === 'read-write';
      if (!consumes || channel.value?.delivery !== 'at-least-once' || edge.spec.idempotent === true) continue;
      report({
        at: dependencyAt(edge),
        message: `'${edge.source.name}' consumes '${channel.name}', which delivers at least once, but its handling is not declared idempotent: a redelivered message is processed twice. Make the handler idempotent (e.g. remember processed message ids) and declare idempotent: true.`,
        related: [{ at: at(channel, ['delivery'], 'value'), message: `'${channel.name}' may deliver a message more than once` }],
        element: dependencyElement(edge),
      });
    }
    for (const channel of ownElements(workspace, document, 'channels')) {
      if (channel.value!.delivery !== 'exactly-once' || channel.value!.outbox === true) continue;
      const producers = model.dependentsOf(channel.name).filter((edge) => edge.target === channel && (edge.spec.access === 'write' || edge.spec.access === 'read-write'));
      if (producers.length === 0) continue;
      const names = [...new Set(producers.map((edge) => edge.source.name))];
      report({
        at: at(channel, ['delivery'], 'value'),
        message: `'${channel.name}' promises exactly-once delivery, but its producers (${nameList(names)}) do not publish through a transactional outbox: a crash between saving and publishing loses or duplicates the message. Publish through an outbox and declare outbox: true, or promise at-least-once with idempotent consumers.`,
        related: producers.slice(0, 20).map((edge) => ({ at: dependencyAt(edge), message: `'${edge.source.name}' produces to '${channel.name}'` })),
        element: `channels.${channel.name}.outbox`,
      });
    }
  },
});

import { dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'retry-idempotency',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'Only idempotent operations are retried, or the caller sends an idempotency key.',
    reference: 'Part VII §2, Retry with Exponential Backoff; Part XVIII §1, HTTP Methods',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['idempotency', 'retry-backoff'],
  },
  check({ document, workspace, report }) {
    for (const edge of ownEdges(workspace, document)) {
      const { retry, idempotent, idempotencyKey, access } = edge.spec;
      if ((retry?.attempts ?? 1) <= 1 || idempotencyKey === true) continue;
      const unsafe = idempotent === false || (access === 'write' && idempotent !== true);
      if (!unsafe) continue;
      const what = idempotent === false ? 'an operation marked idempotent: false' : 'a write not declared idempotent';
      report({
        at: dependencyAt(edge, ['retry'], 'key'),
        message: `'${edge.source.name}' retries ${what} on '${edge.spec.target}' (${retry!.attempts} attempts) without an idempotency key: when a response is lost, the retry performs the operation a second time. Send an idempotency key (idempotencyKey: true), make the operation idempotent, or do not retry it.`,
        element: dependencyElement(edge),
      });
    }
  },
});

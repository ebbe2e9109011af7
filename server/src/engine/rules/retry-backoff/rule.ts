import { dependencyAt, dependencyElement, ownEdges, setDependencyKeys } from '../../graph/dependencies';
import type { PathValue } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'retry-backoff',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'Retries wait exponentially longer between attempts, with random jitter.',
    reference: 'Part II, Axiom 3; Part VII §2, Retry with Exponential Backoff',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['retry-backoff', 'axiom-3'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const edge of ownEdges(workspace, document)) {
      const retry = edge.spec.retry;
      if (!retry || (retry.attempts ?? 1) <= 1) continue;
      const exponential = retry.backoff === 'exponential';
      if (exponential && retry.jitter === true) continue;
      const wait = retry.backoff === 'fixed' ? 'a fixed wait' : retry.backoff === 'exponential' ? 'exponential backoff' : 'no backoff';
      const problems = [
        ...(exponential ? [] : ['retries that do not back off keep hammering a service that is already struggling']),
        ...(retry.jitter === true ? [] : ['without jitter, every caller retries at the same instants (a thundering herd)']),
      ];
      const changes: PathValue[] = [...(exponential ? [] : [[['retry', 'backoff'], 'exponential'] as const]), ...(retry.jitter === true ? [] : [[['retry', 'jitter'], 'true'] as const])];
      report({
        at: dependencyAt(edge, ['retry'], 'key'),
        message: `'${edge.source.name}' retries '${edge.spec.target}' ${retry.attempts} times with ${wait}${retry.jitter === true ? '' : ' and no jitter'}: ${problems.join('; ')}.`,
        fixes: [{ title: `Set ${changes.map(([path, value]) => `${path[1]}: ${value}`).join(', ')}`, edits: setDependencyKeys(edge, changes), isPreferred: true }],
        element: dependencyElement(edge),
      });
    }
  },
});

import { dependencyAt, dependencyElement, formatDuration, ownEdges, possessive, worstCaseOfCalls } from '../../graph/dependencies';
import { durationMs } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'timeout-budget',
    category: 'axiom-3',
    severity: 'error',
    summary: 'A caller waits at least as long as the callee\'s own calls can take (their timeouts × attempts, in sequence, the largest of the parallel ones).',
    reference: 'Part II, Axiom 3; Part VII §1, Failure Categories; Part VII §2, Retry with Exponential Backoff',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['timeouts', 'retry-backoff'],
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const edge of ownEdges(workspace, document)) {
      if (edge.target?.section !== 'components' || !isSynchronous(edge)) continue;
      const timeout = durationMs(edge.spec.timeout);
      const worst = worstCaseOfCalls(model, edge.target.name);
      if (timeout === undefined || !worst || worst.ms <= timeout) continue;
      const target = edge.target.name;
      report({
        at: dependencyAt(edge, ['timeout'], 'value'),
        message: `'${edge.source.name}' gives '${target}' ${formatDuration(timeout)}, but ${possessive(target)} own calls can take ${worst.text} = ${formatDuration(worst.ms)}: '${edge.source.name}' gives up while '${target}' is still working (or retrying), and the work is wasted. Raise this timeout to at least ${formatDuration(worst.ms)}, or shorten ${possessive(target)} timeouts and retries.`,
        related: worst.calls.slice(0, 20).map((call) => ({ at: dependencyAt(call.edge, ['timeout'], 'value'), message: `${call.text}: ${target} → ${call.edge.spec.target}${call.edge.spec.parallel ? ' (parallel)' : ''}` })),
        element: dependencyElement(edge),
      });
    }
  },
});

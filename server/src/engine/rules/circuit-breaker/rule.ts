import { dependencyAt, dependencyElement, ownEdges, possessive, setDependencyKeys } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'circuit-breaker',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'A component with an SLO protects each synchronous call to another component with a circuit breaker or a fallback.',
    reference: 'Part II, Axiom 3; Part VII §2, Circuit Breaker; Part VII §3, Graceful Degradation',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['circuit-breaker', 'graceful-degradation'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const edge of ownEdges(workspace, document)) {
      if (!edge.source.value?.slo || edge.target?.section !== 'components' || !isSynchronous(edge)) continue;
      if (edge.spec.circuitBreaker || edge.spec.fallback) continue;
      report({
        at: dependencyAt(edge),
        message: `'${edge.source.name}' has an SLO but calls '${edge.spec.target}' with neither a circuitBreaker nor a fallback: when '${edge.spec.target}' fails, every request still waits for it, and its failure becomes ${possessive(edge.source.name)}. Open a circuit after repeated failures, or say what to do without it.`,
        fixes: [
          {
            title: 'Add circuitBreaker: { failureThreshold: 5, resetTimeout: 30s }',
            edits: setDependencyKeys(edge, [[['circuitBreaker', 'failureThreshold'], '5'], [['circuitBreaker', 'resetTimeout'], '30s']]),
            isPreferred: true,
          },
        ],
        element: dependencyElement(edge),
      });
    }
  },
});

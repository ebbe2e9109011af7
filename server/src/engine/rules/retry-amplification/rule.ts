import { amplificationOf, amplifiedPath } from '../../graph/componentGraph';
import { attemptsOf, dependencyAt, dependencyElement, ownEdges } from '../../graph/dependencies';
import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

/** More attempts than this along one path, for one request at the top, is a retry storm waiting to happen. */
const AMPLIFICATION_LIMIT = 10;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'retry-amplification',
    category: 'axiom-3',
    severity: 'warning',
    summary: 'Retries do not multiply beyond 10 attempts along one synchronous path.',
    reference: 'Part VII §2, Retry with Exponential Backoff; Part II, Axiom 3',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['retry-amplification', 'retry-backoff'],
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const edge of ownEdges(workspace, document)) {
      const attempts = attemptsOf(edge);
      if (attempts <= 1 || !edge.target || edge.target.section === 'channels' || !isSynchronous(edge)) continue;
      const below = edge.target.section === 'components' ? (amplificationOf(model, edge.target.name).product) : 1;
      // Reported where the product first goes over the limit, counting from the bottom of the path.
      if (below > AMPLIFICATION_LIMIT || attempts * below <= AMPLIFICATION_LIMIT) continue;
      const path = amplifiedPath(model, edge);
      const names = [edge.source.name, ...path.map((call) => call.spec.target)].join(' → ');
      const factors = path.map(attemptsOf);
      const product = factors.reduce((a, b) => a * b, 1);
      report({
        at: dependencyAt(edge, ['retry'], 'key'),
        message: `Retries multiply along ${names}: ${factors.join(' × ')} = ${product} calls to '${path[path.length - 1].spec.target}' for one call of '${edge.source.name}' (more than ${AMPLIFICATION_LIMIT}). When the bottom is slow, each layer's retries multiply the load on it; retry in one layer only, and let the others fail fast.`,
        related: path.slice(1, 21).map((call) => ({ at: call.spec.retry ? dependencyAt(call, ['retry'], 'key') : dependencyAt(call), message: `${call.source.name} → ${call.spec.target}: ${attemptsOf(call)} attempt(s)` })),
        element: dependencyElement(edge),
      });
    }
  },
});

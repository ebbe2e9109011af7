import { dependencyAt, dependencyElement, formatDuration, ownEdges, possessive, setDependencyKeys, worstCaseOfCalls } from '../../graph/dependencies';
import { isSynchronous, type DependencyEdge, type ManifestModel } from '../../workspace/manifestModel';
import { durationMs } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { isWritten } from '../kit';
import { defineRule } from '../types';

/** The timeout offered when nothing better is known. */
const DEFAULT_TIMEOUT_MS = 2_000;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'sync-timeout',
    category: 'axiom-3',
    severity: 'error',
    summary: 'Every synchronous dependency (http, grpc, graphql, database) has a timeout.',
    reference: 'Part II, Axiom 3; Part VII §1, Failure Categories; Part VII §3, Graceful Degradation',
    appliesTo: 'manifest',
    scope: 'element',
    knowledge: ['timeouts', 'axiom-3', 'graceful-degradation'],
    fixable: true,
  },
  check({ document, workspace, report }) {
    const model = workspace.manifests;
    for (const edge of ownEdges(workspace, document)) {
      if (edge.spec.timeout !== undefined || !isSynchronous(edge) || isWritten(edge.source, ['dependsOn', edge.index, 'timeout'])) continue;
      // A target that names nothing is judged only when `via` says how it is reached.
      if (!edge.target ? !edge.spec.via : edge.target.section === 'channels') continue;
      const how = edge.spec.via ? ` over ${edge.spec.via}` : '';
      const { ms, why } = suggestedTimeout(model, edge);
      report({
        at: dependencyAt(edge),
        message: `'${edge.source.name}' calls '${edge.spec.target}'${how} with no timeout: when '${edge.spec.target}' hangs, '${edge.source.name}' waits with it and its own callers pile up behind. Every network call needs a deadline.`,
        fixes: [{ title: `Add timeout: ${formatDuration(ms)}${why}`, edits: setDependencyKeys(edge, [[['timeout'], formatDuration(ms)]]), isPreferred: true }],
        element: dependencyElement(edge),
      });
    }
  },
});

/**
 * A timeout to offer: twice the target's latencyP99 (2s when it has none),
 * never below the worst case of the target's own calls (so that the fix does
 * not break `timeout-budget`), rounded up to a round number.
 */
function suggestedTimeout(model: ManifestModel, edge: DependencyEdge): { ms: number; why: string } {
  const target = edge.target?.section === 'components' ? model.get('components', edge.target.name) : undefined;
  const p99 = durationMs(target?.value?.slo?.latencyP99);
  const worst = target ? worstCaseOfCalls(model, target.name) : undefined;
  let ms = p99 !== undefined ? 2 * p99 : DEFAULT_TIMEOUT_MS;
  let why = p99 !== undefined ? ` (2 × latencyP99 of '${edge.spec.target}')` : '';
  if (worst && worst.ms > ms) {
    ms = worst.ms;
    why = ` (what ${possessive(edge.spec.target)} own calls can take)`;
  }
  return { ms: roundUp(ms), why };
}

/** Up to a multiple of 50ms below a second, of 500ms above. */
function roundUp(ms: number): number {
  const step = ms < 1_000 ? 50 : 500;
  return Math.max(step, Math.ceil(ms / step) * step);
}

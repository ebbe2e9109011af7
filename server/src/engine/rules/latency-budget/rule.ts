import { durationMs } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { at, formatMs, ownElements } from '../kit';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

/** Round trip of one call per network distance (Part VIII §1, Appendix B). */
const ROUND_TRIP_MS: Record<string, number> = { 'same-host': 0, 'same-datacenter': 0.5, 'cross-region': 50, 'cross-continent': 150 };

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'latency-budget',
    category: 'axiom-6',
    severity: 'warning',
    summary: 'A component\'s latency target leaves room for its synchronous calls: their p99 plus the network round trip.',
    reference: 'Part VIII §1, Latency Hierarchy; Appendix B, Latency Reference',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const own = durationMs(component.value!.slo?.latencyP99);
      if (own === undefined) continue;
      const sequential: { ms: number; text: string }[] = [];
      const parallel: { ms: number; text: string }[] = [];
      for (const edge of workspace.manifests.dependenciesOf(component.name)) {
        if (!isSynchronous(edge)) continue;
        const target = edge.target?.section === 'components' ? durationMs((edge.target.value as { slo?: { latencyP99?: string } } | undefined)?.slo?.latencyP99) : undefined;
        const distance = edge.spec.distance ?? 'same-datacenter';
        const rtt = ROUND_TRIP_MS[distance];
        const ms = (target ?? 0) + rtt;
        const text = `${edge.spec.target} ${target === undefined ? '?' : formatMs(target)} + ${formatMs(rtt)} ${distance}`;
        (edge.spec.parallel ? parallel : sequential).push({ ms, text });
      }
      const slowestParallel = parallel.reduce<{ ms: number; text: string } | undefined>((max, call) => (!max || call.ms > max.ms ? call : max), undefined);
      const parts = [...sequential, ...(slowestParallel ? [{ ms: slowestParallel.ms, text: `max of parallel (${slowestParallel.text})` }] : [])];
      const needed = parts.reduce((sum, part) => sum + part.ms, 0);
      if (needed <= own + 1e-9) continue;
      report({
        at: at(component, ['slo', 'latencyP99'], 'value'),
        message: `'${component.name}' promises a p99 of ${formatMs(own)}, but its synchronous calls need ${parts.map((p) => p.text).join(' + ')} = ${formatMs(needed)}${parts.some((p) => p.text.includes(' ? ')) ? ' (? = no latency target, counted as 0)' : ''}: raise the target, call in parallel, move closer, or cache.`,
        element: `components.${component.name}.slo.latencyP99`,
      });
    }
  },
});

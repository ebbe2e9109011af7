import { percentValue } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { at, formatNumber, ownElements } from '../kit';
import { defineRule } from '../types';
import { isSynchronous } from '../../workspace/manifestModel';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'availability-budget',
    category: 'axiom-6',
    severity: 'warning',
    summary: 'A component promises no more availability than the product of its hard synchronous dependencies\' availabilities.',
    reference: 'Appendix D §1, Service Level Objectives; Part VII §3, Graceful Degradation',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const own = percentValue(component.value!.slo?.availability);
      if (own === undefined) continue;
      const factors: { name: string; value: number }[] = [];
      for (const edge of workspace.manifests.dependenciesOf(component.name)) {
        if (!isSynchronous(edge) || edge.spec.fallback) continue;
        const target = edge.target?.section === 'components' ? percentValue((edge.target.value as { slo?: { availability?: string | number } } | undefined)?.slo?.availability) : undefined;
        if (target !== undefined && target < 100) factors.push({ name: edge.spec.target, value: target });
      }
      const product = factors.reduce((p, f) => (p * f.value) / 100, 100);
      if (own <= product + 1e-9) continue;
      // Enough decimals that the product, as shown, is visibly below the promise.
      let digits = 2;
      while (digits < 6 && Math.floor(product * 10 ** digits) / 10 ** digits >= own) digits++;
      const shown = formatNumber(Math.floor(product * 10 ** digits) / 10 ** digits, digits);
      report({
        at: at(component, ['slo', 'availability'], 'value'),
        message: `'${component.name}' promises ${formatNumber(own)} %, ${factors.length === 1 ? `its hard dependency ${factors[0].name} gives ${shown} %` : `its hard dependencies give ${factors.map((f) => formatNumber(f.value)).join(' × ')} = ${shown} % (${factors.map((f) => f.name).join(', ')})`}: add a fallback, make a call asynchronous, or lower the promise.`,
        element: `components.${component.name}.slo.availability`,
      });
    }
  },
});

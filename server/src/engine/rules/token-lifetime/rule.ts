import { durationMs } from '../../model/values';
import type { ManifestDocument } from '../../parse/manifest';
import { at, ownElements } from '../kit';
import { defineRule } from '../types';

const HOUR = 3_600_000;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'token-lifetime',
    category: 'security',
    severity: 'warning',
    summary: 'Access tokens live an hour at most.',
    reference: 'Part XXVIII §2, Token-Based (JWT)',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const lifetime = component.value!.tokenLifetime;
      const ms = durationMs(lifetime);
      if (ms === undefined || ms <= HOUR) continue;
      report({
        at: at(component, ['tokenLifetime'], 'value'),
        message: `Tokens of '${component.name}' live ${lifetime}: a leaked token stays usable that long, and stateless tokens are hard to revoke; keep them to 15 minutes to 1 hour and refresh.`,
        element: `components.${component.name}.tokenLifetime`,
      });
    }
  },
});

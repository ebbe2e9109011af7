import { setPath } from '../../fixes/yamlEdits';
import type { ManifestDocument } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

const METHODS = ['oauth2', 'jwt', 'session', 'mtls', 'api-key'] as const;

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'public-auth',
    category: 'security',
    severity: 'error',
    summary: 'A publicly exposed component authenticates its callers.',
    reference: 'Part IX §1, Defense in Depth; Part IX §2, Authentication Patterns',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      if (value.exposure !== 'public' || (value.auth !== undefined && value.auth !== 'none')) continue;
      const map = elementMap(component);
      report({
        at: value.auth === 'none' ? at(component, ['auth'], 'value') : at(component, ['exposure'], 'value'),
        message: `'${component.name}' is public ${value.auth === 'none' ? 'with auth: none' : 'and declares no auth'}: anyone on the internet can call it; choose an authentication method (Part IX §2).`,
        fixes: map ? METHODS.map((method) => ({ title: `Set auth: ${method}`, edits: [setPath(document, map, ['auth'], method)] })) : undefined,
        element: `components.${component.name}.auth`,
      });
    }
  },
});

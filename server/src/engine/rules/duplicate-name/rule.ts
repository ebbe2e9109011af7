import type { ManifestDocument } from '../../parse/manifest';
import { defineRule } from '../types';

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'duplicate-name',
    category: 'axiom-1',
    severity: 'error',
    summary: 'Names of teams, and of components, datastores and channels, are unique across the workspace\'s manifests.',
    reference: 'Part III §1, Component Boundaries',
    appliesTo: 'manifest',
    knowledge: ['component-boundaries'],
  },
  check({ document, workspace, report }) {
    for (const { element, first } of workspace.manifests.duplicates) {
      if (element.manifest !== document) continue;
      const where = first.manifest === document ? 'above' : `in ${first.manifest.uri.slice(first.manifest.uri.lastIndexOf('/') + 1)}`;
      report({
        at: { uri: document.uri, lines: document.lines, span: element.nameSpan },
        message: `'${element.name}' is already defined ${where} (as one of the ${first.section}); names must be unique across the workspace.`,
        related: [{ at: { uri: first.manifest.uri, lines: first.manifest.lines, span: first.nameSpan }, message: 'first definition' }],
        element: `${element.section}.${element.name}`,
      });
    }
  },
});

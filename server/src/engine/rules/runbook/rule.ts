import { addKey } from '../../fixes/yamlEdits';
import { runbookSnippet } from '../../templates/operations';
import { expandSnippet } from '../../templates/snippet';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';
import { runbookFill } from '../../templates/runbookFill';

const NEEDS_RUNBOOK = new Set(['service', 'gateway', 'worker']);

/**
 * The file a fix creates: a runbook in the shape of Part XXIV §3, filled from what the manifest knows (the New
 * Runbook command's template). What fills it is read now (those are the run's reads); the text is written when first
 * asked for (a code action, the CLI's JSON), not for each of a thousand findings nobody fixes.
 */
function runbookFile(workspace: WorkspaceSnapshot, component: ManifestElement<'components'>, uri: string): { uri: string; text: string } {
  const fill = runbookFill(workspace, component);
  let text: string | undefined;
  return Object.defineProperty({ uri } as { uri: string; text: string }, 'text', { enumerable: true, get: () => (text ??= expandSnippet(runbookSnippet(fill))) });
}

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'runbook',
    category: 'operations',
    severity: 'warning',
    summary: 'Services, gateways and workers with an SLO have a runbook, and every runbook path exists.',
    reference: 'Part XXIV §3, Runbook Structure; Part X §3, Incident Management',
    appliesTo: 'manifest',
    scope: 'element',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      const map = elementMap(component);
      if (value.runbook !== undefined) {
        const uri = workspace.resolveWorkspacePath(document.uri, value.runbook);
        if (workspace.folderOf(document.uri) !== undefined && workspace.folderOf(uri) === undefined) {
          report({
            at: at(component, ['runbook'], 'value'),
            message: `The runbook of '${component.name}', ${value.runbook}, points outside the workspace: keep runbooks in the repository, where the manifest and its readers find them.`,
            element: `components.${component.name}.runbook`,
          });
          continue;
        }
        if (workspace.exists(uri)) continue;
        report({
          at: at(component, ['runbook'], 'value'),
          message: `The runbook of '${component.name}', ${value.runbook}, does not exist.`,
          fixes: [{ title: `Create ${value.runbook} from the runbook template`, edits: [], createFiles: [runbookFile(workspace, component, uri)], isPreferred: true }],
          element: `components.${component.name}.runbook`,
        });
        continue;
      }
      if (!value.slo || !NEEDS_RUNBOOK.has(value.kind)) continue;
      const path = `${workspace.documentFolders.runbooks[0] ?? 'docs/runbooks'}/${component.name}.md`;
      const uri = workspace.resolveWorkspacePath(document.uri, path);
      const exists = workspace.exists(uri);
      report({
        at: at(component),
        message: `${value.kind} '${component.name}' has an slo but no runbook: whoever is paged has to work out the response during the incident.`,
        fixes: map
          ? [{
              title: exists ? `Set runbook: ${path}` : `Create ${path} from the runbook template`,
              edits: [addKey(document, map, 'runbook', path)],
              createFiles: exists ? undefined : [runbookFile(workspace, component, uri)],
              isPreferred: true,
            }]
          : undefined,
        element: `components.${component.name}.runbook`,
      });
    }
  },
});

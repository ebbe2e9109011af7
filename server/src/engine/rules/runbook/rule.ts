import { addKey } from '../../fixes/yamlEdits';
import type { Component } from '../../model/manifest';
import type { ManifestModel } from '../../model/manifestModel';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import { at, elementMap, ownElements } from '../kit';
import { defineRule } from '../types';

const NEEDS_RUNBOOK = new Set(['service', 'gateway', 'worker']);

/** A runbook in the shape of Part XXIV §3, filled from what the manifest knows about the component. */
export function runbookTemplate(component: ManifestElement<'components'>, model: ManifestModel): string {
  const value: Partial<Component> = component.value ?? {};
  const dependencies = model.dependenciesOf(component.name).map((edge) => {
    const target = edge.target;
    const what = target?.section === 'datastores' ? `Datastore${(target.value as { engine?: string } | undefined)?.engine ? ` (${(target.value as { engine?: string }).engine})` : ''}` : target?.section === 'channels' ? 'Channel' : 'Component';
    return `- ${what}: ${edge.spec.target}${edge.spec.via ? ` via ${edge.spec.via}` : ''}`;
  });
  const overview = [value.description ?? `What ${component.name} does, and who calls it.`, value.owner ? `Owned by ${value.owner}.` : undefined].filter(Boolean).join(' ');
  return [
    `# ${component.name}: Runbook`,
    '',
    '## Overview',
    '',
    overview,
    '',
    '## Dependencies',
    '',
    ...(dependencies.length ? dependencies : ['- None declared in the manifest.']),
    '',
    '## Common Issues',
    '',
    `### Issue: ${component.name} is unavailable`,
    '',
    `**Symptoms:** health check failing, error rate above the SLO${value.slo?.availability !== undefined ? ` (${value.slo.availability} % availability)` : ''}.`,
    '',
    '**Diagnosis:**',
    '1. Check the health check and recent deployments.',
    '2. Check the dependencies listed above.',
    '',
    '**Resolution:**',
    '1. Roll back the last deployment if it correlates.',
    '2. Scale out or restart unhealthy instances.',
    '',
  ].join('\n');
}

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'runbook',
    category: 'operations',
    severity: 'warning',
    summary: 'Services, gateways and workers with an SLO have a runbook, and every runbook path exists.',
    reference: 'Part XXIV §3, Runbook Structure; Part X §3, Incident Management',
    appliesTo: 'manifest',
    fixable: true,
  },
  check({ document, workspace, report }) {
    for (const component of ownElements(workspace, document, 'components')) {
      const value = component.value!;
      const map = elementMap(component);
      if (value.runbook !== undefined) {
        const uri = workspace.resolveWorkspacePath(document.uri, value.runbook);
        if (workspace.exists(uri)) continue;
        report({
          at: at(component, ['runbook'], 'value'),
          message: `The runbook of '${component.name}', ${value.runbook}, does not exist.`,
          fixes: [{ title: `Create ${value.runbook} from the runbook template`, edits: [], createFiles: [{ uri, text: runbookTemplate(component, workspace.manifests) }], isPreferred: true }],
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
              createFiles: exists ? undefined : [{ uri, text: runbookTemplate(component, workspace.manifests) }],
              isPreferred: true,
            }]
          : undefined,
        element: `components.${component.name}.runbook`,
      });
    }
  },
});

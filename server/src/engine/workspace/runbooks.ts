import type { ManifestElement } from '../parse/manifest';
import type { RunbookDocument } from '../parse/operations';
import { kebabCase } from '../text/strings';
import type { WorkspaceSnapshot } from './snapshot';

/** The component a runbook is about: the one whose `runbook:` path is this file, else the one its title names. */
export function runbookComponent(workspace: WorkspaceSnapshot, runbook: RunbookDocument): ManifestElement<'components'> | undefined {
  for (const component of workspace.manifests.components.values()) {
    const path = component.value?.runbook;
    if (path && workspace.resolveWorkspacePath(component.manifest.uri, path) === runbook.uri) return component;
  }
  const name = runbook.serviceName?.text;
  return name ? workspace.manifests.components.get(kebabCase(name)) : undefined;
}

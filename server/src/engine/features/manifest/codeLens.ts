import { adrName } from '../../parse/adrNames';
import type { ManifestDocument } from '../../parse/manifest';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { CodeLens } from '../types';

/** Above each component: how many depend on it, how many it depends on, its ADRs (counted across the workspace). */
export function codeLenses(workspace: WorkspaceSnapshot, document: ManifestDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const element of document.elements.components.values()) {
    if (workspace.manifests.components.get(element.name) !== element) continue;
    const dependents = new Set(workspace.manifests.dependentsOf(element.name).map((edge) => edge.source.name)).size;
    const dependencies = new Set(workspace.manifests.dependenciesOf(element.name).map((edge) => edge.spec.target)).size;
    const parts = [plural(dependents, 'dependent'), plural(dependencies, 'dependency', 'dependencies')];
    for (const reference of element.value?.decisions ?? []) parts.push(adrLabel(workspace, reference, document.uri));
    lenses.push({ span: element.nameSpan, title: parts.join(' · ') });
  }
  return lenses;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `ADR-0003` for a reference that resolves, the reference as written otherwise. */
function adrLabel(workspace: WorkspaceSnapshot, reference: string | number, fromUri: string): string {
  const adr = workspace.adrs.resolve(reference, fromUri);
  return adr?.number !== undefined ? adrName(adr) : String(reference);
}

import type { TextEdit } from '../../model/findings';
import type { ManifestDocument } from '../../parse/manifest';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { Target } from '../types';
import { nameIndex, occurrenceAt, type Occurrence } from './names';

/**
 * Go to definition, find references, document highlights and rename for the
 * names of the workspace's manifests (components, datastores, channels,
 * teams, layers) and ADR references.
 */

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function at(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): Occurrence | undefined {
  return occurrenceAt(nameIndex(workspace), document.uri, offset);
}

function sameName(workspace: WorkspaceSnapshot, occurrence: Occurrence): readonly Occurrence[] {
  return nameIndex(workspace).byKey.get(occurrence.key) ?? [];
}

/** Where a name is defined: the model's element (the first definition in file order), the layer in `layers`, the ADR file. */
function definitionOf(workspace: WorkspaceSnapshot, occurrence: Occurrence): Target[] {
  switch (occurrence.namespace) {
    case 'adr': {
      const adr = workspace.adrs.resolve(occurrence.name, occurrence.uri);
      return adr ? [{ uri: adr.uri, span: adr.titleSpan ?? [0, 0] }] : [];
    }
    case 'element': {
      const element = workspace.manifests.element(occurrence.name);
      return element ? [{ uri: element.manifest.uri, span: element.nameSpan }] : [];
    }
    case 'team': {
      const team = workspace.manifests.teams.get(occurrence.name);
      return team ? [{ uri: team.manifest.uri, span: team.nameSpan }] : [];
    }
    case 'layer': {
      const layer = sameName(workspace, occurrence).find((o) => o.role === 'definition');
      return layer ? [{ uri: layer.uri, span: layer.span }] : [];
    }
  }
}

export function definition(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): Target[] {
  const occurrence = at(workspace, document, offset);
  return occurrence ? definitionOf(workspace, occurrence) : [];
}

export function references(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number, includeDeclaration: boolean): Target[] {
  const occurrence = at(workspace, document, offset);
  if (!occurrence) return [];
  const targets: Target[] = sameName(workspace, occurrence)
    .filter((o) => includeDeclaration || o.role === 'reference')
    .map((o) => ({ uri: o.uri, span: o.span }));
  if (includeDeclaration && occurrence.namespace === 'adr') targets.unshift(...definitionOf(workspace, occurrence));
  return targets;
}

export function highlights(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): { span: Span; kind: 'read' | 'write' | 'text' }[] {
  const occurrence = at(workspace, document, offset);
  if (!occurrence) return [];
  return sameName(workspace, occurrence)
    .filter((o) => o.uri === document.uri)
    .map((o) => ({ span: o.span, kind: o.role === 'definition' ? 'write' : 'read' }));
}

const RENAMEABLE: ReadonlySet<string> = new Set(['element', 'team']);

export function prepareRename(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number): { span: Span; placeholder: string } | string | undefined {
  const occurrence = at(workspace, document, offset);
  if (!occurrence) return undefined;
  if (!RENAMEABLE.has(occurrence.namespace)) return 'Only components, datastores, channels and teams can be renamed.';
  if (definitionOf(workspace, occurrence).length === 0) return `'${occurrence.name}' is not defined in any manifest of the workspace: there is nothing to rename.`;
  return { span: occurrence.span, placeholder: occurrence.name };
}

export function rename(workspace: WorkspaceSnapshot, document: ManifestDocument, offset: number, newName: string): TextEdit[] | string {
  const prepared = prepareRename(workspace, document, offset);
  if (prepared === undefined) return 'There is no component, datastore, channel or team name here.';
  if (typeof prepared === 'string') return prepared;
  const occurrence = at(workspace, document, offset)!;
  const name = newName.trim();
  if (name === occurrence.name) return [];
  if (!KEBAB.test(name)) return `'${name}' is not kebab-case: names use lower-case letters and digits joined by hyphens.`;
  const taken = occurrence.namespace === 'team' ? workspace.manifests.teams.get(name) : workspace.manifests.element(name);
  if (taken) {
    const what = occurrence.namespace === 'team' ? 'team' : singular(taken.section);
    return `'${name}' is already taken by the ${what} in ${fileName(taken.manifest.uri)}.`;
  }
  const edits: TextEdit[] = sameName(workspace, occurrence).map((o) => ({ uri: o.uri, range: o.manifest.lines.range(o.span), newText: name }));
  if (occurrence.namespace === 'element') edits.push(...runbookEdits(workspace, occurrence.name, name));
  return edits;
}

/**
 * A renamed element's name where runbooks write it as the manifest does: a Dependencies item led by the name, and a
 * title `# <name>: Runbook`. (Otherwise runbook-drift would report each as naming nothing.) Prose is left alone.
 */
function runbookEdits(workspace: WorkspaceSnapshot, oldName: string, newName: string): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const runbook of workspace.documents('runbook')) {
    const places = runbook.dependencies.map((item) => item.name).filter((lead) => lead.text === oldName);
    if (runbook.serviceName?.text === oldName) places.push(runbook.serviceName);
    for (const place of places) edits.push({ uri: runbook.uri, range: runbook.lines.range(place.span), newText: newName });
  }
  return edits;
}

export function singular(section: string): string {
  return { teams: 'team', components: 'component', datastores: 'datastore', channels: 'channel' }[section] ?? section;
}

export function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

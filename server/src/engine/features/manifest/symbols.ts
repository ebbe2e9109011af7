import { elementSpan, type ManifestDocument, type ManifestElement } from '../../parse/manifest';
import { ELEMENT_SECTION_NAMES, type ElementSection } from '../../model/manifest';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { DocumentSymbol, WorkspaceSymbol } from '../types';
import { fileName, singular } from './navigation';

/** The outline of a manifest and "go to symbol in workspace" across manifests. */

const KIND: Record<ElementSection, DocumentSymbol['kind']> = {
  teams: 'namespace',
  components: 'class',
  datastores: 'object',
  channels: 'event',
};

function wholeSpan(element: ManifestElement): Span {
  const end = element.node?.range?.[1] ?? element.nameSpan[1];
  return [element.nameSpan[0], Math.max(end, element.nameSpan[1])];
}

function detail(element: ManifestElement): string {
  const value = element.value as Record<string, unknown> | undefined;
  switch (element.section) {
    case 'teams':
      return [value?.type, 'team'].filter(Boolean).join(' ');
    case 'components':
      return [value?.kind, value?.layer && `layer ${value.layer}`, value?.owner && `owner ${value.owner}`].filter(Boolean).join(' · ');
    case 'datastores':
      return [value?.engine ?? 'datastore', value?.consistency && `${value.consistency} consistency`].filter(Boolean).join(' · ');
    case 'channels':
      return [value?.kind ?? 'channel', value?.delivery].filter(Boolean).join(' · ');
  }
}

function dependencySymbols(workspace: WorkspaceSnapshot, element: ManifestElement<'components'>): DocumentSymbol[] {
  const owner = workspace.manifests.components.get(element.name);
  // Only the model's element has edges; a duplicate definition shows none.
  if (owner !== element) return [];
  return workspace.manifests.dependenciesOf(element.name).map((edge) => {
    const span = elementSpan(element, ['dependsOn', edge.index], 'value');
    const target = edge.target ? singular(edge.target.section) : 'unknown';
    return {
      name: edge.spec.target,
      detail: [edge.spec.via, edge.spec.access, target].filter(Boolean).join(' · '),
      kind: 'field' as const,
      span,
      selectionSpan: span,
    };
  });
}

export function documentSymbols(workspace: WorkspaceSnapshot, document: ManifestDocument): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  for (const section of ELEMENT_SECTION_NAMES) {
    const elements = [...document.elements[section].values()];
    if (elements.length === 0) continue;
    const children = elements.map((element): DocumentSymbol => ({
      name: element.name,
      detail: detail(element),
      kind: KIND[section],
      span: wholeSpan(element),
      selectionSpan: element.nameSpan,
      children: section === 'components' ? dependencySymbols(workspace, element as ManifestElement<'components'>) : undefined,
    }));
    // Not children[0] and the last child: a duplicated name keeps its first place in the map but the later entry's span.
    const first = children.reduce((min, child) => Math.min(min, child.span[0]), Infinity);
    const last = children.reduce((max, child) => Math.max(max, child.span[1]), 0);
    symbols.push({ name: section, kind: 'module', detail: `${children.length}`, span: [first, last], selectionSpan: [first, first], children });
  }
  return symbols;
}

/** Subsequence match, case-insensitive ("pay" matches "payments", "pmt" too). */
function matches(name: string, query: string): boolean {
  const lowered = name.toLowerCase();
  let at = 0;
  for (const ch of query.toLowerCase()) {
    at = lowered.indexOf(ch, at);
    if (at < 0) return false;
    at++;
  }
  return true;
}

export function workspaceSymbols(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[] {
  const symbols: WorkspaceSymbol[] = [];
  for (const manifest of workspace.documents('manifest')) {
    for (const section of ELEMENT_SECTION_NAMES) {
      for (const element of manifest.elements[section].values()) {
        if (!matches(element.name, query)) continue;
        symbols.push({
          name: element.name,
          kind: KIND[section],
          containerName: `${singular(section)} · ${fileName(manifest.uri)}`,
          target: { uri: manifest.uri, span: element.nameSpan },
        });
      }
    }
  }
  return symbols;
}

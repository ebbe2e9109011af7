import { adrName } from '../../parse/adrNames';
import { resolveDecision } from '../../workspace/adrReferences';
import type { ManifestDocument, ManifestElement } from '../../parse/manifest';
import type { AdrDocument } from '../../parse/adr';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { at, ownElements, rootAt } from '../kit';
import { defineRule, type Report } from '../types';
import type { Place } from '../../model/findings';

const RETIRED = new Set(['superseded', 'deprecated', 'rejected']);

/** How an ADR is named in messages: "ADR-0007 (Use Kafka)" or its file name. */
function adrLabel(adr: AdrDocument): string {
  const name = adrName(adr);
  return adr.title ? `${name} (${adr.title})` : name;
}

/** The ADR that supersedes this one, as the ADR parser reports it (a reference, a document, or a list of them). */
function successors(workspace: WorkspaceSnapshot, adr: AdrDocument): string[] {
  const raw = (adr as { supersededBy?: unknown }).supersededBy;
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return list.map((item) => {
    if (item && typeof item === 'object' && 'kind' in item && (item as AdrDocument).kind === 'adr') return adrLabel(item as AdrDocument);
    const reference = item && typeof item === 'object' ? ((item as { target?: string; reference?: string; text?: string }).target ?? (item as { reference?: string }).reference ?? (item as { text?: string }).text) : item;
    if (typeof reference !== 'string' && typeof reference !== 'number') return undefined;
    const found = workspace.adrs.resolve(reference, adr.uri);
    return found ? adrLabel(found) : `${reference} (not in the workspace)`;
  }).filter((label): label is string => label !== undefined);
}

/** The findings of one ADR reference, or none when it resolves to an ADR in force. */
function checkDecision(workspace: WorkspaceSnapshot, reference: string | number, fromUri: string, place: Place, element: string): Report | undefined {
  const adr = resolveDecision(workspace, reference, fromUri);
  if (!adr) {
    return {
      at: place,
      severity: 'error',
      message: `'${reference}' resolves to no ADR in the workspace (ADR folders: ${workspace.documentFolders.adr.slice(0, 3).join(', ')}${workspace.documentFolders.adr.length > 3 ? ', …' : ''}): write the decision record or fix the reference.`,
      element,
    };
  }
  if (!adr.status || !RETIRED.has(adr.status)) return undefined;
  const next = successors(workspace, adr);
  const detail = adr.status === 'superseded' ? (next.length > 0 ? `superseded by ${next.join(', ')}: refer to the decision in force` : 'superseded: refer to the decision that replaced it') : `${adr.status}: the decision is no longer in force`;
  return {
    at: place,
    message: `${adrLabel(adr)} is ${detail}.`,
    related: [{ at: { uri: adr.uri, lines: adr.lines, span: adr.titleSpan ?? [0, 0] }, message: `status: ${adr.status}` }],
    tags: ['deprecated'],
    element,
  };
}

export const rule = defineRule<ManifestDocument>({
  meta: {
    id: 'decision-status',
    category: 'axiom-5',
    severity: 'warning',
    summary: 'Every ADR a manifest refers to exists and is still in force (not superseded, deprecated or rejected).',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'manifest',
    scope: 'element',
  },
  check({ document, workspace, report }) {
    if (!document.readable) return;
    const each = (decisions: readonly (string | number)[] | undefined, place: (index: number) => Place, element: string) =>
      decisions?.forEach((reference, index) => {
        const found = checkDecision(workspace, reference, document.uri, place(index), `${element}.decisions.${reference}`);
        if (found) report(found);
      });
    each(document.root.decisions, (index) => rootAt(document, ['decisions', index], 'value'), 'system');
    for (const section of ['components', 'datastores', 'channels'] as const) {
      for (const element of ownElements(workspace, document, section) as Iterable<ManifestElement>) {
        const decisions = (element.value as { decisions?: (string | number)[] }).decisions;
        each(decisions, (index) => at(element, ['decisions', index], 'value'), `${section}.${element.name}`);
      }
    }
  },
});

import type { AdrDocument } from '../../parse/adr';
import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { adrStatusActions } from './adrActions';
import { markdownCompletions } from './completion';
import { partial, type CompletionItems } from '../narrow';
import { adrWorkspaceSymbols, markdownDefinition, markdownDocumentLinks, markdownHover, markdownReferences, markdownSymbols } from './navigation';
import { operationsFeatures } from './operations';
import type { DocumentFeatures, WorkspaceSymbol } from '../types';

type MarkdownFile = AdrDocument | RunbookDocument | PostmortemDocument;
type Operations = RunbookDocument | PostmortemDocument;

/** The runbook/postmortem features apply to those documents only. */
function operations(document: MarkdownFile): DocumentFeatures<Operations> | undefined {
  return document.kind === 'adr' ? undefined : operationsFeatures;
}

/**
 * Editor features of ADRs, runbooks and postmortems: what all of them share
 * (ADR references, manifest names, framework terms, sections) merged with the
 * runbook/postmortem features of `operations.ts`. Folding, rename and the
 * like are left to the Markdown editor.
 */
export const markdownFeatures: DocumentFeatures<MarkdownFile> & {
  workspaceSymbols?(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[];
} = {
  completions(workspace, document, offset) {
    const own = operations(document)?.completions?.(workspace, document as Operations, offset) ?? [];
    const labels = new Set(own.map((c) => c.label));
    const general = markdownCompletions(workspace, document, offset);
    const all = [...own, ...general.filter((c) => !labels.has(c.label))];
    return (general as CompletionItems).incomplete ? partial(all) : all;
  },
  hover(workspace, document, offset) {
    return operations(document)?.hover?.(workspace, document as Operations, offset) ?? markdownHover(workspace, document, offset);
  },
  definition(workspace, document, offset) {
    const own = operations(document)?.definition?.(workspace, document as Operations, offset) ?? [];
    return own.length > 0 ? own : markdownDefinition(workspace, document, offset);
  },
  references(workspace, document, offset, includeDeclaration) {
    const own = operations(document)?.references?.(workspace, document as Operations, offset, includeDeclaration) ?? [];
    return own.length > 0 ? own : markdownReferences(workspace, document, offset, includeDeclaration);
  },
  documentSymbols(workspace, document) {
    const own = operations(document)?.documentSymbols?.(workspace, document as Operations) ?? [];
    return own.length > 0 ? own : markdownSymbols(workspace, document);
  },
  documentLinks(workspace, document) {
    return [...(operations(document)?.documentLinks?.(workspace, document as Operations) ?? []), ...markdownDocumentLinks(workspace, document)];
  },
  codeLenses(workspace, document) {
    return operations(document)?.codeLenses?.(workspace, document as Operations) ?? [];
  },
  actions(workspace, document, span) {
    return document.kind === 'adr' ? adrStatusActions(workspace, document, span) : [];
  },
  highlights(workspace, document, offset) {
    return operations(document)?.highlights?.(workspace, document as Operations, offset) ?? [];
  },
  workspaceSymbols: adrWorkspaceSymbols,
};

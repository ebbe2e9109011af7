import type { TextEdit } from '../model/findings';
import type { DocumentKind } from '../workspace/classify';
import type { AnalysedDocument, WorkspaceSnapshot } from '../workspace/snapshot';
import { catalogFeatures } from './catalog';
import { configFeatures } from './config';
import { manifestFeatures } from './manifest';
import { markdownFeatures } from './markdown';
import type { CodeLens, Completion, DocumentLink, DocumentSymbol, FoldingRange, Hover, Target } from './types';
import type { Span } from '../text/types';

/**
 * The editor features of one family of documents. Each takes the workspace
 * snapshot, the document and an offset into its text, and answers in the
 * engine's plain types; the LSP layer converts.
 */
export interface DocumentFeatures<D extends AnalysedDocument = AnalysedDocument> {
  completions?(workspace: WorkspaceSnapshot, document: D, offset: number): Completion[];
  hover?(workspace: WorkspaceSnapshot, document: D, offset: number): Hover | undefined;
  definition?(workspace: WorkspaceSnapshot, document: D, offset: number): Target[];
  references?(workspace: WorkspaceSnapshot, document: D, offset: number, includeDeclaration: boolean): Target[];
  /** The span that would be renamed, and its current text; a string is a reason the rename is refused. */
  prepareRename?(workspace: WorkspaceSnapshot, document: D, offset: number): { span: Span; placeholder: string } | string | undefined;
  rename?(workspace: WorkspaceSnapshot, document: D, offset: number, newName: string): TextEdit[] | string;
  highlights?(workspace: WorkspaceSnapshot, document: D, offset: number): { span: Span; kind: 'read' | 'write' | 'text' }[];
  documentSymbols?(workspace: WorkspaceSnapshot, document: D): DocumentSymbol[];
  documentLinks?(workspace: WorkspaceSnapshot, document: D): DocumentLink[];
  codeLenses?(workspace: WorkspaceSnapshot, document: D): CodeLens[];
  foldingRanges?(workspace: WorkspaceSnapshot, document: D): FoldingRange[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: DocumentSymbol['kind'];
  containerName?: string;
  target: Target;
}

const FEATURES: Partial<Record<DocumentKind, DocumentFeatures>> = {
  manifest: manifestFeatures as DocumentFeatures,
  adr: markdownFeatures as DocumentFeatures,
  runbook: markdownFeatures as DocumentFeatures,
  postmortem: markdownFeatures as DocumentFeatures,
  config: configFeatures as DocumentFeatures,
  catalog: catalogFeatures as DocumentFeatures,
};

export function featuresFor(document: AnalysedDocument): DocumentFeatures {
  return FEATURES[document.kind] ?? {};
}

/** Symbols of every manifest (and ADR titles) matching a query, for "go to symbol in workspace". */
export function workspaceSymbols(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[] {
  return [...(manifestFeatures.workspaceSymbols?.(workspace, query) ?? []), ...(markdownFeatures.workspaceSymbols?.(workspace, query) ?? [])];
}

import type { AdrDocument } from '../../parse/adr';
import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { DocumentFeatures, WorkspaceSymbol } from '../index';

/** Editor features of ADRs, runbooks and postmortems (the ADR issue fills these in). */
export const markdownFeatures: DocumentFeatures<AdrDocument | RunbookDocument | PostmortemDocument> & {
  workspaceSymbols?(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[];
} = {};

import type { ManifestDocument } from '../../parse/manifest';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { codeLenses } from './codeLens';
import { completions } from './completion';
import { foldingRanges } from './folding';
import { hover } from './hover';
import { definition, highlights, prepareRename, references, rename } from './navigation';
import { documentSymbols, workspaceSymbols } from './symbols';
import type { DocumentFeatures, WorkspaceSymbol } from '../types';

/** Editor features of architecture manifests. */
export const manifestFeatures: DocumentFeatures<ManifestDocument> & {
  workspaceSymbols?(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[];
} = {
  completions,
  hover,
  definition,
  references,
  prepareRename,
  rename,
  highlights,
  documentSymbols,
  workspaceSymbols,
  codeLenses,
  foldingRanges,
};

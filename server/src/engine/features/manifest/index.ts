import type { ManifestDocument } from '../../parse/manifest';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { DocumentFeatures, WorkspaceSymbol } from '../index';

/** Editor features of architecture manifests (the manifest-editing issue fills these in). */
export const manifestFeatures: DocumentFeatures<ManifestDocument> & {
  workspaceSymbols?(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[];
} = {};

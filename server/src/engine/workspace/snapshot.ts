import type { Config } from '../model/config';
import type { ManifestModel } from './manifestModel';
import type { AdrDocument, AdrIndex } from '../parse/adr';
import type { AdrIndexPage } from '../parse/adrIndexPage';
import type { CatalogDocument } from '../parse/catalog';
import type { ConfigDocument } from '../parse/config';
import type { ManifestDocument } from '../parse/manifest';
import type { PostmortemDocument, RunbookDocument } from '../parse/operations';
import type { SourceDocument } from '../parse/source';
import type { PolicyFileDocument } from '../parse/policies';
import type { PolicySet } from './policySet';
import type { DocumentKind, Folders } from './classify';

export type AnalysedDocument = ManifestDocument | ConfigDocument | AdrDocument | RunbookDocument | PostmortemDocument | CatalogDocument | SourceDocument | AdrIndexPage | PolicyFileDocument;

export type DocumentOfKind<K extends DocumentKind> = Extract<AnalysedDocument, { kind: K }>;

/** What rules see of the workspace: every analysed document, the merged manifest model, the ADR index. */
export interface WorkspaceSnapshot {
  readonly folders: readonly string[];
  readonly config: Config;
  readonly documentFolders: Folders;
  readonly manifests: ManifestModel;
  readonly adrs: AdrIndex;
  documents<K extends DocumentKind>(kind: K): readonly DocumentOfKind<K>[];
  document(uri: string): AnalysedDocument | undefined;
  /** The team policies in force where a document is (its folder's `.archframe.yaml` and the files it extends). */
  policies(uri: string): PolicySet;
  /** Does a file exist in the workspace (analysed or not)? False, without asking the host, for a file outside it. */
  exists(uri: string): boolean;
  /** The workspace folder that holds a document. */
  folderOf(uri: string): string | undefined;
  /** A workspace-relative path (as written in a manifest) resolved from a document's workspace folder. */
  resolveWorkspacePath(fromUri: string, path: string): string;
}

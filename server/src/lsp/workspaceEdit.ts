import type { CreateFile, TextDocumentEdit, TextEdit as LspTextEdit, WorkspaceEdit } from 'vscode-languageserver';
import type { TextEdit } from '../engine/model/findings';

/** A change to the workspace in the engine's terms: files to create (never over an existing one), then edits. */
export interface WorkspaceChange {
  create?: readonly { uri: string; text: string }[];
  edits: readonly TextEdit[];
}

/** What the client said it can apply (`workspace.workspaceEdit` of its capabilities). */
export interface EditCapabilities {
  /** Versioned edits in `documentChanges`; without it, edits go as `changes`. */
  documentChanges: boolean;
  /** The `create` resource operation; without it, a change that creates a file cannot be sent (the answer is undefined). */
  createFiles: boolean;
}

export interface WorkspaceEditOptions extends EditCapabilities {
  /** A created file that appeared meanwhile: leave it alone and skip the creation (quick fixes), or fail (commands). */
  ignoreIfExists?: boolean;
  /** The version of an open document, so the client refuses the edit if the document moved on; null: any version. */
  versionOf?(uri: string): number | null;
}

/**
 * The one place engine edits become a WorkspaceEdit: quick fixes, rename and the commands that create or edit files.
 * Edits to one document are grouped in the order given; created files come first, each filled in one insert.
 */
export function toWorkspaceEdit(change: WorkspaceChange, options: WorkspaceEditOptions): WorkspaceEdit | undefined {
  const byUri = new Map<string, LspTextEdit[]>();
  for (const edit of change.edits) {
    const list = byUri.get(edit.uri);
    const lsp = { range: edit.range, newText: edit.newText };
    if (list) list.push(lsp);
    else byUri.set(edit.uri, [lsp]);
  }
  if (change.create?.length && !(options.documentChanges && options.createFiles)) return undefined;
  if (!options.documentChanges) return { changes: Object.fromEntries(byUri) };
  const documentChanges: (CreateFile | TextDocumentEdit)[] = [];
  const start = { line: 0, character: 0 };
  for (const file of change.create ?? []) {
    documentChanges.push({ kind: 'create', uri: file.uri, options: { overwrite: false, ignoreIfExists: options.ignoreIfExists ?? false } });
    documentChanges.push({ textDocument: { uri: file.uri, version: null }, edits: [{ range: { start, end: start }, newText: file.text }] });
  }
  for (const [uri, edits] of byUri) documentChanges.push({ textDocument: { uri, version: options.versionOf?.(uri) ?? null }, edits });
  return { documentChanges };
}

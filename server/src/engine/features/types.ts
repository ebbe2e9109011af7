import type { TextEdit } from '../model/findings';
import type { Span } from '../text/types';
import type { AnalysedDocument, WorkspaceSnapshot } from '../workspace/snapshot';

/**
 * Editor features in the engine's own plain types: offsets into the
 * document's text, Markdown strings. lsp/ converts them to protocol types.
 */

export type CompletionKind = 'key' | 'value' | 'enum' | 'reference' | 'snippet' | 'text' | 'file' | 'keyword' | 'module' | 'property';

export interface Completion {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert; a snippet (with $1 tab stops) when `snippet` is true. */
  insertText?: string;
  snippet?: boolean;
  /** The span the insertion replaces (default: the word at the cursor). */
  replace?: Span;
  sortText?: string;
  filterText?: string;
  preselect?: boolean;
  deprecated?: boolean;
}

export interface Hover {
  /** Markdown. */
  markdown: string;
  span: Span;
}

/** A place in some document of the workspace. */
export interface Target {
  uri: string;
  span: Span;
}

export interface DocumentSymbol {
  name: string;
  detail?: string;
  kind: 'namespace' | 'class' | 'interface' | 'module' | 'property' | 'field' | 'enum' | 'event' | 'string' | 'file' | 'object' | 'key' | 'constant' | 'function' | 'package';
  span: Span;
  selectionSpan: Span;
  children?: DocumentSymbol[];
}

export interface DocumentLink {
  span: Span;
  target: string;
  tooltip?: string;
}

export interface CodeLens {
  span: Span;
  title: string;
  /** A command the client runs when the lens is clicked (optional). */
  command?: { id: string; arguments?: unknown[] };
}

/**
 * A change the user may choose where the cursor is (not the fix of a finding): edits, or a command the client runs
 * to ask for more first (the ADR that supersedes this one, say).
 */
export interface EditorAction {
  title: string;
  edits?: TextEdit[];
  command?: { id: string; arguments?: unknown[] };
  isPreferred?: boolean;
}

export interface FoldingRange {
  startLine: number;
  endLine: number;
  kind?: 'comment' | 'region';
}

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
  /** What the user may change at a span (code actions of kind refactor); quick fixes come with findings instead. */
  actions?(workspace: WorkspaceSnapshot, document: D, span: Span): EditorAction[];
  foldingRanges?(workspace: WorkspaceSnapshot, document: D): FoldingRange[];
}

export interface WorkspaceSymbol {
  name: string;
  kind: DocumentSymbol['kind'];
  containerName?: string;
  target: Target;
}

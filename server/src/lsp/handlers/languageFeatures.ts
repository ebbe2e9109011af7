import { CompletionItemKind, DocumentHighlightKind, InsertTextFormat, MarkupKind, SymbolKind, type CompletionItem, type Location, ResponseError, ErrorCodes } from 'vscode-languageserver';
import { featuresFor, workspaceSymbols } from '../../engine/features';
import { narrowCompletions } from '../../engine/features/narrow';
import type { Completion, DocumentSymbol, Target } from '../../engine/features/types';
import type { AnalysedDocument, WorkspaceSnapshot } from '../../engine/workspace/snapshot';
import type { Feature } from './types';
import { toWorkspaceEdit } from '../workspaceEdit';

const COMPLETION_KIND: Record<Completion['kind'], CompletionItemKind> = {
  key: CompletionItemKind.Property,
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
  snippet: CompletionItemKind.Snippet,
  text: CompletionItemKind.Text,
  file: CompletionItemKind.File,
  keyword: CompletionItemKind.Keyword,
  module: CompletionItemKind.Module,
};

const SYMBOL_KIND: Record<DocumentSymbol['kind'], SymbolKind> = {
  namespace: SymbolKind.Namespace,
  class: SymbolKind.Class,
  interface: SymbolKind.Interface,
  module: SymbolKind.Module,
  property: SymbolKind.Property,
  field: SymbolKind.Field,
  enum: SymbolKind.Enum,
  event: SymbolKind.Event,
  string: SymbolKind.String,
  file: SymbolKind.File,
  object: SymbolKind.Object,
  key: SymbolKind.Key,
  constant: SymbolKind.Constant,
  function: SymbolKind.Function,
  package: SymbolKind.Package,
};

/**
 * Every document feature, generically: look the document up, ask the engine
 * with an offset, convert spans to ranges. Nothing here knows manifests or ADRs.
 */
export const languageFeatures: Feature = {
  capabilities: {
    completionProvider: { triggerCharacters: [':', ' ', '-', '[', ',', '(', '/', '#'], resolveProvider: false },
    hoverProvider: true,
    definitionProvider: true,
    referencesProvider: true,
    renameProvider: { prepareProvider: true },
    documentHighlightProvider: true,
    documentSymbolProvider: true,
    workspaceSymbolProvider: true,
    documentLinkProvider: { resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    foldingRangeProvider: true,
  },
  register(connection, session) {
    connection.onCompletion(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return [];
      const all = featuresFor(found.document).completions?.(found.workspace, found.document, found.offset) ?? [];
      const { items, isIncomplete } = narrowCompletions(found.document.text, found.offset, all);
      return { isIncomplete, items: items.map((item) => toCompletionItem(found.document, item)) };
    });
    connection.onHover(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return null;
      const hover = featuresFor(found.document).hover?.(found.workspace, found.document, found.offset);
      return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.markdown }, range: found.document.lines.range(hover.span) } : null;
    });
    connection.onDefinition(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return [];
      return toLocations(found.workspace, featuresFor(found.document).definition?.(found.workspace, found.document, found.offset) ?? []);
    });
    connection.onReferences(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return [];
      return toLocations(found.workspace, featuresFor(found.document).references?.(found.workspace, found.document, found.offset, params.context.includeDeclaration) ?? []);
    });
    connection.onPrepareRename(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return null;
      const result = featuresFor(found.document).prepareRename?.(found.workspace, found.document, found.offset);
      if (result === undefined) return null;
      if (typeof result === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, result);
      return { range: found.document.lines.range(result.span), placeholder: result.placeholder };
    });
    connection.onRenameRequest(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return null;
      const edits = featuresFor(found.document).rename?.(found.workspace, found.document, found.offset, params.newName);
      if (edits === undefined) return null;
      if (typeof edits === 'string') throw new ResponseError(ErrorCodes.InvalidRequest, edits);
      return toWorkspaceEdit({ edits }, session.editCapabilities) ?? null;
    });
    connection.onDocumentHighlight(async (params) => {
      await session.indexed();
      const found = session.at(params.textDocument.uri, params.position);
      if (!found) return [];
      const kinds = { read: DocumentHighlightKind.Read, write: DocumentHighlightKind.Write, text: DocumentHighlightKind.Text };
      return (featuresFor(found.document).highlights?.(found.workspace, found.document, found.offset) ?? []).map((h) => ({ range: found.document.lines.range(h.span), kind: kinds[h.kind] }));
    });
    connection.onDocumentSymbol(async (params) => {
      await session.indexed();
      const found = session.whole(params.textDocument.uri);
      if (!found) return [];
      const convert = (symbol: DocumentSymbol): import('vscode-languageserver').DocumentSymbol => ({
        name: symbol.name,
        detail: symbol.detail,
        kind: SYMBOL_KIND[symbol.kind],
        range: found.document.lines.range(symbol.span),
        selectionRange: found.document.lines.range(symbol.selectionSpan),
        children: symbol.children?.map(convert),
      });
      return (featuresFor(found.document).documentSymbols?.(found.workspace, found.document) ?? []).map(convert);
    });
    connection.onWorkspaceSymbol(async (params) => {
      await session.indexed();
      const workspace = session.commandEngine().snapshot();
      return workspaceSymbols(workspace, params.query).flatMap((symbol) => {
        const location = toLocations(workspace, [symbol.target])[0];
        return location ? [{ name: symbol.name, kind: SYMBOL_KIND[symbol.kind], containerName: symbol.containerName, location }] : [];
      });
    });
    connection.onDocumentLinks(async (params) => {
      await session.indexed();
      const found = session.whole(params.textDocument.uri);
      if (!found) return [];
      return (featuresFor(found.document).documentLinks?.(found.workspace, found.document) ?? []).map((link) => ({ range: found.document.lines.range(link.span), target: link.target, tooltip: link.tooltip }));
    });
    connection.onCodeLens(async (params) => {
      await session.indexed();
      const found = session.whole(params.textDocument.uri);
      if (!found) return [];
      return (featuresFor(found.document).codeLenses?.(found.workspace, found.document) ?? []).map((lens) => ({
        range: found.document.lines.range(lens.span),
        command: { title: lens.title, command: lens.command?.id ?? '', arguments: lens.command?.arguments },
      }));
    });
    connection.onFoldingRanges(async (params) => {
      await session.indexed();
      const found = session.whole(params.textDocument.uri);
      if (!found) return [];
      return featuresFor(found.document).foldingRanges?.(found.workspace, found.document) ?? [];
    });
  },
};

function toCompletionItem(document: AnalysedDocument, item: Completion): CompletionItem {
  const replace = item.replace ? document.lines.range(item.replace) : undefined;
  const text = item.insertText ?? item.label;
  return {
    label: item.label,
    kind: COMPLETION_KIND[item.kind],
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    insertText: replace ? undefined : text,
    textEdit: replace ? { range: replace, newText: text } : undefined,
    insertTextFormat: item.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: item.sortText,
    filterText: item.filterText,
    preselect: item.preselect,
    tags: item.deprecated ? [1] : undefined,
  };
}

function toLocations(workspace: WorkspaceSnapshot, targets: readonly Target[]): Location[] {
  return targets.flatMap((target) => {
    const document = workspace.document(target.uri);
    return document ? [{ uri: target.uri, range: document.lines.range(target.span) }] : [];
  });
}

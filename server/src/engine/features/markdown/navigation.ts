import { lineAround } from '../lineContext';
import { entryMarkdown, findTerms } from '../../knowledge';
import { elementSpan, rootSpan, type ManifestDocument } from '../../parse/manifest';
import { STATUS_MEANINGS, type AdrDocument } from '../../parse/adr';
import { inCode, type MarkdownSection } from '../../parse/markdown';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { DocumentLink, DocumentSymbol, Hover, Target, WorkspaceSymbol } from '../types';
import { adrHeadline, adrMarkdown, elementMarkdown, manifestNameAt, markdownOf, referenceAt, referencesOf, within, type MarkdownFile } from './context';
import { resolveDecision } from '../../workspace/adrReferences';

/** Hover: an ADR reference, a status word, a manifest name, a framework term. */
export function markdownHover(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number): Hover | undefined {
  const markdown = markdownOf(document);
  const found = referenceAt(workspace, document, offset);
  if (found) {
    if (found.target) return { markdown: adrMarkdown(workspace, found.target), span: found.reference.span };
    return { markdown: `No ADR of the workspace matches \`${found.reference.target}\`.`, span: found.reference.span };
  }
  if (document.kind === 'adr' && document.statusSpan && within(document.statusSpan, offset) && document.status) {
    const meaning = (STATUS_MEANINGS as Record<string, string>)[document.status];
    const written = document.statusWord && document.statusWord.toLowerCase() !== document.status ? ` (written '${document.statusWord}')` : '';
    return {
      markdown: meaning ? `**Status: ${document.status}**${written}\n\n${meaning}` : `**Status: ${document.statusWord}**\n\nNot a word of the status vocabulary (proposed, accepted, rejected, deprecated, superseded, draft, amended).`,
      span: document.statusSpan,
    };
  }
  if (inCode(markdown, offset) && !inlineCodeAt(document.text, offset)) return undefined;
  const name = manifestNameAt(workspace, document, offset);
  if (name) return { markdown: elementMarkdown(name.element), span: name.span };
  const term = termAt(document, offset);
  if (term) return { markdown: entryMarkdown(term.entry), span: [term.start, term.end] };
  return undefined;
}

/** Inline code (`checkout`) may hold a manifest name; fenced blocks are left alone. */
function inlineCodeAt(text: string, offset: number): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const before = line.slice(0, offset - lineStart);
  // Counting backticks is one pass; the fence test looks at the line's start only.
  return (before.match(/`/g) ?? []).length % 2 === 1 && !/^\s*(```|~~~)/.test(line);
}

/** The framework term around an offset, found in its line (terms do not cross lines). */
function termAt(document: MarkdownFile, offset: number) {
  const line = lineAround(document.text, offset);
  const match = findTerms(line.text).find((m) => offset >= line.start + m.start && offset <= line.start + m.end);
  return match && { entry: match.entry, start: line.start + match.start, end: line.start + match.end };
}

/** Go to definition: the ADR a reference names, the manifest element a name names. */
export function markdownDefinition(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number): Target[] {
  const found = referenceAt(workspace, document, offset);
  if (found) return found.target ? [{ uri: found.target.uri, span: found.target.titleSpan ?? [0, 0] }] : [];
  const name = manifestNameAt(workspace, document, offset);
  if (name) return [{ uri: name.element.manifest.uri, span: name.element.nameSpan }];
  return [];
}

/**
 * Find references of an ADR: the one under the cursor (a reference to
 * another ADR), else the ADR being edited. From other ADRs, runbooks and
 * postmortems, and from manifests' `decisions` lists (positions from the YAML).
 */
export function markdownReferences(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number, includeDeclaration: boolean): Target[] {
  const found = referenceAt(workspace, document, offset);
  const adr = found?.target ?? (document.kind === 'adr' ? document : undefined);
  if (!adr) return [];
  return adrReferences(workspace, adr, includeDeclaration);
}

function adrReferences(workspace: WorkspaceSnapshot, adr: AdrDocument, includeDeclaration: boolean): Target[] {
  const targets: Target[] = [];
  if (includeDeclaration) targets.push({ uri: adr.uri, span: adr.titleSpan ?? [0, 0] });
  for (const kind of ['adr', 'runbook', 'postmortem'] as const) {
    for (const other of workspace.documents(kind)) {
      if (other.uri === adr.uri) continue;
      for (const reference of referencesOf(other)) {
        if (workspace.adrs.resolve(reference.target, other.uri) === adr) targets.push({ uri: other.uri, span: reference.span });
      }
    }
  }
  for (const manifest of workspace.documents('manifest')) targets.push(...decisionsReferring(workspace, manifest, adr));
  return targets;
}

/** `decisions` entries of a manifest (system and elements) that resolve to an ADR. */
function decisionsReferring(workspace: WorkspaceSnapshot, manifest: ManifestDocument, adr: AdrDocument): Target[] {
  const out: Target[] = [];
  const check = (decisions: unknown, span: (index: number) => readonly [number, number]) => {
    if (!Array.isArray(decisions)) return;
    decisions.forEach((reference, index) => {
      if ((typeof reference === 'string' || typeof reference === 'number') && resolveDecision(workspace, reference, manifest.uri) === adr) out.push({ uri: manifest.uri, span: span(index) });
    });
  };
  check(manifest.root.decisions, (index) => rootSpan(manifest, ['decisions', index], 'value'));
  for (const section of ['components', 'datastores', 'channels'] as const) {
    for (const element of manifest.elements[section].values()) {
      check((element.value as { decisions?: unknown } | undefined)?.decisions, (index) => elementSpan(element, ['decisions', index], 'value'));
    }
  }
  return out;
}

/** Links on ADR ids (`ADR-7`): Markdown links are the Markdown editor's own. */
export function markdownDocumentLinks(workspace: WorkspaceSnapshot, document: MarkdownFile): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const reference of referencesOf(document)) {
    if (reference.kind !== 'id') continue;
    const target = workspace.adrs.resolve(reference.target, document.uri);
    if (target) links.push({ span: reference.span, target: target.uri, tooltip: `${adrHeadline(target)}${target.status ? ` (${target.status})` : ''}` });
  }
  return links;
}

/** Sections as nested symbols; an ADR's title carries its status and date. */
export function markdownSymbols(_workspace: WorkspaceSnapshot, document: MarkdownFile): DocumentSymbol[] {
  const markdown = markdownOf(document);
  const adr = document.kind === 'adr' ? document : undefined;
  const convert = (section: MarkdownSection): DocumentSymbol => ({
    name: section.heading.text || '(untitled)',
    detail: adr && section.heading === adr.heading ? [adr.status, adr.date ?? adr.nameDate].filter(Boolean).join(' · ') || undefined : undefined,
    kind: section.heading === adr?.heading ? 'file' : 'namespace',
    span: section.span,
    selectionSpan: section.heading.textSpan,
    children: section.children.map(convert),
  });
  return markdown.sections.map(convert);
}

/** ADRs by title or number, for "go to symbol in workspace". */
export function adrWorkspaceSymbols(workspace: WorkspaceSnapshot, query: string): WorkspaceSymbol[] {
  const needle = query.toLowerCase().replace(/\s+/g, ' ').trim();
  const out: WorkspaceSymbol[] = [];
  for (const adr of workspace.adrs.all()) {
    const name = adrHeadline(adr);
    if (needle && !name.toLowerCase().includes(needle) && !(adr.number !== undefined && String(adr.number) === needle.replace(/^adr[- ]?0*/, ''))) continue;
    out.push({ name, kind: 'file', containerName: adr.status, target: { uri: adr.uri, span: adr.titleSpan ?? [0, 0] } });
    if (out.length >= 500) break;
  }
  return out;
}

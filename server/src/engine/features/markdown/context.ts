import type { ManifestElement } from '../../parse/manifest';
import { findAdrReferences, type AdrDocument, type AdrReference } from '../../parse/adr';
import { parseMarkdown, visibleText, type MarkdownDocument } from '../../parse/markdown';
import type { PostmortemDocument, RunbookDocument } from '../../parse/operations';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { adrName } from '../../parse/adrNames';

/** The Markdown documents these features serve. */
export type MarkdownFile = AdrDocument | RunbookDocument | PostmortemDocument;

const parsed = new WeakMap<object, MarkdownDocument>();

/** The document's Markdown tree: the ADR's own, else parsed once per document object. */
export function markdownOf(document: MarkdownFile): MarkdownDocument {
  const own = (document as { markdown?: MarkdownDocument }).markdown;
  if (own) return own;
  let markdown = parsed.get(document);
  if (!markdown) {
    markdown = parseMarkdown(document.text);
    parsed.set(document, markdown);
  }
  return markdown;
}

const references = new WeakMap<object, AdrReference[]>();

/** References to ADRs in the document (an ADR's own list; found in runbooks and postmortems too). */
export function referencesOf(document: MarkdownFile): AdrReference[] {
  if (document.kind === 'adr') return document.references;
  let list = references.get(document);
  if (!list) {
    list = findAdrReferences(markdownOf(document));
    references.set(document, list);
  }
  return list;
}

export function within(span: Span, offset: number): boolean {
  return offset >= span[0] && offset <= span[1];
}

/** The ADR reference under the cursor, and the ADR it resolves to. */
export function referenceAt(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number): { reference: AdrReference; target: AdrDocument | undefined } | undefined {
  const reference = referencesOf(document).find((r) => within(r.span, offset));
  if (!reference) return undefined;
  return { reference, target: workspace.adrs.resolve(reference.target, document.uri) };
}

/** The word (letters, digits, `-`, `_`, `.`) around an offset, inline code marks excluded. */
function wordAt(text: string, offset: number): { word: string; span: Span } | undefined {
  const isWord = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_.-]/u.test(c);
  let start = offset;
  let end = offset;
  while (start > 0 && isWord(text[start - 1])) start--;
  while (end < text.length && isWord(text[end])) end++;
  while (start < end && /[.-]/.test(text[start])) start++;
  while (end > start && /[.-]/.test(text[end - 1])) end--;
  if (start === end) return undefined;
  return { word: text.slice(start, end), span: [start, end] };
}

/** The manifest element (component, datastore, channel) named by the word under the cursor. */
export function manifestNameAt(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number): { element: ManifestElement; span: Span } | undefined {
  const word = wordAt(document.text, offset);
  if (!word) return undefined;
  const element = workspace.manifests.element(word.word);
  return element ? { element, span: word.span } : undefined;
}

/** How an ADR reads in completions, hovers and links: `ADR-0007: Use Kafka`. */
export function adrHeadline(adr: AdrDocument): string {
  return adr.number !== undefined ? `${adrName(adr)}: ${adr.title ?? adr.stem}` : (adr.title ?? adr.stem);
}

/** The first lines of what an ADR decided (its Decision section, else its first paragraph). */
export function decisionExcerpt(adr: AdrDocument, maxLines = 4): string | undefined {
  const decision = adr.sections.find((s) => s.name === 'decision');
  const source = decision ? visibleText(adr.markdown, decision.section.bodySpan) : adr.markdown.paragraphs.find((p) => !/^\s*(status|date)\s*:/i.test(p.text))?.text;
  if (!source) return undefined;
  const lines = source.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== '' && !/^#{1,6}\s/.test(l));
  if (lines.length === 0) return undefined;
  return lines.slice(0, maxLines).join('\n') + (lines.length > maxLines ? '\n…' : '');
}

/** The hover text of an ADR. */
export function adrMarkdown(workspace: WorkspaceSnapshot, adr: AdrDocument): string {
  const facts = [adr.status ? `status **${adr.status}**${adr.statusNote ? ` (${adr.statusNote})` : ''}` : 'no status', adr.date ?? adr.nameDate ? `date ${adr.date ?? adr.nameDate}` : undefined].filter(Boolean);
  const successors = adr.supersededBy.map((r) => workspace.adrs.resolve(r.target, adr.uri)).filter((a): a is AdrDocument => a !== undefined);
  const parts = [`**${escapeMarkdown(adrHeadline(adr))}**`, facts.join(' · ') + (successors.length > 0 ? ` · superseded by ${successors.map((s) => adrName(s)).join(', ')}` : '')];
  const excerpt = decisionExcerpt(adr);
  if (excerpt) parts.push(excerpt.split('\n').map((l) => `> ${l}`).join('\n'));
  parts.push(`*${adr.fileName}*`);
  return parts.join('\n\n');
}

/** The hover text of a manifest element. */
export function elementMarkdown(element: ManifestElement): string {
  const value = (element.value ?? {}) as Record<string, unknown>;
  const kind = element.section.replace(/s$/, '');
  const facts = ['kind', 'engine', 'type', 'owner', 'layer', 'tier']
    .filter((key) => typeof value[key] === 'string' || typeof value[key] === 'number')
    .map((key) => `${key}: \`${String(value[key])}\``);
  const parts = [`**${kind}** \`${element.name}\``];
  if (facts.length > 0) parts.push(facts.join(' · '));
  if (typeof value.description === 'string') parts.push(value.description);
  const dependsOn = value.dependsOn;
  if (Array.isArray(dependsOn) && dependsOn.length > 0) parts.push(`depends on ${dependsOn.map((d) => `\`${typeof d === 'string' ? d : ((d as { target?: string; name?: string }).target ?? (d as { name?: string }).name ?? '?')}\``).join(', ')}`);
  parts.push(`*${decodeURIComponent(element.manifest.uri.slice(element.manifest.uri.lastIndexOf('/') + 1))}*`);
  return parts.join('\n\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_{}[\]<>#|])/g, '\\$1');
}

import { trimEndOf, eolOf } from '../text/strings';
import type { TextEdit } from '../model/findings';
import type { AdrDocument } from '../parse/adr';
import type { Span } from '../text/types';
import type { MarkdownSection } from '../parse/markdown';
import type { LineIndex } from '../text/lineIndex';
import { expandSnippet, SnippetBuilder } from '../templates/snippet';

/**
 * Text edits on Markdown documents that keep the author's layout (line
 * endings, heading levels, front matter): the quick fixes of the ADR, runbook
 * and postmortem rules and the ADR commands build their edits with these.
 */

/** The edit that makes an ADR's status `Superseded by <link>` (front matter: `superseded by ADR-000N`). */
export function setSupersededBy(adr: AdrDocument, link: string, number?: number): TextEdit | undefined {
  const eol = eolOf(adr.text);
  if (adr.statusSpan && adr.statusSource === 'front-matter') {
    const value = number !== undefined ? `superseded by ADR-${String(number).padStart(4, '0')}` : `superseded by ${link}`;
    return replaceEdit(adr, [adr.statusSpan[0], endOfLine(adr, adr.statusSpan[0], true)], value);
  }
  if (adr.statusSpan) {
    // Replace the status word and what follows it on its line.
    return replaceEdit(adr, [adr.statusSpan[0], endOfLine(adr, adr.statusSpan[0])], `Superseded by ${link}`);
  }
  return insertStatusEdit(adr, `Superseded by ${link}`, eol);
}

/** `Supersedes [link]` as a paragraph after the status (or in a new Status section). */
export function supersedesEdit(adr: AdrDocument, link: string): TextEdit {
  const eol = eolOf(adr.text);
  if (adr.statusSpan && adr.statusSource === 'section') return insertEdit(adr, endOfLine(adr, adr.statusSpan[0]), `${eol}${eol}Supersedes ${link}`);
  if (adr.statusSpan && adr.statusSource !== 'front-matter') return insertEdit(adr, endOfLine(adr, adr.statusSpan[0]), `; supersedes ${link}`);
  if (adr.heading) return insertEdit(adr, adr.heading.span[1], `${eol}${eol}Supersedes ${link}`);
  return insertStatusEdit(adr, `Supersedes ${link}`);
}

/** Inserts a `## Status` section (before the first section after the title). */
export function insertStatusEdit(adr: AdrDocument, value: string, eol = eolOf(adr.text)): TextEdit {
  const level = sectionLevel(adr);
  const firstSection = adr.markdown.headings.find((h) => h !== adr.heading && h.span[0] > (adr.heading?.span[0] ?? -1));
  const at = firstSection ? firstSection.span[0] : adr.text.length;
  const before = at === adr.text.length && !trailingBlank(adr.text).includes('\n') ? eol + eol : '';
  return insertEdit(adr, at, `${before}${'#'.repeat(level)} Status${eol}${eol}${value}${eol}${eol}`);
}

/** The level of the document's sections (2 when unknown). */
export function sectionLevel(adr: AdrDocument): number {
  const levels = adr.sections.map((s) => s.section.heading.level);
  return levels.length > 0 ? Math.min(...levels) : 2;
}

/** The end of the line holding an offset (before its line break; before a trailing quote in front matter). */
export function endOfLine(adr: AdrDocument, offset: number, unquote = false): number {
  const line = adr.lines.position(offset).line;
  let end = adr.lines.lineEnd(line);
  while (end > offset && /[ \t]/.test(adr.text[end - 1])) end--;
  if (unquote && /['"]/.test(adr.text[end - 1] ?? '')) end--;
  return end;
}

export function replaceEdit(adr: AdrDocument, span: Span, newText: string): TextEdit {
  return { uri: adr.uri, range: adr.lines.range(span), newText };
}

export function insertEdit(adr: AdrDocument, offset: number, newText: string): TextEdit {
  return { uri: adr.uri, range: adr.lines.range([offset, offset]), newText };
}

// Runbooks and postmortems: insertions in the document's own line endings, sections put where the shape orders them.

interface EditableDocument {
  uri: string;
  text: string;
  lines: LineIndex;
}

export function insertAt(document: EditableDocument, offset: number, text: string): TextEdit {
  const eol = document.text.includes('\r\n') ? '\r\n' : '\n';
  return { uri: document.uri, range: document.lines.range([offset, offset]), newText: text.replace(/\r?\n/g, eol) };
}

/** The end of a span's content, before trailing blank lines. */
export function contentEnd(text: string, span: readonly [number, number]): number {
  let end = span[1];
  while (end > span[0] && /\s/.test(text[end - 1])) end--;
  return end;
}

/** Plain text of a template part (its fields at their defaults). */
export function templateText(write: (b: SnippetBuilder) => string): string {
  return expandSnippet(write(new SnippetBuilder()));
}

/**
 * Inserts `## <name>` with its body where the shape puts it: before the
 * first present section that comes after it, else at the end.
 */
export function insertSection<N extends string>(document: EditableDocument, order: readonly N[], present: Partial<Record<N, MarkdownSection>>, name: N, body: string): TextEdit {
  const later = order.slice(order.indexOf(name) + 1).map((n) => present[n]).find((s): s is MarkdownSection => s !== undefined);
  const level = later?.heading.level ?? Object.values<MarkdownSection | undefined>(present).find(Boolean)?.heading.level ?? 2;
  const block = `${'#'.repeat(level)} ${name}\n\n${body}`;
  if (later) return insertAt(document, later.span[0], `${block}\n\n`);
  const end = contentEnd(document.text, [0, document.text.length]);
  return insertAt(document, end, end === 0 ? `${block}\n` : `\n\n${block}${document.text.slice(end).includes('\n') ? '' : '\n'}`);
}

/** The white space a text ends with (found from the end: a regex anchored there rescans each run). */
export function trailingBlank(text: string): string {
  return text.slice(trimEndOf(text, /\s/).length);
}

import type { TextEdit } from '../../model/findings';
import type { MarkdownSection } from '../../parse/markdown';
import type { LineIndex } from '../../text/lineIndex';
import { expandSnippet, SnippetBuilder } from '../../templates/snippet';

/**
 * Text edits for the runbook and postmortem fixes: insertions in the
 * document's own line endings, sections put where the shape orders them.
 */

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

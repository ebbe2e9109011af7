import type { Span } from '../text/types';
import { inCode, inComment, type MarkdownDocument } from './markdown';

/**
 * Template text in a Markdown document: markers (`TODO`, `TBD`), bracketed instructions (`[describe the
 * context]`) and braced placeholders (`{title}`), where they stand for content. Not in code or comments (templates
 * keep their guidance there), not inside a path or a name (`decisions/[number]-[title].md`, `/state/{key}`), not
 * a link. The adr-placeholder rule reports them; template detection weighs them against the rest of the text.
 */

export interface Placeholder {
  span: Span;
  kind: 'marker' | 'bracketed' | 'braced';
}

const MARKERS = /\b(?:TODO|TBD|TBC|FIXME)\b/g;
/** `[describe the context]`, `[short title of solved problem]`: bracketed instructions (not links). */
const BRACKETED = /\[(?:describe|insert|add|explain|list|enter|provide|fill|summari[sz]e|short title|title|e\.g\.|your|option \d|decision driver|placeholder|todo|tbd)[^\]\n]*\]/gi;
/** `{title}`, `{short title, representative of …}`: braces around words, not code (`${x}`, `/path/{id}`). */
const BRACED = /\{([^{}\n]{1,200})\}/g;
const TEMPLATE_WORDS = /^(?:title|date|name|status|number|description|author|authors|deciders?|decision[- ]makers?|context|decision|consequences?|yyyy-mm-dd|dd\/mm\/yyyy|nnnn|problem|option(?: \d+)?|justification)$/i;

/** Is the text at `[start, end)` glued to a path or a name (`docs/[n]-x.md`, `{id}.json`, `a_TODO`)? */
function inPathOrName(text: string, start: number, end: number): boolean {
  const before = text[start - 1] ?? '';
  const after = text[end] ?? '';
  if (/[\w/\\.${%#@-]/.test(before)) return true;
  // A full stop or a dash after it ends a sentence or a clause; followed by a letter it is part of a name.
  return /[\w/\\]/.test(after) || (/[.-]/.test(after) && /\w/.test(text[end + 1] ?? ''));
}

/** The prose of a document: paragraphs, headings, table cells (code and comments are excluded per offset). */
function proseRegions(markdown: MarkdownDocument): Span[] {
  const regions: Span[] = [...markdown.paragraphs.map((p) => p.span), ...markdown.headings.map((h) => h.textSpan)];
  for (const table of markdown.tables) for (const row of table.rows) for (const cell of row.cells) regions.push(cell.span);
  return regions;
}

/** Placeholders in the prose, in document order, each once. */
export function findPlaceholders(markdown: MarkdownDocument): Placeholder[] {
  const { text } = markdown;
  const found: Placeholder[] = [];
  const seen = new Set<number>();
  const add = (start: number, end: number, kind: Placeholder['kind']) => {
    if (seen.has(start) || inCode(markdown, start) || inComment(markdown, start) || inPathOrName(text, start, end)) return;
    seen.add(start);
    found.push({ span: [start, end], kind });
  };
  for (const region of proseRegions(markdown)) {
    const slice = text.slice(region[0], region[1]);
    for (const match of slice.matchAll(MARKERS)) add(region[0] + match.index!, region[0] + match.index! + match[0].length, 'marker');
    for (const match of slice.matchAll(BRACKETED)) {
      const start = region[0] + match.index!;
      const end = start + match[0].length;
      if (markdown.links.some((l) => start < l.span[1] && end > l.span[0]) || /^[([]/.test(text[end] ?? '')) continue;
      add(start, end, 'bracketed');
    }
    for (const match of slice.matchAll(BRACED)) {
      const start = region[0] + match.index!;
      const inner = match[1].trim();
      if (!/^\p{L}/u.test(inner)) continue;
      // Words in a row (`{title of option 1}`), not a set (`{read, write}`), unless a known template word.
      if (!(/[\p{L}\d] [\p{L}\d]/u.test(inner) && /^[\p{L}][\p{L}\d ,.'’|…-]*(?:[.…]|$)/u.test(inner)) && !TEMPLATE_WORDS.test(inner)) continue;
      if (/[=:;()]/.test(inner) || /^[A-Z_]+$/.test(inner)) continue;
      add(start, start + match[0].length, 'braced');
    }
  }
  return found.sort((a, b) => a.span[0] - b.span[0]);
}

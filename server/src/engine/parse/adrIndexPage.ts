import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import { parseMarkdown, type MarkdownDocument } from './markdown';
import type { ParseProblem } from './problem';

/**
 * A page that holds the index of an ADR collection (its README, usually) between two marker comments, which
 * `archframe adr index` and the Update ADR Index command write; everything outside the markers is the team's.
 */

export const INDEX_START = '<!-- archframe:adr-index:start -->';
export const INDEX_END = '<!-- archframe:adr-index:end -->';
/** What makes a Markdown file an index page (classification reads only this). */
export const INDEX_MARKER_TEXT = 'archframe:adr-index';

export type IndexMarkers =
  | { ok: true; start: Span; end: Span; /** Between the markers' lines: what the generator owns. */ content: Span }
  | { ok: false; message: string; span: Span };

export interface AdrIndexPage {
  kind: 'adr-index';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
  markdown: MarkdownDocument;
  /** The markers, or why they cannot be used; undefined when the page has none. */
  markers?: IndexMarkers;
}

export function parseAdrIndexPage(uri: string, text: string): AdrIndexPage {
  const markdown = parseMarkdown(text);
  return { kind: 'adr-index', uri, text, lines: new LineIndex(text), problems: [], markdown, markers: findIndexMarkers(markdown) };
}

/**
 * The index markers of a page: one start and one end comment, in that order, each on a line of its own, outside
 * code (a README that shows the markers in a code block holds none). Anything else is malformed, and said how.
 */
export function findIndexMarkers(markdown: MarkdownDocument): IndexMarkers | undefined {
  const { text } = markdown;
  const starts: Span[] = [];
  const ends: Span[] = [];
  for (const comment of markdown.comments) {
    const body = text.slice(comment.span[0] + 4, comment.span[1] - 3).trim().toLowerCase();
    if (!body.startsWith(INDEX_MARKER_TEXT)) continue;
    const span: Span = [comment.span[0], comment.span[1]];
    if (body === `${INDEX_MARKER_TEXT}:start`) starts.push(span);
    else if (body === `${INDEX_MARKER_TEXT}:end`) ends.push(span);
    else return { ok: false, span, message: `Unknown index marker: write ${INDEX_START} and ${INDEX_END}.` };
    if (!aloneOnItsLine(text, span)) return { ok: false, span, message: 'An index marker must stand on a line of its own.' };
  }
  if (starts.length === 0 && ends.length === 0) return undefined;
  if (starts.length > 1) return { ok: false, span: starts[1], message: `A second ${INDEX_START}: keep one start and one end marker.` };
  if (ends.length > 1) return { ok: false, span: ends[1], message: `A second ${INDEX_END}: keep one start and one end marker.` };
  if (ends.length === 0) return { ok: false, span: starts[0], message: `${INDEX_START} has no ${INDEX_END} after it.` };
  if (starts.length === 0) return { ok: false, span: ends[0], message: `${INDEX_END} has no ${INDEX_START} before it.` };
  const [start] = starts;
  const [end] = ends;
  if (end[0] < start[0]) return { ok: false, span: end, message: `${INDEX_END} comes before ${INDEX_START}.` };
  const afterStart = text.indexOf('\n', start[1]);
  const contentStart = afterStart < 0 ? text.length : afterStart + 1;
  const contentEnd = Math.max(contentStart, text.lastIndexOf('\n', end[0] - 1) + 1);
  return { ok: true, start, end, content: [contentStart, contentEnd] };
}

function aloneOnItsLine(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span[0] - 1) + 1;
  const lineEnd = text.indexOf('\n', span[1]);
  return text.slice(lineStart, span[0]).trim() === '' && text.slice(span[1], lineEnd < 0 ? text.length : lineEnd).trim() === '';
}

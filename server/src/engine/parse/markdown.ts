import { trimEndOf } from '../text/strings';
import { GFM, parser as baseParser } from '@lezer/markdown';
import { LINEAR_INLINE } from './linearMarkdown';
import type { SyntaxNode, Tree } from '@lezer/common';
import { parseDocument, type Document as YamlDocument } from 'yaml';
import type { Span } from '../text/types';

/**
 * A generic Markdown layer on @lezer/markdown (GFM): front matter, headings,
 * nested sections, links, list items, tables, HTML comments, paragraphs and
 * code, each with exact offsets into the original text. ADRs, runbooks and
 * postmortems build their models on it.
 *
 * Offsets are those of the original text. Lezer reads the text with CRs
 * removed (GFM tables do not survive a CR) and the front matter blanked with
 * spaces; every span is mapped back to the original text.
 */

export interface MarkdownHeading {
  level: number;
  /** The heading's text, inline markup removed (`## **Status**` → `Status`). */
  text: string;
  /** The whole heading line(s), without the line break. */
  span: Span;
  /** The heading's content, without `#` marks or setext underline, trimmed. */
  textSpan: Span;
}

export interface MarkdownSection {
  heading: MarkdownHeading;
  /** From the heading to the next heading of the same or a higher level (or the end). */
  span: Span;
  /** What follows the heading line, up to the section's end (includes subsections). */
  bodySpan: Span;
  children: MarkdownSection[];
  parent?: MarkdownSection;
}

export interface MarkdownLink {
  /** Link text, inline markup removed. */
  text: string;
  /** The text between the brackets (raw). */
  textSpan: Span;
  /** The destination as written (angle brackets removed); for reference links, the definition's. */
  destination: string;
  /** Where the destination is written (in a reference link, in the definition). */
  destinationSpan: Span;
  /** The whole link, `[text](destination)`. */
  span: Span;
  image: boolean;
  /** A bare URL or `<https://…>` autolink. */
  autolink: boolean;
}

export interface MarkdownListItem {
  /** The whole item, nested lists included. */
  span: Span;
  /** The item's own first block (usually a paragraph), trimmed. */
  contentSpan: Span;
  /** `contentSpan`'s text, inline markup removed. */
  text: string;
  marker: string;
  ordered: boolean;
  /** 0 for top-level items. */
  depth: number;
  /** For task items (`- [x]`): whether ticked. */
  checked?: boolean;
}

export interface MarkdownTableCell {
  /** Cell text, inline markup removed. */
  text: string;
  /** The cell's content, trimmed; an empty cell has an empty span at its position. */
  span: Span;
}

export interface MarkdownTableRow {
  span: Span;
  cells: MarkdownTableCell[];
}

export interface MarkdownTable {
  span: Span;
  header: MarkdownTableRow;
  rows: MarkdownTableRow[];
}

export interface MarkdownBlock {
  span: Span;
  /** Text, inline markup removed. */
  text: string;
}

export interface MarkdownComment {
  /** `<!-- … -->`, whole. */
  span: Span;
  /** The comment's content, trimmed. */
  text: string;
}

export interface FrontMatter {
  /** From the opening `---` to the end of the closing line. */
  span: Span;
  /** The YAML between the fences. */
  bodySpan: Span;
  /**
   * The yaml package's document (node ranges are relative to `bodySpan[0]`).
   * Parsed again on each read: it is not kept (see `parseMarkdownWithYaml`).
   */
  readonly document: YamlDocument;
  /** Plain data, when the YAML is a map. */
  data?: Record<string, unknown>;
  /** Syntax errors, with spans in the original text. */
  errors: { message: string; span: Span }[];
}

export interface MarkdownDocument {
  text: string;
  frontMatter?: FrontMatter;
  /** All headings in order. */
  headings: MarkdownHeading[];
  /** Top-level sections (each with nested children); content before the first heading belongs to none. */
  sections: MarkdownSection[];
  links: MarkdownLink[];
  listItems: MarkdownListItem[];
  tables: MarkdownTable[];
  comments: MarkdownComment[];
  paragraphs: MarkdownBlock[];
  /** Fenced and indented code blocks, inline code spans, raw HTML blocks: text that is not prose. */
  code: Span[];
  /** The lezer tree, over `source` (offsets there: convert with `fromSource`). Parsed again on each read: it is not kept. */
  readonly tree: Tree;
  /** The text lezer read: CRs removed, front matter blanked. Computed on each read. */
  readonly source: string;
  /** Converts an offset of `source` to one of `text`. */
  fromSource(offset: number): number;
}

const parser = baseParser.configure([GFM, ...LINEAR_INLINE]);

/** Nodes whose text is markup, not content, when reading inline text. */
const MARK_NODES = new Set(['EmphasisMark', 'CodeMark', 'LinkMark', 'URL', 'LinkTitle', 'LinkLabel', 'HeaderMark', 'QuoteMark', 'ListMark', 'TaskMarker', 'Comment', 'StrikethroughMark', 'TableDelimiter', 'HardBreak']);
const CODE_NODES = new Set(['FencedCode', 'CodeBlock', 'InlineCode', 'HTMLBlock', 'ProcessingInstructionBlock']);

/**
 * The parsed model. A class, so that every document has the same fast shape
 * (a getter defined on each object put it in dictionary mode, about 800 bytes
 * more per document), and what is derived from the text (the tree, the text
 * lezer reads, the offset map) is computed on demand instead of being kept:
 * nothing reads it after parsing, and a workspace holds thousands of documents.
 */
class ParsedMarkdown implements MarkdownDocument {
  // Fields are `declare`d and set in the constructor: a class field is defined (as undefined) before the
  // constructor sets it, twice the work for every part of every document.
  declare text: string;
  declare frontMatter: FrontMatter | undefined;
  declare headings: MarkdownHeading[];
  declare sections: MarkdownSection[];
  declare links: MarkdownLink[];
  declare listItems: MarkdownListItem[];
  declare tables: MarkdownTable[];
  declare comments: MarkdownComment[];
  declare paragraphs: MarkdownBlock[];
  declare code: Span[];

  constructor(text: string, frontMatter: FrontMatter | undefined) {
    this.text = text;
    this.frontMatter = frontMatter;
    this.headings = [];
    this.sections = [];
    this.links = [];
    this.listItems = [];
    this.tables = [];
    this.comments = [];
    this.paragraphs = [];
    this.code = [];
  }

  get source(): string {
    return lezerSource(this.text, this.frontMatter).source;
  }

  get tree(): Tree {
    return parser.parse(this.source);
  }

  fromSource(offset: number): number {
    return lezerSource(this.text, this.frontMatter).fromSource(offset);
  }
}

/*
 * The parts of a document (headings, sections, paragraphs, list items, links,
 * comments) keep their places as offsets and make each span when it is read:
 * a span is an array of two numbers (64 bytes with its elements), and a
 * workspace of 10,000 ADRs holds over 400,000 of them. A span read is a new
 * array each time; writing one sets the offsets.
 */

/** A part of a document, at `span`. */
abstract class Placed {
  protected declare from: number;
  protected declare to: number;

  constructor(from: number, to: number) {
    this.from = from;
    this.to = to;
  }

  get span(): Span {
    return [this.from, this.to];
  }

  set span(span: Span) {
    [this.from, this.to] = span;
  }
}

class Heading extends Placed implements MarkdownHeading {
  declare level: number;
  declare text: string;
  private declare textFrom: number;
  private declare textTo: number;

  constructor(level: number, text: string, span: Span, textSpan: Span) {
    super(span[0], span[1]);
    this.level = level;
    this.text = text;
    this.textFrom = textSpan[0];
    this.textTo = textSpan[1];
  }

  get textSpan(): Span {
    return [this.textFrom, this.textTo];
  }

  set textSpan(span: Span) {
    [this.textFrom, this.textTo] = span;
  }
}

class Section extends Placed implements MarkdownSection {
  declare heading: MarkdownHeading;
  private declare bodyFrom: number;
  declare children: MarkdownSection[];
  declare parent: MarkdownSection | undefined;

  constructor(heading: MarkdownHeading, from: number, to: number, bodyFrom: number) {
    super(from, to);
    this.heading = heading;
    this.bodyFrom = bodyFrom;
    this.children = [];
    this.parent = undefined;
  }

  /** From after the heading line to the section's end (writing it moves the section's end too). */
  get bodySpan(): Span {
    return [this.bodyFrom, this.to];
  }

  set bodySpan(span: Span) {
    [this.bodyFrom, this.to] = span;
  }
}

/** A paragraph or a comment: a span and its text. */
class Block extends Placed implements MarkdownBlock, MarkdownComment {
  declare text: string;

  constructor(span: Span, text: string) {
    super(span[0], span[1]);
    this.text = text;
  }
}

class ListItem extends Placed implements MarkdownListItem {
  private declare contentFrom: number;
  private declare contentTo: number;
  declare text: string;
  declare marker: string;
  declare ordered: boolean;
  declare depth: number;
  declare checked: boolean | undefined;

  constructor(span: Span, contentSpan: Span, text: string, marker: string, ordered: boolean, depth: number, checked: boolean | undefined) {
    super(span[0], span[1]);
    this.contentFrom = contentSpan[0];
    this.contentTo = contentSpan[1];
    this.text = text;
    this.marker = marker;
    this.ordered = ordered;
    this.depth = depth;
    this.checked = checked;
  }

  get contentSpan(): Span {
    return [this.contentFrom, this.contentTo];
  }

  set contentSpan(span: Span) {
    [this.contentFrom, this.contentTo] = span;
  }
}

class Link extends Placed implements MarkdownLink {
  declare text: string;
  private declare textFrom: number;
  private declare textTo: number;
  declare destination: string;
  private declare destinationFrom: number;
  private declare destinationTo: number;
  declare image: boolean;
  declare autolink: boolean;

  constructor(text: string, textSpan: Span, destination: string, destinationSpan: Span, span: Span, image: boolean, autolink: boolean) {
    super(span[0], span[1]);
    this.text = text;
    this.textFrom = textSpan[0];
    this.textTo = textSpan[1];
    this.destination = destination;
    this.destinationFrom = destinationSpan[0];
    this.destinationTo = destinationSpan[1];
    this.image = image;
    this.autolink = autolink;
  }

  get textSpan(): Span {
    return [this.textFrom, this.textTo];
  }

  set textSpan(span: Span) {
    [this.textFrom, this.textTo] = span;
  }

  get destinationSpan(): Span {
    return [this.destinationFrom, this.destinationTo];
  }

  set destinationSpan(span: Span) {
    [this.destinationFrom, this.destinationTo] = span;
  }
}

/** The front matter; its yaml Document (about 3 KB for three keys) is parsed again when asked for, not kept. */
class ParsedFrontMatter implements FrontMatter {
  declare span: Span;
  declare bodySpan: Span;
  declare data: Record<string, unknown> | undefined;
  declare errors: { message: string; span: Span }[];
  private declare readonly original: string;

  constructor(span: Span, bodySpan: Span, data: Record<string, unknown> | undefined, errors: { message: string; span: Span }[], original: string) {
    this.span = span;
    this.bodySpan = bodySpan;
    this.data = data;
    this.errors = errors;
    this.original = original;
  }

  get document(): YamlDocument {
    return parseYaml(this.original.slice(this.bodySpan[0], this.bodySpan[1]));
  }
}

/** What lezer reads: CRs removed (see `stripCarriageReturns`), front matter blanked. */
function lezerSource(original: string, frontMatter: FrontMatter | undefined): { source: string; fromSource(offset: number): number } {
  const { source, fromSource, toSource } = stripCarriageReturns(original);
  return { source: frontMatter ? blank(source, [toSource(frontMatter.span[0]), toSource(frontMatter.span[1])]) : source, fromSource };
}

function parseYaml(source: string): YamlDocument {
  return parseDocument(source, { prettyErrors: false, uniqueKeys: false });
}

export function parseMarkdown(original: string): MarkdownDocument {
  return parseMarkdownWithYaml(original).markdown;
}

/**
 * `parseMarkdown`, and the front matter's yaml Document that parsing read
 * (for a caller that needs its nodes now: `frontMatter.document` parses it again).
 */
export function parseMarkdownWithYaml(original: string): { markdown: MarkdownDocument; yaml?: YamlDocument } {
  const read = readFrontMatter(original);
  const frontMatter = read?.frontMatter;
  const { source, fromSource, toSource } = stripCarriageReturns(original);
  const lezerText = frontMatter ? blank(source, [toSource(frontMatter.span[0]), toSource(frontMatter.span[1])]) : source;
  const tree = parser.parse(lezerText);
  // Texts are read from the original when lezer's text differs from it only by the blanked front matter (where no
  // node is): the headings' and paragraphs' texts are then slices of the text the document keeps anyway, not of a copy.
  const text = source === original ? original : lezerText;
  const document = new ParsedMarkdown(original, frontMatter);
  const definitions = new Map<string, { destination: string; span: Span }>();
  const referenceLinks: { link: MarkdownLink; label: string }[] = [];
  const cursor = tree.cursor();
  do {
    const node = cursor.node;
    const name = node.name;
    if (/^(ATX|Setext)Heading\d$/.test(name)) {
      document.headings.push(readHeading(text, node));
    } else if (name === 'Link' || name === 'Image') {
      const read = readLink(text, node);
      if (read) {
        document.links.push(read.link);
        if (read.label !== undefined) referenceLinks.push({ link: read.link, label: read.label });
      }
    } else if (name === 'URL' && !['Link', 'Image', 'LinkReference'].includes(node.parent?.name ?? '')) {
      const span = trimSpan(text, [node.from, node.to]);
      const value = text.slice(span[0], span[1]);
      const whole: Span = node.parent?.name === 'Autolink' ? [node.parent.from, node.parent.to] : span;
      document.links.push(new Link(value, span, value, span, whole, false, true));
    } else if (name === 'LinkReference') {
      const label = node.getChild('LinkLabel');
      const url = node.getChild('URL');
      if (label && url) {
        const key = normaliseLabel(text.slice(label.from + 1, label.to - 1));
        const span = destinationSpan(text, url);
        if (!definitions.has(key)) definitions.set(key, { destination: text.slice(span[0], span[1]), span });
      }
    } else if (name === 'ListItem') {
      document.listItems.push(readListItem(text, node));
    } else if (name === 'Table') {
      document.tables.push(readTable(text, node));
    } else if (name === 'CommentBlock' || name === 'Comment') {
      const span = trimSpan(text, [node.from, node.to]);
      document.comments.push(new Block(span, text.slice(span[0] + 4, Math.max(span[0] + 4, span[1] - 3)).trim()));
    } else if (name === 'Paragraph') {
      const span = trimSpan(text, [node.from, node.to]);
      document.paragraphs.push(new Block(span, inlineText(text, node, span)));
    }
    if (CODE_NODES.has(name)) document.code.push(trimSpan(text, [node.from, node.to]));
  } while (nextNode(cursor, CODE_NODES));
  for (const { link, label } of referenceLinks) {
    const definition = definitions.get(normaliseLabel(label));
    if (definition) {
      link.destination = definition.destination;
      link.destinationSpan = definition.span;
    }
  }
  document.links = document.links.filter((l) => l.destination !== '' || l.autolink);
  if (source !== original) mapToOriginal(document, fromSource);
  document.sections = buildSections(document.headings, original.length, original);
  // The syntax tree takes more memory than the rest of the model together (about 14 KB for a 1 KB ADR; 140 MB for
  // 10,000 of them), and nothing reads it after this walk: it is not kept, and is parsed again if someone asks.
  // Lists filled by push() hold room for 17 entries: the kept ones are copied to their exact size.
  compactLists(document, ['headings', 'links', 'listItems', 'tables', 'comments', 'paragraphs', 'code']);
  return { markdown: document, yaml: read?.yaml };
}

/**
 * The empty list of every model: most lists of a document are empty (its tables, comments, code, most sections'
 * children), and an empty list is 32 bytes. Frozen: nothing adds to a model's lists once it is parsed.
 */
const NONE: readonly never[] = Object.freeze([]);

/** A copy of a list at its exact size (a list grown by push() keeps spare room), or the shared empty list, for lists kept in a model. */
function compact<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as never[]) : list.slice();
}

type ListKey<T> = { [K in keyof T]-?: T[K] extends unknown[] ? K : never }[keyof T];

/** Replaces lists of a model by copies at their exact size (see `compact`). */
export function compactLists<T extends object>(owner: T, keys: readonly ListKey<T>[]): void {
  for (const key of keys) owner[key] = compact(owner[key] as unknown[]) as T[typeof key];
}

/**
 * The text lezer reads, and offset conversions both ways: CRs of CRLF line
 * breaks removed (a lone CR becomes LF), and trailing blanks removed from
 * lines holding a `|` (lezer's GFM table reader rejects a delimiter row
 * `|---|---| ` with trailing blanks).
 */
function stripCarriageReturns(text: string): { source: string; fromSource(offset: number): number; toSource(offset: number): number } {
  if (!text.includes('\r') && !/\|[ \t]+$/m.test(text)) return { source: text, fromSource: (o) => o, toSource: (o) => o };
  // removed[i]: the source offset at which the (i+1)-th removed character stood (non-decreasing).
  const removed: number[] = [];
  let source = '';
  const lineBreak = /\r\n|\r|\n/g;
  let start = 0;
  for (;;) {
    const match = lineBreak.exec(text);
    const end = match ? match.index : text.length;
    let line = text.slice(start, end);
    if (line.includes('|')) {
      const trimmed = trimEndOf(line, ' \t');
      for (let i = trimmed.length; i < line.length; i++) removed.push(source.length + trimmed.length);
      line = trimmed;
    }
    source += line;
    if (!match) break;
    if (match[0] === '\r\n') removed.push(source.length);
    source += '\n';
    start = match.index + match[0].length;
  }
  const fromSource = (offset: number) => {
    // Count the CRs removed at or before this offset (a CR sits before the LF at the same source offset).
    let low = 0;
    let high = removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (removed[mid] < offset) low = mid + 1;
      else high = mid;
    }
    return offset + low;
  };
  const toSource = (offset: number) => {
    let low = 0;
    let high = removed.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (removed[mid] + mid < offset) low = mid + 1;
      else high = mid;
    }
    return offset - low;
  };
  return { source, fromSource, toSource };
}

function blank(text: string, span: Span): string {
  return text.slice(0, span[0]) + text.slice(span[0], span[1]).replace(/[^\n]/g, ' ') + text.slice(span[1]);
}

function mapToOriginal(document: MarkdownDocument, map: (offset: number) => number): void {
  const span = (s: Span): Span => [map(s[0]), map(s[1])];
  for (const heading of document.headings) {
    heading.span = span(heading.span);
    heading.textSpan = span(heading.textSpan);
  }
  for (const link of document.links) {
    link.span = span(link.span);
    link.textSpan = span(link.textSpan);
    link.destinationSpan = span(link.destinationSpan);
  }
  for (const item of document.listItems) {
    item.span = span(item.span);
    item.contentSpan = span(item.contentSpan);
  }
  for (const table of document.tables) {
    table.span = span(table.span);
    for (const row of [table.header, ...table.rows]) {
      row.span = span(row.span);
      for (const cell of row.cells) cell.span = span(cell.span);
    }
  }
  for (const comment of document.comments) comment.span = span(comment.span);
  for (const paragraph of document.paragraphs) paragraph.span = span(paragraph.span);
  document.code = document.code.map(span);
}

/** Moves to the next node in document order, not descending into code nodes. */
function nextNode(cursor: ReturnType<Tree['cursor']>, skip: Set<string>): boolean {
  if (!skip.has(cursor.name) && cursor.firstChild()) return true;
  for (;;) {
    if (cursor.nextSibling()) return true;
    if (!cursor.parent()) return false;
  }
}

function readFrontMatter(text: string): { frontMatter: FrontMatter; yaml: YamlDocument } | undefined {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(start, start + 10));
  if (!open) return undefined;
  const bodyStart = start + open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*$/m;
  close.lastIndex = 0;
  const rest = text.slice(bodyStart);
  const match = close.exec(rest);
  if (!match) return undefined;
  const bodyEnd = bodyStart + match.index;
  const end = bodyEnd + match[0].length;
  const source = text.slice(bodyStart, bodyEnd);
  const yaml = parseYaml(source);
  let data: Record<string, unknown> | undefined;
  try {
    const value = yaml.toJS({ maxAliasCount: 100 }) as unknown;
    if (value && typeof value === 'object' && !Array.isArray(value)) data = value as Record<string, unknown>;
  } catch {
    data = undefined;
  }
  const errors = yaml.errors.map((e) => ({ message: e.message, span: [bodyStart + e.pos[0], bodyStart + e.pos[1]] as Span }));
  return { frontMatter: new ParsedFrontMatter([start, end], [bodyStart, bodyEnd], data, errors, text), yaml };
}

function readHeading(text: string, node: SyntaxNode): MarkdownHeading {
  const level = Number(node.name.slice(-1));
  const span = trimSpan(text, [node.from, node.to]);
  let contentStart = node.from;
  let contentEnd = node.to;
  if (node.name.startsWith('ATX')) {
    const marks = node.getChildren('HeaderMark');
    if (marks[0]) contentStart = marks[0].to;
    const last = marks[marks.length - 1];
    if (marks.length > 1 && last) contentEnd = last.from;
  } else {
    const mark = node.getChild('HeaderMark');
    if (mark) contentEnd = mark.from;
  }
  const textSpan = trimSpan(text, [contentStart, Math.max(contentStart, contentEnd)]);
  return new Heading(level, collapseSpaces(inlineText(text, node, textSpan)).trim(), span, textSpan);
}

function readLink(text: string, node: SyntaxNode): { link: MarkdownLink; label?: string } | undefined {
  const marks = node.getChildren('LinkMark');
  const open = marks[0];
  const close = marks.find((m) => text.charCodeAt(m.from) === 93 /* ] */);
  if (!open || !close) return undefined;
  const textSpan: Span = [open.to, close.from];
  const url = node.getChild('URL');
  const label = node.getChild('LinkLabel');
  const span: Span = [node.from, node.to];
  const image = node.name === 'Image';
  const linkText = collapseSpaces(inlineText(text, node, textSpan)).trim();
  if (url) {
    const destination = destinationSpan(text, url);
    return { link: new Link(linkText, textSpan, text.slice(destination[0], destination[1]), destination, span, image, false) };
  }
  // Reference link: [text][label], [text][] or [text].
  const labelText = label ? text.slice(label.from + 1, label.to - 1) : '';
  return {
    link: new Link(linkText, textSpan, '', textSpan, span, image, false),
    label: labelText.trim() === '' ? text.slice(textSpan[0], textSpan[1]) : labelText,
  };
}

function destinationSpan(text: string, url: SyntaxNode): Span {
  if (text.charCodeAt(url.from) === 60 /* < */ && text.charCodeAt(url.to - 1) === 62) return [url.from + 1, url.to - 1];
  return [url.from, url.to];
}

function normaliseLabel(label: string): string {
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
}

function readListItem(text: string, node: SyntaxNode): MarkdownListItem {
  const mark = node.getChild('ListMark');
  const marker = mark ? text.slice(mark.from, mark.to) : '';
  let depth = 0;
  for (let parent = node.parent; parent; parent = parent.parent) if (parent.name === 'ListItem') depth++;
  const ordered = node.parent?.name === 'OrderedList';
  let first = mark?.nextSibling ?? null;
  let checked: boolean | undefined;
  let contentSpan: Span;
  let text_ = '';
  if (first && first.name === 'Task') {
    const marker_ = first.getChild('TaskMarker');
    if (marker_) checked = /x/i.test(text.slice(marker_.from, marker_.to));
    contentSpan = trimSpan(text, [marker_ ? marker_.to : first.from, first.to]);
    text_ = inlineText(text, first, contentSpan);
  } else if (first && first.name !== 'BulletList' && first.name !== 'OrderedList') {
    contentSpan = trimSpan(text, [first.from, first.to]);
    text_ = inlineText(text, first, contentSpan);
  } else {
    const at = mark ? mark.to : node.from;
    contentSpan = [at, at];
    first = null;
  }
  return new ListItem(trimSpan(text, [node.from, node.to]), contentSpan, collapseSpaces(text_).trim(), marker, ordered, depth, checked);
}

function readTable(text: string, node: SyntaxNode): MarkdownTable {
  const rows: MarkdownTableRow[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.name !== 'TableHeader' && child.name !== 'TableRow') continue;
    const cells: MarkdownTableCell[] = [];
    // Cells lie between TableDelimiter nodes; an empty cell has no TableCell node.
    const delimiters = child.getChildren('TableDelimiter');
    const cellNodes = child.getChildren('TableCell');
    const segments: Span[] = [];
    let from = child.from;
    for (const delimiter of delimiters) {
      segments.push([from, delimiter.from]);
      from = delimiter.to;
    }
    segments.push([from, child.to]);
    segments.forEach(([start, end], i) => {
      const blank = text.slice(start, end).trim() === '';
      if (blank && delimiters.length > 0 && (i === 0 || i === segments.length - 1)) return;
      const cell = cellNodes.find((c) => c.from >= start && c.to <= end);
      const span = cell ? trimSpan(text, [cell.from, cell.to]) : ([start, start] as Span);
      cells.push({ text: cell ? inlineText(text, cell, span).trim() : '', span });
    });
    rows.push({ span: trimSpan(text, [child.from, child.to]), cells });
  }
  const [header, ...body] = rows;
  return { span: trimSpan(text, [node.from, node.to]), header: header ?? { span: [node.from, node.from], cells: [] }, rows: body };
}

/** Runs of white space as one space; the same string when there is nothing to change (a copy otherwise). */
function collapseSpaces(text: string): string {
  return /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ') : text;
}

/** The text of a span inside a node, markup (emphasis marks, link destinations, comments…) left out. */
function inlineText(text: string, node: SyntaxNode, span: Span): string {
  let out = '';
  let at = span[0];
  const skip = (from: number, to: number) => {
    if (to <= at || from >= span[1]) return;
    if (from > at) out += text.slice(at, Math.min(from, span[1]));
    at = Math.max(at, Math.min(to, span[1]));
  };
  const visit = (parent: SyntaxNode) => {
    for (let child = parent.firstChild; child; child = child.nextSibling) {
      if (child.to <= span[0] || child.from >= span[1]) continue;
      if (MARK_NODES.has(child.name)) {
        // Keep the URL of an autolink, drop those of links.
        if (child.name === 'URL' && parent.name !== 'Link' && parent.name !== 'Image') continue;
        skip(child.from, child.to);
      } else if (child.name === 'Escape') {
        skip(child.from, child.from + 1);
      } else visit(child);
    }
  };
  visit(node);
  if (at < span[1]) out += text.slice(at, span[1]);
  return out.replace(/\r/g, '');
}

function buildSections(headings: readonly MarkdownHeading[], length: number, text: string): MarkdownSection[] {
  const roots: MarkdownSection[] = [];
  const stack: MarkdownSection[] = [];
  headings.forEach((heading, i) => {
    let end = length;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].level <= heading.level) {
        end = headings[j].span[0];
        break;
      }
    }
    const [start, headingEnd] = heading.span;
    const section = new Section(heading, start, end, Math.min(end, lineBreakAfter(text, headingEnd)));
    while (stack.length > 0 && stack[stack.length - 1].heading.level >= heading.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      section.parent = parent;
      parent.children.push(section);
    } else roots.push(section);
    stack.push(section);
  });
  const compactChildren = (sections: MarkdownSection[]): MarkdownSection[] => {
    for (const section of sections) section.children = compactChildren(section.children);
    return compact(sections);
  };
  return compactChildren(roots);
}

function lineBreakAfter(text: string, offset: number): number {
  let at = offset;
  while (at < text.length && text[at] !== '\n') at++;
  return Math.min(text.length, at + 1);
}

/** A span without surrounding whitespace (CRs included). */
export function trimSpan(text: string, span: Span): Span {
  let [start, end] = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** Every section, depth first, in document order (of a document, or of some sections and their subsections). */
export function allSections(document: Pick<MarkdownDocument, 'sections'>): MarkdownSection[] {
  const out: MarkdownSection[] = [];
  const walk = (sections: readonly MarkdownSection[]) => {
    for (const section of sections) {
      out.push(section);
      walk(section.children);
    }
  };
  walk(document.sections);
  return out;
}

/** The innermost section holding an offset. */
export function sectionAt(document: MarkdownDocument, offset: number): MarkdownSection | undefined {
  let found: MarkdownSection | undefined;
  let level: readonly MarkdownSection[] = document.sections;
  for (;;) {
    const next = level.find((s) => offset >= s.span[0] && (offset < s.span[1] || (offset === s.span[1] && s.span[1] === document.text.length)));
    if (!next) return found;
    found = next;
    level = next.children;
  }
}

/** The first section (at any depth) whose heading text matches. */
export function findSection(document: MarkdownDocument, title: string | RegExp): MarkdownSection | undefined {
  const test = typeof title === 'string' ? (t: string) => t.toLowerCase() === title.toLowerCase() : (t: string) => title.test(t);
  return allSections(document).find((s) => test(s.heading.text));
}

/** Is an offset inside code (fenced, indented or inline) or raw HTML? */
export function inCode(document: MarkdownDocument, offset: number): boolean {
  return document.code.some((span) => offset >= span[0] && offset < span[1]);
}

/** Is an offset inside an HTML comment? */
export function inComment(document: MarkdownDocument, offset: number): boolean {
  return document.comments.some((c) => offset >= c.span[0] && offset < c.span[1]);
}

/** The text of a span with HTML comments blanked out (same length), for reading what a reader sees. */
export function visibleText(document: MarkdownDocument, span: Span): string {
  let out = document.text.slice(span[0], span[1]);
  for (const comment of document.comments) {
    if (comment.span[1] <= span[0] || comment.span[0] >= span[1]) continue;
    const from = Math.max(comment.span[0], span[0]) - span[0];
    const to = Math.min(comment.span[1], span[1]) - span[0];
    out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}

import { trimEndOf } from '../text/strings';
import { isScalar, type Document as YamlDocument, type Node as YamlNode } from 'yaml';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import { allSections, compactLists, parseMarkdownWithYaml, type FrontMatter, type MarkdownDocument, type MarkdownHeading, type MarkdownLink, type MarkdownSection } from './markdown';
import { findPlaceholders, isPlaceholderBody, isPlaceholderTitle, isTemplateName, templateStatusWords } from './adrPlaceholders';
import type { ParseProblem } from './problem';

/**
 * Architecture decision records in every shape real collections use:
 * Nygard/adr-tools, the framework's own (`# ADR-001: Title`), MADR 2 to 4,
 * log4brains. Built on the generic Markdown layer; every span comes from its
 * tree (headings, paragraphs, list items, table cells, links) or from the
 * front matter's YAML nodes.
 */

export type AdrFormat = 'nygard' | 'framework' | 'madr' | 'log4brains' | 'unknown';
export type AdrRelationKind = 'supersedes' | 'supersededBy' | 'amends' | 'amendedBy';
export type AdrStatusSource = 'front-matter' | 'section' | 'bullet' | 'line' | 'table';

/** A reference to another ADR: an id (`ADR-7`, `ADR 0007`) or a relative Markdown link. */
export interface AdrReference {
  kind: 'id' | 'link';
  /** What resolves it: the id as written (`ADR-7`) or the link's destination. */
  target: string;
  /** The text shown: the id, or the link's text. */
  text: string;
  /** The whole reference (`ADR-7`, `[text](dest.md)`). */
  span: Span;
  /** Where the target is written (the id, or the link's destination). */
  targetSpan: Span;
  /** For ids: the number and its prefix (`ADR`, `API`, …). */
  number?: number;
  prefix?: string;
}

export interface AdrRelation extends AdrReference {
  relation: AdrRelationKind;
  /** The words that state the relation (`Superseded by`). */
  phraseSpan: Span;
  /**
   * Where it is stated: in the status (section, line, bullet, front matter),
   * in a Links section, or in a sentence of the text. Only the first two
   * call for a back-link in the other ADR.
   */
  stated: 'status' | 'links' | 'prose';
  /** `in part`, `partly`, `some aspects of`: a partial relation asks for no back-link. */
  partial: boolean;
}

/** Canonical names of the sections the formats define. */
export type AdrSectionName = 'status' | 'context' | 'decision' | 'consequences' | 'drivers' | 'options' | 'pros-cons' | 'confirmation' | 'more-information' | 'links' | 'date';

export interface AdrSection {
  name: AdrSectionName;
  section: MarkdownSection;
}

/**
 * An architecture decision record, as read from its file. `number`, `title`,
 * `titleSpan` and `status` are what the manifest side uses.
 */
export interface AdrDocument {
  kind: 'adr';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
  markdown: MarkdownDocument;
  frontMatter?: FrontMatter;
  /** File name, and without its extension (log4brains refers to ADRs by it). */
  fileName: string;
  stem: string;
  /**
   * A template, not a decision (named like one, or a placeholder title over sections of placeholders): rules do not
   * check it; its collection learns its section names and status words from it.
   */
  template: boolean;
  /** A template's status words (`Status: {proposed | accepted | experimental}`). */
  templateStatuses?: readonly string[];
  format: AdrFormat;
  /**
   * Did several signals agree on the format (a titled Nygard file with its sections, MADR headings together)? A
   * record with one MADR-like heading in free-form text is read as MADR but not sure: only what every format
   * shares is checked then.
   */
  formatSure: boolean;
  /** The ADR's number, from the file name, else from the title. */
  number?: number;
  /** An id prefix other than ADR (`API` in `API-012-…`), upper-case. */
  prefix?: string;
  nameNumber?: number;
  titleNumber?: number;
  /** Where the title writes its number (`7` in `# 7. Title`, `001` in `# ADR-001: Title`). */
  titleNumberSpan?: Span;
  /** A date in the file name (`20201016-…`, `2024-01-05-…`). */
  nameDate?: string;
  /** The title without its number (`Use Kafka`). */
  title?: string;
  /** The title's text span (the whole heading content, number included). */
  titleSpan?: Span;
  heading?: MarkdownHeading;
  /** Normalised status word (accepted, superseded, …), when one is written. Unknown words are kept lower-case. */
  status?: string;
  /** The status word as written. */
  statusWord?: string;
  /** Is `status` a word of the standard vocabulary (or one of its synonyms)? */
  statusKnown?: boolean;
  statusSpan?: Span;
  /** Free text after the status word (`Open to revisiting in Q3`). */
  statusNote?: string;
  statusSource?: AdrStatusSource;
  /** A status place that holds no word (empty `## Status`, `Status:` with nothing after it). */
  statusEmptySpan?: Span;
  /** The `## Status` section, when there is one. */
  statusSection?: MarkdownSection;
  date?: string;
  dateSpan?: Span;
  sections: AdrSection[];
  relations: AdrRelation[];
  supersedes: AdrRelation[];
  supersededBy: AdrRelation[];
  amends: AdrRelation[];
  amendedBy: AdrRelation[];
  /** Every reference to another ADR (ids and relative Markdown links to Markdown files), relations included. */
  references: AdrReference[];
  /** Relative links (to any file), for checking that their targets exist. */
  relativeLinks: MarkdownLink[];
}

/** All ADRs of the workspace, for resolving references (ADR-7, ADR-0007, 7, a path, a log4brains slug). */
export interface AdrIndex {
  all(): readonly AdrDocument[];
  resolve(reference: string | number, fromUri?: string): AdrDocument | undefined;
  /** The ADRs of the collection (folder) that holds a document, sorted by file. */
  collection(uri: string): readonly AdrDocument[];
  /** The collection folder of an ADR (its folder; for `dated-folder/README.md`, the folder above). */
  collectionOf(uri: string): string;
  /** Does the collection mostly do without a status (more than half its ADRs write none)? */
  collectionOmitsStatus(uri: string): boolean;
  /** The next free number in a collection. */
  nextNumber(collectionUri: string): number;
  /** Other ADRs' references that resolve to this ADR. */
  referencesTo(adr: AdrDocument): { from: AdrDocument; reference: AdrReference }[];
  /** Other ADRs' relations (supersedes, amended by, …) that resolve to this ADR. */
  relationsTo(adr: AdrDocument): { from: AdrDocument; relation: AdrRelation }[];
  /** The ADR at a URI. */
  get(uri: string): AdrDocument | undefined;
  /** The ADRs of a document's collection with a number (and prefix), sorted by file. */
  numbered(uri: string, number: number, prefix?: string): readonly AdrDocument[];
  /** The shapes of a collection's ADRs, in the order of collection(): for conventions, which depend on shapes alone. */
  collectionShapes(uri: string): readonly AdrShape[];
  /** The template of the collection that holds a document (in its folder, or its `templates/` folder), if it has one. */
  template(uri: string): AdrDocument | undefined;
}

/**
 * What a collection's conventions know of an ADR besides its text. With its ids and what it refers to, this is
 * its shape (`shapeKey`): an edit that keeps an ADR's shape changes no answer of the index about other ADRs, so
 * only readers of that ADR's own content need to look again.
 */
export interface AdrShape {
  readonly format: AdrFormat;
  readonly formatSure: boolean;
  /** Its sections' names, each once. */
  readonly sections: readonly AdrSectionName[];
  readonly number?: number;
  /** Does it write a status (or a place for one)? */
  readonly hasStatus: boolean;
  /** Its status when the word is not one of the standard vocabulary (lower-case): a collection's own words are those several ADRs use. */
  readonly customStatus?: string;
}

// ---------------------------------------------------------------- status vocabulary

export const STATUS_WORDS = ['proposed', 'accepted', 'rejected', 'deprecated', 'superseded', 'draft', 'amended'] as const;

export const STATUS_MEANINGS: Record<(typeof STATUS_WORDS)[number], string> = {
  proposed: 'Under discussion: the decision is suggested but not yet agreed. Nothing should depend on it yet.',
  accepted: 'Agreed and in force: the system is (or will be) built this way.',
  rejected: 'Considered and turned down. Kept so the reasoning is not lost and the question is not reopened without new facts.',
  deprecated: 'No longer in force, without a direct replacement. Kept for history.',
  superseded: 'Replaced by a later decision, which the status should link to. The record stays as history; refer to its successor.',
  draft: 'Still being written (log4brains): not ready for discussion yet.',
  amended: 'Still in force, but changed in part by a later decision, which the status should link to.',
};

/** Words real collections write for the standard ones (lower-case, spaces between words). */
const SYNONYMS: Record<string, (typeof STATUS_WORDS)[number]> = {
  proposed: 'proposed', proposal: 'proposed', propose: 'proposed', pending: 'proposed', open: 'proposed', 'on hold': 'proposed',
  'gathering information': 'proposed', 'in review': 'proposed', 'under review': 'proposed', 'in discussion': 'proposed',
  'under discussion': 'proposed', 'under consideration': 'proposed', 'in progress': 'proposed', suggested: 'proposed', rfc: 'proposed',
  accepted: 'accepted', accept: 'accepted', decided: 'accepted', approved: 'accepted', agreed: 'accepted', adopted: 'accepted',
  implemented: 'accepted', done: 'accepted', active: 'accepted', 'in effect': 'accepted', final: 'accepted',
  postponed: 'proposed', deferred: 'proposed', parked: 'proposed', 'under evaluation': 'proposed', 'in evaluation': 'proposed',
  rejected: 'rejected', declined: 'rejected', refused: 'rejected', withdrawn: 'rejected', abandoned: 'rejected', cancelled: 'rejected', canceled: 'rejected', discarded: 'rejected',
  deprecated: 'deprecated', obsolete: 'deprecated', retired: 'deprecated', outdated: 'deprecated', archived: 'deprecated', 'no longer valid': 'deprecated',
  superseded: 'superseded', superceded: 'superseded', supersedes: 'superseded', replaced: 'superseded',
  draft: 'draft', wip: 'draft', 'work in progress': 'draft',
  amended: 'amended',
};

export interface StatusReading {
  /** Normalised: a standard word, or the unknown word lower-cased. */
  status: string;
  word: string;
  span: Span;
  known: boolean;
  note?: string;
}

/** The status written in a piece of text (first status word decides; the rest is the note). `base` is its offset in the document. */
function readStatus(text: string, base: number, extraWords: readonly string[] = []): StatusReading | undefined {
  const words = [...text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)];
  if (words.length === 0) return undefined;
  const extra = new Set(extraWords.map((w) => w.toLowerCase()));
  for (let i = 0; i < words.length; i++) {
    for (const size of [3, 2, 1]) {
      if (i + size > words.length) continue;
      const phrase = words.slice(i, i + size).map((w) => w[0].toLowerCase()).join(' ');
      const standard = SYNONYMS[phrase] ?? (extra.has(phrase) ? phrase : undefined);
      if (!standard) continue;
      const last = words[i + size - 1];
      const start = words[i].index!;
      const end = last.index! + last[0].length;
      const note = cleanNote(text.slice(end));
      return { status: standard, word: text.slice(start, end), span: [base + start, base + end], known: true, note };
    }
  }
  const first = words[0];
  return { status: first[0].toLowerCase(), word: first[0], span: [base + first.index!, base + first.index! + first[0].length], known: false, note: cleanNote(text.slice(first.index! + first[0].length)) };
}

/** The note as a reader sees it: links as their text, emphasis and code marks left out. */
function cleanNote(text: string): string | undefined {
  // A status written as a link's text (`[Deprecated](https://…/pull/395)`) leaves the link's tail behind.
  const plain = linkTexts(text.replace(/^\]\([^)]*\)/, '')).replace(/\*\*|__|`/g, '');
  const note = plain.replace(/^[\s.,;:)\]–—*_-]+/, '').replace(/\s+/g, ' ').trim();
  return note === '' ? undefined : note;
}

/**
 * Inline links and images replaced by their text (`[3. Use X](0003-x.md)` → `3. Use X`), in one pass: a line of
 * thousands of `[` must not be rescanned from each of them.
 */
function linkTexts(text: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const open = text.indexOf('[', i);
    // No `]` after the first `[`, or no `)` after a `](`: no link further on either.
    const close = open < 0 ? -1 : text.indexOf(']', open + 1);
    if (close < 0) break;
    if (text[close + 1] !== '(') {
      out += text.slice(i, close + 1);
      i = close + 1;
      continue;
    }
    const end = text.indexOf(')', close + 2);
    if (end < 0) break;
    const bang = open > i && text[open - 1] === '!' ? 1 : 0;
    out += text.slice(i, open - bang) + text.slice(open + 1, close);
    i = end + 1;
  }
  return out + text.slice(i);
}

// ---------------------------------------------------------------- file names and titles

const NAME_NUMBER = /^(?:(adr|[A-Z]{2,6})[-_ ]?)?0*(\d{1,6})(?=[-_. ]|$)/i;
const NAME_DATE = /^((?:19|20)\d\d)-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])(?=[-_]|$)/;
/**
 * A number at the start of a title: `7. Title`, `7) Title`, `7: Title`, `ADR-007: Title`,
 * `ADR 7 — Title`, `API-012: Title`. Not `1.5 release`, `2FA`, `HTTP2: …`.
 */
const TITLE_NUMBER = /^(?:(?:(adr)[-_ ]?#?[ \t]*|([A-Z]{2,6})[-_])0*(\d{1,6})(?![\d.]\d)|0*(\d{1,6})(?=[.)][ \t]|:))[ \t]*[.:)—–-]?[ \t]*/i;

/** The number (and prefix) an ADR file name carries: `0007-…`, `adr-0007-…`, `ADR-007-…`, `adr007-…`, `API-012-…`. */
function numberFromName(stem: string): { number: number; prefix?: string } | undefined {
  if (NAME_DATE.test(stem)) return undefined;
  const match = NAME_NUMBER.exec(stem);
  if (!match) return undefined;
  const prefix = match[1];
  // A bare prefix must be an upper-case id (API-012); `adr` in any case.
  if (prefix && !/^adr$/i.test(prefix) && prefix !== prefix.toUpperCase()) return undefined;
  return { number: Number(match[2]), prefix: prefix && !/^adr$/i.test(prefix) ? prefix.toUpperCase() : undefined };
}

function dateFromName(stem: string): string | undefined {
  const match = NAME_DATE.exec(stem);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

// ---------------------------------------------------------------- sections

const SECTION_NAMES: [RegExp, AdrSectionName][] = [
  [/^(?:status|state|current status|decision status)$/, 'status'],
  [/^(?:context(?: and problem(?: statement)?)?|problem(?: statement)?|background|context and motivation|motivation|issue)$/, 'context'],
  [/^(?:decisions?(?: outcome)?|outcome|the decision|resolution|chosen option|proposal|proposed (?:decision|solution)|solution)$/, 'decision'],
  [/^(?:consequences?|implications|positive consequences|negative consequences)$/, 'consequences'],
  [/^decision drivers$/, 'drivers'],
  [/^(?:considered )?options(?: considered)?$|^alternatives(?: considered)?$/, 'options'],
  [/^pros and cons(?: of the options)?$/, 'pros-cons'],
  [/^(?:confirmation|validation)$/, 'confirmation'],
  [/^more information$|^notes$/, 'more-information'],
  [/^(?:links|related(?: decisions| adrs)?|references)$/, 'links'],
  [/^date$/, 'date'],
];

/** A heading's text reduced for comparison: `1. Context:` → `context`. */
function sectionKey(text: string): string {
  return trimEndOf(
    text
      .toLowerCase()
      .replace(/^[^\p{L}\d]+/u, '')
      .replace(/^\d+(?:\.\d+)*\.?\s+/, ''),
    /[\s:.]/,
  )
    .replace(/\s+/g, ' ')
    .trim();
}

function nameOfKey(key: string): AdrSectionName | undefined {
  return SECTION_NAMES.find(([pattern]) => pattern.test(key))?.[1];
}

/**
 * The sections a heading stands for: one, or each part of a combined heading ("Considered Options and Decision
 * Outcome", "Decision & Consequences", "Context / Problem"). A name that is a whole phrase ("Context and Problem
 * Statement", "Pros and Cons") is one section.
 */
export function sectionNames(text: string): AdrSectionName[] {
  const names: AdrSectionName[] = [];
  for (const key of headingKeys(text)) {
    const name = nameOfKey(key);
    if (name && !names.includes(name)) names.push(name);
  }
  return names;
}

/** A heading's key (`sectionKey`), or the keys of its parts when it combines sections it does not name as a whole. */
function headingKeys(text: string): string[] {
  const key = sectionKey(text);
  if (nameOfKey(key)) return [key];
  return key.split(/ and | & | ?\/ ?|, /).map((part) => part.trim());
}

/** The (first) section a heading stands for. */
export function sectionName(text: string): AdrSectionName | undefined {
  return sectionNames(text)[0];
}

/** The sections each format requires (the status is checked by adr-status, wherever it is written). */
export const REQUIRED_SECTIONS: Record<Exclude<AdrFormat, 'unknown'>, { name: AdrSectionName; heading: string }[]> = {
  nygard: [
    { name: 'context', heading: 'Context' },
    { name: 'decision', heading: 'Decision' },
    { name: 'consequences', heading: 'Consequences' },
  ],
  framework: [
    { name: 'context', heading: 'Context' },
    { name: 'decision', heading: 'Decision' },
    { name: 'consequences', heading: 'Consequences' },
  ],
  madr: [
    { name: 'context', heading: 'Context and Problem Statement' },
    { name: 'decision', heading: 'Decision Outcome' },
  ],
  // log4brains makes every section optional: its ADRs are free-form below the title and metadata.
  log4brains: [],
};

/** The section headings of each format, in order, for completion and templates. */
export const FORMAT_SECTIONS: Record<Exclude<AdrFormat, 'unknown'>, string[]> = {
  nygard: ['Status', 'Context', 'Decision', 'Consequences'],
  framework: ['Status', 'Context', 'Decision', 'Consequences'],
  madr: ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'Consequences', 'Confirmation', 'Pros and Cons of the Options', 'More Information'],
  log4brains: ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'Positive Consequences', 'Negative Consequences', 'Pros and Cons of the Options', 'Links'],
};

// ---------------------------------------------------------------- shape (for classification)

const ADR_TITLE = /^#[ \t]+(?:(?:ADR|Architecture Decision Record|Decision Record)\b|[A-Z]{2,6}-\d+[ \t]*:|\d+\.[ \t]+\S)/m;

/**
 * The lines of a text outside fenced code, in one pass: shape detection runs on every Markdown file of a workspace,
 * so no line may be rescanned (a regex over the whole text took seconds on a file of unclosed fences).
 */
function linesOutsideFences(text: string): string[] {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of text.split(/\r\n|[\n\r\u2028\u2029]/)) {
    let indent = 0;
    while (indent < line.length && (line[indent] === ' ' || line[indent] === '\t')) indent++;
    const body = line.slice(indent);
    if (fence !== undefined) {
      // Closed by the same fence, with nothing but spaces after it.
      if (indent <= 3 && body.startsWith(fence) && /^[ \t]*$/.test(body.slice(fence.length))) fence = undefined;
      continue;
    }
    if (indent <= 3 && (body.startsWith('```') || body.startsWith('~~~'))) {
      let length = 3;
      while (body[length] === body[0]) length++;
      fence = body.slice(0, length);
      continue;
    }
    out.push(line);
  }
  return out;
}

/** An ATX heading's text (trailing spaces and closing `#`s left out), or undefined for another line. */
function headingText(line: string): string | undefined {
  let level = 0;
  while (line[level] === '#') level++;
  if (level === 0 || level > 6 || (line[level] !== ' ' && line[level] !== '\t')) return undefined;
  let start = level;
  while (line[start] === ' ' || line[start] === '\t') start++;
  let end = line.length;
  while (end > start && (line[end - 1] === ' ' || line[end - 1] === '\t' || line[end - 1] === '#')) end--;
  return end > start ? line.slice(start, end) : start < line.length ? line[start] : undefined;
}

export function hasAdrShape(source: string): boolean {
  // Fenced code (examples of ADRs in other documents) does not count.
  const lines = linesOutsideFences(source);
  const names = new Set<AdrSectionName>();
  let first: string | undefined;
  for (const line of lines) {
    const heading = headingText(line);
    if (heading === undefined) continue;
    first ??= line;
    for (const name of sectionNames(heading.replace(/[*_`]/g, ''))) names.add(name);
  }
  const text = lines.join('\n');
  const madr = names.has('context') && (names.has('decision') || names.has('options')) && /^#{1,6}[ \t]+(?:context and problem statement|decision outcome|considered options)/im.test(text);
  const statusWritten = names.has('status') || /^[ \t]*(?:[-*+][ \t]+)?(?:\*\*|__)?status(?:\*\*|__)?[ \t]*:/im.test(text) || /^---\r?\n(?:[^\n]*\n)*?status[ \t]*:/i.test(text);
  const nygard = names.has('context') && names.has('decision') && (statusWritten || names.has('consequences'));
  const titled = first !== undefined && ADR_TITLE.test(first) && names.has('decision');
  return madr || nygard || titled;
}

/** README.md, index.md and template files: not ADRs unless they have an ADR's shape. */
export function isAdrAuxiliaryName(fileName: string): boolean {
  return /^(?:readme|index|_index|toc|summary)\.(?:md|markdown)$/i.test(fileName) || isTemplateName(fileName);
}

// ---------------------------------------------------------------- parsing

const ID_REFERENCE = /\b(ADR)(?:[-_ ]?#?[ ]?)0*(\d{1,6})\b/gi;
const RELATION_PHRASES: [RegExp, AdrRelationKind][] = [
  [/\b(?:superseded|superceded|replaced|obsoleted)(?:[ \t]+(?:in[ \t]+part|partly|partially))?[ \t]+by\b/gi, 'supersededBy'],
  [/\b(?:supersedes|supercedes|supersede|replaces)\b/gi, 'supersedes'],
  [/\bamended[ \t]+by\b/gi, 'amendedBy'],
  [/\b(?:amends|amending)\b/gi, 'amends'],
];

export function parseAdr(uri: string, text: string): AdrDocument {
  const lines = new LineIndex(text);
  // The front matter's yaml Document is read here (title, status, date), not kept in the model.
  const { markdown, yaml } = parseMarkdownWithYaml(text);
  const fileName = decodeSafe(uri.slice(uri.lastIndexOf('/') + 1));
  const stem = fileName.replace(/\.(md|markdown)$/i, '');
  const folderName = decodeSafe(uri.split('/').slice(-2, -1)[0] ?? '');
  // Dated-folder collections keep each ADR as README.md/index.md in a folder named like an ADR file.
  const idStem = /^(readme|index)$/i.test(stem) ? folderName : stem;
  const named = numberFromName(idStem);
  // Every field is written here, the optional ones undefined, so that all ADRs share one shape with their fields
  // in the object (fields added later go to a separate, growing store: about 100 bytes more per ADR).
  const adr: AdrDocument = {
    kind: 'adr',
    uri,
    text,
    lines,
    problems: [],
    markdown,
    frontMatter: markdown.frontMatter,
    fileName,
    stem: idStem,
    template: false,
    templateStatuses: undefined,
    format: 'unknown',
    formatSure: false,
    number: undefined,
    prefix: named?.prefix,
    nameNumber: named?.number,
    titleNumber: undefined,
    titleNumberSpan: undefined,
    nameDate: dateFromName(idStem),
    title: undefined,
    titleSpan: undefined,
    heading: undefined,
    status: undefined,
    statusWord: undefined,
    statusKnown: undefined,
    statusSpan: undefined,
    statusNote: undefined,
    statusSource: undefined,
    statusEmptySpan: undefined,
    statusSection: undefined,
    date: undefined,
    dateSpan: undefined,
    sections: [],
    relations: [],
    supersedes: [],
    supersededBy: [],
    amends: [],
    amendedBy: [],
    references: [],
    // A bare `www.example.com` is a web address (GitHub's extended autolink), not a path.
    relativeLinks: markdown.links.filter((l) => !l.autolink && isRelativeLink(l.destination)),
  };
  readTitle(adr, yaml);
  adr.number = adr.nameNumber ?? adr.titleNumber;
  for (const section of allSections(markdown)) {
    if (section.heading === adr.heading) continue;
    for (const name of sectionNames(section.heading.text)) adr.sections.push({ name, section });
  }
  // A `### Status` deep in a design section is about the design, not the record: only a top-level Status section, or
  // one before the record's content, holds the status.
  const contentStart = firstContentSection(adr);
  const top = topSectionLevel(adr);
  adr.statusSection = adr.sections.find((s) => s.name === 'status' && (s.section.heading.level <= top || s.section.span[0] < contentStart))?.section;
  readReferences(adr);
  readStatusAndDate(adr, yaml);
  readRelations(adr);
  [adr.format, adr.formatSure] = detectFormat(adr);
  readTemplate(adr);
  // Lists filled by push() or filter() keep spare room: the model keeps copies at their exact size.
  compactLists(adr, ['sections', 'relations', 'supersedes', 'supersededBy', 'amends', 'amendedBy', 'references', 'relativeLinks']);
  return adr;
}

/**
 * Is this file a template? Named like one (unless it is a numbered record with a real title: `0012-template-engine.md`
 * deciding on one), or a placeholder title over sections that hold placeholders only. A template's status place
 * lists the collection's status words.
 */
function readTemplate(adr: AdrDocument): void {
  const { markdown } = adr;
  const placeholders = findPlaceholders(markdown);
  const placeholderTitle = adr.titleSpan !== undefined && isPlaceholderTitle(markdown, adr.titleSpan, placeholders);
  const named = isTemplateName(adr.fileName) && !(adr.nameNumber !== undefined && adr.nameNumber > 0 && !placeholderTitle && adr.titleSpan !== undefined);
  let placeholdersOnly = false;
  if (placeholderTitle && !named) {
    const sections = allSections(markdown).filter((s) => s.heading !== adr.heading);
    placeholdersOnly = sections.length > 0 && sections.every((s) => isPlaceholderBody(markdown, [s.bodySpan[0], s.children[0]?.span[0] ?? s.bodySpan[1]], placeholders));
  }
  adr.template = named || placeholdersOnly;
  if (adr.template && adr.statusSpan) adr.templateStatuses = templateStatusWords(adr.text.slice(adr.statusSpan[0], endOfLineAt(adr.text, adr.statusSpan[0])));
}

function endOfLineAt(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function readTitle(adr: AdrDocument, yaml: YamlDocument | undefined): void {
  const { markdown, text } = adr;
  const heading = markdown.headings.find((h) => h.level === 1) ?? (markdown.headings[0]?.level === 2 && !sectionName(markdown.headings[0].text) ? markdown.headings[0] : undefined);
  let span: Span | undefined;
  let plain: string;
  if (heading) {
    adr.heading = heading;
    span = heading.textSpan;
    plain = heading.text;
  } else {
    // Documentation sites (Docusaurus, Jekyll) put the title in the front matter.
    const value = markdown.frontMatter ? frontMatterValue(markdown.frontMatter, 'title', yaml) : undefined;
    if (!value) return;
    span = unquoted(text, value);
    plain = text.slice(span[0], span[1]);
  }
  adr.titleSpan = span;
  const raw = text.slice(span[0], span[1]);
  const match = TITLE_NUMBER.exec(raw);
  let title = plain;
  if (match && (match[3] ?? match[4]) !== undefined) {
    const prefix = match[1] ?? match[2];
    if (!prefix || /^adr$/i.test(prefix) || prefix === prefix.toUpperCase()) {
      const digits = match[3] ?? match[4];
      const at = span[0] + match.index + match[0].indexOf(digits, prefix ? prefix.length : 0);
      // Leading zeros belong to the written number.
      let start = at;
      while (start > span[0] && text[start - 1] === '0') start--;
      adr.titleNumber = Number(digits);
      adr.titleNumberSpan = [start, at + digits.length];
      if (prefix && !/^adr$/i.test(prefix)) adr.prefix ??= prefix.toUpperCase();
      title = plain.slice(match[0].length).trim() || plain;
    }
  } else {
    const labelled = /^(?:architecture decision record|decision record|adr)\s*[:—–-]\s*/i.exec(plain);
    if (labelled) title = plain.slice(labelled[0].length).trim() || plain;
  }
  adr.title = title;
}

/** A YAML scalar's span without its quotes. */
function unquoted(text: string, span: Span): Span {
  const first = text[span[0]];
  return (first === '"' || first === "'") && text[span[1] - 1] === first && span[1] - span[0] >= 2 ? [span[0] + 1, span[1] - 1] : span;
}

/** Statuses and dates: front matter, `## Status`, bullets and lines under the title, a table, a line anywhere. */
function readStatusAndDate(adr: AdrDocument, yaml: YamlDocument | undefined): void {
  const { markdown, text } = adr;
  const data = markdown.frontMatter?.data;
  if (data && 'status' in data) {
    const node = frontMatterValue(markdown.frontMatter!, 'status', yaml);
    if (node) {
      const [start, end] = node;
      const [offset, valueEnd] = unquoted(text, [start, end]);
      const value = text.slice(offset, valueEnd);
      setStatus(adr, value, offset, 'front-matter', node);
      relationsIn(adr, value, offset, true);
    } else setEmptyStatus(adr, markdown.frontMatter!.span, 'front-matter');
  }
  if (data && 'date' in data) {
    const node = frontMatterValue(markdown.frontMatter!, 'date', yaml);
    if (node) setDate(adr, text.slice(node[0], node[1]).replace(/^['"]|['"]$/g, ''), node);
  }
  if (adr.statusSection && adr.statusSpan === undefined && adr.statusEmptySpan === undefined) {
    const body = adr.statusSection;
    const blocks = blocksIn(adr, body.bodySpan, body.children[0]?.span[0]);
    const first = blocks.find((b) => /\p{L}/u.test(b.text));
    if (first) {
      // A `* Status: accepted` bullet (or line) inside the section: read after the label.
      const labelled = /^(?:\*\*|__)?status(?:\*\*|__)?\s*:\s*/i.exec(first.text);
      const from = labelled ? labelled[0].length : 0;
      setStatus(adr, first.text.slice(from), first.span[0] + from, 'section', body.heading.span);
    } else setEmptyStatus(adr, body.heading.span, 'section');
  }
  // Labelled lines and bullets (`Status: x`, `* Date: y`, `**Status:** x`), first those before the first section.
  // A status line counts near the top only (`Status: 200` in a design section is not the record's); a date anywhere.
  const firstSection = markdown.headings.find((h) => h !== adr.heading)?.span[0] ?? text.length;
  const statusEnd = statusZoneEnd(adr);
  const labelledLines = labelledLinesOf(adr);
  for (const preambleOnly of [true, false]) {
    for (const line of labelledLines) {
      if (preambleOnly !== line.span[0] < firstSection) continue;
      if (line.label === 'status' && adr.statusSpan === undefined && adr.statusEmptySpan === undefined && line.span[0] < statusEnd) {
        if (/\p{L}/u.test(line.value)) {
          setStatus(adr, line.value, line.valueSpan[0], line.bullet ? 'bullet' : 'line', line.span);
        } else setEmptyStatus(adr, line.span, line.bullet ? 'bullet' : 'line');
      } else if (line.label === 'date' && adr.date === undefined && /\d/.test(line.value)) {
        setDate(adr, line.value, line.valueSpan);
      }
    }
  }
  // A table with a Status (or Date) column, or Status/Date rows.
  for (const table of markdown.tables) {
    const header = table.header.cells.map((c) => sectionKey(c.text));
    const row = table.rows[0];
    const statusColumn = table.span[0] < statusEnd ? header.indexOf('status') : -1;
    if (row && statusColumn >= 0 && adr.statusSpan === undefined && adr.statusEmptySpan === undefined) {
      const cell = row.cells[statusColumn];
      if (cell && /\p{L}/u.test(cell.text)) setStatus(adr, text.slice(cell.span[0], cell.span[1]), cell.span[0], 'table', cell.span);
    }
    const dateColumn = header.findIndex((h) => /\bdate\b/.test(h));
    if (row && dateColumn >= 0 && adr.date === undefined && row.cells[dateColumn] && /\d/.test(row.cells[dateColumn].text)) setDate(adr, row.cells[dateColumn].text, row.cells[dateColumn].span);
    for (const r of [table.header, ...table.rows]) {
      const [key, value] = r.cells;
      if (!key || !value) continue;
      const name = sectionKey(key.text);
      if (name === 'status' && table.span[0] < statusEnd && adr.statusSpan === undefined && adr.statusEmptySpan === undefined && /\p{L}/u.test(value.text)) setStatus(adr, text.slice(value.span[0], value.span[1]), value.span[0], 'table', value.span);
      if (/\bdate\b/.test(name) && adr.date === undefined && /\d/.test(value.text)) setDate(adr, value.text, value.span);
    }
  }
  if (adr.date === undefined) {
    const dateSection = adr.sections.find((s) => s.name === 'date')?.section;
    const block = dateSection && blocksIn(adr, dateSection.bodySpan).find((b) => /\d/.test(b.text));
    if (block) setDate(adr, block.text, block.span);
  }
}

function setStatus(adr: AdrDocument, value: string, offset: number, source: AdrStatusSource, placeSpan: Span): void {
  const reading = readStatus(firstLine(value), offset);
  if (!reading) {
    setEmptyStatus(adr, placeSpan, source);
    return;
  }
  adr.status = reading.status;
  adr.statusWord = reading.word;
  adr.statusKnown = reading.known;
  adr.statusSpan = reading.span;
  adr.statusNote = reading.note;
  adr.statusSource = source;
}

function setEmptyStatus(adr: AdrDocument, span: Span, source: AdrStatusSource): void {
  adr.statusEmptySpan = span;
  adr.statusSource = source;
}

function setDate(adr: AdrDocument, value: string, span: Span): void {
  adr.date = value.trim();
  adr.dateSpan = span;
}

function firstLine(value: string): string {
  // Keep the first line, blanking the rest so offsets hold.
  const index = value.search(/\r?\n/);
  return index < 0 ? value : value.slice(0, index);
}

/** The span of a top-level front matter key's value, in the document's text (`yaml`: the front matter's document, when at hand). */
function frontMatterValue(frontMatter: FrontMatter, key: string, yaml: YamlDocument = frontMatter.document): Span | undefined {
  const node = yaml.get(key, true) as YamlNode | undefined;
  if (!node || !isScalar(node) || !node.range) return undefined;
  if (node.value === null || String(node.value).trim() === '') return undefined;
  const base = frontMatter.bodySpan[0];
  return [base + node.range[0], base + node.range[1]];
}

interface Block {
  span: Span;
  text: string;
}

/** The prose blocks (paragraph lines, list items, table cells) inside a span, comments and code left out, in order. */
function blocksIn(adr: AdrDocument, span: Span, end = span[1]): Block[] {
  const { markdown, text } = adr;
  const blocks: Block[] = [];
  for (const paragraph of markdown.paragraphs) {
    if (paragraph.span[0] < span[0] || paragraph.span[0] >= end) continue;
    for (const line of linesOf(text, paragraph.span)) blocks.push(line);
  }
  for (const table of markdown.tables) {
    if (table.span[0] < span[0] || table.span[0] >= end) continue;
    for (const row of table.rows) for (const cell of row.cells) blocks.push({ span: cell.span, text: text.slice(cell.span[0], cell.span[1]) });
  }
  const visible = blocks
    .map((b) => ({ span: b.span, text: blankComments(adr, b) }))
    .filter((b) => b.text.trim() !== '');
  return visible.sort((a, b) => a.span[0] - b.span[0]);
}

function blankComments(adr: AdrDocument, block: Block): string {
  let out = block.text;
  for (const comment of adr.markdown.comments) {
    if (comment.span[1] <= block.span[0] || comment.span[0] >= block.span[1]) continue;
    const from = Math.max(comment.span[0], block.span[0]) - block.span[0];
    const to = Math.min(comment.span[1], block.span[1]) - block.span[0];
    out = out.slice(0, from) + ' '.repeat(to - from) + out.slice(to);
  }
  return out;
}

/** The lines of a span, each trimmed, with its own span. */
function linesOf(text: string, span: Span): Block[] {
  const out: Block[] = [];
  let start = span[0];
  while (start < span[1]) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > span[1]) end = span[1];
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s])) s++;
    while (e > s && /\s/.test(text[e - 1])) e--;
    if (e > s) out.push({ span: [s, e], text: text.slice(s, e) });
    start = end + 1;
  }
  return out;
}

interface LabelledLine {
  label: 'status' | 'date';
  value: string;
  valueSpan: Span;
  span: Span;
  bullet: boolean;
}

const LABEL = /^(?:\*\*|__)?(status|date|decision date|last updated|updated|created|date created|accepted on|approved on)(?:\*\*|__)?[ \t]*:(?:\*\*|__)?[ \t]*(?:\*\*|__)?/i;

/** `Status: x` / `Date: y` lines of paragraphs and list items (outside code and comments). */
function labelledLinesOf(adr: AdrDocument): LabelledLine[] {
  const { markdown, text } = adr;
  const out: LabelledLine[] = [];
  const items = new Set(markdown.listItems.map((i) => i.contentSpan[0]));
  for (const paragraph of markdown.paragraphs) {
    for (const line of linesOf(text, paragraph.span)) {
      const visible = blankComments(adr, line);
      const match = LABEL.exec(visible);
      if (!match) continue;
      const label = match[1].toLowerCase() === 'status' ? 'status' : 'date';
      let value = visible.slice(match[0].length);
      value = value.replace(/(?:\*\*|__)\s*$/, '');
      const trimmedStart = value.length - value.trimStart().length;
      const start = line.span[0] + match[0].length + trimmedStart;
      value = value.trim();
      out.push({ label, value, valueSpan: [start, start + value.length], span: line.span, bullet: items.has(paragraph.span[0]) });
    }
  }
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** Where prose is: paragraphs, table cells, headings other than the title. */
function proseRegions(markdown: MarkdownDocument, title?: MarkdownHeading): Span[] {
  const regions: Span[] = [];
  for (const paragraph of markdown.paragraphs) regions.push(paragraph.span);
  for (const table of markdown.tables) for (const row of [table.header, ...table.rows]) for (const cell of row.cells) regions.push(cell.span);
  for (const heading of markdown.headings) if (heading !== title) regions.push(heading.textSpan);
  return regions;
}

function readReferences(adr: AdrDocument): void {
  adr.references = findAdrReferences(adr.markdown, adr.heading);
}

/**
 * References to ADRs in any Markdown document (ADRs, runbooks, postmortems):
 * ids (`ADR-7`, `ADR 0007`, `ADR #7`) in prose, and relative links to Markdown
 * files; not in code or comments. `title` (the document's own) is left out.
 */
export function findAdrReferences(markdown: MarkdownDocument, title?: MarkdownHeading): AdrReference[] {
  const { text } = markdown;
  const linkRefs: AdrReference[] = [];
  for (const link of markdown.links) {
    if (link.image || link.autolink || !isRelativeLink(link.destination)) continue;
    const path = link.destination.split('#')[0];
    if (!/\.(md|markdown)$/i.test(path) && /\.[a-z0-9]{1,5}$/i.test(path)) continue;
    if (path === '' || path.endsWith('/')) continue;
    linkRefs.push({ kind: 'link', target: link.destination, text: link.text, span: link.span, targetSpan: link.destinationSpan });
  }
  const idRefs: AdrReference[] = [];
  const comments = markdown.comments.map((c) => c.span);
  for (const region of proseRegions(markdown, title)) {
    const slice = text.slice(region[0], region[1]);
    for (const match of slice.matchAll(ID_REFERENCE)) {
      const start = region[0] + match.index!;
      const end = start + match[0].length;
      if (inAny(markdown.code, start) || inAny(comments, start)) continue;
      if (markdown.links.some((l) => !l.autolink && start >= l.span[0] && end <= l.span[1] && isRelativeLink(l.destination))) continue;
      idRefs.push({ kind: 'id', target: `ADR-${Number(match[2])}`, text: match[0], span: [start, end], targetSpan: [start, end], number: Number(match[2]), prefix: undefined });
    }
  }
  return [...linkRefs, ...idRefs].sort((a, b) => a.span[0] - b.span[0]);
}

/** Relations stated in the body (status section, Links section, sentences about this ADR), after those of the front matter. */
function readRelations(adr: AdrDocument): void {
  const { text } = adr;
  adr.references.sort((a, b) => a.span[0] - b.span[0]);
  for (const region of proseRegions(adr.markdown, adr.heading)) {
    for (const line of linesOf(text, region)) relationsIn(adr, blankComments(adr, line), line.span[0], false);
  }
  const seen = new Set<string>();
  adr.relations = adr.relations.filter((r) => {
    const key = `${r.relation}@${r.span[0]}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  adr.relations.sort((a, b) => a.span[0] - b.span[0]);
  adr.references.sort((a, b) => a.span[0] - b.span[0]);
  for (const relation of adr.relations) adr[relation.relation].push(relation);
}

/**
 * Relations stated in a line: `Superseded by [3. Title](0003-title.md)`,
 * `Supersedes ADR-4 and ADR-5`, `Amended by …`. In prose, a sentence that
 * names another ADR before the verb speaks about that ADR, not this one.
 */
function relationsIn(adr: AdrDocument, line: string, offset: number, frontMatter: boolean): void {
  const phrases: { kind: AdrRelationKind; span: Span }[] = [];
  for (const [pattern, kind] of RELATION_PHRASES) {
    for (const match of line.matchAll(pattern)) phrases.push({ kind, span: [offset + match.index!, offset + match.index! + match[0].length] });
  }
  phrases.sort((a, b) => a.span[0] - b.span[0]);
  const end = offset + line.length;
  const candidates = frontMatter ? idsIn(line, offset) : adr.references;
  const partial = /\b(?:in part|partly|partially|some aspects|some parts|parts of|portions? of)\b/i.test(line);
  if (frontMatter) adr.references.push(...candidates);
  // One forward pass for sentence starts, and binary searches in the references (sorted by start): a line of
  // thousands of relation words and links stays linear.
  let scanned = 0;
  let sentenceStart = offset;
  phrases.forEach((phrase, i) => {
    const at = phrase.span[0] - offset;
    for (; scanned < at - 1; scanned++) {
      if (!SENTENCE_END.has(line[scanned]) || !/\s/.test(line[scanned + 1])) continue;
      let start = scanned + 1;
      while (start < at && /\s/.test(line[start])) start++;
      sentenceStart = offset + start;
    }
    const until = phrases[i + 1]?.span[0] ?? end;
    for (let k = firstFrom(candidates, sentenceStart); k < candidates.length && candidates[k].span[0] < phrase.span[0]; k++) {
      if (candidates[k].span[1] <= phrase.span[0]) return;
    }
    const first = firstFrom(candidates, phrase.span[1]);
    if (first >= candidates.length || candidates[first].span[0] >= until || candidates[first].span[0] - phrase.span[1] > 80) return;
    // Its targets end with its sentence: `Supersedes [2. X](2.md). Builds on ADR-1.` supersedes ADR 2 only.
    let from = phrase.span[1];
    for (let k = first; k < candidates.length && candidates[k].span[0] < until; k++) {
      const target = candidates[k];
      if (sentenceEndsBetween(line, from - offset, target.span[0] - offset)) break;
      adr.relations.push({ ...target, relation: phrase.kind, phraseSpan: phrase.span, stated: frontMatter ? 'status' : statedWhere(adr, phrase.span[0]), partial });
      from = Math.max(from, target.span[1]);
    }
  });
}

/** Does a sentence end (`.`, `!`, `?` or `;` before white space) between two offsets of a line? */
function sentenceEndsBetween(line: string, from: number, to: number): boolean {
  for (let i = Math.max(from, 0); i < to - 1; i++) if (SENTENCE_END.has(line[i]) && /\s/.test(line[i + 1])) return true;
  return false;
}

/** The index of the first reference that starts at or after `offset`, in references sorted by start. */
function firstFrom(references: readonly AdrReference[], offset: number): number {
  let low = 0;
  let high = references.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (references[middle].span[0] < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function statedWhere(adr: AdrDocument, offset: number): AdrRelation['stated'] {
  const inside = (span: Span | undefined) => span !== undefined && offset >= span[0] && offset < span[1];
  if (inside(adr.statusSection?.span)) return 'status';
  if (adr.statusSpan && adr.statusSource !== 'section' && adr.lines.position(offset).line === adr.lines.position(adr.statusSpan[0]).line) return 'status';
  if (adr.sections.some((s) => s.name === 'links' && inside(s.section.span))) return 'links';
  return 'prose';
}

const SENTENCE_END = new Set(['.', '!', '?', ';']);

/** ADR ids in a plain string (front matter values, status bullets): `ADR-0123`. */
function idsIn(value: string, offset: number): AdrReference[] {
  return [...value.matchAll(ID_REFERENCE)].map((match) => {
    const start = offset + match.index!;
    return { kind: 'id' as const, target: `ADR-${Number(match[2])}`, text: match[0], span: [start, start + match[0].length] as Span, targetSpan: [start, start + match[0].length] as Span, number: Number(match[2]) };
  });
}

function inAny(spans: readonly Span[], offset: number): boolean {
  return spans.some((s) => offset >= s[0] && offset < s[1]);
}

/** The level of an ADR's top sections: that of its highest heading other than the title. */
function topSectionLevel(adr: AdrDocument): number {
  let top = 7;
  for (const heading of adr.markdown.headings) if (heading !== adr.heading && heading.level < top) top = heading.level;
  return top;
}

/** Sections that hold the record itself (not its metadata, notes or links). */
const CONTENT_SECTIONS = new Set<AdrSectionName>(['context', 'decision', 'consequences', 'drivers', 'options', 'pros-cons', 'confirmation']);

/** Where the record's content starts: its first Context, Decision, Options… section (the end when it has none). */
function firstContentSection(adr: AdrDocument): number {
  let start = adr.text.length;
  for (const { name, section } of adr.sections) if (CONTENT_SECTIONS.has(name) && section.span[0] < start) start = section.span[0];
  return start;
}

/** The top of a record, where formats put a status line or table: before its content and before its second top-level section. */
function statusZoneEnd(adr: AdrDocument): number {
  const top = topSectionLevel(adr);
  const second = adr.markdown.headings.filter((h) => h !== adr.heading && h.level === top)[1];
  return Math.min(firstContentSection(adr), second?.span[0] ?? adr.text.length);
}

/** Headings only MADR (and log4brains) write. */
const MADR_KEYS = new Set(['context and problem statement', 'decision drivers', 'considered options', 'decision outcome', 'pros and cons of the options', 'more information', 'confirmation']);
/** Nygard's own headings, as he wrote them. */
const NYGARD_KEYS = new Set(['status', 'context', 'decision', 'decisions', 'consequences']);

/**
 * The format, from several signals: the title (`# 7. Title`, `# ADR-007: Title`), each heading a format names, MADR
 * front matter keys and status bullets. Sure when the signals agree: a titled Nygard file with one of its sections,
 * or Context, Decision and Status or Consequences; two MADR signals. One signal alone is a guess.
 */
function detectFormat(adr: AdrDocument): [AdrFormat, boolean] {
  if (adr.nameDate && /^\d{8}-/.test(adr.stem)) return ['log4brains', true];
  const names = new Set(adr.sections.map((s) => s.name));
  const keys = new Set<string>();
  for (const { section } of adr.sections) for (const key of headingKeys(section.heading.text)) keys.add(key);
  const heading = adr.heading ? adr.text.slice(adr.heading.textSpan[0], adr.heading.textSpan[1]) : '';
  const framework = /^(?:ADR|[A-Z]{2,6})[-_ ]?\d+[ \t]*:/i.test(heading);
  const titled = framework || /^\d+\.[ \t]/.test(heading);
  let madr = [...keys].filter((k) => MADR_KEYS.has(k)).length;
  // MADR 3 and 4 keep their metadata in front matter, MADR 2 in bullets under the title; Nygard in neither.
  if (adr.frontMatter?.data !== undefined && ['status', 'date', 'decision-makers', 'deciders', 'consulted', 'informed'].some((k) => k in adr.frontMatter!.data!)) madr++;
  if (adr.statusSource === 'bullet') madr++;
  // Sections of the record's own making (`## Rollout`, `## Open questions`) beside a format's heading: free form.
  const top = topSectionLevel(adr);
  const freeForm = adr.markdown.headings.filter((h) => h !== adr.heading && h.level === top && sectionNames(h.text).length === 0).length;
  const nygard = [...keys].filter((k) => NYGARD_KEYS.has(k)).length + (titled ? 1 : 0);
  const family: AdrFormat = framework ? 'framework' : 'nygard';
  const nygardSure = (titled && ['status', 'context', 'decision', 'consequences'].some((n) => names.has(n as AdrSectionName))) || (names.has('context') && names.has('decision') && (names.has('status') || names.has('consequences')));
  const madrSure = madr >= 2 || (madr === 1 && freeForm === 0 && [...keys].some((k) => MADR_KEYS.has(k)));
  if (madrSure && (!nygardSure || madr >= nygard)) return ['madr', true];
  if (nygardSure) return [family, true];
  if (madr === 0 && nygard === 0) return ['unknown', false];
  return [madr >= nygard ? 'madr' : family, false];
}

function isRelativeLink(destination: string): boolean {
  return destination !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(destination) && !destination.startsWith('#') && !destination.startsWith('//');
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

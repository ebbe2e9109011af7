import { trimEndOf, trimOf } from '../text/strings';
import { LineIndex } from '../text/lineIndex';
import type { Span } from '../text/types';
import { allSections, parseMarkdown, trimSpan, type MarkdownDocument, type MarkdownHeading, type MarkdownListItem, type MarkdownSection, type MarkdownTable, type MarkdownTableRow } from './markdown';
import type { ParseProblem } from './problem';
import { ISSUE_PARTS, type IssuePart, type PostmortemSection, type RunbookSection } from '../model/operations';

/**
 * Runbooks (Part XXIV §3) and postmortems (Appendix D §3, Part XXVII §3), read
 * on the generic Markdown layer: every span comes from its tree (headings,
 * sections, list items, table cells, paragraphs), offsets into the original text.
 */

/**
 * The service a runbook title names: `API Gateway: Runbook` → `API Gateway` (the title without a trailing
 * `Runbook` and the separator before it), else the whole title. A scan from the end: the title is one line,
 * perhaps a long one.
 */
function serviceNameOf(title: string): string {
  const trimmed = trimEndOf(title, /\s/);
  if (!trimmed.toLowerCase().endsWith('runbook')) return title;
  let name = trimEndOf(trimmed.slice(0, -'runbook'.length), /\s/);
  if (/[:\-–—]$/.test(name)) name = name.slice(0, -1);
  return trimEndOf(name, /\s/);
}

// ------------------------------------------------------------------ shared

/** `## Action items:` → `action items`. */
function normalise(text: string): string {
  return trimEndOf(text.toLowerCase(), ':.').replace(/\s+/g, ' ').trim();
}

/** The sections named as the shape expects, found by their heading (level 2, or level 1 after the title). */
function namedSections<N extends string>(markdown: MarkdownDocument, title: MarkdownHeading | undefined, names: Record<N, readonly string[]>): Partial<Record<N, MarkdownSection>> {
  const found: Partial<Record<N, MarkdownSection>> = {};
  for (const section of allSections(markdown)) {
    const heading = section.heading;
    if (heading === title || heading.level > 2) continue;
    const text = normalise(heading.text);
    for (const name of Object.keys(names) as N[]) {
      if (found[name] === undefined && names[name].includes(text)) found[name] = section;
    }
  }
  return found;
}

/** The first level-1 heading, if it comes before any other heading. */
function documentTitle(markdown: MarkdownDocument): MarkdownHeading | undefined {
  const first = markdown.headings[0];
  return first?.level === 1 ? first : undefined;
}

function within(span: Span, outer: Span): boolean {
  return span[0] >= outer[0] && span[1] <= outer[1];
}

/** A piece of the text with its place. */
export interface Located {
  text: string;
  span: Span;
}

// ------------------------------------------------------------------ runbooks

export interface RunbookDependency {
  item: MarkdownListItem;
  /** The name it leads with: a link's text, code, or the words before `(`, `,`, `:` or a dash. */
  name: Located;
  /** Every word of the item that could be a manifest name (`orders-db`, `Stripe`), with its place. */
  words: Located[];
}

export interface RunbookIssue {
  /** The issue's name, without `Issue:`. */
  name: string;
  heading: MarkdownHeading;
  section: MarkdownSection;
  /** Where each part starts: a bold label (`**Symptoms:**`), a plain `Symptoms:` or a sub-heading. */
  parts: Partial<Record<IssuePart, Span>>;
}

export interface RunbookDocument {
  kind: 'runbook';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
  markdown: MarkdownDocument;
  /** `# <Name>: Runbook`. */
  title?: MarkdownHeading;
  /** The service's name from the title (`API Gateway`), with its place. */
  serviceName?: Located;
  sections: Partial<Record<RunbookSection, MarkdownSection>>;
  dependencies: RunbookDependency[];
  issues: RunbookIssue[];
}

const RUNBOOK_SECTION_NAMES: Record<RunbookSection, readonly string[]> = {
  Overview: ['overview', 'service overview'],
  Dependencies: ['dependencies', 'dependency'],
  'Common Issues': ['common issues', 'known issues', 'issues', 'common problems', 'troubleshooting'],
};

const ISSUE_PART_NAMES: Record<IssuePart, readonly string[]> = {
  Symptoms: ['symptoms', 'symptom', 'signs'],
  Diagnosis: ['diagnosis', 'diagnose', 'diagnostics', 'investigation', 'triage'],
  Resolution: ['resolution', 'resolve', 'remediation', 'mitigation', 'fix', 'solution'],
};

/** The part an issue's paragraph or sub-heading opens, judging by its leading label. */
function issuePart(text: string, heading: boolean): IssuePart | undefined {
  const match = /^([A-Za-z]+)\s*(:|$)/.exec(text.trim());
  if (!match || (!heading && match[2] !== ':' && text.trim() !== match[1])) return undefined;
  const word = match[1].toLowerCase();
  return ISSUE_PARTS.find((part) => ISSUE_PART_NAMES[part].includes(word));
}

export function parseRunbook(uri: string, text: string): RunbookDocument {
  const markdown = parseMarkdown(text);
  const title = documentTitle(markdown);
  const sections = namedSections(markdown, title, RUNBOOK_SECTION_NAMES);
  const document: RunbookDocument = { kind: 'runbook', uri, text, lines: new LineIndex(text), problems: [], markdown, title, sections, dependencies: [], issues: [] };

  if (title) {
    const raw = text.slice(title.textSpan[0], title.textSpan[1]);
    const name = trimOf(serviceNameOf(raw), '*_`').trim();
    if (name) {
      const start = title.textSpan[0] + raw.indexOf(name);
      document.serviceName = { text: name, span: [start, start + name.length] };
    }
  }

  const dependencies = sections.Dependencies;
  if (dependencies) {
    for (const item of markdown.listItems) {
      if (item.depth !== 0 || !within(item.span, dependencies.bodySpan)) continue;
      document.dependencies.push(readDependency(text, item));
    }
  }

  const issues = sections['Common Issues'];
  if (issues) {
    for (const section of issues.children) {
      const name = section.heading.text.replace(/^issue\s*:\s*/i, '').trim();
      const parts: RunbookIssue['parts'] = {};
      for (const sub of allSections({ sections: section.children })) {
        const part = issuePart(sub.heading.text, true);
        if (part && !parts[part]) parts[part] = sub.heading.span;
      }
      for (const paragraph of markdown.paragraphs) {
        if (!within(paragraph.span, section.bodySpan)) continue;
        const part = issuePart(paragraph.text, false);
        if (part && !parts[part]) parts[part] = paragraph.span;
      }
      document.issues.push({ name, heading: section.heading, section, parts });
    }
  }
  return document;
}

const CATEGORY_LABEL = /^(?:\*\*|__)?\s*(?:database|db|datastore|storage|cache|queue|topic|stream|channel|external|service|upstream|downstream|api|third[- ]party|internal)\s*(?::\s*(?:\*\*|__)?|(?:\*\*|__)\s*:)\s*/i;

const DELIMITERS = '(,:;—–';
const DASHES = '-–—';
const isSpace = (c: string) => /\s/.test(c);

/**
 * What a dependency line says before its first delimiter: `(`, `,`, `:`, `;`, a dash, or a hyphen between spaces
 * (`Postgres - the main store`), without the spaces before it. One pass: a lazy regex for this rescanned every run of
 * spaces from each of its characters.
 */
function wordsBeforeDelimiter(rest: string): string {
  for (let i = 0; i < rest.length; ) {
    if (DELIMITERS.includes(rest[i])) return rest.slice(0, i);
    if (!isSpace(rest[i])) {
      i++;
      continue;
    }
    let end = i;
    while (end < rest.length && isSpace(rest[end])) end++;
    if (end < rest.length && (DELIMITERS.includes(rest[end]) || (DASHES.includes(rest[end]) && end + 1 < rest.length && isSpace(rest[end + 1])))) return rest.slice(0, i);
    i = end;
  }
  return rest;
}

function readDependency(text: string, item: MarkdownListItem): RunbookDependency {
  const [start, end] = item.contentSpan;
  const raw = text.slice(start, end);
  const words: Located[] = [];
  for (const match of raw.matchAll(/[A-Za-z0-9][A-Za-z0-9_.-]*[A-Za-z0-9]|[A-Za-z0-9]/g)) {
    words.push({ text: match[0], span: [start + match.index, start + match.index + match[0].length] });
  }
  // The lead: after a category label (`Database:`), a link's text, code, or the words before a delimiter.
  const label = CATEGORY_LABEL.exec(raw);
  let offset = label ? label[0].length : 0;
  const rest = raw.slice(offset);
  let lead: string;
  const marked = /^\[([^\]]+)\]/.exec(rest) ?? /^`([^`]+)`/.exec(rest) ?? /^(?:\*\*|__)([^*_]+)(?:\*\*|__)/.exec(rest);
  if (marked) {
    lead = marked[1];
    offset += marked[0].indexOf(lead);
  } else {
    lead = wordsBeforeDelimiter(rest);
  }
  const leadText = lead.trim();
  const name: Located = leadText ? { text: leadText, span: trimSpan(text, [start + offset, start + offset + lead.length]) } : { text: item.text, span: item.contentSpan };
  return { item, name, words };
}

// ------------------------------------------------------------------ postmortems

export interface Timestamp extends Located {
  /** Minutes since 1970-01-01 (UTC when a zone is written) when the entry or its context has a date; else minutes of the day. */
  minutes: number;
  dated: boolean;
}

export interface TimelineEntry {
  /** The entry: a list item's content, a table row, or a line of a paragraph. */
  span: Span;
  timestamp: Timestamp;
}

export interface ActionItem {
  /** What is reported on: the item's first block, or the row's action cell. */
  span: Span;
  text: string;
  source: 'list' | 'table';
  owner?: Located;
  due?: Located;
  /** For table rows: the row, and the cells that hold (or would hold) owner and due. */
  row?: MarkdownTableRow;
  table?: MarkdownTable;
  ownerCell?: number;
  dueCell?: number;
  /** For list items. */
  item?: MarkdownListItem;
}

export interface PostmortemDocument {
  kind: 'postmortem';
  uri: string;
  text: string;
  lines: LineIndex;
  problems: ParseProblem[];
  markdown: MarkdownDocument;
  title?: MarkdownHeading;
  sections: Partial<Record<PostmortemSection, MarkdownSection>>;
  timeline: TimelineEntry[];
  actionItems: ActionItem[];
}

const POSTMORTEM_SECTION_NAMES: Record<PostmortemSection, readonly string[]> = {
  Summary: ['summary', 'executive summary', 'overview', 'incident summary'],
  Impact: ['impact', 'customer impact', 'user impact', 'business impact'],
  Timeline: ['timeline', 'incident timeline', 'timeline of events', 'chronology'],
  'Root Cause': ['root cause', 'root causes', 'root cause analysis', 'causes', 'contributing factors'],
  'What Went Well': ['what went well', 'what worked', 'things that went well', 'went well'],
  'What Went Poorly': ['what went poorly', 'what went wrong', 'what didn\'t go well', 'what did not go well', 'things that went poorly', 'went poorly', 'where we got lucky'],
  'Action Items': ['action items', 'actions', 'follow-up actions', 'follow-ups', 'follow ups', 'corrective actions', 'next steps'],
};

export function parsePostmortem(uri: string, text: string): PostmortemDocument {
  const markdown = parseMarkdown(text);
  const title = documentTitle(markdown);
  const sections = namedSections(markdown, title, POSTMORTEM_SECTION_NAMES);
  const document: PostmortemDocument = { kind: 'postmortem', uri, text, lines: new LineIndex(text), problems: [], markdown, title, sections, timeline: [], actionItems: [] };
  if (sections.Timeline) document.timeline = readTimeline(text, markdown, sections.Timeline);
  if (sections['Action Items']) document.actionItems = readActionItems(text, markdown, sections['Action Items']);
  return document;
}


// ------------------------------------------------------------------ timestamps

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const DATE = String.raw`(\d{4})-(\d{2})-(\d{2})`;
const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?:\s*([ap]\.?m\.?))?`;
const ZONE = String.raw`(?:\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2}))?`;
/** What may come before a timestamp: list/emphasis marks, brackets. */
const LEAD = String.raw`^[\s*_\[(\`]*`;
const DATE_TIME = new RegExp(`${LEAD}(${DATE}(?:[T ]|,?\\s+)${TIME}${ZONE})(?![\\d:])`, 'i');
const TIME_ONLY = new RegExp(`${LEAD}(${TIME}${ZONE})(?![\\d:])`, 'i');
const DATE_ONLY = new RegExp(`${LEAD}(${DATE})(?![\\d:T])`);
const WORDY_DATE = /^[\s*_[(`]*((\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{4})|(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))/i;

function dayNumber(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

function minutesOfDay(hour: string, minute: string, second: string | undefined, meridiem: string | undefined): number | undefined {
  let h = Number(hour);
  const m = Number(minute);
  if (m > 59 || h > 24) return undefined;
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith('p');
    h = (h % 12) + (pm ? 12 : 0);
  }
  return h * 60 + m + Number(second ?? 0) / 60;
}

function zoneOffset(zone: string | undefined): number {
  if (!zone || /^(z|utc|gmt)$/i.test(zone)) return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}

type Leading = { kind: 'datetime' | 'time'; text: string; start: number; day?: number; minutes: number } | { kind: 'date'; text: string; start: number; day: number };

/** The timestamp (or date) a piece of text starts with. */
function leadingTimestamp(raw: string): Leading | undefined {
  let match = DATE_TIME.exec(raw);
  if (match) {
    const [, whole, y, mo, d, h, mi, s, mer, zone] = match;
    const minutes = minutesOfDay(h, mi, s, mer);
    if (minutes === undefined) return undefined;
    const day = dayNumber(Number(y), Number(mo), Number(d));
    return { kind: 'datetime', text: whole, start: match[0].length - whole.length, day, minutes: day * 1440 + minutes - zoneOffset(zone) };
  }
  match = TIME_ONLY.exec(raw);
  if (match) {
    const [, whole, h, mi, s, mer, zone] = match;
    const minutes = minutesOfDay(h, mi, s, mer);
    if (minutes === undefined) return undefined;
    return { kind: 'time', text: whole, start: match[0].length - whole.length, minutes: minutes - zoneOffset(zone) };
  }
  match = DATE_ONLY.exec(raw);
  if (match) return { kind: 'date', text: match[1], start: match[0].length - match[1].length, day: dayNumber(Number(match[2]), Number(match[3]), Number(match[4])) };
  match = WORDY_DATE.exec(raw);
  if (match) {
    const [, whole, d1, m1, y1, m2, d2, y2] = match;
    const month = MONTHS.indexOf((m1 ?? m2).slice(0, 3).toLowerCase()) + 1;
    return { kind: 'date', text: whole, start: match[0].length - whole.length, day: dayNumber(Number(y1 ?? y2), month, Number(d1 ?? d2)) };
  }
  return undefined;
}

/** Cells of a row that hold times: the column headed Time/When/Timestamp, else the first. */
function timeColumn(table: MarkdownTable): number {
  const index = table.header.cells.findIndex((cell) => /^(time|timestamp|when|date|date\/time|time \(utc\)|utc)/i.test(cell.text.trim()));
  return index >= 0 ? index : 0;
}

function readTimeline(text: string, markdown: MarkdownDocument, section: MarkdownSection): TimelineEntry[] {
  // Candidates in document order: list items, table rows, paragraph lines, headings (which may set the date).
  const candidates: { span: Span; raw: Span; heading?: boolean }[] = [];
  const listSpans: Span[] = [];
  for (const item of markdown.listItems) {
    if (!within(item.span, section.bodySpan)) continue;
    listSpans.push(item.span);
    candidates.push({ span: item.contentSpan, raw: item.contentSpan });
  }
  for (const table of markdown.tables) {
    if (!within(table.span, section.bodySpan)) continue;
    const column = timeColumn(table);
    for (const row of table.rows) {
      const cell = row.cells[column];
      if (cell) candidates.push({ span: row.span, raw: cell.span });
    }
  }
  for (const paragraph of markdown.paragraphs) {
    if (!within(paragraph.span, section.bodySpan) || listSpans.some((s) => within(paragraph.span, s))) continue;
    let lineStart = paragraph.span[0];
    for (const line of text.slice(paragraph.span[0], paragraph.span[1]).split('\n')) {
      const span = trimSpan(text, [lineStart, lineStart + line.length]);
      candidates.push({ span, raw: span });
      lineStart += line.length + 1;
    }
  }
  for (const heading of markdown.headings) {
    if (within(heading.span, section.bodySpan)) candidates.push({ span: heading.textSpan, raw: heading.textSpan, heading: true });
  }
  candidates.sort((a, b) => a.span[0] - b.span[0]);

  const entries: TimelineEntry[] = [];
  let day: number | undefined;
  let dayOffset = 0;
  let previous: number | undefined;
  for (const candidate of candidates) {
    const raw = text.slice(candidate.raw[0], candidate.raw[1]);
    const found = leadingTimestamp(raw);
    if (!found) continue;
    if (found.kind === 'date') {
      day = found.day;
      dayOffset = 0;
      previous = undefined;
      continue;
    }
    if (candidate.heading) continue;
    const start = candidate.raw[0] + found.start;
    let minutes: number;
    if (found.kind === 'datetime') {
      day = found.day;
      dayOffset = 0;
      minutes = found.minutes;
    } else {
      // A time alone belongs to the day in force; past midnight (a drop of over twelve hours), to the next one.
      const base = ((day ?? 0) + dayOffset) * 1440;
      if (previous !== undefined && base + found.minutes < previous - 720) dayOffset++;
      minutes = ((day ?? 0) + dayOffset) * 1440 + found.minutes;
    }
    previous = minutes;
    entries.push({ span: candidate.span, timestamp: { text: found.text, span: [start, start + found.text.length], minutes, dated: day !== undefined } });
  }
  return entries;
}

// ------------------------------------------------------------------ action items

const EMPTY_VALUE = /^(?:|-+|—|–|\?+|tbd|tba|n\/a|na|none|nobody|unassigned|unknown|todo)$/i;
const OWNER_HEADER = /^(owner|owners|assignee|assigned to|responsible|who|dri|team)$/i;
const DUE_HEADER = /^(due|due date|deadline|by when|target date|target|eta|when|date)$/i;
const OWNER_TEXT = /\b(?:owner|owners|assignee|assigned to|responsible|dri)\s*[:=]\s*(?:\*\*|__)?\s*([^,;)\]\n*_]+)|(?:^|[\s(])(@[A-Za-z0-9][\w.-]*)/i;
/** `due: <anything>` (a label and a colon), `by <something with a digit>` (by 2025-07-01, by Q3), or an ISO date anywhere. */
const DUE_TEXT = /\b(?:due(?: date)?|deadline|target date|eta)\s*[:=]\s*(?:\*\*|__)?\s*([^,;)\]\n*_]+)|\b(?:due|by)\s+([A-Za-z]*\.? ?\d[^,;)\]\n*_]*)|(\d{4}-\d{2}-\d{2})/i;

function meaningful(value: string): boolean {
  return !EMPTY_VALUE.test(value.replace(/[*_`]/g, '').trim());
}

/** `owner: x` / `@x` and `due: d` / a date, anywhere in an item's raw text. */
function inlineOwnerAndDue(text: string, span: Span): { owner?: Located; due?: Located } {
  const raw = text.slice(span[0], span[1]);
  const found = (pattern: RegExp): Located | undefined => {
    const match = pattern.exec(raw);
    const value = match?.[1] ?? match?.[2] ?? match?.[3];
    if (!match || value === undefined || !meaningful(value)) return undefined;
    const trimmed = value.trim();
    const at = span[0] + match.index + match[0].lastIndexOf(trimmed);
    return { text: trimmed, span: [at, at + trimmed.length] };
  };
  return { owner: found(OWNER_TEXT), due: found(DUE_TEXT) };
}

function readActionItems(text: string, markdown: MarkdownDocument, section: MarkdownSection): ActionItem[] {
  const items: ActionItem[] = [];
  for (const item of markdown.listItems) {
    if (item.depth !== 0 || !within(item.span, section.bodySpan) || item.contentSpan[0] === item.contentSpan[1]) continue;
    items.push({ span: item.contentSpan, text: item.text, source: 'list', item, ...inlineOwnerAndDue(text, item.span) });
  }
  for (const table of markdown.tables) {
    if (!within(table.span, section.bodySpan)) continue;
    const headers = table.header.cells.map((c) => c.text.replace(/[*_`:]/g, '').trim());
    const ownerCell = headers.findIndex((h) => OWNER_HEADER.test(h));
    const dueCell = headers.findIndex((h) => DUE_HEADER.test(h));
    const actionCell = Math.max(0, headers.findIndex((_, i) => i !== ownerCell && i !== dueCell));
    for (const row of table.rows) {
      if (row.cells.every((c) => c.text.trim() === '')) continue;
      const action = row.cells[actionCell] ?? row.cells[0];
      const cell = (index: number): Located | undefined => {
        const found = index >= 0 ? row.cells[index] : undefined;
        return found && meaningful(found.text) ? { text: found.text.trim(), span: found.span } : undefined;
      };
      const inline = inlineOwnerAndDue(text, row.span);
      items.push({
        span: action && action.span[0] !== action.span[1] ? action.span : row.span,
        text: action?.text ?? '',
        source: 'table',
        owner: ownerCell >= 0 ? cell(ownerCell) : inline.owner,
        due: dueCell >= 0 ? cell(dueCell) : inline.due,
        row,
        table,
        ownerCell: ownerCell >= 0 ? ownerCell : undefined,
        dueCell: dueCell >= 0 ? dueCell : undefined,
      });
    }
  }
  return items.sort((a, b) => a.span[0] - b.span[0]);
}

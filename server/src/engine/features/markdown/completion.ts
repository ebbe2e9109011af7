import { lineBefore } from '../lineContext';
import { KNOWLEDGE } from '../../knowledge';
import { FORMAT_SECTIONS, sectionName, STATUS_MEANINGS, STATUS_WORDS, type AdrDocument } from '../../parse/adr';
import { sectionAt } from '../../parse/markdown';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import { firstInOrder, MAX_COMPLETIONS, partial, type CompletionItems } from '../narrow';
import type { Completion } from '../types';
import { adrHeadline, decisionExcerpt, markdownOf, type MarkdownFile } from './context';
import { relativeLink } from '../../text/uri';

/** MADR front matter keys (MADR 2 to 4 and log4brains). */
const FRONT_MATTER_KEYS: { key: string; documentation: string }[] = [
  { key: 'status', documentation: 'The decision\'s status: proposed, accepted, rejected, deprecated, superseded by ADR-NNNN, draft.' },
  { key: 'date', documentation: 'When the decision was last updated, `YYYY-MM-DD`.' },
  { key: 'decision-makers', documentation: 'Everyone involved in the decision (MADR 4; `deciders` in MADR 3).' },
  { key: 'deciders', documentation: 'Everyone involved in the decision (MADR 3).' },
  { key: 'consulted', documentation: 'Whose opinions were sought (subject-matter experts), with two-way communication.' },
  { key: 'informed', documentation: 'Who is kept up to date, with one-way communication.' },
  { key: 'tags', documentation: 'Free keywords (log4brains).' },
];

/**
 * Completions in Markdown documents: ADR references (after `ADR-` or inside a
 * link's target), section headings of the ADR's format, status words, MADR
 * front matter keys and values, manifest names and framework terms.
 */
export function markdownCompletions(workspace: WorkspaceSnapshot, document: MarkdownFile, offset: number): Completion[] {
  const { text } = document;
  const before = lineBefore(text, offset).text;
  const markdown = markdownOf(document);
  const adr = document.kind === 'adr' ? document : undefined;

  // Front matter (also while it is being written: `---` on the first line, not closed yet).
  const frontMatter = markdown.frontMatter?.span ?? (/^---[ \t]*\r?\n/.test(text) && !/\n---[ \t]*\r?\n/.test(text.slice(0, offset)) ? ([0, text.length] as Span) : undefined);
  if (frontMatter && offset > frontMatter[0] + 3 && offset <= frontMatter[1] - 3) {
    const value = /^status:\s*(\S*)$/i.exec(before);
    if (value) return statusCompletions([offset - value[1].length, offset], 'lower');
    const key = /^([\w-]*)$/.exec(before);
    if (key) {
      const present = new Set(Object.keys(markdown.frontMatter?.data ?? {}));
      return FRONT_MATTER_KEYS.filter((k) => !present.has(k.key)).map((k) => ({ label: k.key, kind: 'key', documentation: k.documentation, insertText: `${k.key}: `, replace: [offset - key[1].length, offset] }));
    }
    return [];
  }

  // Inside a link's target: `[text](0007-…`.
  const link = /\]\(<?([^)\s>]*)$/.exec(before);
  if (link) return adrLinkCompletions(workspace, document, [offset - link[1].length, offset]);

  // After `ADR-`, `ADR ` or `ADR #`.
  const id = /\bADR([- ]?#?)(\d*)$/i.exec(before);
  if (id && (id[1] !== '' || id[2] !== '')) return adrIdCompletions(workspace, document, [offset - id[0].length, offset], id[0].slice(0, 3));

  // A heading being typed: the format's sections not yet there.
  const heading = /^(#{2,6})[ \t]*([^#]*)$/.exec(before);
  if (heading && adr) {
    const format = adr.format === 'unknown' ? (workspace.config.adr?.format ?? 'nygard') : adr.format;
    const present = new Set(adr.sections.map((s) => s.section.heading.text.toLowerCase()));
    const names = FORMAT_SECTIONS[format].filter((name) => !present.has(name.toLowerCase()));
    return names.map((name, index) => ({
      label: name,
      kind: 'keyword',
      detail: `${format} section`,
      insertText: name,
      replace: [offset - heading[2].length, offset],
      sortText: String(index).padStart(2, '0'),
    }));
  }

  // A status: in the Status section, or after a `Status:` label.
  const label = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?status(?:\*\*|__)?\s*:(?:\*\*|__)?\s*([\p{L}]*)$/iu.exec(before);
  if (label) return statusCompletions([offset - label[1].length, offset], 'capital');
  const section = sectionAt(markdown, offset);
  if (adr && section && sectionName(section.heading.text) === 'status' && offset > section.heading.span[1]) {
    const word = /([\p{L}]*)$/u.exec(before)![1];
    if (/^\s*[\p{L}]*$/u.test(before)) return statusCompletions([offset - word.length, offset], 'capital');
    return [];
  }

  // A word in prose: manifest names and framework terms (only once something is typed).
  const word = /([\p{L}\p{N}][\p{L}\p{N}_-]*)$/u.exec(before)?.[1];
  if (!word) return [];
  return [...manifestNameCompletions(workspace, word, [offset - word.length, offset]), ...termCompletions(word, [offset - word.length, offset])];
}

function statusCompletions(replace: Span, style: 'lower' | 'capital'): Completion[] {
  return STATUS_WORDS.map((word, index) => ({
    label: style === 'lower' ? word : word[0].toUpperCase() + word.slice(1),
    kind: 'enum',
    documentation: STATUS_MEANINGS[word],
    replace,
    sortText: String(index),
  }));
}

/** Per ADR (a parse result, kept while its text is unchanged): what its completion items show. */
const described = new WeakMap<AdrDocument, { detail: string; documentation?: string | null }>();

function description(adr: AdrDocument, withDocumentation: boolean): { detail: string; documentation?: string } {
  let entry = described.get(adr);
  if (!entry) described.set(adr, (entry = { detail: [adr.status ?? 'no status', adr.date ?? adr.nameDate].filter(Boolean).join(' · ') }));
  if (withDocumentation && entry.documentation === undefined) entry.documentation = decisionExcerpt(adr, 3) ?? null;
  return { detail: entry.detail, documentation: withDocumentation ? (entry.documentation ?? undefined) : undefined };
}

/** What an ADR's item sorts by: its number, then its file name. */
function sortKey(adr: AdrDocument): string {
  return `${String(adr.number ?? 999999).padStart(6, '0')}${adr.stem}`;
}

function idLabel(adr: AdrDocument, written: string): string {
  return `${written}-${String(adr.number).padStart(4, '0')}`;
}

function adrLinkCompletions(workspace: WorkspaceSnapshot, document: MarkdownFile, replace: Span): CompletionItems {
  const home = workspace.adrs.collectionOf(document.uri);
  const folder = document.uri.slice(0, document.uri.lastIndexOf('/'));
  return firstAdrs(workspace, document, replace, `link|${folder}|${home}`, home, {
    offered: () => true,
    filterText: (adr) => `${relativeLink(document.uri, adr.uri)} ${adr.title ?? ''}`,
    item: (adr, own, sortText) => {
      const path = relativeLink(document.uri, adr.uri);
      const { detail, documentation } = description(adr, own);
      return { label: path, kind: 'file', detail: `${adrHeadline(adr)} · ${detail}`, documentation, insertText: path, filterText: `${path} ${adr.title ?? ''}`, replace, sortText };
    },
  });
}

function adrIdCompletions(workspace: WorkspaceSnapshot, document: MarkdownFile, replace: Span, written: string): CompletionItems {
  const home = workspace.adrs.collectionOf(document.uri);
  return firstAdrs(workspace, document, replace, `id|${written}|${home}`, home, {
    offered: (adr) => adr.number !== undefined && adr.prefix === undefined,
    filterText: (adr) => `${idLabel(adr, written)} ${adr.title ?? ''}`,
    item: (adr, own, sortText) => {
      const label = idLabel(adr, written);
      const { detail, documentation } = description(adr, own);
      return { label, kind: 'reference', detail: `${adr.title ?? adr.stem} · ${detail}`, documentation, insertText: label, filterText: `${label} ${adr.title ?? ''}`, replace, sortText };
    },
  });
}

/** Is an ADR in the folder (collection) of the document asking? Its items sort first there. */
function isHome(adr: AdrDocument, home: string): boolean {
  return adr.uri.length > home.length && adr.uri.startsWith(home) && adr.uri.lastIndexOf('/') === home.length;
}

/**
 * Per kind of list and asking folder: for each ADR of the index's list, what it filters and sorts by (no filter
 * when it is not offered). Typing makes a new index on every keystroke, but only the edited ADR is a new object:
 * the table is brought up to date by comparing objects, and only items that are sent are built.
 */
interface AdrTable {
  documents: AdrDocument[];
  filters: (string | undefined)[];
  sorts: string[];
}
const adrTables = new Map<string, AdrTable>();
/** Tables kept at once (a few folders and ways of writing ADR). */
const ADR_TABLES = 4;

/**
 * The ADRs to offer (not the document itself), those of its own folder first: only the first MAX_COMPLETIONS
 * that match what was typed become items (the editor sorts by sortText), and the list says it was cut down.
 */
function firstAdrs(
  workspace: WorkspaceSnapshot,
  document: MarkdownFile,
  replace: Span,
  tableKey: string,
  home: string,
  list: { offered(adr: AdrDocument): boolean; filterText(adr: AdrDocument): string; item(adr: AdrDocument, own: boolean, sortText: string): Completion },
): CompletionItems {
  const all = workspace.adrs.all();
  let table = adrTables.get(tableKey);
  if (!table || table.documents.length !== all.length) {
    if (!table && adrTables.size >= ADR_TABLES) adrTables.delete(adrTables.keys().next().value!);
    table = { documents: new Array(all.length), filters: new Array(all.length), sorts: new Array(all.length) };
    adrTables.set(tableKey, table);
  }
  const { documents, filters, sorts } = table;
  let candidates = 0;
  for (let i = 0; i < all.length; i++) {
    const adr = all[i];
    if (documents[i] !== adr) {
      documents[i] = adr;
      const offered = list.offered(adr);
      filters[i] = offered ? list.filterText(adr).toLowerCase() : undefined;
      sorts[i] = offered ? `${isHome(adr, home) ? 0 : 1}${sortKey(adr)}` : '';
    }
    if (filters[i] !== undefined && adr !== document) candidates++;
  }
  // A short list goes whole (the editor filters it, fuzzily); a long one is cut to what matches what was typed.
  const typed = candidates > MAX_COMPLETIONS ? document.text.slice(replace[0], replace[1]).toLowerCase() : '';
  const { first } = firstInOrder(documents.keys(), (i) => {
    const filter = filters[i];
    if (filter === undefined || documents[i] === document) return undefined;
    return typed === '' || filter.includes(typed) ? sorts[i] : undefined;
  });
  const items = first.map((i) => list.item(documents[i], sorts[i].startsWith('0'), sorts[i]));
  return candidates > MAX_COMPLETIONS ? partial(items) : items;
}

function manifestNameCompletions(workspace: WorkspaceSnapshot, prefix: string, replace: Span): Completion[] {
  const out: Completion[] = [];
  const lower = prefix.toLowerCase();
  for (const section of ['components', 'datastores', 'channels'] as const) {
    for (const element of workspace.manifests[section].values()) {
      if (!element.name.toLowerCase().startsWith(lower)) continue;
      const value = (element.value ?? {}) as { description?: string; kind?: string; engine?: string };
      out.push({ label: element.name, kind: 'reference', detail: `${section.replace(/s$/, '')}${value.kind ? ` (${value.kind})` : value.engine ? ` (${value.engine})` : ''}`, documentation: value.description, replace });
    }
  }
  return out;
}

function termCompletions(prefix: string, replace: Span): Completion[] {
  const lower = prefix.toLowerCase();
  const out: Completion[] = [];
  for (const entry of KNOWLEDGE) {
    const alias = [entry.title, ...entry.aliases].find((a) => a.toLowerCase().startsWith(lower));
    if (!alias) continue;
    out.push({ label: alias, kind: 'text', detail: entry.reference, documentation: entry.summary, replace, sortText: `~${alias}` });
  }
  return out;
}

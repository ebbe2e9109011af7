import { relativeLink } from '../../commands/adr';
import { KNOWLEDGE } from '../../knowledge';
import { FORMAT_SECTIONS, sectionName, STATUS_MEANINGS, STATUS_WORDS, type AdrDocument } from '../../parse/adr';
import { sectionAt } from '../../parse/markdown';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { Completion } from '../types';
import { adrHeadline, decisionExcerpt, markdownOf, type MarkdownFile } from './context';

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
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
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

/** Only the first items carry the decision's first lines (computing them for thousands of ADRs would slow every completion). */
const DOCUMENTED = 200;

/** Per ADR and per way of writing `ADR` (ADR, adr, Adr): the parts of its id completion, built once. */
interface IdParts {
  label: string;
  detail: string;
  filterText: string;
  sortHome: string;
  sortOther: string;
}

const idParts = new WeakMap<AdrDocument, Map<string, IdParts>>();

function partsOf(adr: AdrDocument, written: string): IdParts {
  let byWritten = idParts.get(adr);
  if (!byWritten) idParts.set(adr, (byWritten = new Map()));
  let parts = byWritten.get(written);
  if (!parts) {
    const label = `${written}-${String(adr.number).padStart(4, '0')}`;
    const key = `${String(adr.number ?? 999999).padStart(6, '0')}${adr.stem}`;
    parts = { label, detail: `${adr.title ?? adr.stem} · ${description(adr, false).detail}`, filterText: `${label} ${adr.title ?? ''}`, sortHome: `0${key}`, sortOther: `1${key}` };
    byWritten.set(written, parts);
  }
  return parts;
}

/**
 * The ADRs to offer, those of the document's own folder first (the editor
 * sorts by `sortText`; nothing is sorted here). Everything but the item itself
 * is cached per ADR, so ten thousand ADRs answer in a few milliseconds.
 */
function isHome(adr: AdrDocument, home: string): boolean {
  return adr.uri.length > home.length && adr.uri.startsWith(home) && adr.uri.lastIndexOf('/') === home.length;
}

/** Per ADR and per folder linking to it: the parts of its link completion, built once. */
interface LinkParts {
  path: string;
  detail: string;
  filterText: string;
  sortHome: string;
  sortOther: string;
}

const linkParts = new WeakMap<AdrDocument, Map<string, LinkParts>>();

function linkPartsOf(fromUri: string, folder: string, adr: AdrDocument): LinkParts {
  let byFolder = linkParts.get(adr);
  if (!byFolder) linkParts.set(adr, (byFolder = new Map()));
  let parts = byFolder.get(folder);
  if (!parts) {
    const path = relativeLink(fromUri, adr.uri);
    const sort = partsOf(adr, 'ADR');
    parts = { path, detail: `${adrHeadline(adr)} · ${description(adr, false).detail}`, filterText: `${path} ${adr.title ?? ''}`, sortHome: sort.sortHome, sortOther: sort.sortOther };
    byFolder.set(folder, parts);
  }
  return parts;
}

function adrLinkCompletions(workspace: WorkspaceSnapshot, document: MarkdownFile, replace: Span): Completion[] {
  const home = workspace.adrs.collectionOf(document.uri);
  const folder = document.uri.slice(0, document.uri.lastIndexOf('/'));
  const out: Completion[] = [];
  let documented = 0;
  for (const adr of workspace.adrs.all()) {
    if (adr.uri === document.uri) continue;
    const own = isHome(adr, home);
    const parts = linkPartsOf(document.uri, folder, adr);
    const documentation = own && documented++ < DOCUMENTED ? description(adr, true).documentation : undefined;
    out.push({ label: parts.path, kind: 'file', detail: parts.detail, documentation, insertText: parts.path, filterText: parts.filterText, replace, sortText: own ? parts.sortHome : parts.sortOther });
  }
  return out;
}

function adrIdCompletions(workspace: WorkspaceSnapshot, document: MarkdownFile, replace: Span, written: string): Completion[] {
  const home = workspace.adrs.collectionOf(document.uri);
  const out: Completion[] = [];
  let documented = 0;
  for (const adr of workspace.adrs.all()) {
    if (adr.number === undefined || adr.prefix !== undefined || adr.uri === document.uri) continue;
    const own = isHome(adr, home);
    const parts = partsOf(adr, written);
    const documentation = own && documented++ < DOCUMENTED ? description(adr, true).documentation : undefined;
    out.push({ label: parts.label, kind: 'reference', detail: parts.detail, documentation, insertText: parts.label, filterText: parts.filterText, replace, sortText: own ? parts.sortHome : parts.sortOther });
  }
  return out;
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

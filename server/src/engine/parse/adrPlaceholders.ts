import type { Span } from '../text/types';
import { inCode, inComment, visibleText, type MarkdownDocument } from './markdown';

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
/**
 * `[describe the context]`, `[short title of solved problem]`: bracketed instructions (not links). At most 200
 * characters inside, as for braces: an unbounded run is rescanned from every `[` of a line that never closes.
 */
const BRACKETED = /\[(?:describe|insert|add|explain|list|enter|provide|fill|summari[sz]e|short title|title|e\.g\.|your|option \d|decision driver|placeholder|todo|tbd)[^\]\n]{0,200}\]/gi;
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

/** Per document: template detection (at parse) and the rule both ask. */
const scanned = new WeakMap<MarkdownDocument, readonly Placeholder[]>();

/** Placeholders in the prose, in document order, each once. */
export function findPlaceholders(markdown: MarkdownDocument): readonly Placeholder[] {
  let list = scanned.get(markdown);
  if (!list) scanned.set(markdown, (list = scan(markdown)));
  return list;
}

const NONE: readonly Placeholder[] = Object.freeze([]);

function scan(markdown: MarkdownDocument): readonly Placeholder[] {
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
  // Most documents have none: one shared empty list.
  return found.length === 0 ? NONE : found.sort((a, b) => a.span[0] - b.span[0]);
}

// ---------------------------------------------------------------- templates

/** Words that may stand before `template` in a template's file name (`adr-template-bare.md`, `decision-record-template.md`). */
const TEMPLATE_LEAD = new Set(['adr', 'adrs', 'madr', 'nygard', 'decision', 'decisions', 'record', 'records', 'architecture', 'architectural', 'lightweight', 'default', 'new', 'blank', 'bare', 'minimal', 'full', 'short', 'long', 'my', 'our', 'team']);

/**
 * Is a file named like a template, in any case: `template.md`, `0000-template.md`, `adr-template.md`,
 * `template-madr.md`, `adr_template_bare_minimal.md`; not `0012-choose-a-template-engine.md`.
 */
export function isTemplateName(fileName: string): boolean {
  const words = fileName
    .replace(/\.(?:md|markdown)$/i, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '' && !/^\d+$/.test(word));
  const at = words.indexOf('template');
  return at >= 0 && words.slice(0, at).every((word) => TEMPLATE_LEAD.has(word));
}

/** Words a template's title is made of (`# NUMBER. TITLE`, `# ADR Template`, `# Short title`). */
const TITLE_WORDS = new Set(['title', 'template', 'adr', 'number', 'n', 'nn', 'nnn', 'nnnn', 'x', 'xxx', 'xxxx', 'madr', 'nygard', 'decision', 'record', 'architecture', 'architectural', 'short', 'name', 'your', 'here', 'the', 'of', 'a', 'an']);

/** One of them at least: `# 1. A` is a real (if short) title. */
const STRONG_TITLE_WORDS = new Set(['title', 'template', 'number', 'nnn', 'nnnn', 'xxx', 'xxxx', 'name']);

/** Is a title a template's (empty, a placeholder, or made of words like NUMBER and TITLE only)? */
export function isPlaceholderTitle(markdown: MarkdownDocument, title: Span, placeholders: readonly Placeholder[]): boolean {
  const visible = visibleText(markdown, title).trim();
  if (visible === '') return true;
  if (placeholders.some((p) => p.span[0] >= title[0] && p.span[0] < title[1])) return true;
  if (/^<[^<>]+>$/.test(visible)) return true;
  const words = visible.toLowerCase().match(/\p{L}+/gu) ?? [];
  return words.some((word) => STRONG_TITLE_WORDS.has(word)) && words.every((word) => TITLE_WORDS.has(word));
}

/**
 * Is a section's own text (up to its first subsection) template text: empty, or mostly placeholders (a few words
 * around them, like MADR's `Chosen option: "{title of option 1}", because {justification}`)?
 */
export function isPlaceholderBody(markdown: MarkdownDocument, body: Span, placeholders: readonly Placeholder[]): boolean {
  const text = visibleText(markdown, body);
  let inside = 0;
  for (const placeholder of placeholders) {
    if (placeholder.span[0] < body[0] || placeholder.span[1] > body[1]) continue;
    inside += letters(text.slice(placeholder.span[0] - body[0], placeholder.span[1] - body[0]));
  }
  const outside = letters(text) - inside;
  return outside <= 24 || outside <= inside;
}

function letters(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(/\p{L}/gu)) count++;
  return count;
}

/**
 * The status words a template offers (`Status: {proposed | accepted | experimental}`, log4brains'
 * `[draft | proposed | … | superseded by [xxx](…)]`): a list separated by `|`, each word or short phrase before
 * `by` or a link. Nothing when the template writes a single word (adr-tools' `STATUS`).
 */
export function templateStatusWords(line: string): string[] {
  if (!line.includes('|')) return [];
  const words: string[] = [];
  for (const part of line.replace(/<!--.*?-->/g, ' ').split('|')) {
    const phrase = /^[\s[{("'`*_]*(\p{L}+(?:[ -]\p{L}+){0,2})/u.exec(part)?.[1]?.toLowerCase().replace(/ by(?: .*)?$/, '');
    if (phrase && !words.includes(phrase)) words.push(phrase);
  }
  return words;
}

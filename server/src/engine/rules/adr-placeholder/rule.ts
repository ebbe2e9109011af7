import { REQUIRED_SECTIONS, type AdrDocument, type AdrFormat } from '../../parse/adr';
import { inCode, inComment, visibleText } from '../../parse/markdown';
import type { Span } from '../../text/types';
import { defineRule, type Report } from '../types';
import { effectiveFormat, requiredSections } from '../../workspace/adrConventions';

const MARKERS = /\b(?:TODO|TBD|TBC|FIXME)\b/g;
/** `[describe the context]`, `[short title of solved problem]`: bracketed instructions (not links). */
const BRACKETED = /\[(?:describe|insert|add|explain|list|enter|provide|fill|summari[sz]e|short title|title|e\.g\.|your|option \d|decision driver|placeholder|todo|tbd)[^\]\n]*\]/gi;
/** `{title}`, `{short title, representative of …}`: braces around words, not code (`${x}`, `/path/{id}`). */
const BRACED = /\{([^{}\n]{1,200})\}/g;
const TEMPLATE_WORDS = /^(?:title|date|name|status|number|description|author|authors|deciders?|decision[- ]makers?|context|decision|consequences?|yyyy-mm-dd|dd\/mm\/yyyy|nnnn|problem|option(?: \d+)?|justification)$/i;

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-placeholder',
    category: 'adr',
    severity: 'warning',
    summary: 'No template text is left in an ADR: empty required sections, TODO/TBD, [describe …] or {title}-style placeholders.',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
  },
  check({ document: adr, workspace, config, report }) {
    const format = effectiveFormat(adr, config.adr?.format);
    if (format) {
      const required = requiredSections(workspace.adrs.collectionShapes(adr.uri), format, config.adr?.format);
      for (const empty of emptySections(adr, format)) if (required.some((r) => r.name === empty.name)) report(empty.report);
    }
    for (const found of placeholders(adr)) report(found);
  },
});

/** The format's sections that are empty in one ADR, whatever the folder's convention (which decides which count). */
const empties = new WeakMap<AdrDocument, { format: string; found: { name: string; report: Report }[] }>();

function emptySections(adr: AdrDocument, format: Exclude<AdrFormat, 'unknown'>): { name: string; report: Report }[] {
  const known = empties.get(adr);
  if (known?.format === format) return known.found;
  const found: { name: string; report: Report }[] = [];
  for (const required of REQUIRED_SECTIONS[format]) {
    const section = adr.sections.find((s) => s.name === required.name);
    if (!section || visibleText(adr.markdown, section.section.bodySpan).trim() !== '') continue;
    const heading = section.section.heading;
    found.push({ name: required.name, report: { at: { uri: adr.uri, lines: adr.lines, span: heading.span }, message: `The '${heading.text}' section is empty.`, element: `empty.${required.name}` } });
  }
  empties.set(adr, { format, found });
  return found;
}

/**
 * Template text left in one ADR. It depends on the document alone, while the empty-section check depends on its
 * collection's convention, so that the rule re-runs on every ADR after any ADR edit: this part is kept per document.
 */
const scanned = new WeakMap<AdrDocument, readonly Report[]>();
const NONE: readonly Report[] = Object.freeze([]);

function placeholders(adr: AdrDocument): readonly Report[] {
  const cached = scanned.get(adr);
  if (cached) return cached;
  const found: Report[] = [];
  const { markdown, text } = adr;
  const place = (span: Span) => ({ uri: adr.uri, lines: adr.lines, span });
  const regions: Span[] = [...markdown.paragraphs.map((p) => p.span), ...markdown.headings.map((h) => h.textSpan)];
  for (const table of markdown.tables) for (const row of table.rows) for (const cell of row.cells) regions.push(cell.span);
  const seen = new Set<number>();
  const flag = (span: Span, what: string) => {
    if (seen.has(span[0]) || inCode(markdown, span[0]) || inComment(markdown, span[0])) return;
    seen.add(span[0]);
    found.push({ at: place(span), message: `Template text left in: ${what}. Replace it with the real content, or remove it.`, element: `placeholder.${text.slice(span[0], span[1])}` });
  };
  for (const region of regions) {
    const slice = text.slice(region[0], region[1]);
    for (const match of slice.matchAll(MARKERS)) flag([region[0] + match.index!, region[0] + match.index! + match[0].length], `'${match[0]}'`);
    for (const match of slice.matchAll(BRACKETED)) {
      const start = region[0] + match.index!;
      const end = start + match[0].length;
      if (markdown.links.some((l) => start < l.span[1] && end > l.span[0]) || /^[([]/.test(text[end] ?? '')) continue;
      flag([start, end], `'${match[0]}'`);
    }
    for (const match of slice.matchAll(BRACED)) {
      const start = region[0] + match.index!;
      const before = text[start - 1] ?? '';
      const inner = match[1].trim();
      if (/[$/\\{%#\w]/.test(before) || !/^\p{L}/u.test(inner)) continue;
      // Words in a row (`{title of option 1}`), not a set (`{read, write}`), unless a known template word.
      if (!(/[\p{L}\d] [\p{L}\d]/u.test(inner) && /^[\p{L}][\p{L}\d ,.'’|…-]*(?:[.…]|$)/u.test(inner)) && !TEMPLATE_WORDS.test(inner)) continue;
      if (/[=:;()]/.test(inner) || /^[A-Z_]+$/.test(inner)) continue;
      flag([start, start + match[0].length], `'${match[0].length > 40 ? match[0].slice(0, 37) + '…}' : match[0]}'`);
    }
  }
  // Most ADRs have none: one shared empty list instead of ten thousand.
  const kept = found.length === 0 ? NONE : found;
  scanned.set(adr, kept);
  return kept;
}

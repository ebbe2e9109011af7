import { REQUIRED_SECTIONS, type AdrDocument, type AdrFormat } from '../../parse/adr';
import { findPlaceholders } from '../../parse/adrPlaceholders';
import { visibleText } from '../../parse/markdown';
import { defineRule, type Report } from '../types';
import { effectiveFormat, requiredSections } from '../../workspace/adrConventions';

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
      const required = requiredSections(workspace.adrs.collectionShapes(adr.uri), format, config.adr?.format, workspace.adrs.template(adr.uri));
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
  const found = findPlaceholders(adr.markdown).map(({ span, kind }): Report => {
    const written = adr.text.slice(span[0], span[1]);
    const shown = kind === 'braced' && written.length > 40 ? written.slice(0, 37) + '…}' : written;
    return { at: { uri: adr.uri, lines: adr.lines, span }, message: `Template text left in: '${shown}'. Replace it with the real content, or remove it.`, element: `placeholder.${written}` };
  });
  // Most ADRs have none: one shared empty list instead of ten thousand.
  const kept = found.length === 0 ? NONE : found;
  scanned.set(adr, kept);
  return kept;
}

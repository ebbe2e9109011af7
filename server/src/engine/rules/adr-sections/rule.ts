import { trailingBlank, insertEdit, sectionLevel } from '../../fixes/markdownEdits';
import { effectiveFormat, requiredSections, type RequiredSection } from '../../workspace/adrConventions';
import type { AdrDocument, AdrFormat } from '../../parse/adr';
import { defineRule, type Report } from '../types';
import { eolOf } from '../../text/strings';

const FORMAT_NAMES: Record<Exclude<AdrFormat, 'unknown'>, string> = { nygard: 'Nygard', framework: 'framework (Part XIV §1)', madr: 'MADR', log4brains: 'log4brains' };

/** Per ADR: its findings for the list of required sections they were found with. */
const missing = new WeakMap<AdrDocument, { required: readonly RequiredSection[]; reports: Report[] }>();

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-sections',
    category: 'adr',
    severity: 'warning',
    summary: 'An ADR has the sections its format requires (Nygard and the framework: Context, Decision, Consequences; MADR: Context and Problem Statement, Decision Outcome).',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
    knowledge: ['adr'],
    fixable: true,
  },
  check({ document: adr, workspace, config, report }) {
    const format = effectiveFormat(adr, config.adr?.format);
    if (!format) return;
    const required = requiredSections(workspace.adrs.collectionShapes(adr.uri), format, config.adr?.format, workspace.adrs.template(adr.uri));
    // The findings depend on the ADR and the required list alone: after an edit elsewhere the list is usually the same.
    const known = missing.get(adr);
    if (known?.required === required) {
      for (const found of known.reports) report(found);
      return;
    }
    const reports: Report[] = [];
    missing.set(adr, { required, reports });
    const present = new Set(adr.sections.map((s) => s.name));
    const eol = eolOf(adr.text);
    const level = sectionLevel(adr);
    required.forEach((section, index) => {
      if (present.has(section.name)) return;
      // Insert after the last present section that comes before it in the format, else before the first that comes after it, else at the end.
      const before = required.slice(0, index).reverse().map((r) => adr.sections.find((s) => s.name === r.name && s.section.heading.level === level)).find(Boolean);
      const after = required.slice(index + 1).map((r) => adr.sections.find((s) => s.name === r.name && s.section.heading.level === level)).find(Boolean);
      const at = before ? before.section.span[1] : after ? after.section.span[0] : adr.text.length;
      const lead = at === adr.text.length ? (adr.text.endsWith('\n') ? (trailingBlank(adr.text).split('\n').length > 2 || adr.text.trim() === '' ? '' : eol) : eol + eol) : '';
      const heading = `${'#'.repeat(level)} ${section.heading}`;
      const found: Report = {
        at: { uri: adr.uri, lines: adr.lines, span: adr.heading?.span ?? adr.titleSpan ?? [0, 0] },
        message: section.template
          ? `Missing section '${section.heading}', which the ${FORMAT_NAMES[format]} format and this collection's template (${section.template}) ask for.`
          : `Missing section '${section.heading}', which the ${FORMAT_NAMES[format]} format requires.`,
        fixes: [{ title: `Add a '${section.heading}' section`, edits: [insertEdit(adr, at, `${lead}${heading}${eol}${eol}${at === adr.text.length ? '' : eol}`)], isPreferred: true }],
        element: `sections.${section.name}`,
      };
      reports.push(found);
      report(found);
    });
  },
});

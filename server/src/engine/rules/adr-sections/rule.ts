import { eolOf, insertEdit, sectionLevel } from '../../commands/adr';
import { REQUIRED_SECTIONS, type AdrDocument, type AdrFormat, type AdrSectionName, type AdrShape } from '../../parse/adr';
import { defineRule, type Report } from '../types';

const FORMAT_NAMES: Record<Exclude<AdrFormat, 'unknown'>, string> = { nygard: 'Nygard', framework: 'framework (Part XIV §1)', madr: 'MADR', log4brains: 'log4brains' };

/** The format whose section rule applies: the file's own, else the one `.archframe.yaml` names. */
export function effectiveFormat(adr: Pick<AdrDocument, 'format'>, configured: AdrFormat | undefined): Exclude<AdrFormat, 'unknown'> | undefined {
  if (adr.format !== 'unknown') return adr.format;
  return configured && configured !== 'unknown' ? configured : undefined;
}

type RequiredSection = { name: AdrSectionName; heading: string };

/**
 * Conventions are per folder: when a third or more of a folder's ADRs (of
 * this format, at least three of them) do without a section, the folder's
 * way wins and the section is not required there. The answer is the list of
 * sections still required, one list object per distinct answer (whatever the
 * index), so that a rule can tell by identity that its earlier result holds.
 */
export function requiredSections(collection: readonly AdrShape[], format: Exclude<AdrFormat, 'unknown'>, configured?: AdrFormat): readonly RequiredSection[] {
  // Cached per collection list (a new list with every new index), so a folder of thousands is counted once.
  let cache = conventions.get(collection);
  if (!cache) conventions.set(collection, (cache = new Map()));
  const key = `${format}|${configured ?? ''}`;
  let required = cache.get(key);
  if (required === undefined) {
    // One pass over the folder: how many ADRs of this format have each section.
    let peers = 0;
    const having = new Map<AdrSectionName, number>();
    for (const d of collection) {
      if (effectiveFormat(d, configured) !== format) continue;
      peers++;
      for (const name of d.sections) having.set(name, (having.get(name) ?? 0) + 1);
    }
    const kept = REQUIRED_SECTIONS[format].filter((section) => peers < 3 || (having.get(section.name) ?? 0) * 3 >= peers * 2);
    const signature = `${format}|${kept.map((section) => section.name).join(',')}`;
    required = interned.get(signature) ?? kept;
    interned.set(signature, required);
    cache.set(key, required);
  }
  return required;
}

const conventions = new WeakMap<readonly AdrShape[], Map<string, readonly RequiredSection[]>>();
/** Per format and list of section names: one list (a few dozen at most). */
const interned = new Map<string, readonly RequiredSection[]>();
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
    const required = requiredSections(workspace.adrs.collectionShapes(adr.uri), format, config.adr?.format);
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
      const lead = at === adr.text.length ? (adr.text.endsWith('\n') ? (/\n\s*\n\s*$/.test(adr.text) || adr.text.trim() === '' ? '' : eol) : eol + eol) : '';
      const heading = `${'#'.repeat(level)} ${section.heading}`;
      const found: Report = {
        at: { uri: adr.uri, lines: adr.lines, span: adr.heading?.span ?? adr.titleSpan ?? [0, 0] },
        message: `Missing section '${section.heading}', which the ${FORMAT_NAMES[format]} format requires.`,
        fixes: [{ title: `Add a '${section.heading}' section`, edits: [insertEdit(adr, at, `${lead}${heading}${eol}${eol}${at === adr.text.length ? '' : eol}`)], isPreferred: true }],
        element: `sections.${section.name}`,
      };
      reports.push(found);
      report(found);
    });
  },
});

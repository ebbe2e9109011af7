import { eolOf, insertEdit, sectionLevel } from '../../commands/adr';
import { REQUIRED_SECTIONS, type AdrDocument, type AdrFormat, type AdrSectionName } from '../../parse/adr';
import { defineRule } from '../types';

const FORMAT_NAMES: Record<Exclude<AdrFormat, 'unknown'>, string> = { nygard: 'Nygard', framework: 'framework (Part XIV §1)', madr: 'MADR', log4brains: 'log4brains' };

/** The format whose section rule applies: the file's own, else the one `.archframe.yaml` names. */
export function effectiveFormat(adr: AdrDocument, configured: AdrFormat | undefined): Exclude<AdrFormat, 'unknown'> | undefined {
  if (adr.format !== 'unknown') return adr.format;
  return configured && configured !== 'unknown' ? configured : undefined;
}

/**
 * Conventions are per folder: when a third or more of a folder's ADRs (of
 * this format, at least three of them) do without a section, the folder's
 * way wins and the section is not required there.
 */
export function followsConvention(collection: readonly AdrDocument[], format: AdrFormat, name: AdrSectionName, configured?: AdrFormat): boolean {
  // Cached per collection list (a new list with every new index), so a folder of thousands is counted once.
  let cache = conventions.get(collection);
  if (!cache) conventions.set(collection, (cache = new Map()));
  const key = `${format}|${name}|${configured ?? ''}`;
  let follows = cache.get(key);
  if (follows === undefined) {
    const peers = collection.filter((d) => effectiveFormat(d, configured) === format);
    const having = peers.filter((d) => d.sections.some((s) => s.name === name)).length;
    follows = peers.length < 3 || having * 3 >= peers.length * 2;
    cache.set(key, follows);
  }
  return follows;
}

const conventions = new WeakMap<readonly AdrDocument[], Map<string, boolean>>();

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
    const required = REQUIRED_SECTIONS[format].filter((section) => followsConvention(workspace.adrs.collection(adr.uri), format, section.name, config.adr?.format));
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
      report({
        at: { uri: adr.uri, lines: adr.lines, span: adr.heading?.span ?? adr.titleSpan ?? [0, 0] },
        message: `Missing section '${section.heading}', which the ${FORMAT_NAMES[format]} format requires.`,
        fixes: [{ title: `Add a '${section.heading}' section`, edits: [insertEdit(adr, at, `${lead}${heading}${eol}${eol}${at === adr.text.length ? '' : eol}`)], isPreferred: true }],
        element: `sections.${section.name}`,
      });
    });
  },
});

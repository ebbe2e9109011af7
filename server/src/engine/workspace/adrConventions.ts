import { REQUIRED_SECTIONS, type AdrDocument, type AdrFormat, type AdrSectionName, type AdrShape } from '../parse/adr';
import type { Span } from '../text/types';

/** A collection's conventions: which format an ADR is judged by, and which sections its folder requires. */

/** A section a collection requires: its canonical name, its heading, and the template that names it (a file name), if any. */
export type RequiredSection = { name: AdrSectionName; heading: string; template?: string };

const conventions = new WeakMap<readonly AdrShape[], Map<string, readonly RequiredSection[]>>();
/** Per format and list of section names: one list (a few dozen at most). */
const interned = new Map<string, readonly RequiredSection[]>();

/**
 * The format whose section rule applies: the file's own when its signals agree, else the one `.archframe.yaml`
 * names. A guessed format (one MADR-like heading in a free-form record) asks only what every format shares.
 */
export function effectiveFormat(adr: Pick<AdrDocument, 'format' | 'formatSure'>, configured: AdrFormat | undefined): Exclude<AdrFormat, 'unknown'> | undefined {
  if (adr.format !== 'unknown' && adr.formatSure) return adr.format;
  return configured && configured !== 'unknown' ? configured : undefined;
}

/**
 * Conventions are per folder: when a third or more of a folder's ADRs (of
 * this format, at least three of them) do without a section, the folder's
 * way wins and the section is not required there. The answer is the list of
 * sections still required, one list object per distinct answer (whatever the
 * index), so that a rule can tell by identity that its earlier result holds.
 */
export function requiredSections(collection: readonly AdrShape[], format: Exclude<AdrFormat, 'unknown'>, configured?: AdrFormat, template?: AdrDocument): readonly RequiredSection[] {
  return withTemplate(conventionOf(collection, format, configured), template);
}

function conventionOf(collection: readonly AdrShape[], format: Exclude<AdrFormat, 'unknown'>, configured?: AdrFormat): readonly RequiredSection[] {
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

/**
 * A collection's own template refines what its format requires: a section the template leaves out, or marks
 * optional (`<!-- optional -->` on or above its heading), is not required there; the others keep the template's
 * heading, which messages and fixes use. A template with no section of the formats says nothing.
 */
function withTemplate(required: readonly RequiredSection[], template: AdrDocument | undefined): readonly RequiredSection[] {
  if (!template || template.sections.length === 0) return required;
  const kept: RequiredSection[] = [];
  for (const section of required) {
    const own = template.sections.find((s) => s.name === section.name);
    if (!own || markedOptional(template, own.section.heading.span)) continue;
    kept.push({ name: section.name, heading: own.section.heading.text.trim() || section.heading, template: template.fileName });
  }
  const signature = `template ${template.fileName}|${kept.map((section) => `${section.name}:${section.heading}`).join('|')}`;
  let list = interned.get(signature);
  if (!list) {
    if (interned.size >= 1000) interned.clear();
    interned.set(signature, (list = kept));
  }
  return list;
}

/** A comment saying `optional` on a heading's line, or right above it (only blank space between). */
function markedOptional(template: AdrDocument, heading: Span): boolean {
  return template.markdown.comments.some(
    (c) => /\boptional\b/i.test(template.text.slice(c.span[0], c.span[1])) && ((c.span[0] >= heading[0] && c.span[0] < heading[1]) || (c.span[1] <= heading[0] && template.text.slice(c.span[1], heading[0]).trim() === '')),
  );
}

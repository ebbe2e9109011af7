import { z } from 'zod';
import { AXIOMS } from './axioms';
import { DATA } from './data';
import { DECISIONS } from './decisions';
import { ENGINEERING } from './engineering';
import { OPERATIONS } from './operations';
import { ORGANISATION } from './organisation';
import { PATTERNS } from './patterns';
import { RELIABILITY } from './reliability';
import { SECURITY } from './security';
import { knowledgeEntrySchema, type KnowledgeEntry, type KnowledgeInput } from './types';
import { KEY_ENTRIES, VALUE_ENTRIES } from './manifestTerms';
import { compareText } from '../text/strings';

export type { KnowledgeEntry } from './types';

/**
 * The knowledge base: framework entries in the project's own words, each
 * citing the framework's Part and section. Validated once, at load.
 */
export const KNOWLEDGE: readonly KnowledgeEntry[] = load([...AXIOMS, ...PATTERNS, ...DATA, ...RELIABILITY, ...SECURITY, ...OPERATIONS, ...ORGANISATION, ...DECISIONS, ...ENGINEERING]);

function load(inputs: readonly KnowledgeInput[]): KnowledgeEntry[] {
  const entries = z.array(knowledgeEntrySchema).parse(inputs);
  const seen = new Set<string>();
  for (const entry of entries) {
    if (seen.has(entry.id)) throw new Error(`Knowledge base: duplicate entry id '${entry.id}'.`);
    seen.add(entry.id);
  }
  return entries;
}

const byId = new Map(KNOWLEDGE.map((entry) => [entry.id, entry]));

/** Aliases normalised for lookup: lower case, runs of spaces and hyphens as one space. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[\s-]+/g, ' ').trim();
}

const byAlias = new Map<string, KnowledgeEntry>();
for (const entry of KNOWLEDGE) {
  for (const alias of entry.aliases) {
    const key = normalise(alias);
    if (!byAlias.has(key)) byAlias.set(key, entry);
  }
}

/** The entry with this id; an id written like one of its aliases (`component-boundaries`) finds it too. */
export function entryById(id: string): KnowledgeEntry | undefined {
  return byId.get(id) ?? byAlias.get(normalise(id));
}

/** The entry whose id, title or alias is this term (case-insensitive), for `archframe explain <term>`. */
export function lookupTerm(term: string): KnowledgeEntry | undefined {
  const text = term.trim();
  return byId.get(text.toLowerCase()) ?? byAlias.get(normalise(text)) ?? KNOWLEDGE.find((entry) => normalise(entry.title) === normalise(text));
}

/** The last key of a path (`components.api.slo.availability` or `['slo', 'availability']`). */
function lastKey(field: string | readonly (string | number)[]): string {
  const segments = typeof field === 'string' ? field.split('.') : field.filter((s): s is string => typeof s === 'string');
  return segments[segments.length - 1] ?? '';
}

/**
 * The entry that explains an enum value of the manifest: `consistency: eventual`,
 * `deployment: canary`, `auth: mtls`, `via: grpc`, a team's `type: platform`.
 * `field` is the key (or a path whose last key is the field).
 */
export function entryForValue(field: string | readonly (string | number)[], value: string): KnowledgeEntry | undefined {
  const id = VALUE_ENTRIES[`${lastKey(field)}:${value}`];
  return id === undefined ? undefined : byId.get(id);
}

const SECTIONS = new Set(['teams', 'components', 'datastores', 'channels']);

/**
 * The entry that explains a manifest key. `path` is a dotted string or the
 * path of segments from the root (element names and list indices are skipped),
 * so `['datastores', 'orders-db', 'owner']` finds state ownership while a
 * component's `owner` finds team ownership.
 */
export function entryForKey(path: string | readonly (string | number)[]): KnowledgeEntry | undefined {
  const raw = typeof path === 'string' ? path.split('.') : [...path];
  const keys: string[] = [];
  for (let i = 0; i < raw.length; i++) {
    const segment = raw[i];
    if (typeof segment !== 'string') continue;
    keys.push(segment);
    // Skip the element name that follows a section key at the top level.
    if (i === 0 && SECTIONS.has(segment)) i++;
  }
  if (keys.length === 0) return undefined;
  const last = keys[keys.length - 1];
  for (let start = 0; start < keys.length - 1; start++) {
    const id = KEY_ENTRIES[keys.slice(start).join('.')];
    if (id !== undefined) return byId.get(id);
  }
  const id = KEY_ENTRIES[last];
  return id === undefined ? undefined : byId.get(id);
}

export interface TermMatch {
  entry: KnowledgeEntry;
  start: number;
  end: number;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One regex of every alias, longest first, spaces and hyphens interchangeable, whole words only. */
const TERMS: RegExp | undefined = (() => {
  const aliases = [...byAlias.keys()].sort((a, b) => b.length - a.length || compareText(a, b));
  if (aliases.length === 0) return undefined;
  const alternatives = aliases.map((alias) => alias.split(' ').map(escape).join('[\\s-]+'));
  return new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_]|-[\\p{L}\\p{N}])`, 'giu');
})();

/**
 * Every occurrence of an entry's alias in a text, in order, as
 * `{ entry, start, end }` (offsets into `text`): case-insensitive, whole
 * words, the longest alias winning where several start at the same place.
 */
export function findTerms(text: string): TermMatch[] {
  if (!TERMS) return [];
  const matches: TermMatch[] = [];
  TERMS.lastIndex = 0;
  for (let match = TERMS.exec(text); match !== null; match = TERMS.exec(text)) {
    const entry = byAlias.get(normalise(match[0]));
    if (entry) matches.push({ entry, start: match.index, end: match.index + match[0].length });
  }
  return matches;
}

/** The entry's text for a hover or `explain`: title, summary, reference. */
export function entryMarkdown(entry: KnowledgeEntry, options: { heading?: boolean } = {}): string {
  const parts: string[] = [];
  if (options.heading !== false) parts.push(`**${entry.title}**`);
  parts.push(entry.summary);
  parts.push(`*Framework: ${entry.reference}*`);
  return parts.join('\n\n');
}

import type { AdrDocument, AdrRelationKind } from '../parse/adr';
import { adrLinkText } from '../parse/adrNames';
import { compareText } from '../text/strings';
import { relativeLink } from '../text/uri';

/**
 * The index of an ADR collection, as it stands between the markers of its README: a table (number, title,
 * status, date, links) and a Mermaid graph of how the decisions supersede, amend and refer to one another.
 * Generated from the ADRs alone, so the same collection always gives the same text.
 */

/** What resolves an ADR's relation or reference (the workspace's ADR index). */
export type ResolveAdr = (target: string, fromUri: string) => AdrDocument | undefined;

const RELATION_WORDS: Record<AdrRelationKind, string> = { supersedes: 'Supersedes', supersededBy: 'Superseded by', amends: 'Amends', amendedBy: 'Amended by' };
const RETIRED = new Set(['superseded', 'deprecated', 'rejected']);

/** The collection's ADRs in index order: by number (prefix first), then by file name (dated names sort by date). */
export function indexOrder(adrs: readonly AdrDocument[]): AdrDocument[] {
  return [...adrs].sort((a, b) => compareText(a.prefix ?? '', b.prefix ?? '') || (a.number ?? Infinity) - (b.number ?? Infinity) || compareText(a.fileName, b.fileName));
}

/** The text between the markers, in the page's line breaks: a blank line, the table, the graph. */
export function renderAdrIndex(pageUri: string, collection: readonly AdrDocument[], resolve: ResolveAdr, eol = '\n'): string {
  const adrs = indexOrder(collection);
  const lines = ['', '_Written by `archframe adr index` (or Architecture: Update ADR Index): edit the ADRs, not this table._', ''];
  if (adrs.length === 0) lines.push('No ADRs in this folder yet.');
  else {
    lines.push('| # | Decision | Status | Date | Links |', '|---|---|---|---|---|');
    for (const adr of adrs) lines.push(`| ${idOf(adr)} | [${cell(adr.title ?? adr.stem, true)}](${relativeLink(pageUri, adr.uri)}) | ${cell(statusOf(adr))} | ${cell(adr.date ?? adr.nameDate ?? '')} | ${linksOf(pageUri, adr, resolve)} |`);
    lines.push('', ...graph(adrs, resolve));
  }
  lines.push('');
  return lines.join(eol) + eol;
}

function idOf(adr: AdrDocument): string {
  if (adr.number === undefined) return '';
  return adr.prefix ? `${adr.prefix}-${String(adr.number).padStart(3, '0')}` : String(adr.number);
}

function statusOf(adr: AdrDocument): string {
  const word = adr.statusWord?.trim();
  return word ? word[0].toUpperCase() + word.slice(1) : '';
}

/** A table cell's text: no line break, no column bar; in link text no bracket either. */
function cell(text: string, linkText = false): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
  return linkText ? flat.replace(/([[\]])/g, '\\$1') : flat;
}

/** What the ADR itself says of others in its status or Links section: `Supersedes [2](0002-x.md)`. */
function linksOf(pageUri: string, adr: AdrDocument, resolve: ResolveAdr): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const relation of adr.relations) {
    if (relation.stated === 'prose') continue;
    const target = resolve(relation.target, adr.uri);
    const key = `${relation.relation}|${target?.uri ?? relation.target}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label = target ? idOf(target) || target.stem : relation.text;
    parts.push(`${RELATION_WORDS[relation.relation]} ${target ? `[${cell(label, true)}](${relativeLink(pageUri, target.uri)})` : cell(label)}`);
  }
  return parts.join('; ');
}

interface Edge {
  from: AdrDocument;
  to: AdrDocument;
  kind: 'supersedes' | 'amends' | 'relates to';
}

/** The decision graph: supersedes and amends as stated by either ADR, then other references between them. */
function graph(adrs: readonly AdrDocument[], resolve: ResolveAdr): string[] {
  const inside = new Set(adrs);
  const edges: Edge[] = [];
  const keys = new Set<string>();
  const joined = new Set<string>();
  const add = (from: AdrDocument, to: AdrDocument, kind: Edge['kind']) => {
    if (from === to || !inside.has(from) || !inside.has(to)) return;
    const key = `${from.uri}|${kind}|${to.uri}`;
    const pair = [from.uri, to.uri].sort(compareText).join('|');
    if (keys.has(key) || (kind === 'relates to' && joined.has(pair))) return;
    keys.add(key);
    joined.add(pair);
    edges.push({ from, to, kind });
  };
  for (const adr of adrs) {
    for (const relation of adr.relations) {
      const other = resolve(relation.target, adr.uri);
      if (!other) continue;
      if (relation.relation === 'supersedes') add(adr, other, 'supersedes');
      else if (relation.relation === 'supersededBy') add(other, adr, 'supersedes');
      else if (relation.relation === 'amends') add(adr, other, 'amends');
      else add(other, adr, 'amends');
    }
  }
  for (const adr of adrs) {
    for (const reference of adr.references) {
      const other = resolve(reference.target, adr.uri);
      if (other) add(adr, other, 'relates to');
    }
  }
  if (edges.length === 0) return ['_No decision here supersedes, amends or refers to another._'];
  const linked = new Set(edges.flatMap((e) => [e.from, e.to]));
  const nodes = adrs.filter((adr) => linked.has(adr));
  // Ids a reader of the Mermaid source recognises (`adr7`, `adrAPI12`), where the numbers are unique.
  const named = nodes.map((adr) => (adr.number === undefined ? undefined : `adr${adr.prefix ?? ''}${adr.number}`.replace(/[^A-Za-z0-9]/g, '')));
  const id = new Map(nodes.map((adr, i) => [adr, named[i] !== undefined && named.indexOf(named[i]) === named.lastIndexOf(named[i]) ? named[i]! : `adr_${i + 1}`]));
  const retired = nodes.filter((adr) => adr.status !== undefined && RETIRED.has(adr.status)).map((adr) => id.get(adr)!);
  return [
    '```mermaid',
    'flowchart LR',
    ...nodes.map((adr) => `  ${id.get(adr)}["${adrLinkText(adr).replace(/"/g, '#quot;')}"]`),
    ...edges.map((e) => `  ${id.get(e.from)} ${e.kind === 'relates to' ? '-.->' : '-->'}|${e.kind}| ${id.get(e.to)}`),
    ...(retired.length > 0 ? ['  classDef retired stroke-dasharray: 4 3,color:#777', `  class ${retired.join(',')} retired`] : []),
    '```',
  ];
}

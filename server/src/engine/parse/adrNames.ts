import type { AdrDocument } from './adr';

/** How ADRs are named in messages and links. */

/** How a link to an ADR reads: `3. Use Kafka` (numbered), else its title or file name. */
export function adrLinkText(adr: AdrDocument): string {
  if (adr.number !== undefined && adr.title) return adr.prefix ? `${adr.prefix}-${String(adr.number).padStart(3, '0')}: ${adr.title}` : `${adr.number}. ${adr.title}`;
  return adr.title ?? adr.stem;
}

/** A name for an ADR in messages: `ADR-0007`, `API-012`, or its file name. */
export function adrName(adr: AdrDocument): string {
  if (adr.number === undefined) return adr.fileName;
  return adr.prefix ? `${adr.prefix}-${String(adr.number).padStart(3, '0')}` : `ADR-${String(adr.number).padStart(4, '0')}`;
}

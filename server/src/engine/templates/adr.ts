import { dateSnippet, SnippetBuilder } from './snippet';

/**
 * ADR templates in the three formats the server reads first-class: the
 * framework's own (Part XIV §1), Nygard / adr-tools, and MADR. Written once in
 * snippet syntax; a fill puts in known values (number, title, date, status).
 */

export const ADR_TEMPLATE_FORMATS = ['framework', 'nygard', 'madr'] as const;
export type AdrTemplateFormat = (typeof ADR_TEMPLATE_FORMATS)[number];

const ADR_STATUSES = ['Proposed', 'Accepted', 'Rejected', 'Deprecated', 'Superseded'] as const;

export interface AdrFill {
  number?: number;
  title?: string;
  /** `YYYY-MM-DD`; the editor's date variables otherwise. */
  date?: string;
  /** A status word, or a whole status line (`Supersedes [1. Title](0001-title.md)`). */
  status?: string;
}

function status(b: SnippetBuilder, fill: AdrFill, lower = false): string {
  if (fill.status !== undefined) return b.text(fill.status);
  return b.choice(lower ? ADR_STATUSES.map((s) => s.toLowerCase()) : ADR_STATUSES);
}

export function adrSnippet(format: AdrTemplateFormat, fill: AdrFill = {}): string {
  const b = new SnippetBuilder();
  switch (format) {
    case 'framework': {
      const number = fill.number !== undefined ? String(fill.number).padStart(3, '0') : undefined;
      return [
        `# ADR-${b.value(number, '001')}: ${b.value(fill.title, 'Title of the decision')}`,
        `Date: ${dateSnippet(fill.date)}`,
        `## Status\n\n${status(b, fill)}`,
        `## Context\n\n${b.field('The forces at play and the problem this decision answers.')}`,
        `## Decision\n\nWe will ${b.field('do what, and why this option')}.`,
        `## Consequences\n\n- Positive: ${b.field('what becomes easier or better')}\n- Negative: ${b.field('what it costs, what becomes harder, what risk it adds')}`,
      ].join('\n\n') + '\n$0';
    }
    case 'nygard':
      return [
        `# ${b.value(fill.number !== undefined ? String(fill.number) : undefined, '1')}. ${b.value(fill.title, 'Title of the decision')}`,
        `Date: ${dateSnippet(fill.date)}`,
        `## Status\n\n${status(b, fill)}`,
        `## Context\n\n${b.field('The situation that calls for a decision, and what constrains it.')}`,
        `## Decision\n\n${b.field('What we will do.')}`,
        `## Consequences\n\n${b.field('What becomes easier, what becomes harder, and what we will have to watch.')}`,
      ].join('\n\n') + '\n$0';
    case 'madr': {
      const front = ['---', `status: ${status(b, fill, true)}`, `date: ${dateSnippet(fill.date)}`, `decision-makers: ${b.field('who decided')}`, '---'].join('\n');
      const title = `# ${b.value(fill.title, 'Title of the decision')}`;
      const context = `## Context and Problem Statement\n\n${b.field('The problem, in two or three sentences, possibly as a question.')}`;
      const drivers = `## Decision Drivers\n\n* ${b.field('a force or concern that shapes the choice')}`;
      const first = b.field('Option 1');
      const firstIndex = b.last;
      const second = b.field('Option 2');
      const secondIndex = b.last;
      const options = `## Considered Options\n\n* ${first}\n* ${second}`;
      const outcome = [
        `## Decision Outcome\n\nChosen option: "${b.mirror(firstIndex)}", because ${b.field('why it fits the drivers best')}.`,
        `### Consequences\n\n* Good, because ${b.field('what improves')}\n* Bad, because ${b.field('what it costs')}`,
        `### Confirmation\n\n${b.field('How we will check that the decision is followed.')}`,
      ].join('\n\n');
      const prosAndCons = [
        '## Pros and Cons of the Options',
        `### ${b.mirror(firstIndex)}\n\n* Good, because ${b.field('…')}\n* Bad, because ${b.field('…')}`,
        `### ${b.mirror(secondIndex)}\n\n* Good, because ${b.field('…')}\n* Bad, because ${b.field('…')}`,
      ].join('\n\n');
      const more = `## More Information\n\n${b.field('Links, related decisions, when to revisit.')}`;
      return [front, title, context, drivers, options, outcome, prosAndCons, more].join('\n\n') + '\n$0';
    }
  }
}

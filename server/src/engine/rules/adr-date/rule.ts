import type { AdrDocument } from '../../parse/adr';
import { defineRule } from '../types';

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-date',
    category: 'adr',
    severity: 'info',
    summary: 'An ADR says when it was decided: a Date line or bullet, front matter `date:`, a Date column, or a dated file name.',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
  },
  check({ document: adr, config, report }) {
    if (adr.date !== undefined || adr.nameDate !== undefined) return;
    // A file of an ADR folder that matches no format gets the universal rules only.
    if (adr.format === 'unknown' && !config.adr?.format) return;
    report({
      at: { uri: adr.uri, lines: adr.lines, span: adr.heading?.span ?? adr.titleSpan ?? [0, 0] },
      message: 'No date: add a `Date: YYYY-MM-DD` line under the title (or `date:` in the front matter) so readers know what was known when this was decided.',
      element: 'date',
    });
  },
});

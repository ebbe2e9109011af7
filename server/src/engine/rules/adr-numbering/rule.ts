
import type { AdrDocument } from '../../parse/adr';
import { defineRule } from '../types';
import { replaceEdit } from '../../fixes/markdownEdits';
import { adrName } from '../../parse/adrNames';

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-numbering',
    category: 'adr',
    severity: 'warning',
    summary: 'Each ADR of a folder has its own number, and the number in its title matches its file name.',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
    fixable: true,
  },
  check({ document: adr, workspace, report }) {
    const span = adr.titleNumberSpan ?? adr.heading?.span ?? adr.titleSpan ?? [0, 0];
    const place = { uri: adr.uri, lines: adr.lines, span };
    const written = adr.titleNumberSpan ? adr.text.slice(adr.titleNumberSpan[0], adr.titleNumberSpan[1]) : undefined;
    const pad = (n: number) => String(n).padStart(written?.length ?? 1, '0');
    const holders = (n: number) => workspace.adrs.numbered(adr.uri, n, adr.prefix);
    if (adr.nameNumber !== undefined && adr.titleNumber !== undefined && adr.nameNumber !== adr.titleNumber) {
      // Renumbered in the title because the file's number is taken: what is left is renaming the file.
      const taken = holders(adr.nameNumber).length > 1 && holders(adr.nameNumber)[0] !== adr && holders(adr.titleNumber).length === 0;
      const renamed = `${String(adr.titleNumber).padStart(4, '0')}-${adr.stem.replace(/^(?:adr[-_]?|[A-Z]{2,6}[-_]?)?\d+[-_. ]?/i, '')}.md`;
      report({
        at: place,
        message: taken
          ? `The title says ${adr.titleNumber} but the file name says ${adr.nameNumber}, which ${holders(adr.nameNumber)[0].fileName} uses: rename this file to ${renamed}.`
          : `The title says ${adr.titleNumber} but the file name says ${adr.nameNumber}: references by number would reach a different ADR than readers expect.`,
        fixes: taken ? [] : [{ title: `Change the title's number to ${adr.nameNumber}`, edits: [replaceEdit(adr, adr.titleNumberSpan!, pad(adr.nameNumber))], isPreferred: true }],
        element: 'number.title',
      });
      return;
    }
    if (adr.number === undefined) return;
    const same = holders(adr.number);
    if (same.length < 2 || same[0] === adr) return;
    const first = same[0];
    const next = workspace.adrs.nextNumber(workspace.adrs.collectionOf(adr.uri));
    report({
      at: place,
      message: `Number ${adr.number} is already used by ${first.fileName}: give this ADR the next free number (${next}) and rename its file to match.`,
      related: [{ at: { uri: first.uri, lines: first.lines, span: first.titleNumberSpan ?? first.heading?.span ?? [0, 0] }, message: `${adrName(first)} (${first.title ?? first.fileName})` }],
      fixes: adr.titleNumberSpan ? [{ title: `Renumber to ${next} in the title (then rename the file)`, edits: [replaceEdit(adr, adr.titleNumberSpan, pad(next))] }] : [],
      element: 'number.duplicate',
    });
  },
});

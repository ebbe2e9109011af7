import type { AdrDocument } from '../../parse/adr';
import { INDEX_END, INDEX_START, type AdrIndexPage } from '../../parse/adrIndexPage';
import type { Span } from '../../text/types';
import { indexOrder, renderAdrIndex } from '../../templates/adrIndexPage';
import { eolOf, formatList } from '../../text/strings';
import { relativeLink } from '../../text/uri';
import { defineRule } from '../types';

export const rule = defineRule<AdrIndexPage>({
  meta: {
    id: 'adr-index',
    category: 'adr',
    severity: 'warning',
    summary: "The ADR index between the markers of a collection's README lists its ADRs as they are now (number, title, status, date, links, and the decision graph).",
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr-index',
    fixable: true,
  },
  check({ document: page, workspace, report }) {
    const markers = page.markers;
    if (!markers) return;
    const place = (span: readonly [number, number]) => ({ uri: page.uri, lines: page.lines, span });
    if (!markers.ok) {
      report({ at: place(markers.span), message: `${markers.message} The index cannot be written until the markers are ${INDEX_START} and ${INDEX_END}, each on a line of its own.`, element: 'index.markers' });
      return;
    }
    const adrs = workspace.adrs.collection(page.uri);
    const expected = renderAdrIndex(page.uri, adrs, workspace.adrs.resolve, eolOf(page.text));
    const current = page.text.slice(markers.content[0], markers.content[1]);
    if (normalise(current) === normalise(expected)) return;
    report({
      at: place(markers.start),
      message: `The ADR index is out of date: ${whatChanged(page, markers.content, adrs, expected)}. Run \`archframe adr index\`, or apply the fix.`,
      fixes: [{ title: 'Update the ADR index', edits: [{ uri: page.uri, range: page.lines.range(markers.content), newText: expected }], isPreferred: true }],
      element: 'index.outdated',
    });
  },
});

/** Line breaks and trailing blanks do not count (trimmed per line: a run of blanks inside a line costs no backtracking). */
function normalise(text: string): string {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

/** The ADRs missing from the index or whose row changed, the rows of files that are no ADRs any more, or else the graph. */
function whatChanged(page: AdrIndexPage, content: Span, adrs: readonly AdrDocument[], expected: string): string {
  const current = page.text.slice(content[0], content[1]);
  const rows = new Set(normalise(current).split('\n'));
  const expectedRows = normalise(expected).split('\n');
  const missing: string[] = [];
  const changed: string[] = [];
  for (const adr of indexOrder(adrs)) {
    const link = `](${relativeLink(page.uri, adr.uri)})`;
    const row = expectedRows.find((line) => line.startsWith('|') && line.includes(link));
    if (!current.includes(link)) missing.push(adr.fileName);
    else if (row && !rows.has(row)) changed.push(adr.fileName);
  }
  // The decision column of the index's table: the file each row links to.
  const known = new Set(adrs.map((adr) => relativeLink(page.uri, adr.uri)));
  const listed: string[] = [];
  for (const table of page.markdown.tables) {
    if (table.span[0] < content[0] || table.span[0] >= content[1]) continue;
    for (const row of table.rows) {
      const cell = row.cells[1];
      const link = cell && page.markdown.links.find((l) => l.span[0] >= cell.span[0] && l.span[1] <= cell.span[1]);
      if (link) listed.push(link.destination);
    }
  }
  const gone = listed.filter((file) => !known.has(file));
  const parts = [
    ...(missing.length > 0 ? [`${few(missing)} ${missing.length === 1 ? 'is' : 'are'} not in it`] : []),
    ...(changed.length > 0 ? [`the row${changed.length === 1 ? '' : 's'} of ${few(changed)} changed`] : []),
    ...(gone.length > 0 ? [`it lists ${few(gone)}, no ADR${gone.length === 1 ? '' : 's'} of this folder`] : []),
  ];
  return parts.length > 0 ? parts.join('; ') : 'the decision graph or the layout changed';
}

function few(names: readonly string[]): string {
  return names.length <= 3 ? formatList(names) : `${formatList(names.slice(0, 3))} and ${names.length - 3} more`;
}

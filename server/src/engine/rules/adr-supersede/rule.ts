
import type { Fix, TextEdit, Place } from '../../model/findings';
import type { AdrDocument, AdrIndex } from '../../parse/adr';
import { defineRule } from '../types';
import { insertEdit, setSupersededBy, supersedesEdit } from '../../fixes/markdownEdits';
import { relativeLink } from '../../text/uri';
import { adrLinkText, adrName } from '../../parse/adrNames';

/** Does `from` refer to `to` anywhere (a link or an id that resolves to it)? */
function mentions(index: AdrIndex, from: AdrDocument, to: AdrDocument): boolean {
  return from.references.some((r) => index.resolve(r.target, from.uri) === to);
}

export const rule = defineRule<AdrDocument>({
  meta: {
    id: 'adr-supersede',
    category: 'adr',
    severity: 'error',
    summary: 'A superseded ADR says by what, the ADR it names exists, and both ADRs of a supersede pair say so.',
    reference: 'Part XIV §1, Architecture Decision Records',
    appliesTo: 'adr',
    knowledge: ['adr'],
    fixable: true,
  },
  check({ document: adr, workspace, report }) {
    const index = workspace.adrs;
    const place = (span: readonly [number, number]): Place => ({ uri: adr.uri, lines: adr.lines, span });
    const anchor = adr.statusSpan ?? adr.heading?.span ?? adr.titleSpan ?? [0, 0];
    const incoming = index.relationsTo(adr);
    // Others that say they supersede this one.
    const successors = [...new Set(incoming.filter((r) => r.relation.relation === 'supersedes').map((r) => r.from))];

    if (adr.status === 'superseded' && adr.supersededBy.length === 0) {
      const fixes: Fix[] = successors.map((next) => ({
        title: `Say it is superseded by ${adrName(next)}`,
        edits: [insertEdit(adr, adr.statusSpan![1], ` by [${adrLinkText(next)}](${relativeLink(adr.uri, next.uri)})`)],
        isPreferred: successors.length === 1,
      }));
      report({
        at: place(adr.statusSpan!),
        message: `Superseded, but by what? Link the ADR that replaces this one (\`Superseded by [N. Title](NNNN-title.md)\`).${successors.length > 0 ? ` ${successors.map(adrName).join(', ')} says it supersedes this ADR.` : ''}`,
        fixes,
        element: 'status.superseded',
      });
    }

    for (const relation of adr.relations) {
      if (relation.relation !== 'supersedes' && relation.relation !== 'supersededBy') continue;
      if (relation.kind !== 'id' || index.resolve(relation.target, adr.uri)) continue;
      report({ at: place(relation.targetSpan), message: `'${relation.text}' names no ADR of the workspace: fix the reference or write that ADR.`, element: `${relation.relation}.${relation.target}` });
    }

    // Back-links: what others state formally about this ADR, and this ADR does not say.
    for (const { from: other, relation } of incoming) {
      if (relation.stated === 'prose' || relation.partial) continue;
      if (mentions(index, adr, other)) continue;
      // Superseded without saying by what: reported above, with this very link as the fix.
      if (relation.relation === 'supersedes' && adr.status === 'superseded' && adr.supersededBy.length === 0) continue;
      const related = [{ at: { uri: other.uri, lines: other.lines, span: relation.span }, message: `${adrName(other)} says so here` }];
      const link = `[${adrLinkText(other)}](${relativeLink(adr.uri, other.uri)})`;
      if (relation.relation === 'supersedes') {
        const edit: TextEdit | undefined = adr.status === 'superseded' && adr.statusSpan ? insertEdit(adr, adr.statusSpan[1], ` by ${link}`) : setSupersededBy(adr, link, other.number);
        report({
          at: place(anchor),
          severity: 'warning',
          message: `${adrName(other)} says it supersedes this ADR, but this ADR does not say it is superseded by ${adrName(other)}.`,
          related,
          fixes: edit ? [{ title: `Set the status to 'Superseded by ${adrName(other)}'`, edits: [edit], isPreferred: true }] : [],
          element: `supersededBy.${other.stem}`,
        });
      } else if (relation.relation === 'supersededBy') {
        report({
          at: place(anchor),
          severity: 'warning',
          message: `${adrName(other)} says it is superseded by this ADR, but this ADR does not say it supersedes ${adrName(other)}.`,
          related,
          fixes: [{ title: `Add 'Supersedes ${adrName(other)}' to the status`, edits: [supersedesEdit(adr, link)], isPreferred: true }],
          element: `supersedes.${other.stem}`,
        });
      }
    }
  },
});

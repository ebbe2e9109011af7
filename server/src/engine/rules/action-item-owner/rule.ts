import type { TextEdit } from '../../model/findings';
import type { ActionItem, PostmortemDocument } from '../../parse/operations';
import { defineRule } from '../types';
import { contentEnd, insertAt } from '../../fixes/markdownEdits';

/** Placeholders the fix writes; they read as values to replace, and count as given. */
const OWNER_PLACEHOLDER = '@owner';
const DUE_PLACEHOLDER = 'YYYY-MM-DD';

function fixEdits(document: PostmortemDocument, item: ActionItem): TextEdit[] {
  const cellEdit = (index: number | undefined, value: string): TextEdit | undefined => {
    const cell = index === undefined ? undefined : item.row?.cells[index];
    if (!cell) return undefined;
    const empty = cell.span[0] === cell.span[1];
    return { uri: document.uri, range: document.lines.range(cell.span), newText: empty ? ` ${value}` : value };
  };
  const edits: TextEdit[] = [];
  const inline: string[] = [];
  if (!item.owner) {
    const edit = cellEdit(item.ownerCell, OWNER_PLACEHOLDER);
    if (edit) edits.push(edit);
    else inline.push(`owner: ${OWNER_PLACEHOLDER}`);
  }
  if (!item.due) {
    const edit = cellEdit(item.dueCell, DUE_PLACEHOLDER);
    if (edit) edits.push(edit);
    else inline.push(`due: ${DUE_PLACEHOLDER}`);
  }
  if (inline.length > 0) edits.push(insertAt(document, contentEnd(document.text, item.span), ` (${inline.join(', ')})`));
  return edits;
}

export const rule = defineRule<PostmortemDocument>({
  meta: {
    id: 'action-item-owner',
    category: 'postmortem',
    severity: 'warning',
    summary: 'Every action item of a postmortem has an owner and a due date.',
    reference: 'Part XXVII §3, Postmortem Culture; Appendix D §3, Postmortem Process',
    appliesTo: 'postmortem',
    knowledge: ['postmortem'],
    fixable: true,
  },
  check({ document, report }) {
    for (const item of document.actionItems) {
      if (item.owner && item.due) continue;
      const what = !item.owner && !item.due ? 'no owner and no due date' : !item.owner ? 'no owner' : 'no due date';
      const label = item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text;
      report({
        at: { uri: document.uri, lines: document.lines, span: item.span },
        message: `Action item '${label}' has ${what}: an action that nobody owns, or that has no deadline, tends not to happen (Part XXVII §3).`,
        fixes: [{ title: `Add ${!item.owner && !item.due ? 'owner and due date' : !item.owner ? 'an owner' : 'a due date'} placeholders`, edits: fixEdits(document, item), isPreferred: true }],
        element: `actions.${item.text}`,
      });
    }
  },
});

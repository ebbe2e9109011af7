import { LIFECYCLE_STATUSES, statusChangeEdits } from '../../fixes/adrStatusEdits';
import type { AdrDocument } from '../../parse/adr';
import { adrName } from '../../parse/adrNames';
import type { Span } from '../../text/types';
import type { WorkspaceSnapshot } from '../../workspace/snapshot';
import type { EditorAction } from '../types';

/** The palette command that asks which ADR supersedes this one, then sets both statuses (client/src/commands/changeAdrStatus.ts). */
export const CHANGE_STATUS_COMMAND = 'archframe.changeAdrStatus';

/**
 * Code actions on an ADR's status line (its Status section, status line, bullet, front matter key or table cell;
 * the title when it has no status): set another status, or mark it superseded, by an ADR that already says it
 * supersedes this one (both ends in step) or by one the user picks.
 */
export function adrStatusActions(workspace: WorkspaceSnapshot, adr: AdrDocument, span: Span): EditorAction[] {
  if (adr.template || !workspace.adrs.get(adr.uri) || !onStatusPlace(adr, span)) return [];
  const index = workspace.adrs;
  const actions: EditorAction[] = [];
  const leaving = adr.status === 'superseded' || adr.supersededBy.length > 0;
  for (const status of LIFECYCLE_STATUSES) {
    if (status === 'superseded' || (status === adr.status && !leaving)) continue;
    actions.push({ title: `Set status: ${capitalised(status)}`, edits: statusChangeEdits(index, adr, status) });
  }
  const claimants = [...new Set(index.relationsTo(adr).filter((r) => r.relation.relation === 'supersedes').map((r) => r.from))];
  for (const successor of claimants) {
    if (adr.supersededBy.some((r) => index.resolve(r.target, adr.uri) === successor)) continue;
    actions.push({ title: `Set status: Superseded by ${adrName(successor)} (it says it supersedes this one)`, edits: statusChangeEdits(index, adr, 'superseded', successor), isPreferred: true });
  }
  actions.push({ title: 'Set status: Superseded by…', command: { id: CHANGE_STATUS_COMMAND, arguments: [{ adr: adr.uri, status: 'superseded' }] } });
  return actions;
}

/** Is the span on the line that states the status, or the status section's heading, or the title of an ADR without one? */
function onStatusPlace(adr: AdrDocument, span: Span): boolean {
  const lineOf = (offset: number) => adr.lines.position(offset).line;
  const lines = new Set<number>();
  if (adr.statusSpan) lines.add(lineOf(adr.statusSpan[0]));
  if (adr.statusEmptySpan && adr.statusSource !== 'front-matter') lines.add(lineOf(adr.statusEmptySpan[0]));
  if (adr.statusSection) lines.add(lineOf(adr.statusSection.heading.span[0]));
  if (adr.statusSpan === undefined && adr.statusEmptySpan === undefined && adr.heading) lines.add(lineOf(adr.heading.span[0]));
  for (let line = lineOf(span[0]); line <= lineOf(span[1]); line++) if (lines.has(line)) return true;
  return false;
}

function capitalised(word: string): string {
  return word[0].toUpperCase() + word.slice(1);
}

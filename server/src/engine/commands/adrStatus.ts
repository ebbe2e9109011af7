import { LIFECYCLE_STATUSES, statusChangeEdits, type LifecycleStatus } from '../fixes/adrStatusEdits';
import type { AdrDocument } from '../parse/adr';
import { adrName } from '../parse/adrNames';
import type { WorkspaceSnapshot } from '../workspace/snapshot';
import type { Plan } from './types';

export interface StatusChangeRequest {
  /** The ADR's URI. */
  adr: string;
  status: string;
  /** For `superseded`: the URI of the ADR that replaces it. */
  by?: string;
}

/**
 * Change ADR Status…: the edits that set an ADR's status and keep both ends of a supersede link in step
 * (fixes/adrStatusEdits.ts), or why there are none.
 */
export function planStatusChange(workspace: WorkspaceSnapshot, request: StatusChangeRequest): Plan {
  const adr = workspace.adrs.get(request.adr);
  if (!adr) return { ok: false, message: 'That file is not an ADR of the workspace.' };
  const status = request.status.trim().toLowerCase();
  if (!(LIFECYCLE_STATUSES as readonly string[]).includes(status)) return { ok: false, message: `Not a status to set: '${request.status}' (one of ${LIFECYCLE_STATUSES.join(', ')}).` };
  let successor: AdrDocument | undefined;
  if (status === 'superseded') {
    if (!request.by) return { ok: false, message: 'Superseded by which ADR? Name the ADR that replaces it.' };
    successor = workspace.adrs.get(request.by);
    if (!successor) return { ok: false, message: 'The replacing file is not an ADR of the workspace.' };
    if (successor === adr) return { ok: false, message: 'An ADR cannot supersede itself.' };
    if (adr.status === 'superseded' && adr.supersededBy.some((r) => workspace.adrs.resolve(r.target, adr.uri) === successor) && successor.supersedes.some((r) => workspace.adrs.resolve(r.target, successor!.uri) === adr)) {
      return { ok: false, message: `${adrName(adr)} already says it is superseded by ${adrName(successor)}, and ${adrName(successor)} says it supersedes it.` };
    }
  } else if (adr.status === status && adr.supersededBy.length === 0) {
    return { ok: false, message: `${adrName(adr)} is ${status} already.` };
  }
  return { ok: true, edits: statusChangeEdits(workspace.adrs, adr, status as LifecycleStatus, successor) };
}

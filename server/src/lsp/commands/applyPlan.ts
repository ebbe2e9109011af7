import type { Plan } from '../../engine/commands/types';
import type { CreateResult } from '../../protocol';
import type { Session } from '../session';
import { toWorkspaceEdit } from '../workspaceEdit';

/**
 * Applies a command's plan with `workspace/applyEdit`: the new file is created with `overwrite: false` (the client
 * refuses if it appeared meanwhile) and filled; edits to open documents carry their version, so a document that
 * moved on refuses them.
 */
export async function applyPlan(session: Session, plan: Plan, label: string): Promise<CreateResult> {
  if (!plan.ok) return { message: plan.message, existing: plan.existing };
  const edit = toWorkspaceEdit(
    { create: plan.file ? [plan.file] : [], edits: plan.edits },
    { ...session.editCapabilities, versionOf: (uri) => session.documents.get(uri)?.version ?? null },
  );
  const what = plan.file?.path ?? 'the edit';
  if (!edit) return { message: `Cannot write ${what}: this editor does not accept the creation of files in a workspace edit.` };
  const result = await session.connection.workspace.applyEdit({ label, edit });
  if (!result.applied) return { message: `Could not write ${what}${result.failureReason ? `: ${result.failureReason}` : '.'}` };
  return plan.file ? { uri: plan.file.uri, path: plan.file.path } : { uri: plan.edits[0]?.uri ?? '', path: '' };
}

import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { planRunbook, runbookCandidates, type Plan } from '../../engine/commands/operations';
import type { TextEdit } from '../../engine/model/findings';
import type { Session } from '../session';

/** Server side of New Runbook…: the components to pick from, and the runbook written for one. */
export const RUNBOOK_COMPONENTS_COMMAND = 'archframe.server.runbookComponents';
export const NEW_RUNBOOK_COMMAND = 'archframe.server.newRunbook';

/** What a document-creating command answers: the new file, or why nothing was written. */
export type CreateResult = { uri: string; path: string } | { message: string; existing?: string };

/**
 * Applies a plan with `workspace/applyEdit`: the file is created with
 * `overwrite: false` (the client refuses if it appeared meanwhile) and
 * filled; edits to other documents (the manifest's `runbook:` link) go with it.
 */
export async function applyPlan(session: Session, plan: Plan, label: string): Promise<CreateResult> {
  if (!plan.ok) return { message: plan.message, existing: plan.existing };
  const { uri, path, text, edits } = plan.document;
  const byUri = new Map<string, TextEdit[]>();
  for (const edit of edits) byUri.set(edit.uri, [...(byUri.get(edit.uri) ?? []), edit]);
  const others: TextDocumentEdit[] = [...byUri].map(([target, list]) => ({
    textDocument: { uri: target, version: session.documents.get(target)?.version ?? null },
    edits: list.map((e) => ({ range: e.range, newText: e.newText })),
  }));
  const edit: WorkspaceEdit = {
    documentChanges: [
      { kind: 'create', uri, options: { overwrite: false, ignoreIfExists: false } },
      { textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: text }] },
      ...others,
    ],
  };
  const result = await session.connection.workspace.applyEdit({ label, edit });
  if (!result.applied) return { message: `Could not create ${path}${result.failureReason ? `: ${result.failureReason}` : '.'}` };
  return { uri, path };
}

/** Arguments: none. Answers the workspace's components, those without a runbook first. */
export function runbookComponents(session: Session): ReturnType<typeof runbookCandidates> {
  return runbookCandidates(session.engine.snapshot());
}

/** Arguments: the component's name (or `{ component }`). */
export async function newRunbook(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const component = typeof first === 'string' ? first : (first as { component?: unknown } | undefined)?.component;
  if (typeof component !== 'string' || component === '') return { message: 'New Runbook needs the name of a component.' };
  return applyPlan(session, planRunbook(session.engine.snapshot(), component), `New runbook for ${component}`);
}

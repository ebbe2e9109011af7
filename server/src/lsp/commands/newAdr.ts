import { planNewAdr, type AdrPlanResult } from '../../engine/commands/adr';
import type { Session } from '../session';
import { applyPlan, type CreateResult } from './newRunbook';

/** Server side of New ADR…: the next free number in the ADR folder, the template of the format, today's date. */
export const NEW_ADR_COMMAND = 'archframe.server.newAdr';

/** Today as `YYYY-MM-DD`, in the server's local time (the engine reads no clock). */
export function today(now = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Writes an engine plan with `workspace/applyEdit` (new file with `overwrite: false`, edits to others). */
export function applyAdrPlan(session: Session, result: AdrPlanResult, label: string): Promise<CreateResult> {
  if (!result.ok) return Promise.resolve({ message: result.message });
  const { uri, path, text, edits } = result.plan;
  return applyPlan(session, { ok: true, document: { uri, path, text, edits } }, label);
}

/** Arguments: `{ title, format?, folder?, date? }` (or the title alone). Answers the new file's URI, or why nothing was written. */
export async function newAdr(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const options = (typeof first === 'string' ? { title: first } : (first ?? {})) as { title?: unknown; format?: unknown; folder?: unknown; date?: unknown };
  if (typeof options.title !== 'string' || options.title.trim() === '') return { message: 'New ADR needs a title.' };
  const plan = planNewAdr(session.engine.snapshot(), {
    title: options.title,
    format: typeof options.format === 'string' && options.format !== '' ? options.format : undefined,
    folder: typeof options.folder === 'string' ? options.folder.replace(/\/$/, '') : undefined,
    date: typeof options.date === 'string' ? options.date : today(),
  });
  return applyAdrPlan(session, plan, `New ADR: ${options.title.trim()}`);
}

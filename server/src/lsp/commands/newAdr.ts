import { planNewAdr } from '../../engine/commands/adr';
import { today, type CreateResult } from '../../protocol';
import type { Session } from '../session';
import { applyPlan } from './applyPlan';

/** Arguments: `{ title, format?, folder?, date? }` (or the title alone). Answers the new file's URI, or why nothing was written. */
export async function newAdr(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const options = (typeof first === 'string' ? { title: first } : (first ?? {})) as { title?: unknown; format?: unknown; folder?: unknown; date?: unknown };
  if (typeof options.title !== 'string' || options.title.trim() === '') return { message: 'New ADR needs a title.' };
  const plan = planNewAdr(session.commandEngine().snapshot(), {
    title: options.title,
    format: typeof options.format === 'string' && options.format !== '' ? options.format : undefined,
    folder: typeof options.folder === 'string' ? options.folder.replace(/\/$/, '') : undefined,
    date: typeof options.date === 'string' ? options.date : today(),
  });
  return applyPlan(session, plan, `New ADR: ${options.title.trim()}`);
}

import { planPostmortem } from '../../engine/commands/operations';
import type { Session } from '../session';
import { applyPlan, type CreateResult } from './newRunbook';

/** Server side of New Postmortem…: the client asks for the title (and severity), the server writes the file. */
export const NEW_POSTMORTEM_COMMAND = 'archframe.server.newPostmortem';

/** The local date as YYYY-MM-DD. */
function today(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Arguments: `{ title, date?, severity? }` (or the title alone); the date defaults to today. */
export async function newPostmortem(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const options = (typeof first === 'string' ? { title: first } : (first ?? {})) as { title?: unknown; date?: unknown; severity?: unknown };
  if (typeof options.title !== 'string') return { message: 'New Postmortem needs the incident\'s title.' };
  const date = typeof options.date === 'string' ? options.date : today();
  const severity = typeof options.severity === 'string' ? options.severity : undefined;
  return applyPlan(session, planPostmortem(session.engine.snapshot(), options.title, date, severity), `New postmortem: ${options.title}`);
}

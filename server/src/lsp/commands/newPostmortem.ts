import { planPostmortem } from '../../engine/commands/operations';
import { today, type CreateResult } from '../../protocol';
import type { Session } from '../session';
import { applyPlan } from './applyPlan';

/** Arguments: `{ title, date?, severity? }` (or the title alone); the date defaults to today. */
export async function newPostmortem(session: Session, args: unknown[]): Promise<CreateResult> {
  const [first] = args;
  const options = (typeof first === 'string' ? { title: first } : (first ?? {})) as { title?: unknown; date?: unknown; severity?: unknown };
  if (typeof options.title !== 'string') return { message: 'New Postmortem needs the incident\'s title.' };
  const date = typeof options.date === 'string' ? options.date : today();
  const severity = typeof options.severity === 'string' ? options.severity : undefined;
  return applyPlan(session, planPostmortem(session.commandEngine().snapshot(), options.title, date, severity), `New postmortem: ${options.title}`);
}

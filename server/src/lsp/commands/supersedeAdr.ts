import { planSupersede } from '../../engine/commands/adr';
import { adrName } from '../../engine/parse/adrNames';
import { compareText } from '../../engine/text/strings';
import { today, type AdrItem, type CreateResult } from '../../protocol';
import type { Session } from '../session';
import { applyPlan } from './applyPlan';

/** Server side of Supersede ADR…: the ADRs to pick from, and the successor of one. */

/** Arguments: none. Answers every ADR of the workspace, those in force first. */
export function adrList(session: Session): AdrItem[] {
  const order = (status?: string) => (status === 'accepted' ? 0 : status === 'proposed' || status === undefined ? 1 : 2);
  return session.commandEngine()
    .snapshot()
    .adrs.all()
    .map((adr) => ({ uri: adr.uri, name: adrName(adr), title: adr.title, status: adr.status, date: adr.date ?? adr.nameDate, format: adr.format }))
    .sort((a, b) => order(a.status) - order(b.status) || compareText(a.uri, b.uri));
}

/** Arguments: `{ adr: uri, title, format?, date? }`. Writes the successor, sets both statuses; answers the new file's URI. */
export async function supersedeAdr(session: Session, args: unknown[]): Promise<CreateResult> {
  const options = (args[0] ?? {}) as { adr?: unknown; title?: unknown; format?: unknown; date?: unknown };
  if (typeof options.adr !== 'string') return { message: 'Supersede ADR needs the ADR to supersede.' };
  if (typeof options.title !== 'string' || options.title.trim() === '') return { message: 'Supersede ADR needs a title for the new ADR.' };
  const plan = planSupersede(session.engineFor(options.adr).snapshot(), options.adr, {
    title: options.title,
    format: typeof options.format === 'string' && options.format !== '' ? options.format : undefined,
    date: typeof options.date === 'string' ? options.date : today(),
  });
  return applyPlan(session, plan, `Supersede ${options.adr.slice(options.adr.lastIndexOf('/') + 1)}`);
}

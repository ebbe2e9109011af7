import { planSupersede } from '../../engine/commands/adr';
import type { Session } from '../session';
import { applyAdrPlan, today } from './newAdr';
import type { CreateResult } from './newRunbook';
import { compareText } from '../../engine/text/strings';
import { adrName } from '../../engine/parse/adrNames';

/** Server side of Supersede ADR…: the ADRs to pick from, and the successor of one. */
export const ADR_LIST_COMMAND = 'archframe.server.adrList';
export const SUPERSEDE_ADR_COMMAND = 'archframe.server.supersedeAdr';

export interface AdrItem {
  uri: string;
  name: string;
  title?: string;
  status?: string;
  date?: string;
  format: string;
}

/** Arguments: none. Answers every ADR of the workspace, those in force first. */
export function adrList(session: Session): AdrItem[] {
  const order = (status?: string) => (status === 'accepted' ? 0 : status === 'proposed' || status === undefined ? 1 : 2);
  return session.engine
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
  const plan = planSupersede(session.engine.snapshot(), options.adr, {
    title: options.title,
    format: typeof options.format === 'string' && options.format !== '' ? options.format : undefined,
    date: typeof options.date === 'string' ? options.date : today(),
  });
  return applyAdrPlan(session, plan, `Supersede ${options.adr.slice(options.adr.lastIndexOf('/') + 1)}`);
}
